// Anonymisation. Primary: a count from 1 up to the threshold is never published. Secondary: cells
// hidden with it so that no reader can narrow it down, under the attacker model of data/README.md
// (disclosure/model.ts): every relation between published figures, shares included. The secondary
// cells come from the hypercube method (disclosure/protect.ts); the audit (disclosure/audit.ts) then
// proves the result by linear programming before anything is written.
import { CellState, buildModel, shareParts, type ModelOptions, type TableModel } from './disclosure/model.ts';
import { protect, type Protection } from './disclosure/protect.ts';
import type { DatasetSpec } from './schema.ts';
import type { DataRow } from './validate.ts';

export interface SuppressionResult {
  rows: DataRow[];
  primary: number;
  secondary: number;
  /** The model and the proofs, for the audit. Absent for a dataset without counts. */
  model?: TableModel;
  protection?: Protection;
}

export interface SuppressOptions extends Partial<Omit<ModelOptions, 'threshold'>> {
  /** Only the counts below the threshold: a deliberately weak pattern, for the audit's own tests. */
  primaryOnly?: boolean;
}

/** Returns new rows with small counts, and the cells that would let a reader work them out, replaced by the marker. */
export function suppress(spec: DatasetSpec, input: DataRow[], threshold: number, options: SuppressOptions = {}): SuppressionResult {
  const { rows, model } = prepareSuppression(spec, input, threshold, options);
  if (!model) return { rows, primary: 0, secondary: 0 };
  return finishSuppression(rows, model, protect(model, { threshold, primaryOnly: options.primaryOnly }));
}

/** The rows to publish (a copy) and, for a dataset with counts, its attacker model: suppression's first step. */
export function prepareSuppression(spec: DatasetSpec, input: readonly DataRow[], threshold: number, options: SuppressOptions = {}): { rows: DataRow[]; model?: TableModel } {
  const rows = input.map((r) => ({ ...r }));
  if (spec.valueColumn !== 'antal') return { rows };
  const model = buildModel(spec, rows, {
    threshold,
    parentOf: options.parentOf ?? new Map(),
    visibleOnlySources: options.visibleOnlySources ?? new Set(),
  });
  return { rows, model };
}

/** Suppression's last step: the rows with every cell the protection hid replaced by the marker. */
export function finishSuppression(rows: DataRow[], model: TableModel, protection: Protection): SuppressionResult {
  for (let i = 0; i < rows.length; i++) if (model.state[i] === CellState.hidden) hide(rows[i]);
  return { rows, primary: protection.primary, secondary: protection.secondary, model, protection };
}

/**
 * A reported share (natverkshemsandel, typ utfall) of a unit and period whose placement counts are
 * partly hidden is hidden too: with the counts beside it, its rounding could pin a hidden count
 * (40 + 10 shown, 3,8 % reported: the hidden third is 2). Returns how many were hidden.
 */
export function suppressShares(shares: DataRow[], placements: readonly DataRow[]): number {
  const parts = shareParts(placements);
  let hidden = 0;
  for (const row of shares) {
    if (row.typ !== 'utfall' || typeof row.andel !== 'number') continue;
    const cells = parts.get(`${row.period}\u0000${row.enhetskod}`) ?? [];
    if (cells.some((c) => placements[c].markering === 'sekretess' && typeof placements[c].antal !== 'number')) {
      row.andel = null;
      row.markering = 'sekretess';
      hidden++;
    }
  }
  return hidden;
}

function hide(row: DataRow): void {
  row.antal = null;
  row.markering = 'sekretess';
}
