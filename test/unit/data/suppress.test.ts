// Anonymisation: small counts are never published, a hidden cell can never be recovered by
// subtracting published cells of a group (a total and its parts), and the audit agrees (disclosure.test.ts
// has the hand-worked intervals).
import { describe, expect, it } from 'vitest';
import { publish, type Tables } from '../../../src/data/pipeline.ts';
import { DATASETS, type DatasetName, DEFAULT_SUPPRESSION_THRESHOLD } from '../../../src/data/schema.ts';
import { audit } from '../../../src/data/disclosure/audit.ts';
import { suppress } from '../../../src/data/suppress.ts';
import type { DataRow } from '../../../src/data/validate.ts';
import { BESLUT_HEADER, csv, PLACERINGAR_HEADER, readAll } from './helpers.ts';

/**
 * Every additive group of published tables (a total and the parts that add up to it, per the contract's
 * `additive` dimensions) in which exactly one cell is hidden: such a cell is total − parts or Σ parts.
 * Written here independently of src/data so that the test does not trust the code it checks.
 */
function loneHiddenCells(tables: Tables): string[] {
  const found: string[] = [];
  for (const [name, rows] of Object.entries(tables) as [DatasetName, DataRow[]][]) {
    const spec = DATASETS[name];
    for (const dim of spec.additive ?? []) {
      // A total value (kon = totalt), or parts naming their total (overordnad_insats = Bostad: the parts
      // and the row with insats = Bostad are one group).
      const parentOf = (row: DataRow) => ('parent' in dim ? String(row[dim.parent] ?? '') : '');
      const family = (row: DataRow) => ('parent' in dim ? parentOf(row) || String(row[dim.column]) : '');
      const isTotal = (row: DataRow) => ('total' in dim ? row[dim.column] === dim.total : parentOf(row) === '');
      const groups = new Map<string, DataRow[]>();
      for (const row of rows) {
        if (dim.when && !dim.when(row)) continue;
        const key = JSON.stringify([...spec.key.filter((c) => c !== dim.column).map((c) => row[c]), family(row)]);
        groups.set(key, [...(groups.get(key) ?? []), row]);
      }
      for (const [key, cells] of groups) {
        const hasTotal = cells.some(isTotal);
        if (!hasTotal || cells.length < 2) continue;
        const hidden = cells.filter((r) => r.markering === 'sekretess');
        if (hidden.length === 1) found.push(`${name} by ${dim.column} ${key}: only ${dim.column}=${hidden[0][dim.column]} hidden`);
      }
    }
  }
  return found;
}

/** Cells published with a count from 1 up to the threshold (must be none). */
const smallCounts = (tables: Tables, threshold: number) =>
  Object.values(tables).flat().filter((r) => typeof r!.antal === 'number' && (r!.antal as number) >= 1 && (r!.antal as number) < threshold);

function placeringar(...lines: string[]) {
  const r = readAll({ 'placeringar.csv': csv(PLACERINGAR_HEADER, ...lines) });
  expect(r.errors).toEqual([]);
  return r.tables;
}
function beslut(...lines: string[]) {
  const r = readAll({ 'ej_verkstallda_beslut.csv': csv(BESLUT_HEADER, ...lines) });
  expect(r.errors).toEqual([]);
  return r.tables;
}
const cells = (rows: DataRow[] | undefined, ...cols: string[]) => (rows ?? []).map((r) => [...cols.map((c) => r[c]), r.antal, r.markering]);

describe('primary suppression', () => {
  it('the default threshold hides counts 1–3', () => expect(DEFAULT_SUPPRESSION_THRESHOLD).toBe(4));
  it('counts 1, 2 and 3 become NULL + sekretess; 0 and 4 are published', () => {
    const tables = placeringar(
      '2025-Q3;0180;S;jourhem;totalt;0-20;under_perioden;0',
      '2025-Q3;0180;S;familjehem;totalt;0-20;under_perioden;1',
      '2025-Q3;0180;S;natverkshem;totalt;0-20;under_perioden;2',
      '2025-Q3;0180;S;hvb;totalt;0-20;under_perioden;3',
      '2025-Q3;0180;S;sis;totalt;0-20;under_perioden;4',
      '2025-Q3;0180;S;totalt;totalt;0-20;under_perioden;10');
    const out = publish(tables, 4);
    expect(cells(out.tables.placeringar, 'placeringsform')).toEqual([
      ['jourhem', 0, null],
      ['familjehem', null, 'sekretess'],
      ['natverkshem', null, 'sekretess'],
      ['hvb', null, 'sekretess'],
      ['sis', 4, null],
      ['totalt', 10, null],
    ]);
    expect(out.suppressed.placeringar).toEqual({ primary: 3, secondary: 0 });
  });
  it('the threshold is configurable: with 5, a count of 4 is hidden too', () => {
    const tables = placeringar(
      '2025-Q3;0180;S;jourhem;totalt;0-20;under_perioden;4',
      '2025-Q3;0180;S;familjehem;totalt;0-20;under_perioden;5');
    expect(cells(publish(tables, 5).tables.placeringar, 'placeringsform')).toEqual([['jourhem', null, 'sekretess'], ['familjehem', 5, null]]);
    expect(cells(publish(tables, 4).tables.placeringar, 'placeringsform')).toEqual([['jourhem', 4, null], ['familjehem', 5, null]]);
  });
  it('the input rows are left as they were (publish works on copies)', () => {
    const tables = placeringar('2025-Q3;0180;S;jourhem;totalt;0-20;under_perioden;2');
    publish(tables, 4);
    expect(tables.placeringar?.[0].antal).toBe(2);
    expect(tables.placeringar?.[0].markering).toBeNull();
  });
  it('other markers stay as they were: saknas and inget_att_redovisa are not turned into sekretess', () => {
    const tables = placeringar('2025-Q3;0180;S;jourhem;totalt;0-20;under_perioden;..', '2025-Q3;0180;S;hvb;totalt;0-20;under_perioden;-');
    expect(cells(publish(tables, 4).tables.placeringar, 'placeringsform')).toEqual([['jourhem', null, 'saknas'], ['hvb', null, 'inget_att_redovisa']]);
  });
  it('shares are never suppressed', () => {
    const r = readAll({ 'natverkshemsandel.csv': csv('period;enhetskod;enhetsnamn;andel', '2022;00;Riket;2') });
    const out = publish(r.tables, 4);
    expect(out.tables.natverkshemsandel?.map((x) => [x.andel, x.markering])).toEqual([[2, null]]);
    expect(out.suppressed.natverkshemsandel).toBeUndefined();
  });
});

describe('secondary suppression', () => {
  it('kvinnor 2 / män 9 / totalt 11: män is hidden too, else 11 − 9 gives the 2 away', () => {
    const tables = beslut(
      '2025-Q3;2580;Luleå;SoL;ÄO;Särskilt boende;kvinnor;totalt;2',
      '2025-Q3;2580;Luleå;SoL;ÄO;Särskilt boende;män;totalt;9',
      '2025-Q3;2580;Luleå;SoL;ÄO;Särskilt boende;totalt;totalt;11');
    const out = publish(tables, 4);
    expect(cells(out.tables.ej_verkstallda_beslut, 'kon')).toEqual([['kvinnor', null, 'sekretess'], ['män', null, 'sekretess'], ['totalt', 11, null]]);
    expect(out.suppressed.ej_verkstallda_beslut).toEqual({ primary: 1, secondary: 1 });
    expect(loneHiddenCells(out.tables)).toEqual([]);
  });
  it('an input `*` counts as hidden: kvinnor * / män 9 / totalt 11 hides män', () => {
    const tables = beslut(
      '2025-Q3;2580;Luleå;SoL;ÄO;Särskilt boende;kvinnor;totalt;*',
      '2025-Q3;2580;Luleå;SoL;ÄO;Särskilt boende;män;totalt;9',
      '2025-Q3;2580;Luleå;SoL;ÄO;Särskilt boende;totalt;totalt;11');
    const out = publish(tables, 4);
    expect(cells(out.tables.ej_verkstallda_beslut, 'kon')).toEqual([['kvinnor', null, 'sekretess'], ['män', null, 'sekretess'], ['totalt', 11, null]]);
    expect(out.suppressed.ej_verkstallda_beslut).toEqual({ primary: 0, secondary: 1 });
  });
  it('a hidden total with published parts hides a part (else the parts add up to it)', () => {
    const tables = placeringar(
      '2025-Q3;0180;S;sis;totalt;0-20;under_perioden;3',
      '2025-Q3;0180;S;sis;flickor;0-20;under_perioden;0',
      '2025-Q3;0180;S;sis;pojkar;0-20;under_perioden;*');
    // pojkar is already hidden, total hidden by the threshold: two hidden cells, nothing more to do.
    expect(publish(tables, 4).suppressed.placeringar).toEqual({ primary: 1, secondary: 0 });
    const tables2 = placeringar(
      '2025-Q3;0180;S;sis;totalt;0-20;under_perioden;*',
      '2025-Q3;0180;S;sis;flickor;0-20;under_perioden;5',
      '2025-Q3;0180;S;sis;pojkar;0-20;under_perioden;7');
    const out = publish(tables2, 4);
    expect(cells(out.tables.placeringar, 'kon')).toEqual([['totalt', null, 'sekretess'], ['flickor', null, 'sekretess'], ['pojkar', 7, null]]);
    expect(loneHiddenCells(out.tables)).toEqual([]);
  });
  it('the complement is the smallest published positive part', () => {
    const tables = placeringar(
      '2025-Q3;0180;S;hvb;totalt;0-20;under_perioden;30',
      '2025-Q3;0180;S;hvb;totalt;0-12;under_perioden;0',
      '2025-Q3;0180;S;hvb;totalt;13-17;under_perioden;22',
      '2025-Q3;0180;S;hvb;totalt;18-20;under_perioden;8');
    // No count is small: nothing hidden.
    expect(publish(tables, 4).suppressed.placeringar).toEqual({ primary: 0, secondary: 0 });
    const tables2 = placeringar(
      '2025-Q3;0180;S;hvb;totalt;0-20;under_perioden;30',
      '2025-Q3;0180;S;hvb;totalt;0-12;under_perioden;2',
      '2025-Q3;0180;S;hvb;totalt;13-17;under_perioden;20',
      '2025-Q3;0180;S;hvb;totalt;18-20;under_perioden;8');
    expect(cells(publish(tables2, 4).tables.placeringar, 'aldersgrupp')).toEqual([
      ['0-20', 30, null], ['0-12', null, 'sekretess'], ['13-17', 20, null], ['18-20', null, 'sekretess'],
    ]);
  });
  it('a chain: hiding in the status group of kvinnor leaves the kon group of verkstallt with one hidden cell, and the fix propagates', () => {
    //             totalt  verkstallt  saknar_plats
    // totalt        20        12          8
    // kvinnor        8         6          2   ← 2 is below the threshold
    // män           12         6          6
    const grid: [string, string, number][] = [
      ['totalt', 'totalt', 20], ['totalt', 'verkstallt', 12], ['totalt', 'saknar_plats', 8],
      ['kvinnor', 'totalt', 8], ['kvinnor', 'verkstallt', 6], ['kvinnor', 'saknar_plats', 2],
      ['män', 'totalt', 12], ['män', 'verkstallt', 6], ['män', 'saknar_plats', 6],
    ];
    const tables = beslut(...grid.map(([kon, status, n]) => `2025-Q3;2580;Luleå;SoL;ÄO;Särskilt boende;${kon};${status};${n}`));
    const out = publish(tables, 4);
    const hidden = out.tables.ej_verkstallda_beslut!.filter((r) => r.markering === 'sekretess').map((r) => `${r.kon}/${r.status}`).sort();
    // kvinnor/saknar_plats (primary) → kvinnor/verkstallt (status group of kvinnor) and män/saknar_plats
    // (kon group of saknar_plats) → män/verkstallt (kon group of verkstallt, status group of män).
    expect(hidden).toEqual(['kvinnor/saknar_plats', 'kvinnor/verkstallt', 'män/saknar_plats', 'män/verkstallt']);
    expect(out.suppressed.ej_verkstallda_beslut).toEqual({ primary: 1, secondary: 3 });
    // Every total stays published; every published cell keeps its value.
    expect(cells(out.tables.ej_verkstallda_beslut, 'kon', 'status').filter((c) => c[3] === null)).toEqual([
      ['totalt', 'totalt', 20, null], ['totalt', 'verkstallt', 12, null], ['totalt', 'saknar_plats', 8, null],
      ['kvinnor', 'totalt', 8, null], ['män', 'totalt', 12, null],
    ]);
    expect(loneHiddenCells(out.tables)).toEqual([]);
  });
  it('the verksamhet group of SoL (insats totalt) is protected too', () => {
    const tables = beslut(
      '2025-Q3;2580;Luleå;SoL;totalt;totalt;totalt;totalt;20',
      '2025-Q3;2580;Luleå;SoL;ÄO;totalt;totalt;totalt;13',
      '2025-Q3;2580;Luleå;SoL;OF;totalt;totalt;totalt;5',
      '2025-Q3;2580;Luleå;SoL;IFO;totalt;totalt;totalt;2');
    const out = publish(tables, 4);
    expect(cells(out.tables.ej_verkstallda_beslut, 'verksamhet')).toEqual([
      ['totalt', 20, null], ['ÄO', 13, null], ['OF', null, 'sekretess'], ['IFO', null, 'sekretess'],
    ]);
    expect(loneHiddenCells(out.tables)).toEqual([]);
  });
  it('the insats group (parts of insats totalt) is protected too', () => {
    const tables = beslut(
      '2025-Q3;2580;Luleå;SoL;ÄO;totalt;totalt;totalt;25',
      '2025-Q3;2580;Luleå;SoL;ÄO;Särskilt boende;totalt;totalt;14',
      '2025-Q3;2580;Luleå;SoL;ÄO;Hemtjänst;totalt;totalt;8',
      '2025-Q3;2580;Luleå;SoL;ÄO;Dagverksamhet;totalt;totalt;3');
    expect(cells(publish(tables, 4).tables.ej_verkstallda_beslut, 'insats')).toEqual([
      ['totalt', 25, null], ['Särskilt boende', 14, null], ['Hemtjänst', null, 'sekretess'], ['Dagverksamhet', null, 'sekretess'],
    ]);
  });
});

/** A small seeded PRNG (mulberry32), so a failing case can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Many small counts (half of them below 4) so that suppression has work to do. */
const smallish = (rnd: () => number) => (rnd() < 0.5 ? Math.floor(rnd() * 4) : Math.floor(rnd() * 15));

describe('after publish, no additive group has exactly one hidden cell', () => {
  it('random consistent decision tables (verksamhet × insats × kon × status), 40 seeds: the audit passes (and no group has one hidden cell) or stops the build', async () => {
    let stopped = 0;
    const statuses = ['verkstallt', 'tackat_nej', 'saknar_plats'];
    const insatser: Record<string, string[]> = { ÄO: ['Särskilt boende', 'Hemtjänst'], IFO: ['Kontaktperson'], OF: ['Boendestöd', 'Ledsagning'] };
    let secondary = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = random(seed);
      const lines: string[] = [];
      const starred = rnd() < 0.3;
      const areaTotals = new Map<string, number>(); // `${kon}|${status}` summed over verksamheter
      for (const [area, list] of Object.entries(insatser)) {
        const sums = new Map<string, number>(); // `${kon}|${status}` summed over insatser
        for (const insats of list) {
          const n: Record<string, Record<string, number>> = {};
          for (const kon of ['kvinnor', 'män']) {
            n[kon] = {};
            for (const st of statuses) n[kon][st] = smallish(rnd);
            n[kon].totalt = statuses.reduce((s, st) => s + n[kon][st], 0);
          }
          n.totalt = Object.fromEntries([...statuses, 'totalt'].map((st) => [st, n.kvinnor[st] + n.män[st]]));
          for (const kon of ['totalt', 'kvinnor', 'män']) {
            for (const st of ['totalt', ...statuses]) {
              const v = n[kon][st];
              sums.set(`${kon}|${st}`, (sums.get(`${kon}|${st}`) ?? 0) + v);
              const cell = starred && v > 0 && v < 4 && rnd() < 0.5 ? '*' : String(v);
              lines.push(`2025-Q3;2580;Luleå;SoL;${area};${insats};${kon};${st};${cell}`);
            }
          }
        }
        for (const [k, v] of sums) {
          const [kon, st] = k.split('|');
          areaTotals.set(k, (areaTotals.get(k) ?? 0) + v);
          lines.push(`2025-Q3;2580;Luleå;SoL;${area};totalt;${kon};${st};${v}`);
        }
      }
      for (const [k, v] of areaTotals) {
        const [kon, st] = k.split('|');
        lines.push(`2025-Q3;2580;Luleå;SoL;totalt;totalt;${kon};${st};${v}`);
      }
      const r = readAll({ 'ej_verkstallda_beslut.csv': csv(BESLUT_HEADER, ...lines) });
      expect(r.errors, `seed ${seed}`).toEqual([]);
      const out = publish(r.tables, 4);
      secondary += out.suppressed.ej_verkstallda_beslut!.secondary;
      // A lone hidden cell is one a reader can work out: the audit must then stop the build. Without a
      // source's own `*` every table is protected; beside a `*` with too little room around it (tiny
      // random tables) the build may instead stop and name the cells.
      const failures = (await audit(out.models, 4)).failures;
      if (!starred) expect(failures, `seed ${seed}`).toEqual([]);
      if (failures.length > 0) stopped++;
      else expect(loneHiddenCells(out.tables), `seed ${seed}`).toEqual([]);
      expect(smallCounts(out.tables, 4), `seed ${seed}`).toEqual([]);
      // Published cells keep their input value: suppression only hides, never changes.
      r.tables.ej_verkstallda_beslut!.forEach((row, i) => {
        const o = out.tables.ej_verkstallda_beslut![i];
        if (o.markering !== 'sekretess') expect(o.antal).toBe(row.antal);
      });
    }
    expect(secondary).toBeGreaterThan(40); // the random tables do exercise secondary suppression
    // Only tables with a source's own `*` stop (about 30 % have one).
    expect(stopped).toBeLessThan(20);
  }, 120_000);
  it('random consistent placement tables (kon × aldersgrupp), 300 seeds, thresholds 4 and 5: none a reader can narrow', async () => {
    const ages = ['0-12', '13-17', '18-20'];
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = random(1000 + seed);
      const lines: string[] = [];
      for (const form of ['jourhem', 'familjehem', 'hvb']) {
        const n: Record<string, Record<string, number>> = {};
        for (const kon of ['flickor', 'pojkar']) {
          n[kon] = {};
          for (const age of ages) n[kon][age] = smallish(rnd);
          n[kon]['0-20'] = ages.reduce((s, a) => s + n[kon][a], 0);
        }
        n.totalt = Object.fromEntries([...ages, '0-20'].map((a) => [a, n.flickor[a] + n.pojkar[a]]));
        for (const kon of ['totalt', 'flickor', 'pojkar']) {
          for (const age of ['0-20', ...ages]) lines.push(`2025-Q3;0180;S;${form};${kon};${age};under_perioden;${n[kon][age]}`);
        }
      }
      const r = readAll({ 'placeringar.csv': csv(PLACERINGAR_HEADER, ...lines) });
      expect(r.errors, `seed ${seed}`).toEqual([]);
      for (const threshold of [4, 5]) {
        const out = publish(r.tables, threshold);
        expect(loneHiddenCells(out.tables), `seed ${seed}, threshold ${threshold}`).toEqual([]);
        expect(smallCounts(out.tables, threshold), `seed ${seed}, threshold ${threshold}`).toEqual([]);
        expect((await audit(out.models, threshold)).failures, `seed ${seed}, threshold ${threshold}`).toEqual([]);
      }
    }
  }, 120_000);
  it('the checker itself finds a lone hidden cell (it is not vacuous)', () => {
    const tables = beslut(
      '2025-Q3;2580;Luleå;SoL;ÄO;Särskilt boende;kvinnor;totalt;2',
      '2025-Q3;2580;Luleå;SoL;ÄO;Särskilt boende;män;totalt;9',
      '2025-Q3;2580;Luleå;SoL;ÄO;Särskilt boende;totalt;totalt;11');
    const onlyPrimary = tables.ej_verkstallda_beslut!.map((r) => (r.antal === 2 ? { ...r, antal: null, markering: 'sekretess' } : r));
    expect(loneHiddenCells({ ej_verkstallda_beslut: onlyPrimary })).toHaveLength(1);
  });
  it('suppress() reports the hidden cells it added', () => {
    const tables = beslut(
      '2025-Q3;2580;Luleå;SoL;ÄO;Särskilt boende;kvinnor;totalt;2',
      '2025-Q3;2580;Luleå;SoL;ÄO;Särskilt boende;män;totalt;9',
      '2025-Q3;2580;Luleå;SoL;ÄO;Särskilt boende;totalt;totalt;11');
    const r = suppress(DATASETS.ej_verkstallda_beslut, tables.ej_verkstallda_beslut!, 4);
    expect([r.primary, r.secondary]).toEqual([1, 1]);
  });
});
