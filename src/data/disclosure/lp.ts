// The reader's best attack, exactly: for a hidden cell, the smallest and largest value it can take under
// every published figure and every relation of the model (a linear program, solved by HiGHS). HiGHS,
// compiled to WebAssembly (the `highs` package): a maintained, exact simplex solver that runs in Node
// without native code, keeps a model between solves (the min and max of every cell of a block reuse
// one factorisation) and is fast on the few thousand variables of a block; glpk.js solves the same
// LPs but rebuilds the problem for every objective.
import loadHighs, { type Highs } from 'highs';
import { CellState, Truth, type TableModel } from './model.ts';

// Loaded once when the module is first imported, so that suppression can ask it synchronously.
const solver: Highs = await loadHighs();

export interface Interval {
  cell: number;
  /** The whole values a reader cannot rule out: min..max (max Infinity when unbounded). */
  min: number;
  max: number;
}

const isVariable = (m: TableModel, c: number) => m.state[c] === CellState.hidden || m.state[c] === CellState.unknown;

/** The hidden and unknown cells joined to `start` by relations (published cells are constants); stops once past `limit`. */
export function blockOf(m: TableModel, start: number | readonly number[], seen: Uint8Array, limit = Infinity): number[] {
  const out: number[] = [];
  for (const s of typeof start === 'number' ? [start] : start) {
    if (!seen[s]) {
      seen[s] = 1;
      out.push(s);
    }
  }
  for (let i = 0; i < out.length && out.length <= limit; i++) {
    const c = out[i];
    for (let k = m.cellConsStart[c]; k < m.cellConsStart[c + 1]; k++) {
      const r = m.cellCons[k];
      if (m.consTruth[r] === Truth.none) continue;
      for (let j = m.consStart[r]; j < m.consStart[r + 1]; j++) {
        const x = m.consCell[j];
        if (!seen[x] && isVariable(m, x)) {
          seen[x] = 1;
          out.push(x);
        }
      }
    }
  }
  return out;
}

/**
 * The cells around `start` a reader would use first: hidden cells in breadth-first order up to `size`,
 * and every cell the source hid joined to them (its value is not known here, so it cannot be fixed).
 * Solved alone, with every other cell of the block at its true value (a reader who knew more than the
 * site publishes), it gives an interval no wider than the block's: a sound lower bound on the width.
 * `complete` when it is the whole block (then the interval is exact).
 */
export function neighbourhood(m: TableModel, start: number, size: number, seen: Uint8Array): { cells: number[]; complete: boolean } {
  const out: number[] = [start];
  seen[start] = 1;
  let complete = true;
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    for (let k = m.cellConsStart[c]; k < m.cellConsStart[c + 1]; k++) {
      const r = m.cellCons[k];
      if (m.consTruth[r] === Truth.none) continue;
      for (let j = m.consStart[r]; j < m.consStart[r + 1]; j++) {
        const x = m.consCell[j];
        if (seen[x] || !isVariable(m, x)) continue;
        if (m.state[x] !== CellState.unknown && out.length >= size) {
          complete = false;
          continue;
        }
        seen[x] = 1;
        out.push(x);
      }
    }
  }
  for (const c of out) seen[c] = 0;
  return { cells: out, complete };
}

/**
 * The reader's interval for each of `targets` (cells of `block`), by two LPs per cell over the block.
 * With `stopBelow`, stops after the first target left fewer than that many values (it is the last one returned).
 */
export function solveBlock(m: TableModel, block: readonly number[], targets: readonly number[], stopBelow = 0): Interval[] {
  const h = solver;
  const col = new Map<number, number>();
  block.forEach((c, i) => col.set(c, i));
  const rows = new Set<number>();
  for (const c of block) for (let k = m.cellConsStart[c]; k < m.cellConsStart[c + 1]; k++) rows.add(m.cellCons[k]);
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    if (m.consTruth[r] === Truth.none) continue;
    let constant = 0;
    for (let j = m.consStart[r]; j < m.consStart[r + 1]; j++) {
      const c = m.consCell[j];
      const i = col.get(c);
      if (i === undefined) constant += m.consCoef[j] * m.value[c];
      else {
        indices.push(i);
        values.push(m.consCoef[j]);
      }
    }
    starts.push(indices.length);
    // Σ a·x + constant = 0, or ≥ 0.
    rowLower.push(-constant);
    rowUpper.push(m.consTruth[r] === Truth.eq ? -constant : h.infinity);
  }
  const n = block.length;
  const model = h.createModel({
    numCols: n,
    numRows: rowLower.length,
    colCost: new Float64Array(n),
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(h.infinity),
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows: rowLower.length, numCols: n, starts, indices, values },
  });
  try {
    // No presolve and the primal simplex: each solve starts from the last basis (the objective changes,
    // the constraints do not), about twice as fast as presolving every run anew.
    model.options.set({ output_flag: false, presolve: 'off', simplex_strategy: 4 });
    const out: Interval[] = [];
    for (const t of targets) {
      const i = col.get(t);
      if (i === undefined) throw new Error(`solveBlock: cell ${t} is not in its block`);
      model.changeColCost(i, 1);
      const bound = (sense: 'minimize' | 'maximize') => {
        model.changeObjectiveSense(h.constants.objectiveSense[sense]);
        model.run();
        const status = model.getModelStatus();
        if (status === h.constants.modelStatus.optimal) return model.getObjectiveValue();
        if (status === h.constants.modelStatus.unbounded) return sense === 'maximize' ? Infinity : -Infinity;
        // Infeasible: the published figures contradict the model (data that break the contract); no bound.
        return sense === 'maximize' ? Infinity : 0;
      };
      const min = Math.max(0, Math.ceil(bound('minimize') - 1e-6));
      const max = Math.floor(bound('maximize') + 1e-6);
      model.changeColCost(i, 0);
      out.push({ cell: t, min, max });
      if (stopBelow > 0 && widthOf({ min, max }) < stopBelow) break;
    }
    return out;
  } finally {
    model.dispose();
  }
}

/** How many whole values an interval leaves. */
export const widthOf = (i: Pick<Interval, 'min' | 'max'>) => (i.max === Infinity ? Infinity : i.max - i.min + 1);
