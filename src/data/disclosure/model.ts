// The attacker model of one dataset as data: every count is a cell, every relation a reader of the site
// knows is a linear constraint over cells (data/README.md, "Vad en läsare vet"). Built once from the
// input rows; suppression (protect.ts) and the audit (audit.ts) read it.
//
// A relation is Σ coef·x = 0 ('eq') or ≥ 0 ('ge'). Its kind comes from the contract, never from the
// values: two data folders that differ only in hidden counts get the same model, so the same pattern
// and the same audit.
import { additiveGroupIndices, rowKeys, type Tables } from '../checks.ts';
import { FAMILY_HOME_FORMS, type DatasetSpec } from '../schema.ts';
import type { DataRow } from '../validate.ts';

/** What a cell is to a reader: a published figure, one we hide, one the source hid or left out, or "-". */
export const CellState = { published: 0, hidden: 1, unknown: 2, zero: 3 } as const;

/** A tree step of one key column: `parent` is the sum (or the cover) of `children`, in one line. */
export interface Group {
  dim: number;
  parent: number;
  children: number[];
}

export interface TableModel {
  spec: DatasetSpec;
  rows: readonly DataRow[];
  size: number;
  /** The input value; NaN where the input has a marker. */
  value: Float64Array;
  /** 1 for a count from 1 up to the threshold. */
  primary: Uint8Array;
  /** CellState per cell; suppression turns published cells into hidden ones. */
  state: Uint8Array;
  /** The key columns, in the spec's order. */
  dims: readonly string[];
  /** Per dimension: a number per cell for its value in that column. */
  code: Int32Array[];
  /** Per dimension: the cells that agree on every other key column (a line), as CSR sorted by code. */
  lineOf: Int32Array[];
  lineStart: Int32Array[];
  lineCells: Int32Array[];
  groups: Group[];
  /** Per cell, the groups it is parent or child in (CSR). */
  groupStart: Int32Array;
  groupIndex: Int32Array;
  /** Constraints as CSR rows. */
  consStart: Int32Array;
  consCell: Int32Array;
  consCoef: Int8Array;
  consEq: Uint8Array;
  /** How each relation holds in the input (Truth): what the audit's reader knows. */
  consTruth: Uint8Array;
  /**
   * How suppression takes each relation (Truth): as `consTruth`, except that a relation holding a count
   * below the threshold is taken as the contract states it, never as its values say: otherwise whether
   * `totalt = kvinnor + män` holds exactly would depend on a hidden count and steer the pattern (a reader
   * who sees kvinnor 8 shown beside totalt 11 could tell män is not 3). The audit still uses `consTruth`.
   */
  consPlan: Uint8Array;
  /** The key column a relation runs along. */
  consDim: Uint8Array;
  /** Per cell, the constraints it takes part in (CSR). */
  cellConsStart: Int32Array;
  cellCons: Int32Array;
  /** The cell's coefficient in each of those constraints. */
  cellConsCoef: Int8Array;
  /** Where the relation comes from, for messages and the model's description. */
  consKind: string[];
  /** Cells that are a total in some dimension (a group's parent): costlier to hide. */
  isTotal: Uint8Array;
}

export interface ModelOptions {
  threshold: number;
  /** Units' parents (enheter.overordnad). */
  parentOf: ReadonlyMap<string, string>;
  /** Sources whose totals hold only the visible parts (kallor.totaler = bara_synliga). */
  visibleOnlySources: ReadonlySet<string>;
}

/** How a relation holds in the input: not at all (the reader cannot use it), as ≥ 0, or as = 0. */
export const Truth = { none: 0, ge: 1, eq: 2 } as const;

class Builder {
  start: number[] = [0];
  cells: number[] = [];
  coefs: number[] = [];
  eq: number[] = [];
  truth: number[] = [];
  plan: number[] = [];
  kinds: string[] = [];
  dims: number[] = [];
  value: Float64Array;
  state: Uint8Array;
  primary: Uint8Array;
  constructor(value: Float64Array, state: Uint8Array, primary: Uint8Array) {
    this.value = value;
    this.state = state;
    this.primary = primary;
  }
  /**
   * A relation Σ coef·x = 0 (`eq`) or ≥ 0 as the contract states it. Suppression keeps it (a box never
   * changes an equation, and stays within an inequality's slack); the audit's reader knows it in the
   * strongest form the input satisfies: a reader is assumed to know every such relation that is true.
   */
  add(dim: number, terms: [cell: number, coef: number][], eq: boolean, kind: string): void {
    if (terms.length < 2) return;
    this.dims.push(dim);
    let residual = 0;
    let unknown = false;
    for (const [c, k] of terms) {
      this.cells.push(c);
      this.coefs.push(k);
      if (this.state[c] === CellState.unknown) unknown = true;
      else residual += k * this.value[c];
    }
    this.start.push(this.cells.length);
    this.eq.push(eq ? 1 : 0);
    // With cells the source hid (its totals count them): a sum holds with them as unknowns, as the
    // reader knows it; an inequality only where the cells shown leave room for them.
    const holds = unknown ? (eq ? Truth.eq : residual >= 0 && terms.every(([c, k]) => k < 0 || this.state[c] !== CellState.unknown) ? Truth.ge : Truth.none)
      : residual === 0 && eq ? Truth.eq : residual >= 0 ? Truth.ge : Truth.none;
    this.truth.push(holds);
    this.plan.push(!unknown && terms.some(([c]) => this.primary[c] === 1) ? (eq ? Truth.eq : Truth.ge) : holds);
    this.kinds.push(kind);
  }
}

export function buildModel(spec: DatasetSpec, rows: readonly DataRow[], options: ModelOptions): TableModel {
  const size = rows.length;
  const value = new Float64Array(size);
  const primary = new Uint8Array(size);
  const state = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    const n = rows[i].antal;
    if (typeof n === 'number') {
      value[i] = n;
      if (n >= 1 && n < options.threshold) primary[i] = 1;
    } else {
      value[i] = NaN;
      state[i] = rows[i].markering === 'inget_att_redovisa' ? CellState.zero : CellState.unknown;
      if (state[i] === CellState.zero) value[i] = 0;
    }
  }
  const dims = spec.key;
  const code: Int32Array[] = [];
  const lineOf: Int32Array[] = [];
  const lineStart: Int32Array[] = [];
  const lineCells: Int32Array[] = [];
  dims.forEach((d, j) => {
    const codes = new Int32Array(size);
    const seen = new Map<string, number>();
    for (let i = 0; i < size; i++) {
      const v = String(rows[i][d] ?? '');
      let id = seen.get(v);
      if (id === undefined) seen.set(v, (id = seen.size));
      codes[i] = id;
    }
    code.push(codes);
    const keys = rowKeys(rows, dims.filter((_, k) => k !== j));
    const ids = new Map<number | string, number>();
    const of = new Int32Array(size);
    for (let i = 0; i < size; i++) {
      let id = ids.get(keys[i]);
      if (id === undefined) ids.set(keys[i], (id = ids.size));
      of[i] = id;
    }
    const count = new Int32Array(ids.size + 1);
    for (let i = 0; i < size; i++) count[of[i] + 1]++;
    for (let l = 0; l < ids.size; l++) count[l + 1] += count[l];
    const cells = new Int32Array(size);
    const fill = count.slice(0, ids.size);
    for (let i = 0; i < size; i++) cells[fill[of[i]]++] = i;
    for (let l = 0; l < ids.size; l++) {
      const slice = cells.subarray(count[l], count[l + 1]);
      slice.sort((a, b) => codes[a] - codes[b]);
    }
    lineOf.push(of);
    lineStart.push(count);
    lineCells.push(cells);
  });

  const visibleOnly = (cell: number) => options.visibleOnlySources.has(String(rows[cell].kalla ?? ''));
  const groups: Group[] = [];
  const b = new Builder(value, state, primary);
  const dimIndex = (column: string) => dims.indexOf(column);

  /** A total and its parts: the total is the sum of the parts (the contract's "add up to"). */
  const sumGroup = (dim: number, parent: number, parts: number[], kind: string, eq = true) => {
    // A source whose totals hold only what it shows: its hidden parts are in no sum.
    const counted = visibleOnly(parent) ? parts.filter((p) => state[p] !== CellState.unknown) : parts;
    if (counted.length === 0) return;
    groups.push({ dim, parent, children: counted });
    b.add(dim, [[parent, 1], ...counted.map((p) => [p, -1] as [number, number])], eq, kind);
    // A part is never more than its total (checked when the data are read): true whatever the sum.
    if (counted.length > 1) for (const p of counted) b.add(dim, [[parent, 1], [p, -1]], false, `${kind}:del`);
  };

  for (const a of spec.additive ?? []) {
    const dim = dimIndex(a.column);
    for (const g of additiveGroupIndices(spec, rows, a)) {
      if (g.total === null || g.parts.length === 0) continue;
      sumGroup(dim, g.total, g.parts, 'total' in a ? `sum:${a.column}` : `delinsats:${a.column}`);
    }
  }

  const namedChildren = new Map<string, number>();
  for (const p of options.parentOf.values()) if (p) namedChildren.set(p, (namedChildren.get(p) ?? 0) + 1);
  for (const [l, dim] of lines(dims, lineStart, 'enhetskod')) {
    // Units that make up a unit: its districts, a county's municipalities. Equal to the whole where
    // every part the unit list names is in the data, never more than it otherwise.
    const d = dimIndex('enhetskod');
    const cells = lineCells[d].subarray(lineStart[d][l], lineStart[d][l + 1]);
    const byCode = new Map<string, number>();
    for (const c of cells) byCode.set(String(rows[c].enhetskod), c);
    const childrenOf = new Map<string, number[]>();
    for (const c of cells) {
      const p = options.parentOf.get(String(rows[c].enhetskod));
      if (p && byCode.has(p)) {
        let list = childrenOf.get(p);
        if (!list) childrenOf.set(p, (list = []));
        list.push(c);
      }
    }
    for (const [p, children] of childrenOf) {
      sumGroup(dim, byCode.get(p)!, children, 'sum:enhetskod', namedChildren.get(p) === children.length);
    }
  }

  if (dims.includes('placeringsform')) {
    const d = dimIndex('placeringsform');
    for (let l = 0; l + 1 < lineStart[d].length; l++) {
      const cells = [...lineCells[d].subarray(lineStart[d][l], lineStart[d][l + 1])];
      const total = cells.find((c) => rows[c].placeringsform === 'totalt');
      if (total === undefined) continue;
      const forms = cells.filter((c) => c !== total);
      if (forms.length === 0) continue;
      if (visibleOnly(total)) {
        // The source's total is the sum of the forms it shows.
        sumGroup(d, total, forms, 'sum:placeringsform');
        continue;
      }
      groups.push({ dim: d, parent: total, children: forms });
      // Each child once: at least the largest form, at most the sum of the forms.
      for (const f of forms) b.add(d, [[total, 1], [f, -1]], false, 'cover:placeringsform');
      b.add(d, [...forms.map((f) => [f, 1] as [number, number]), [total, -1]], false, 'cover:placeringsform');
    }
  }

  if (dims.includes('avser')) {
    const d = dimIndex('avser');
    for (let l = 0; l + 1 < lineStart[d].length; l++) {
      const cells = [...lineCells[d].subarray(lineStart[d][l], lineStart[d][l + 1])];
      const during = cells.find((c) => rows[c].avser === 'under_perioden');
      const end = cells.find((c) => rows[c].avser === 'vid_periodens_slut');
      // Placed on the last day of a period means placed during it.
      if (during !== undefined && end !== undefined) b.add(d, [[during, 1], [end, -1]], false, 'order:avser');
    }
  }

  {
    // A year and its quarters, where both are in the data: a stock at the year's end is the fourth
    // quarter's; placed during the year is at least each quarter's and at most their sum.
    const d = dimIndex('period');
    for (let l = 0; l + 1 < lineStart[d].length; l++) {
      const cells = [...lineCells[d].subarray(lineStart[d][l], lineStart[d][l + 1])];
      for (const y of cells) {
        const year = String(rows[y].period);
        if (year.includes('-Q')) continue;
        const quarters = cells.filter((c) => String(rows[c].period).startsWith(`${year}-Q`));
        if (quarters.length === 0) continue;
        const stock = rows[y].avser !== 'under_perioden';
        if (stock) {
          const q4 = quarters.find((c) => rows[c].period === `${year}-Q4`);
          if (q4 !== undefined) {
            groups.push({ dim: d, parent: y, children: [q4] });
            b.add(d, [[y, 1], [q4, -1]], true, 'year:period');
          }
        } else {
          groups.push({ dim: d, parent: y, children: quarters });
          for (const q of quarters) b.add(d, [[y, 1], [q, -1]], false, 'year:period');
          if (quarters.length === 4) b.add(d, [...quarters.map((q) => [q, 1] as [number, number]), [y, -1]], false, 'year:period');
        }
      }
    }
  }

  const isTotal = new Uint8Array(size);
  for (const g of groups) isTotal[g.parent] = 1;
  const [groupStart, groupIndex] = incidence(size, groups.map((g) => [g.parent, ...g.children]));
  const consStart = Int32Array.from(b.start);
  const consCell = Int32Array.from(b.cells);
  const rowsOfCons: number[][] = [];
  for (let r = 0; r + 1 < consStart.length; r++) rowsOfCons.push([...consCell.subarray(consStart[r], consStart[r + 1])]);
  const [cellConsStart, cellCons] = incidence(size, rowsOfCons);
  const cellConsCoef = new Int8Array(cellCons.length);
  {
    const fill = cellConsStart.slice(0, size);
    for (let r = 0; r + 1 < consStart.length; r++) {
      for (let j = consStart[r]; j < consStart[r + 1]; j++) cellConsCoef[fill[consCell[j]]++] = b.coefs[j];
    }
  }
  return {
    spec, rows, size, value, primary, state, dims, code, lineOf, lineStart, lineCells, groups, groupStart, groupIndex,
    consStart, consCell, consCoef: Int8Array.from(b.coefs), consEq: Uint8Array.from(b.eq), consTruth: Uint8Array.from(b.truth), consPlan: Uint8Array.from(b.plan), consDim: Uint8Array.from(b.dims), cellConsStart, cellCons, cellConsCoef,
    consKind: b.kinds, isTotal,
  };
}

function* lines(dims: readonly string[], lineStart: Int32Array[], column: string): Generator<[number, number]> {
  const d = dims.indexOf(column);
  if (d < 0) return;
  for (let l = 0; l + 1 < lineStart[d].length; l++) yield [l, d];
}

/** For each cell, the sets (groups or constraints) it is in, as CSR. */
function incidence(size: number, sets: readonly (readonly number[])[]): [Int32Array, Int32Array] {
  const start = new Int32Array(size + 1);
  for (const s of sets) for (const c of s) start[c + 1]++;
  for (let i = 0; i < size; i++) start[i + 1] += start[i];
  const index = new Int32Array(start[size]);
  const fill = start.slice(0, size);
  sets.forEach((s, k) => {
    for (const c of s) index[fill[c]++] = k;
  });
  return [start, index];
}

/** The cell of `cell`'s line in dimension `dim` whose code there is `code`, or -1. */
export function cellAt(m: TableModel, cell: number, dim: number, code: number): number {
  const codes = m.code[dim];
  if (codes[cell] === code) return cell;
  const line = m.lineOf[dim][cell];
  const cells = m.lineCells[dim];
  let lo = m.lineStart[dim][line];
  let hi = m.lineStart[dim][line + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = codes[cells[mid]];
    if (c === code) return cells[mid];
    if (c < code) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The units' parents from the enheter table. */
export function unitParents(tables: Tables): Map<string, string> {
  return new Map((tables.enheter ?? []).map((u) => [String(u.enhetskod), String(u.overordnad ?? '')]));
}

/** The placement cells a reported network-home share of a unit and period is made of. */
export function shareParts(rows: readonly DataRow[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if (!(FAMILY_HOME_FORMS as readonly string[]).includes(String(r.placeringsform))) return;
    if (r.kon !== 'totalt' || r.aldersgrupp !== '0-20') return;
    const k = `${r.period}\u0000${r.enhetskod}`;
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(i);
  });
  return out;
}
