// The disclosure audit, run by every build and by check-data after suppression and before anything is
// written: for every hidden cell, the narrowest interval a reader can reach under the attacker model.
// A box from the suppression (protect.ts) proves a lower bound on a cell's width without a solver
// (the box's moves are whole-number solutions the reader cannot rule out); every cell without such a
// proof gets its exact interval from two linear programs over its block (lp.ts). The build stops if any hidden cell can
// be narrowed to fewer than `threshold` whole values.
import type { DatasetName } from '../schema.ts';
import { CellState, type TableModel } from './model.ts';
import { blockOf, neighbourhood, solveBlock, widthOf, type Interval } from './lp.ts';
import type { Protection } from './protect.ts';

export const AUDIT_METHOD = {
  suppression: 'Hyperkubmetoden (Repsilber; som i τ-Argus): för varje dolt värde under gränsen döljs hörnen i en kub genom värdet, så att det kan ändras utan att något publicerat tal eller samband ändras. Rikets totaler som då döljs tas ur kuberna där varje värde de skyddade får en annan kub utan dem, och visas igen. Därefter visas skyddande celler igen, senaste kvartalet och totalerna först, där linjärprogrammering visar att de inte behövs eller, i stora sammanhängande block, där varje hörn de lämnar skyddas av en annan kub.',
  audit: 'Linjärprogrammering med HiGHS: för varje dold cell utan kub som bevis det minsta och största värde som en läsare kan räkna fram ur alla publicerade tal och samband; i stora block först i cellens närmaste omgivning med övriga dolda celler som kända (en säker undre gräns för intervallets bredd), hela blocket bara där omgivningen inte räcker.',
} as const;

/** Blocks up to this size are solved whole; larger ones cell by cell, in neighbourhoods of these sizes first. */
const WHOLE_BLOCK = 400;
const NEIGHBOURHOODS = [48, 400, 2500];

export interface CellFailure {
  dataset: DatasetName;
  row: TableModel['rows'][number];
  /** The source hid the cell itself (`*` in the input): then the file has to hide more. */
  bySource: boolean;
  min: number;
  max: number;
}

export interface DatasetAudit {
  name: DatasetName;
  /** Counts from 1 up to the threshold, hidden. */
  belowThreshold: number;
  /** Cells hidden to protect them. */
  complements: number;
  /** Hidden cells checked. */
  checked: number;
  /** Of them, checked with an exact LP interval (the rest by a box's proof, a lower bound). */
  exact: number;
  /** Of them, checked by a linear program over the cell's neighbourhood: a lower bound on the width. */
  bounded: number;
  /** The fewest whole values a reader is left with for any hidden cell (null when nothing is hidden). */
  narrowestValues: number | null;
}

export interface AuditResult {
  threshold: number;
  datasets: DatasetAudit[];
  failures: CellFailure[];
  seconds: number;
}

export async function audit(models: Partial<Record<DatasetName, { model: TableModel; protection: Protection }>>, threshold: number): Promise<AuditResult> {
  const started = performance.now();
  const datasets: DatasetAudit[] = [];
  const failures: CellFailure[] = [];
  for (const [name, entry] of Object.entries(models) as [DatasetName, { model: TableModel; protection: Protection }][]) {
    const { model: m, protection: p } = entry;
    // Every cell we hide, and every count the source hid (`*`): a reader must not narrow either.
    const hidden: number[] = [];
    for (let i = 0; i < m.size; i++) {
      if (m.state[i] === CellState.hidden || (m.state[i] === CellState.unknown && m.rows[i].markering === 'sekretess')) hidden.push(i);
    }
    const proven = (c: number) => (m.state[c] === CellState.hidden ? p.up[c] + p.down[c] + 1 : 0);
    const toSolve = hidden.filter((c) => proven(c) < threshold);
    const solved = new Map<number, Interval>();
    const wanted = new Uint8Array(m.size);
    for (const c of toSolve) wanted[c] = 1;
    const seen = new Uint8Array(m.size);
    const around = new Uint8Array(m.size);
    let bounded = 0;
    for (const c of toSolve) {
      if (seen[c]) continue;
      const block = blockOf(m, c, seen, WHOLE_BLOCK);
      if (block.length <= WHOLE_BLOCK) {
        // A small block: every cell to check in it, exactly, from one model.
        for (const i of solveBlock(m, block, block.filter((x) => wanted[x]))) solved.set(i.cell, i);
        continue;
      }
      // A large block (units joined through their county and the nation): each cell first in its
      // neighbourhood, wider only where that is too narrow, the whole block last.
      for (const x of block) seen[x] = 0;
      const rest = blockOf(m, c, seen);
      for (const x of rest) {
        if (!wanted[x]) continue;
        let interval: Interval | null = null;
        for (const size of NEIGHBOURHOODS) {
          const near = neighbourhood(m, x, size, around);
          const [i] = solveBlock(m, near.cells, [x]);
          if (near.complete || widthOf(i) >= threshold) {
            interval = i;
            if (!near.complete) bounded++;
            break;
          }
        }
        solved.set(x, interval ?? solveBlock(m, rest, [x])[0]);
      }
    }
    let narrowest: number | null = null;
    for (const c of hidden) {
      const i = solved.get(c);
      const w = i ? widthOf(i) : proven(c);
      if (narrowest === null || w < narrowest) narrowest = w;
      if (i && w < threshold) failures.push({ dataset: name, row: m.rows[c], bySource: m.state[c] === CellState.unknown, min: i.min, max: i.max });
    }
    datasets.push({
      name,
      belowThreshold: p.primary,
      complements: p.secondary,
      checked: hidden.length,
      exact: solved.size - bounded,
      bounded,
      narrowestValues: narrowest === Infinity ? null : narrowest,
    });
  }
  return { threshold, datasets, failures, seconds: (performance.now() - started) / 1000 };
}
