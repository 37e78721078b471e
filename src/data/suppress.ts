// Anonymisation. Primary: a count from 1 up to the threshold is never published. Secondary: where
// parts add up to a published total, a single hidden cell could be recovered by subtraction, so in
// every such group (total and parts) either no cell or at least two cells are hidden.
import { additiveGroups } from './checks.ts';
import type { DatasetSpec } from './schema.ts';
import type { DataRow } from './validate.ts';

export interface SuppressionResult {
  rows: DataRow[];
  primary: number;
  secondary: number;
}

const isHidden = (row: DataRow) => row.markering === 'sekretess';

/** Returns new rows with small counts (and the cells that would reveal them) replaced by the marker. */
export function suppress(spec: DatasetSpec, input: DataRow[], threshold: number): SuppressionResult {
  const value = spec.valueColumn;
  const rows = input.map((r) => ({ ...r }));
  if (value !== 'antal') return { rows, primary: 0, secondary: 0 };
  let primary = 0;
  for (const row of rows) {
    const n = row.antal;
    if (typeof n === 'number' && n >= 1 && n < threshold) {
      hide(row);
      primary++;
    }
  }
  let secondary = 0;
  const groups = (spec.additive ?? []).flatMap((dim) => additiveGroups(spec, rows, dim))
    .filter((g) => g.total !== null)
    .map((g) => [g.total as DataRow, ...g.parts]);
  // Hiding a cell in one group can leave another group with one hidden cell: repeat until stable.
  for (let changed = true; changed;) {
    changed = false;
    for (const cells of groups) {
      if (hiddenCount(cells) !== 1) continue;
      const partner = chooseComplement(cells);
      if (partner) {
        hide(partner);
        secondary++;
        changed = true;
      }
    }
  }
  return { rows, primary, secondary };
}

/** Hidden cells of a group, counted up to 2 (all the loop needs to know): no array per group and pass. */
function hiddenCount(cells: DataRow[]): number {
  let n = 0;
  for (let i = 0; i < cells.length && n < 2; i++) if (cells[i].markering === 'sekretess') n++;
  return n;
}

/** The cell to hide beside a lone hidden one: the smallest published positive part, else the smallest part, else the total. */
function chooseComplement(cells: DataRow[]): DataRow | null {
  const [total, ...parts] = cells;
  const open = parts.filter((p) => !isHidden(p) && typeof p.antal === 'number');
  const positive = open.filter((p) => (p.antal as number) > 0);
  const pool = positive.length > 0 ? positive : open;
  if (pool.length > 0) return pool.reduce((a, b) => ((b.antal as number) < (a.antal as number) ? b : a));
  if (!isHidden(total) && typeof total.antal === 'number') return total;
  return null;
}

function hide(row: DataRow): void {
  row.antal = null;
  row.markering = 'sekretess';
}
