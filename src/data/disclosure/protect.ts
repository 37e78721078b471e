// Secondary suppression by the hypercube method (Repsilber; τ-Argus's "hypercube", GHMITER): for each
// count below the threshold, hide the corners of a box through it (in each key column a second value:
// a sibling, the total above, or a part below) so that moving the count up and down by δ, with the
// corners moved by ±δ, keeps every published figure and every relation of the model. The box is the
// proof: the count can then be any of at least `threshold` whole values for a reader, and so can each
// corner. Boxes are chosen by a small beam search, cheapest first: hide as little and as small as
// possible, totals last, and the cells hidden in the quarter before (series stay readable). Where the
// breakdowns do not cross (statuses that differ between insatser, kön given only for all ages) a box
// is closed sum by sum (`repair`); where a box would hide the total of totals, a cheaper pattern whose
// proof is too narrow is kept if the reader's exact interval (a small linear program over published
// figures only) is wide enough. The nation's totals hidden on the way are then taken out of the boxes
// where every count of those boxes finds another box without them (`freeTop`), and shown again.
//
// The search never reads a hidden count's value: a count below the threshold counts as "1 to
// threshold − 1" (its worst case), so two data folders that differ only there get the same pattern.
import { blockOf, solveBlock, widthOf } from './lp.ts';
import { CellState, Truth, cellAt, type TableModel } from './model.ts';

export interface ProtectOptions {
  threshold: number;
  /** Hide only the counts below the threshold (tests of the audit, SOCIALSTATISTIK_SECONDARY=ingen). */
  primaryOnly?: boolean;
}

export interface Protection {
  /** For each cell, how far a proof lets it move up and down (0 when none). */
  up: Float64Array;
  down: Float64Array;
  primary: number;
  secondary: number;
  /** Cells below the threshold no box could protect (the audit decides; the build fails if it agrees). */
  unprotected: number[];
  /** Complements shown again by the clean-up (`restore`): a linear program proved them unneeded. */
  restored: number;
}

const BEAM = 3;
const CHOICES = 3;
const TOTAL_WEIGHT = 20;
const SAME_AS_BEFORE = 0.5;
const REPAIR_STEPS = 24;
/** At most this many candidate patterns per dataset are judged by linear programming during suppression. */
const LP_CHECKS = 5000;
const WEAK_BEAM = 2;
/** `freeTop` searches a count again with a beam this many times wider: the way round a total is rarely the cheapest first step. */
const REROUTE_BEAM = 4;
/**
 * … and frees a total of the nation only where that hides at most this many cells more: the headline
 * and its first breakdowns cost a few dozen at national scale, a form's national total often
 * two hundred and more (its counts are small in nearly every unit).
 */
const FREE_COST = 100;
/** Larger blocks are not judged during suppression (too slow); the box's proof must do. */
const LP_BLOCK = 24;
/** The LP-driven fallback hides at most this many cells for one count, in blocks of at most this size. */
const WIDEN_STEPS = 16;
const WIDEN_BLOCK = 400;
/** The clean-up judges a complement by a linear program only where the block around it is at most this large (beyond, by the boxes alone) … */
const RESTORE_BLOCK = 300;
/** … and spends at most this many linear programs per dataset (a fixed budget: the same data give the same site). */
const RESTORE_RUNS = 12000;

interface Box {
  cells: number[];
  signs: number[];
  cost: number;
  /** The smallest lower bound among the corners moved up with the count (+) and against it (−). */
  minPlus: number;
  minMinus: number;
  /** The columns (bits) in which the box has two values. */
  moved: number;
}

type Choice = [code: number, sign: number][];

/** With SOCIALSTATISTIK_PROFILE=1, CPU time per step of protect (scripts/dbg-anon.ts prints it). */
export const STATS: Record<string, number> = {};
const PROFILE = typeof process !== 'undefined' && process.env?.SOCIALSTATISTIK_PROFILE === '1';
const now = () => (PROFILE ? process.cpuUsage().user / 1000 : 0);
const T = (k: string, t0: number) => {
  if (!PROFILE) return;
  STATS[k + '_ms'] = (STATS[k + '_ms'] ?? 0) + now() - t0;
  STATS[k + '_n'] = (STATS[k + '_n'] ?? 0) + 1;
};
/**
 * Parts of a model that nothing joins: no relation, no group, no box and no cost (a cost looks at the
 * same cell a quarter before) links a cell of one part to a cell of another. They are the values of
 * one key column (lag in ej_verkstallda_beslut: SoL and LSS are never added up), merged wherever a
 * relation or a group crosses them; the column with the most parts (the first of equals) is taken.
 * Protecting the parts one by one, in any order or at once, gives the pattern of protecting the
 * whole: the model alone decides them, never a value.
 */
export interface Parts {
  /** Per cell, its part (0 .. count − 1, numbered in the order of the cells). */
  of: Int32Array;
  count: number;
}

export function independentParts(m: TableModel): Parts {
  let best: Parts = { of: new Int32Array(m.size), count: 1 };
  m.dims.forEach((column, d) => {
    // A box moves in time only along a year's quarters, but a cost looks at the quarter before.
    if (column === 'period') return;
    const codes = m.code[d];
    let n = 0;
    for (let i = 0; i < m.size; i++) n = Math.max(n, codes[i] + 1);
    if (n < 2) return;
    const root = Int32Array.from({ length: n }, (_, i) => i);
    const find = (x: number): number => {
      while (root[x] !== x) x = root[x] = root[root[x]];
      return x;
    };
    const join = (a: number, b: number) => {
      const [ra, rb] = [find(a), find(b)];
      if (ra !== rb) root[Math.max(ra, rb)] = Math.min(ra, rb);
    };
    for (let r = 0; r + 1 < m.consStart.length; r++) {
      const first = codes[m.consCell[m.consStart[r]]];
      for (let j = m.consStart[r] + 1; j < m.consStart[r + 1]; j++) join(first, codes[m.consCell[j]]);
    }
    for (const g of m.groups) for (const ch of g.children) join(codes[g.parent], codes[ch]);
    if (column === 'avser') {
      // A box moves both measures of a line together (choices), with or without a relation between them.
      for (let l = 0; l + 1 < m.lineStart[d].length; l++) {
        for (let k = m.lineStart[d][l] + 1; k < m.lineStart[d][l + 1]; k++) join(codes[m.lineCells[d][m.lineStart[d][l]]], codes[m.lineCells[d][k]]);
      }
    }
    const id = new Int32Array(n).fill(-1);
    const of = new Int32Array(m.size);
    let count = 0;
    for (let i = 0; i < m.size; i++) {
      const r = find(codes[i]);
      if (id[r] < 0) id[r] = count++;
      of[i] = id[r];
    }
    if (count > best.count) best = { of, count };
  });
  return best;
}

/** The part with the most counts below the threshold (the first of equals): the most work. */
export function heaviestPart(m: TableModel, parts: Parts): number {
  const weight = new Array<number>(parts.count).fill(0);
  for (let i = 0; i < m.size; i++) if (m.primary[i]) weight[parts.of[i]]++;
  let best = 0;
  for (let id = 1; id < parts.count; id++) if (weight[id] > weight[best]) best = id;
  return best;
}

/** Protects every part of the model (see `independentParts`), one after another. */
export function protect(m: TableModel, o: ProtectOptions): Protection {
  const parts = independentParts(m);
  if (parts.count === 1) return protectPart(m, o, null);
  const all: Protection[] = [];
  for (let id = 0; id < parts.count; id++) all.push(protectPart(m, o, { of: parts.of, id }));
  return mergeProtections(all, parts);
}

/** One protection from those of the parts (each proves only its own cells). */
export function mergeProtections(all: readonly Protection[], parts: Parts): Protection {
  const first = all[0];
  const up = first.up;
  const down = first.down;
  for (let id = 1; id < all.length; id++) {
    for (let i = 0; i < parts.of.length; i++) {
      if (parts.of[i] === id) {
        up[i] = all[id].up[i];
        down[i] = all[id].down[i];
      }
    }
  }
  return {
    up, down,
    primary: all.reduce((a, p) => a + p.primary, 0),
    secondary: all.reduce((a, p) => a + p.secondary, 0),
    unprotected: all.flatMap((p) => p.unprotected).sort((a, b) => a - b),
    restored: all.reduce((a, p) => a + p.restored, 0),
  };
}

/** The hypercube suppression of the cells of one part (`null`: the whole model). */
export function protectPart(model: TableModel, o: ProtectOptions, part: { of: Int32Array; id: number } | null): Protection {
  // The pattern is planned with the relations as the contract states them where a count below the
  // threshold takes part (`consPlan`), so that it never depends on a hidden count; the arrays are
  // shared, so the cells hidden here are the model's.
  const m: TableModel = { ...model, consTruth: model.consPlan };
  const inPart = (c: number) => part === null || part.of[c] === part.id;
  const need = o.threshold - 1;
  const up = new Float64Array(m.size);
  const down = new Float64Array(m.size);
  const primaries: number[] = [];
  for (let i = 0; i < m.size; i++) {
    if (m.primary[i] && inPart(i)) {
      m.state[i] = CellState.hidden;
      primaries.push(i);
    }
  }
  const result: Protection = { up, down, primary: primaries.length, secondary: 0, unprotected: [], restored: 0 };
  if (o.primaryOnly || need <= 0) return result;

  const lo = (c: number) => (m.primary[c] ? 1 : m.value[c]);
  const hi = (c: number) => (m.primary[c] ? o.threshold - 1 : m.value[c]);
  const limits = new Set<number>();
  const boxRange = rangeChecker(m, lo, hi, need, limits);
  /** Cells no box may take (the nation's totals while `freeTop` finds their boxes another way). */
  const pinned = new Uint8Array(m.size);
  const movable = (c: number) => c >= 0 && pinned[c] === 0 && (m.state[c] === CellState.published || m.state[c] === CellState.hidden);
  const period = m.dims.indexOf('period');
  const before = previousPeriod(m, period);
  // How many columns hold their total (kön totalt, status totalt, …): a total of totals is the last to hide.
  const totalDims = new Uint8Array(m.size);
  {
    const totals: [string, string][] = (m.spec.additive ?? []).flatMap((a) => ('total' in a ? [[a.column, a.total] as [string, string]] : []));
    if (m.dims.includes('placeringsform')) totals.push(['placeringsform', 'totalt']);
    const columns = [...new Map(totals).entries()];
    for (let i = 0; i < m.size; i++) for (const [c, v] of columns) if (m.rows[i][c] === v) totalDims[i]++;
  }
  let mostTotals = 0;
  for (let i = 0; i < m.size; i++) mostTotals = Math.max(mostTotals, totalDims[i]);
  // What a cell costs to hide, before the quarter before is looked at; and that cell (fixed by the model).
  const baseCost = new Float64Array(m.size);
  const previous = new Int32Array(m.size);
  for (let i = 0; i < m.size; i++) {
    baseCost[i] = (m.value[i] + 1) * TOTAL_WEIGHT ** totalDims[i];
    previous[i] = before(i);
  }
  const cost = (c: number) => {
    if (m.state[c] === CellState.hidden) return 0;
    const p = previous[c];
    return p >= 0 && m.state[p] === CellState.hidden ? baseCost[c] * SAME_AS_BEFORE : baseCost[c];
  };
  // Each group as seen from its parent and from a child (the model's groups never change).
  type GroupView = { parent: number; children: number[]; asParent: boolean; eq: boolean };
  const views: [GroupView, GroupView][] = m.groups.map((g, k) => {
    const eq = groupIsEq(m, k);
    return [{ parent: g.parent, children: g.children, asParent: true, eq }, { parent: g.parent, children: g.children, asParent: false, eq }];
  });
  /** Per cell, a bit per column in which it is in a sum (an equation). */
  const sumMask = new Int32Array(m.size);
  m.groups.forEach((g, k) => {
    if (!views[k][0].eq) return;
    sumMask[g.parent] |= 1 << g.dim;
    for (const ch of g.children) sumMask[ch] |= 1 << g.dim;
  });
  const groupsAt = (c: number, dim: number) => {
    const out: GroupView[] = [];
    for (let k = m.groupStart[c]; k < m.groupStart[c + 1]; k++) {
      const gi = m.groupIndex[k];
      const g = m.groups[gi];
      if (g.dim !== dim) continue;
      out.push(views[gi][g.parent === c ? 0 : 1]);
    }
    return out;
  };

  /** The values a box may take in one column at the count `t`: its own, with a sibling, the total above or a part below. */
  /** Columns in which the box must move: an inequality there left too little room when it stayed. */
  const forced = new Set<number>();
  /** Set while `freeTop` searches a count again: siblings that give width first, the largest parts, the move across, a wider beam. */
  let rerouting = false;
  const choices = (t: number, dim: number, wide: boolean): Choice[] => {
    const codes = m.code[dim];
    const own = codes[t];
    const gs = groupsAt(t, dim);
    const limit = wide ? CHOICES * 2 : CHOICES;
    const out: Choice[] = [];
    // The wider search moves both measures together (a narrow search keeps the cheaper one as it is).
    if (!gs.some((g) => g.eq) && !forced.has(dim)) out.push([[own, 1]]);
    const cheapest = (cells: number[]) => cells.filter(movable).sort((a, b) => cost(a) - cost(b) || a - b).slice(0, limit);
    // A sibling moved against the count gives the box its width only if it can go down as far as the
    // count goes up: a 0 or a count below the threshold never does, however cheap.
    const room = Math.max(1, need - lo(t));
    const siblings = (cells: number[]) => {
      if (!rerouting) return cheapest(cells);
      const able = cheapest(cells.filter((c) => lo(c) >= room));
      return able.length >= limit ? able : [...able, ...cheapest(cells.filter((c) => lo(c) < room))].slice(0, limit);
    };
    // A part moved with its total takes the box's other moves along: the largest has the most room
    // for those that go against the count.
    const largest = (cells: number[]) => cells.filter(movable).sort((a, b) => lo(b) - lo(a) || cost(a) - cost(b) || a - b).slice(0, limit);
    const parts = (cells: number[]) => (rerouting ? [...new Set([...cheapest(cells), ...largest(cells)])] : cheapest(cells));
    /** A cell that is itself a total in this column moves with one of its parts, or its sum breaks. */
    const withParts = (choice: Choice): Choice | null => {
      const out2 = [...choice];
      for (const [code, sign] of choice) {
        const cell = cellAt(m, t, dim, code);
        for (const g of groupsAt(cell, dim)) {
          if (!g.asParent || !g.eq || g.children.some((ch) => out2.some(([k]) => k === codes[ch]))) continue;
          const part = (rerouting ? largest : cheapest)(g.children)[0];
          if (part === undefined) return null;
          out2.push([codes[part], sign]);
        }
      }
      return out2;
    };
    if (m.dims[dim] === 'avser') {
      // Placed during the period and placed at its end move together: the one never falls below the other.
      const line = m.lineOf[dim][t];
      for (let k = m.lineStart[dim][line]; k < m.lineStart[dim][line + 1]; k++) {
        const other = m.lineCells[dim][k];
        if (other !== t && movable(other)) out.push([[own, 1], [codes[other], 1]]);
      }
    }
    for (const g of gs) {
      if (g.asParent) {
        for (const ch of parts(g.children)) out.push([[own, 1], [codes[ch], 1]]);
      } else {
        for (const s of siblings(g.children.filter((ch) => ch !== t))) {
          const c = withParts([[own, 1], [codes[s], -1]]);
          if (c) out.push(c);
        }
        // Up to the top: the total, and its total in turn.
        const chain: Choice = [[own, 1]];
        let p = g.parent;
        for (let level = 0; level < 4 && movable(p); level++) {
          chain.push([codes[p], 1]);
          const above = groupsAt(p, dim).find((x) => !x.asParent);
          if (!above) break;
          p = above.parent;
        }
        if (chain.length > 1 && chain.every(([k]) => movable(cellAt(m, t, dim, k)))) out.push(chain);
        // Up one level and across: the total with it, a sibling of the total against it with one of
        // that one's parts (a municipality with its county, another county with one of its own), the
        // total above both as it is: the way round a total that must not move.
        const above = rerouting && g.eq && movable(g.parent) ? groupsAt(g.parent, dim).find((x) => !x.asParent && x.eq) : undefined;
        for (const s2 of above ? siblings(above.children.filter((ch) => ch !== g.parent)) : []) {
          const inner = groupsAt(s2, dim).find((x) => x.asParent && x.eq);
          const part = inner ? largest(inner.children)[0] : undefined;
          if (part !== undefined && lo(s2) >= room && lo(part) >= room) out.push([[own, 1], [codes[g.parent], 1], [codes[s2], -1], [codes[part], -1]]);
        }
      }
    }
    return out;
  };

  const hasSum = (c: number, dim: number) => (sumMask[c] & (1 << dim)) !== 0;

  /**
   * Closes the sums a box breaks one at a time: for the first equation the box changes, the cheapest
   * cell of it that cancels the change (the total above, or a sibling the other way), until none is
   * broken. Catches what a box cannot (statuses that differ between insatser, kön only for all ages).
   */
  // repair's scratch: net move per cell, change per equation, and the equations changed now (with
  // each one's place in that list), all put back to zero when it returns.
  const repairNet = new Int32Array(m.size);
  const repairChange = new Int32Array(m.consEq.length);
  const openAt = new Int32Array(m.consEq.length).fill(-1);
  const openList: number[] = [];
  const netTouched: number[] = [];
  const changeTouched: number[] = [];
  const repair = (start: Box): Box | null => {
    const cells = [...start.cells];
    const signs = [...start.signs];
    let total = start.cost;
    // How much the box changes each equation, kept as cells join (it is linear in the cells' moves).
    const move = (c: number, sign: number) => {
      if (repairNet[c] === 0) netTouched.push(c);
      repairNet[c] += sign;
      for (let k = m.cellConsStart[c]; k < m.cellConsStart[c + 1]; k++) {
        const r = m.cellCons[k];
        if (!m.consEq[r]) continue;
        const before = repairChange[r];
        const ch = before + sign * m.cellConsCoef[k];
        if (before === 0) changeTouched.push(r);
        repairChange[r] = ch;
        if (ch === 0) {
          const at = openAt[r];
          if (at >= 0) {
            const last = openList.pop()!;
            if (last !== r) {
              openList[at] = last;
              openAt[last] = at;
            }
            openAt[r] = -1;
          }
        } else if (openAt[r] < 0) {
          openAt[r] = openList.length;
          openList.push(r);
        }
      }
    };
    const done = (box: Box | null) => {
      for (const c of netTouched) repairNet[c] = 0;
      for (const r of changeTouched) repairChange[r] = 0;
      for (const r of openList) openAt[r] = -1;
      netTouched.length = 0;
      changeTouched.length = 0;
      openList.length = 0;
      return box;
    };
    cells.forEach((c, i) => move(c, signs[i]));
    for (let step = 0; step < REPAIR_STEPS; step++) {
      // The first equation the box still changes.
      let broken = -1;
      for (const r of openList) if (broken < 0 || r < broken) broken = r;
      if (broken < 0) return done({ cells, signs, cost: total, minPlus: 0, minMinus: 0, moved: start.moved });
      const change = repairChange[broken];
      let pick = -1;
      let pickSign = 0;
      let pickCost = Infinity;
      for (let j = m.consStart[broken]; j < m.consStart[broken + 1]; j++) {
        const x = m.consCell[j];
        const sign = -change / m.consCoef[j];
        if (Math.abs(sign) !== 1 || !movable(x) || x === start.cells[0]) continue;
        if (repairNet[x] + sign === 0) continue;
        const c = cost(x);
        if (c < pickCost) [pick, pickSign, pickCost] = [x, sign, c];
      }
      if (pick < 0) return done(null);
      cells.push(pick);
      signs.push(pickSign);
      move(pick, pickSign);
      total += pickCost;
    }
    return done(null);
  };

  /** The corners' ways to move in column `dim`: from the count itself and from the first corner with a sum there. */
  // Within one search nothing the choices depend on changes (the states, `forced`, the count): they
  // are worked out once per corner and column. Cleared by `search`.
  const optionsMemo = new Map<number, Choice[]>();
  const optionsFor = (box: Box, dim: number, wide: boolean): Choice[] => {
    let other = -1;
    for (let i = 1; i < box.cells.length; i++) {
      if (hasSum(box.cells[i], dim)) {
        other = box.cells[i];
        break;
      }
    }
    const k = (other + 1) * m.dims.length + dim;
    let options = optionsMemo.get(k);
    if (!options) optionsMemo.set(k, (options = optionsOf(box.cells[0], other, dim, wide)));
    return options;
  };
  const choicesMemo = new Map<number, Choice[]>();
  const choicesAt = (c: number, dim: number, wide: boolean) => {
    const k = c * m.dims.length + dim;
    let out = choicesMemo.get(k);
    if (!out) choicesMemo.set(k, (out = choices(c, dim, wide)));
    return out;
  };
  const optionsOf = (t: number, other: number, dim: number, wide: boolean): Choice[] => {
    const own = choicesAt(t, dim, wide);
    if (other < 0) return own;
    const more = choicesAt(other, dim, wide).filter((c) => c.length > 1);
    const id = (c: Choice) => c.map(([k, sign]) => `${k}:${sign}`).join(',');
    const seen = new Set(own.filter((c) => c.length > 1).map(id));
    return [...own.filter((c) => c.length > 1), ...more.filter((c) => !seen.has(id(c)))];
  };

  const probed = { cost: 0, minPlus: 0, minMinus: 0 };
  /** The cheapest box that keeps every equation, whether or not its proof is wide enough (set by `search`). */
  let valid: Box | null = null;
  const search = (t: number, wide: boolean): { box: Box; up: number; down: number } | null => {
    const width = (wide ? BEAM * 3 : BEAM) * (rerouting ? REROUTE_BEAM : 1);
    optionsMemo.clear();
    choicesMemo.clear();
    let states: Box[] = [{ cells: [t], signs: [1], cost: cost(t), minPlus: lo(t), minMinus: Infinity, moved: 0 }];
    let pending = m.dims.map((_, d) => d);
    let weak: Box[] = [];
    let best: { box: Box; up: number; down: number } | null = null;
    const consider = (box: Box, range: { up: number; down: number }) => {
      if (!valid || box.cost < valid.cost) valid = box;
      if (range.up + range.down >= need && (!best || box.cost < best.box.cost)) best = { box, ...range };
    };
    for (let round = 0; round < 3 && states.length > 0 && pending.length > 0; round++) {
      for (const dim of pending) {
        // Every way on is priced first (`probe`); only the boxes the beam keeps are built.
        const next: Step[] = [];
        const weakNext: Step[] = [];
        for (const s of [...states, ...weak]) {
          if (s.moved & (1 << dim)) {
            (s.minPlus + s.minMinus >= need ? next : weakNext).push({ from: s, choice: null, cost: s.cost });
            continue;
          }
          for (const choice of optionsFor(s, dim, wide)) {
            if (!probe(m, s, dim, choice, movable, cost, lo, hasSum, probed)) continue;
            const step: Step = { from: s, choice: choice.length === 1 ? null : choice, cost: probed.cost };
            (probed.minPlus + probed.minMinus >= need ? next : weakNext).push(step);
          }
        }
        next.sort((a, b) => a.cost - b.cost);
        weakNext.sort((a, b) => a.cost - b.cost);
        const build = (st: Step) => (st.choice === null ? st.from : extend(m, st.from, dim, st.choice, movable, cost, lo, hasSum)!);
        states = next.slice(0, width).map(build);
        // Boxes whose proof is already too narrow are kept a little longer: the linear program may still pass them.
        weak = weakNext.slice(0, WEAK_BEAM).map(build);
      }
      // Boxes that break a sum in a column they kept go round again, moving in that column too.
      const again: Box[] = [];
      const columns = new Set<number>();
      for (const box of [...states, ...weak]) {
        const range = boxRange(box);
        if (!range) continue;
        if ('broken' in range) {
          const open = range.broken.filter((d) => !(box.moved & (1 << d)));
          if (open.length > 0) {
            again.push(box);
            for (const d of open) columns.add(d);
          }
          // Or close each broken sum where it is, with the cheapest cell of that sum (repairing only
          // adds cost: not worth it for a box already dearer than the best found).
          const fixed = best && box.cost >= (best as { box: Box }).box.cost ? null : repair(box);
          const r2 = fixed && boxRange(fixed);
          if (fixed && r2 && !('broken' in r2)) consider(fixed, r2);
        } else {
          consider(box, range);
        }
      }
      if (best) break;
      states = again.filter((b) => b.minPlus + b.minMinus >= need);
      weak = again.filter((b) => b.minPlus + b.minMinus < need).slice(0, WEAK_BEAM);
      pending = [...columns].sort((a, b) => a - b);
    }
    return best;
  };

  let lpChecks = 0;
  /** Cells whose block a linear program found safe (the audit checks them again). */
  const byLp = new Uint8Array(m.size);
  /** The cells of those blocks: showing one again could narrow what the program proved. */
  const inLpProof = new Uint8Array(m.size);
  const seen = new Uint8Array(m.size);
  const wasPublished = new Set<number>();
  /** Hides `cells` if then every hidden cell of their block is left at least `threshold` values; else leaves all as it was. */
  const holdsByLp = (cells: number[]): boolean => {
    wasPublished.clear();
    for (const c of cells) {
      if (m.state[c] === CellState.published) {
        wasPublished.add(c);
        m.state[c] = CellState.hidden;
      }
    }
    const block = blockOf(m, cells, seen, LP_BLOCK);
    for (const c of block) seen[c] = 0;
    if (block.length > LP_BLOCK) {
      for (const c of wasPublished) m.state[c] = CellState.published;
      return false;
    }
    // Only the box's own cells: every other hidden cell already has its proof, which hiding more keeps.
    const ok = solveBlock(m, block, [...new Set(cells)]).every((i) => widthOf(i) >= o.threshold);
    if (!ok) for (const c of wasPublished) m.state[c] = CellState.published;
    else for (const c of block) inLpProof[c] = 1;
    return ok;
  };

  /**
   * Hides published cells near `t` (in its relations, and in those of the hidden cells beside it),
   * cheapest first, until the reader's exact interval of `t` (a linear program) is wide enough: an
   * LP-driven heuristic for what no box could protect. False if it cannot.
   */
  const widenByLp = (t: number): boolean => {
    // The count and every cell hidden for it here: each must be left `threshold` values.
    const added: number[] = [];
    for (let step = 0; step < WIDEN_STEPS; step++) {
      // From the count and every cell hidden for it: a relation the input does not satisfy joins nothing.
      const block = blockOf(m, [t, ...added], seen, WIDEN_BLOCK);
      for (const c of block) seen[c] = 0;
      // Too large to judge from the start (units joined through their county and the nation): the
      // cells beside it will not be judged either; the audit decides.
      if (block.length > WIDEN_BLOCK && step === 0) return false;
      if (block.length > WIDEN_BLOCK) break;
      const narrow = solveBlock(m, block, [t, ...added]).filter((i) => widthOf(i) < o.threshold).map((i) => i.cell);
      if (narrow.length === 0) {
        byLp[t] = 1;
        for (const c of added) byLp[c] = 1;
        for (const c of block) inLpProof[c] = 1;
        return true;
      }
      const near = new Set<number>();
      const candidates = new Set<number>();
      for (const n of narrow) {
        near.add(n);
        for (const around of relationCells(n)) if (m.state[around] === CellState.hidden || m.state[around] === CellState.unknown) near.add(around);
      }
      for (const c of near) for (const x of relationCells(c)) if (m.state[x] === CellState.published) candidates.add(x);
      const picks = [...candidates].sort((a, b) => cost(a) - cost(b) || a - b).slice(0, 1);
      if (picks.length === 0) break;
      for (const x of picks) {
        m.state[x] = CellState.hidden;
        added.push(x);
        result.secondary++;
      }
    }
    // Still too narrow: hide every cell of every relation of the cells hidden so far, once.
    const all = new Set<number>();
    for (const c of [t, ...added]) for (const x of relationCells(c)) if (m.state[x] === CellState.published) all.add(x);
    for (const x of all) {
      m.state[x] = CellState.hidden;
      added.push(x);
      result.secondary++;
    }
    const block = blockOf(m, [t, ...added], seen, WIDEN_BLOCK * 4);
    for (const c of block) seen[c] = 0;
    if (block.length <= WIDEN_BLOCK * 4 && solveBlock(m, block, [t, ...added]).every((i) => widthOf(i) >= o.threshold)) {
      for (const c of [t, ...added]) byLp[c] = 1;
      for (const c of block) inLpProof[c] = 1;
      return true;
    }
    // Nothing found: what was hidden for it is shown again (the audit will name the count).
    for (const c of added) m.state[c] = CellState.published;
    result.secondary -= added.length;
    return false;
  };
  const relationCells = (c: number): number[] => {
    const out: number[] = [];
    for (let k = m.cellConsStart[c]; k < m.cellConsStart[c + 1]; k++) {
      const r = m.cellCons[k];
      for (let j = m.consStart[r]; j < m.consStart[r + 1]; j++) if (m.consCell[j] !== c) out.push(m.consCell[j]);
    }
    return out;
  };

  const closeSingles = () => {
    const open = (c: number) => m.state[c] === CellState.hidden || m.state[c] === CellState.unknown;
    const queue: number[] = [];
    for (let r = 0; r + 1 < m.consStart.length; r++) if (inPart(m.consCell[m.consStart[r]])) queue.push(r);
    const queued = new Uint8Array(m.consStart.length - 1).fill(1);
    while (queue.length > 0) {
      const r = queue.pop()!;
      queued[r] = 0;
      if (m.consTruth[r] !== Truth.eq) continue;
      let single = -1;
      let n = 0;
      for (let j = m.consStart[r]; j < m.consStart[r + 1] && n < 2; j++) {
        if (open(m.consCell[j])) {
          n++;
          single = m.consCell[j];
        }
      }
      if (n !== 1 || m.state[single] !== CellState.hidden) continue;
      let pick = -1;
      for (let j = m.consStart[r]; j < m.consStart[r + 1]; j++) {
        const x = m.consCell[j];
        if (m.state[x] === CellState.published && (pick < 0 || cost(x) < cost(pick) || (cost(x) === cost(pick) && x < pick))) pick = x;
      }
      if (pick < 0) continue;
      m.state[pick] = CellState.hidden;
      result.secondary++;
      for (let k = m.cellConsStart[pick]; k < m.cellConsStart[pick + 1]; k++) {
        const r2 = m.cellCons[k];
        if (!queued[r2]) {
          queued[r2] = 1;
          queue.push(r2);
        }
      }
    }
  };

  /** The boxes applied, and for each cell the boxes it is a corner of and the one its proof comes from. */
  const proofs: { cells: number[]; signs: number[]; up: number; down: number; alive: boolean }[] = [];
  const boxesOf: number[][] = [];
  const proofBox = new Int32Array(m.size).fill(-1);
  /** What `apply` changed, for `freeTop` to put back: each cell's state and proof before, once. */
  const undo: { cell: number; state: number; up: number; down: number; box: number }[] = [];
  let logging = false;
  const remember = (c: number) => {
    if (logging) undo.push({ cell: c, state: m.state[c], up: up[c], down: down[c], box: proofBox[c] });
  };
  /** Hides the corners of a box found for a count and makes it their proof where it is the widest. */
  const apply = (found: { box: Box; up: number; down: number }) => {
    const { box } = found;
    const b = proofs.length;
    proofs.push({ cells: box.cells, signs: box.signs, up: found.up, down: found.down, alive: true });
    for (let i = 0; i < box.cells.length; i++) {
      const c = box.cells[i];
      remember(c);
      if (m.state[c] !== CellState.hidden) {
        m.state[c] = CellState.hidden;
        result.secondary++;
      }
      (boxesOf[c] ??= []).push(b);
      const [u, d] = box.signs[i] > 0 ? [found.up, found.down] : [found.down, found.up];
      if (u + d > up[c] + down[c]) {
        up[c] = u;
        down[c] = d;
        proofBox[c] = b;
      }
    }
  };
  const order = primaries.slice().sort((a, b) => periodRank(m, period, a) - periodRank(m, period, b) || a - b);
  for (const t of order) {
    if (up[t] + down[t] >= need || byLp[t]) continue;
    valid = null;
    let t0 = now();
    let found = search(t, false);
    T('search', t0);
    // A box that would hide the total of totals (all children, all decisions of a law) is tried again
    // with a wider search first.
    const grand = (f: { box: Box } | null) => !f || f.box.cells.some((c) => totalDims[c] >= mostTotals - 1 && m.state[c] === CellState.published);
    if (grand(found)) {
      const cheap = valid as Box | null;
      limits.clear();
      t0 = now();
      let wider = search(t, true);
      T('wide', t0);
      if (!wider && limits.size > 0) {
        for (const d of limits) forced.add(d);
        t0 = now();
        wider = search(t, true);
        T('forced', t0);
        forced.clear();
      }
      if (wider && (!found || wider.box.cost < found.box.cost)) found = wider;
      if (cheap && (!valid || (cheap as Box).cost < (valid as Box).cost)) valid = cheap;
    }
    // A cheaper box whose proof, with the hidden counts at their worst, is too narrow may still be
    // enough: the reader's exact interval (a linear program over published figures only) decides.
    const alternative = valid as Box | null;
    if (alternative && grand(found) && alternative.cost < (found?.box.cost ?? Infinity) / 4 && lpChecks < LP_CHECKS) {
      lpChecks++;
      t0 = now();
      const hl = holdsByLp(alternative.cells);
      T('holdsByLp', t0);
      if (hl) {
        for (const c of alternative.cells) byLp[c] = 1;
        result.secondary += alternative.cells.filter((c) => m.primary[c] === 0 && wasPublished.has(c)).length;
        continue;
      }
    }
    if (!found) {
      // No box: hide the cheapest cell beside it, one at a time, until the reader's exact interval is
      // wide enough (an LP-driven heuristic); the audit checks the result again.
      t0 = now();
      const wl = widenByLp(t);
      T('widen', t0);
      if (!wl) result.unprotected.push(t);
      continue;
    }
    apply(found);
  }

  /**
   * The nation's totals (the country's headline figures): a count's box that goes up the units
   * often ends there (a rare form is small in nearly every small unit, and the cover of its total
   * leaves no room below), and once one is hidden it costs nothing to the boxes after it, so nearly
   * all end up hidden. Each hidden one, the most totals first and the latest quarter first, is taken
   * out of every box through it: the counts of those boxes (and any count left without a box) are
   * searched again with it pinned, reusing what is hidden already. Where every one finds a box it is
   * shown again, with the complements no live box holds any more; else all is put back as it was.
   * Like the main loop it reads only the model, the lower bounds and the states, never a hidden count.
   */
  const freeTop = () => {
    const unit = m.dims.indexOf('enhetskod');
    if (unit < 0) return;
    const isChild = new Uint8Array(m.size);
    for (const g of m.groups) if (g.dim === unit) for (const ch of g.children) isChild[ch] = 1;
    const top: number[] = [];
    for (const g of m.groups) {
      const c = g.parent;
      if (g.dim === unit && !isChild[c] && !m.primary[c] && inPart(c) && totalDims[c] >= mostTotals - 1) top.push(c);
    }
    const tops = [...new Set(top)].sort((a, b) => totalDims[b] - totalDims[a] || periodRank(m, period, b) - periodRank(m, period, a) || m.value[b] - m.value[a] || a - b);
    // New boxes never take a total of the nation that is shown and comes first.
    const shown = tops.filter((c) => m.state[c] === CellState.published);
    // Counts that found no way round one total seldom find one round the next: they are tried first,
    // so that a total that cannot be freed costs few searches.
    const hard = new Uint8Array(m.size);
    const liveBox = (d: number) => {
      let best = -1;
      for (const b of boxesOf[d] ?? []) if (proofs[b].alive && (best < 0 || proofs[b].up + proofs[b].down > proofs[best].up + proofs[best].down)) best = b;
      return best;
    };
    for (const x of tops) {
      if (m.state[x] !== CellState.hidden || inLpProof[x]) continue;
      const t0 = now();
      pinned[x] = 1;
      for (const c of shown) pinned[c] = totalDims[c] >= totalDims[x] ? 1 : 0;
      const dead = (boxesOf[x] ?? []).filter((b) => proofs[b].alive);
      for (const b of dead) proofs[b].alive = false;
      const boxesBefore = proofs.length;
      const secondaryBefore = result.secondary;
      undo.length = 0;
      logging = true;
      // Every corner of those boxes left without a live box: the counts are searched again, the
      // complements are shown where no new box takes them.
      const corners = new Set<number>();
      for (const b of dead) for (const d of proofs[b].cells) if (d !== x) corners.add(d);
      const counts = [...corners].filter((d) => m.primary[d]).sort((a, b) => hard[b] - hard[a] || periodRank(m, period, a) - periodRank(m, period, b) || a - b);
      let ok = ![...corners].some((d) => inLpProof[d]);
      for (const t of counts) {
        if (!ok) break;
        if (liveBox(t) >= 0) continue;
        limits.clear();
        rerouting = true;
        let found = search(t, false) ?? search(t, true);
        if (!found && limits.size > 0) {
          for (const d of limits) forced.add(d);
          found = search(t, true);
          forced.clear();
        }
        rerouting = false;
        if (!found) {
          ok = false;
          hard[t] = 1;
        } else apply(found);
      }
      logging = false;
      // The total and the complements no live box holds any more: shown again if it is freed, which
      // is only where the new boxes hide at most FREE_COST cells more than that.
      const shownAgain = [x, ...corners].filter((d) => !m.primary[d] && m.state[d] === CellState.hidden && liveBox(d) < 0);
      if (result.secondary - secondaryBefore - shownAgain.length > FREE_COST) ok = false;
      // … and where what they hide weighs less than what is shown again, by the cost the boxes are
      // chosen by (a figure with more totals weighs more, a large one more than a small one): the
      // nation's total is worth dozens of a municipality's small breakdowns, but a small unit's SiS
      // in all is never given for its districts' jourhem in all.
      let lost = 0;
      for (const u of undo) if (u.state === CellState.published && m.state[u.cell] === CellState.hidden) lost += baseCost[u.cell];
      if (lost > shownAgain.reduce((a, d) => a + baseCost[d], 0)) ok = false;
      if (ok) {
        for (const d of corners) {
          const b = liveBox(d);
          if (b < 0) continue;
          const i = proofs[b].cells.indexOf(d);
          const [u, dn] = proofs[b].signs[i] > 0 ? [proofs[b].up, proofs[b].down] : [proofs[b].down, proofs[b].up];
          [up[d], down[d], proofBox[d]] = [u, dn, b];
        }
        for (const d of shownAgain) {
          m.state[d] = CellState.published;
          [up[d], down[d], proofBox[d]] = [0, 0, -1];
          result.secondary--;
        }
      } else {
        for (let i = undo.length - 1; i >= 0; i--) {
          const u = undo[i];
          [m.state[u.cell], up[u.cell], down[u.cell], proofBox[u.cell]] = [u.state, u.up, u.down, u.box];
        }
        for (let b = proofs.length - 1; b >= boxesBefore; b--) for (const c of proofs[b].cells) boxesOf[c].pop();
        proofs.length = boxesBefore;
        result.secondary = secondaryBefore;
        for (const b of dead) proofs[b].alive = true;
      }
      pinned[x] = ok ? 1 : 0;
      T('freeTop', t0);
    }
  };
  freeTop();

  let t1 = now();
  // Counts the source itself hid (`*` in the input): their value is unknown here, but what a reader
  // can say about them is not (a linear program over the published figures), and it must not be less.
  for (let c = 0; c < m.size; c++) {
    if (m.state[c] === CellState.unknown && m.rows[c].markering === 'sekretess' && inPart(c) && !byLp[c] && !widenByLp(c)) result.unprotected.push(c);
  }

  // A backstop for what no box protected: a sum the reader knows with a single cell not shown gives
  // that cell away, so the cheapest published cell of it is hidden too, and so on from there.
  T('sekretess', t1);
  t1 = now();
  closeSingles();
  T('closeSingles', t1);
  t1 = now();

  // The clean-up: boxes chosen one count at a time overlap, and many a complement is not needed once
  // the others are hidden. Each is shown again, the latest quarter first, totals first, the largest
  // first, when a linear program over its block proves that every hidden cell whose proof it takes
  // away (and every cell there without a box's proof) is still left at least `threshold` values. A box
  // with a shown cell no longer proves anything; its corners keep the proof of another box or are
  // proven by the program, and the audit solves them again.
  const secret = (c: number) => m.state[c] === CellState.hidden || (m.state[c] === CellState.unknown && m.rows[c].markering === 'sekretess');
  const proven = (c: number) => m.state[c] === CellState.hidden && proofBox[c] >= 0 && up[c] + down[c] >= need;
  const variable = (c: number) => m.state[c] === CellState.hidden || m.state[c] === CellState.unknown;
  /** Showing `c` would leave a sum with a single cell not shown: that cell would be known. */
  const leavesSingle = (c: number) => {
    for (let k = m.cellConsStart[c]; k < m.cellConsStart[c + 1]; k++) {
      const r = m.cellCons[k];
      if (m.consTruth[r] !== Truth.eq) continue;
      let n = 0;
      for (let j = m.consStart[r]; j < m.consStart[r + 1]; j++) if (m.consCell[j] !== c && variable(m.consCell[j])) n++;
      if (n === 1) return true;
    }
    return false;
  };
  const candidates: number[] = [];
  for (let c = 0; c < m.size; c++) if (m.state[c] === CellState.hidden && !m.primary[c] && !Number.isNaN(m.value[c]) && inPart(c)) candidates.push(c);
  candidates.sort((a, b) => periodRank(m, period, b) - periodRank(m, period, a) || totalDims[b] - totalDims[a] || m.value[b] - m.value[a] || a - b);
  let runs = 0;
  const deadStamp = new Int32Array(proofs.length);
  let stamp = 0;
  // The block of hidden cells around a shown one, as blockOf finds it (the same cells in the same
  // order), from each cell's neighbours listed once: the clean-up only ever shows cells, so the cells
  // variable now are all it will meet.
  const adjStart = new Int32Array(m.size + 1);
  const adjCells: number[] = [];
  {
    const mark = new Int32Array(m.size).fill(-1);
    for (let c = 0; c < m.size; c++) {
      if (variable(c) && inPart(c)) {
        mark[c] = c;
        for (let k = m.cellConsStart[c]; k < m.cellConsStart[c + 1]; k++) {
          const r = m.cellCons[k];
          if (m.consTruth[r] === Truth.none) continue;
          for (let j = m.consStart[r]; j < m.consStart[r + 1]; j++) {
            const x = m.consCell[j];
            if (mark[x] !== c && variable(x)) {
              mark[x] = c;
              adjCells.push(x);
            }
          }
        }
      }
      adjStart[c + 1] = adjCells.length;
    }
  }
  const restoreBlock = (starts: readonly number[]): number[] => {
    const out: number[] = [];
    for (const s of starts) {
      if (!seen[s]) {
        seen[s] = 1;
        out.push(s);
      }
    }
    for (let i = 0; i < out.length && out.length <= RESTORE_BLOCK; i++) {
      const c = out[i];
      for (let k = adjStart[c]; k < adjStart[c + 1]; k++) {
        const x = adjCells[k];
        if (!seen[x] && variable(x)) {
          seen[x] = 1;
          out.push(x);
        }
      }
    }
    for (const x of out) seen[x] = 0;
    return out;
  };
  // A block too large to solve (units joined through their county and the nation: at national scale
  // nearly every hidden cell is in one) is cleaned up on the boxes alone: a cell is shown again where
  // every corner whose proof it takes away has another live box wide enough. Every hidden cell of
  // such a block then keeps a box's proof, except in a block that held a cell proven otherwise when
  // the clean-up began (a count the source hid, a linear program's cells), which showing a cell of
  // it could narrow: those blocks (`tainted`, as they were then; the clean-up only splits them) are
  // left as they are.
  const tainted = new Uint8Array(m.size);
  for (let c = 0; c < m.size; c++) {
    if (tainted[c] || !inPart(c) || !secret(c) || proven(c)) continue;
    const queue = [c];
    tainted[c] = 1;
    while (queue.length > 0) {
      const x = queue.pop()!;
      for (let k = adjStart[x]; k < adjStart[x + 1]; k++) {
        const y = adjCells[k];
        if (!tainted[y]) {
          tainted[y] = 1;
          queue.push(y);
        }
      }
    }
  }
  for (const c of candidates) {
    if (runs >= RESTORE_RUNS) break;
    if (leavesSingle(c)) continue;
    m.state[c] = CellState.published;
    const starts: number[] = [];
    for (const x of relationCells(c)) if (variable(x)) starts.push(x);
    const block = restoreBlock(starts);
    const small = block.length <= RESTORE_BLOCK;
    let ok = small || !tainted[c];
    // The corners whose proof came from a box through `c`: their best other live box, if any.
    const dead = ok ? (boxesOf[c] ?? []).filter((b) => proofs[b].alive) : [];
    const reproof = new Map<number, { box: number; up: number; down: number }>();
    if (ok) {
      stamp++;
      for (const b of dead) deadStamp[b] = stamp;
      const isDead = (b: number) => b >= 0 && deadStamp[b] === stamp;
      search: for (const b of dead) {
        for (const d of proofs[b].cells) {
          if (d === c || reproof.has(d) || !isDead(proofBox[d])) continue;
          let best = { box: -1, up: 0, down: 0 };
          for (const other of boxesOf[d] ?? []) {
            const box = proofs[other];
            if (!box.alive || isDead(other)) continue;
            const i = box.cells.indexOf(d);
            const [u, dn] = box.signs[i] > 0 ? [box.up, box.down] : [box.down, box.up];
            if (u + dn > best.up + best.down) best = { box: other, up: u, down: dn };
          }
          reproof.set(d, best);
          // Judged on the boxes alone, one corner left without a wide enough box decides it.
          if (!small && secret(d) && best.up + best.down < need) {
            ok = false;
            break search;
          }
        }
      }
    }
    if (ok && small) {
      const targets = block.filter((x) => {
        if (!secret(x)) return false;
        const r = reproof.get(x);
        return r ? r.up + r.down < need : !proven(x);
      });
      runs += 2 * targets.length;
      ok = solveBlock(m, block, targets, o.threshold).every((i) => widthOf(i) >= o.threshold);
    } else if (ok) {
      for (const [d, r] of reproof) if (secret(d) && r.up + r.down < need) ok = false;
    }
    if (!ok) {
      m.state[c] = CellState.hidden;
      continue;
    }
    for (const b of dead) proofs[b].alive = false;
    for (const [d, r] of reproof) {
      proofBox[d] = r.box;
      up[d] = r.up;
      down[d] = r.down;
    }
    proofBox[c] = -1;
    up[c] = 0;
    down[c] = 0;
    result.secondary--;
    result.restored++;
  }
  T('restore', t1);
  if (PROFILE) {
    STATS.restoreRuns = (STATS.restoreRuns ?? 0) + runs;
    STATS.restoreCandidates = (STATS.restoreCandidates ?? 0) + candidates.length;
  }
  return result;
}

function groupIsEq(m: TableModel, g: number): boolean {
  // The group's own constraint is the one that starts with its parent and has its children after.
  const group = m.groups[g];
  for (let k = m.cellConsStart[group.parent]; k < m.cellConsStart[group.parent + 1]; k++) {
    const r = m.cellCons[k];
    if (m.consStart[r + 1] - m.consStart[r] === group.children.length + 1 && m.consCell[m.consStart[r]] === group.parent && m.consEq[r]) return true;
  }
  return false;
}

/** A box of the beam before it is built: the box it comes from and the choice that extends it (null: as it is). */
interface Step {
  from: Box;
  choice: Choice | null;
  cost: number;
}

/** What `extend` would give, without building it: false where it gives null, else its cost and bounds in `out`. */
function probe(m: TableModel, box: Box, dim: number, choice: Choice, movable: (c: number) => boolean, cost: (c: number) => number, lo: (c: number) => number, hasSum: (c: number, dim: number) => boolean, out: { cost: number; minPlus: number; minMinus: number }): boolean {
  let total = box.cost;
  let { minPlus, minMinus } = box;
  if (choice.length > 1) {
    const own = m.code[dim][box.cells[0]];
    for (const [code, sign] of choice) {
      if (code === own) continue;
      for (let i = 0; i < box.cells.length; i++) {
        const c = cellAt(m, box.cells[i], dim, code);
        if (c < 0 && !hasSum(box.cells[i], dim)) continue;
        if (!movable(c)) return false;
        const s = box.signs[i] * sign;
        total += cost(c);
        if (s > 0) minPlus = Math.min(minPlus, lo(c));
        else minMinus = Math.min(minMinus, lo(c));
      }
    }
  }
  out.cost = total;
  out.minPlus = minPlus;
  out.minMinus = minMinus;
  return true;
}

/** Every corner of `box` (that has a sum in column `dim`) taken to the values of `choice` in column `dim`, or null if a corner is not there or cannot be hidden. */
function extend(m: TableModel, box: Box, dim: number, choice: Choice, movable: (c: number) => boolean, cost: (c: number) => number, lo: (c: number) => number, hasSum: (c: number, dim: number) => boolean): Box | null {
  if (choice.length === 1) return box;
  const own = m.code[dim][box.cells[0]];
  const cells = [...box.cells];
  const signs = [...box.signs];
  let total = box.cost;
  let { minPlus, minMinus } = box;
  for (const [code, sign] of choice) {
    if (code === own) continue;
    for (let i = 0; i < box.cells.length; i++) {
      const c = cellAt(m, box.cells[i], dim, code);
      // A corner with no such value and no sum in this column (kön is broken down only for all ages)
      // has nothing to balance there: it stays as it is.
      if (c < 0 && !hasSum(box.cells[i], dim)) continue;
      if (!movable(c)) return null;
      const s = box.signs[i] * sign;
      cells.push(c);
      signs.push(s);
      total += cost(c);
      if (s > 0) minPlus = Math.min(minPlus, lo(c));
      else minMinus = Math.min(minMinus, lo(c));
    }
  }
  return { cells, signs, cost: total, minPlus, minMinus, moved: box.moved | (1 << dim) };
}

/**
 * How far a box can move (δ up and down) while every relation of the model holds, with a count below
 * the threshold taken at its worst; `broken` names the columns of equations it changes (a sum it does
 * not close); null when it touches a relation with a cell the source left out, or nets a cell to 0.
 */
export function rangeChecker(m: TableModel, lo: (c: number) => number, hi: (c: number) => number, need: number, limits: Set<number>) {
  const change = new Float64Array(m.consEq.length);
  const net = new Float64Array(m.size);
  const slackOf = new Float64Array(m.consEq.length).fill(NaN);
  const touched: number[] = [];
  const corners: number[] = [];
  const slack = (r: number) => {
    let v = slackOf[r];
    if (!Number.isNaN(v)) return v;
    v = 0;
    for (let j = m.consStart[r]; j < m.consStart[r + 1]; j++) {
      const c = m.consCell[j];
      if (m.state[c] === CellState.unknown) return (slackOf[r] = -Infinity);
      const a = m.consCoef[j];
      v += a > 0 ? a * lo(c) : a * hi(c);
    }
    return (slackOf[r] = v);
  };
  return (box: { cells: number[]; signs: number[] }): { up: number; down: number } | { broken: number[] } | null => {
    touched.length = 0;
    corners.length = 0;
    for (let i = 0; i < box.cells.length; i++) {
      const c = box.cells[i];
      if (net[c] === 0) corners.push(c);
      net[c] += box.signs[i];
    }
    let result: { up: number; down: number } | { broken: number[] } | null = null;
    let up = Infinity;
    let down = Infinity;
    let ok = true;
    for (const c of corners) {
      const s = net[c];
      if (s === 0) ok = false;
      else if (s > 0) down = Math.min(down, lo(c) / s);
      else up = Math.min(up, lo(c) / -s);
      for (let k = m.cellConsStart[c]; k < m.cellConsStart[c + 1]; k++) {
        const r = m.cellCons[k];
        if (change[r] === 0) touched.push(r);
        change[r] += s * m.cellConsCoef[k];
      }
    }
    if (ok) {
      // The columns of the equations it changes, as bits (their order does not matter).
      let brokenMask = 0;
      for (const r of touched) if (change[r] !== 0 && m.consEq[r]) brokenMask |= 1 << m.consDim[r];
      if (brokenMask !== 0) {
        const broken: number[] = [];
        for (let d = 0; d < m.dims.length; d++) if (brokenMask & (1 << d)) broken.push(d);
        result = { broken };
      }
      else {
        for (const r of touched) {
          const ch = change[r];
          if (ch === 0) continue;
          const room = slack(r);
          if (room === -Infinity) {
            ok = false;
            break;
          }
          const bound = room / Math.abs(ch);
          if (bound < need) limits.add(m.consDim[r]);
          if (ch < 0) up = Math.min(up, bound);
          else down = Math.min(down, bound);
        }
        if (ok) result = { up: Math.max(0, Math.floor(up + 1e-9)), down: Math.max(0, Math.floor(down + 1e-9)) };
      }
    }
    for (const r of touched) change[r] = 0;
    for (const c of corners) net[c] = 0;
    return result;
  };
}

function periodRank(m: TableModel, period: number, cell: number): number {
  const p = String(m.rows[cell].period);
  const year = Number(p.slice(0, 4));
  const q = p.includes('-Q') ? Number(p.slice(-1)) : 4;
  return (year * 4 + q) * 2 + (p.includes('-Q') ? 0 : 1) + period * 0;
}

/** The same cell one quarter (or year) before, or -1. */
function previousPeriod(m: TableModel, period: number): (cell: number) => number {
  const label = new Map<number, string>();
  const codeOf = new Map<string, number>();
  for (let i = 0; i < m.size; i++) {
    const c = m.code[period][i];
    if (!label.has(c)) {
      label.set(c, String(m.rows[i].period));
      codeOf.set(String(m.rows[i].period), c);
    }
  }
  const prev = new Map<number, number>();
  for (const [c, p] of label) {
    const before = p.includes('-Q')
      ? (p.endsWith('Q1') ? `${Number(p.slice(0, 4)) - 1}-Q4` : `${p.slice(0, 6)}${Number(p.slice(-1)) - 1}`)
      : String(Number(p) - 1);
    const b = codeOf.get(before);
    if (b !== undefined) prev.set(c, b);
  }
  return (cell) => {
    const b = prev.get(m.code[period][cell]);
    return b === undefined ? -1 : cellAt(m, cell, period, b);
  };
}
