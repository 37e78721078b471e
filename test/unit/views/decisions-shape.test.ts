// The shaping of decision rows into the comparison table and chart rows (src/views/decisions/shape.ts, comparison.ts),
// on the bundled Luleå figures: the table must read like the committee report's (source 002).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparisonPeriods, comparisonTable, type ComparisonTable } from '../../../src/views/decisions/comparison.ts';
import { compareInsats, insatsBars, insatsLabel, sexBars, statusBars, statusLabel, periodsWithHiddenParts } from '../../../src/views/decisions/shape.ts';
import { NodeRunner } from '../../../src/queries/node-runner.ts';
import { loadDecisionData, type DecisionData } from '../../../src/views/decisions/data.ts';
import { publishFixture } from '../helpers/publish-fixture.ts';

let runner: NodeRunner;
let data: DecisionData;

beforeAll(async () => {
  const real = (name: string) => readFileSync(fileURLToPath(new URL(`../../../data/${name}`, import.meta.url)), 'utf8');
  const { dir } = await publishFixture({
    'ej_verkstallda_beslut.csv': real('ej_verkstallda_beslut.csv'),
    'enheter.csv': real('enheter.csv'),
    'kallor.csv': real('kallor.csv'),
  });
  runner = await NodeRunner.open(dir);
  data = await loadDecisionData(runner, { unit: '2580' });
});

afterAll(() => runner?.close());

/** The table as text rows: header, then label and cell texts (with "*" after a flagged total). */
function asText(table: ComparisonTable): string[][] {
  return table.groups.flatMap((g) => [
    ...(g.heading ? [[`# ${g.heading}`]] : []),
    ...g.rows.map((r) => [r.label, ...r.cells.map((c) => c.text + (c.hiddenParts ? '*' : ''))]),
  ]);
}

describe('the three-quarter comparison table', () => {
  it('covers the latest quarter and the two before it', () => {
    expect(comparisonPeriods('2025-Q4')).toEqual(['2025-Q2', '2025-Q3', '2025-Q4']);
    expect(comparisonPeriods('2026-Q1')).toEqual(['2025-Q3', '2025-Q4', '2026-Q1']);
    expect(comparisonPeriods('2025-Q4', '2025-Q3')).toEqual(['2025-Q3', '2025-Q4']);
    expect(comparisonPeriods(null)).toEqual([]);
  });

  it('lays out LSS like the report: 9.1 to 9.10 in order, then the total', () => {
    const table = comparisonTable(data.insatser, 'LSS', comparisonPeriods(data.latest)) as ComparisonTable;
    const hidden = 'Skyddad av sekretess';
    const none = 'Inget att redovisa';
    expect(asText(table)).toEqual([
      ['9.1 Rådgivning eller annat personligt stöd', none, none, none],
      // 1, 1, 1 in the report: below the threshold, so never a number here.
      ['9.2 Biträde av personlig assistans', hidden, hidden, hidden],
      ['9.3 Ledsagarservice', none, none, none],
      ['9.4 Biträde av kontaktperson', '18', '18', '13'],
      ['9.5 Avlösarservice i hemmet', none, none, none],
      ['9.6 Korttidsvistelse utanför det egna hemmet', none, none, none],
      ['9.7 Korttidstillsyn för skolungdom över 12 år', none, none, none],
      ['9.8 Boende i familjehem eller bostad med särskild service för barn eller ungdomar', none, none, none],
      // Q4: 36 − 13 − 18 leaves 5 for 9.2 and 9.10 together, 0 to 5 each for a reader (six values).
      ['9.9 Bostad med särskild service för vuxna eller annan särskild anpassad bostad för vuxna', '27', '24', '18'],
      // 5, 5, 4 in the report: hidden with 9.2 (1 each quarter) so that neither can be worked out.
      ['9.10 Daglig verksamhet', hidden, hidden, hidden],
      ['Totalt LSS', '51*', '48*', '36*'],
    ]);
    expect(table.hasHiddenParts).toBe(true);
    expect(table.hasHidden).toBe(true);
  });

  it('lays out SoL by area with each area\'s total and the total of all areas', () => {
    const table = comparisonTable(data.insatser, 'SoL', comparisonPeriods(data.latest)) as ComparisonTable;
    const rows = asText(table);
    expect(rows.filter((r) => r[0].startsWith('#'))).toEqual([
      ['# Äldreomsorg (ÄO)'], ['# Omsorg om funktionshindrade (OF)'], ['# Individ- och familjeomsorg (IFO)'],
    ]);
    const row = (label: string) => rows.find((r) => r[0] === label);
    const hidden = 'Skyddad av sekretess';
    // Q4 has the breakdown by sex and status with many small counts: protecting them against every
    // relation (not just "two hidden per group") hides OF's and IFO's totals and Särskilt boende that quarter.
    expect(row('Särskilt boende')).toEqual(['Särskilt boende', '48', '69', hidden]);
    expect(row('Totalt ÄO')).toEqual(['Totalt ÄO', '62', '84', '80*']);
    expect(row('Totalt OF')).toEqual(['Totalt OF', '4*', '6*', hidden]);
    expect(row('Totalt IFO')).toEqual(['Totalt IFO', '17*', '19*', hidden]);
    // Q2 and Q3's area totals are published, so the parts shown add up: no footnote there; the overall
    // total of Q4 stays published, with the footnote that it includes hidden parts.
    expect(rows[rows.length - 1]).toEqual(['Totalt samtliga verksamheter', '83', '109', '111*']);
    // Q4's "Bostad" is reported as one row, Q2 and Q3 per housing unit: a quarter without the row says so.
    expect(row('Bostad')).toEqual(['Bostad', 'Uppgift saknas', 'Uppgift saknas', '12']);
    // No cell below the threshold is a number anywhere in the table.
    for (const g of table.groups) for (const r of g.rows) for (const c of r.cells) {
      if (c.markering === 'sekretess') expect(c.text).toBe('Skyddad av sekretess');
      if (c.antal !== null) expect(c.antal === 0 || c.antal >= 4).toBe(true);
    }
  });

  it('is null for a law without figures in the quarters', () => {
    expect(comparisonTable(data.insatser, 'SoL', ['2019-Q1'])).toBeNull();
  });
});

describe('chart rows', () => {
  it('sorts insatser as the reports number them', () => {
    expect(['9.10 Daglig verksamhet', '9.2 Biträde', '9.1 Rådgivning'].sort(compareInsats)).toEqual([
      '9.1 Rådgivning', '9.2 Biträde', '9.10 Daglig verksamhet',
    ]);
  });

  it('gives one bar per SoL insats, named with its area', () => {
    const bars = insatsBars(data.insatser, 'SoL', '2025-Q4');
    const named = bars.map((b) => [insatsLabel(b.kategori), b.varde, b.markering]);
    expect(named.slice(0, 4)).toEqual([
      ['Dagverksamhet/sysselsättning (ÄO)', null, 'sekretess'],
      ['Kontaktperson (ÄO)', 6, null],
      ['Korttidsboende (ÄO)', null, 'inget_att_redovisa'],
      ['Särskilt boende (ÄO)', null, 'sekretess'],
    ]);
    expect(named).toContainEqual(['Kontaktfamilj (IFO)', 5, null]);
    expect(named).toContainEqual(['Öppenvården (IFO)', null, 'sekretess']);
    expect(bars.every((b) => !b.kategori.endsWith('|totalt'))).toBe(true);
  });

  it('gives women and men per law', () => {
    expect(sexBars(data.sexes, '2025-Q4')).toEqual([
      { kategori: 'SoL', grupp: 'kvinnor', varde: 63, markering: null },
      { kategori: 'SoL', grupp: 'män', varde: 48, markering: null },
      { kategori: 'LSS', grupp: 'kvinnor', varde: 11, markering: null },
      { kategori: 'LSS', grupp: 'män', varde: 25, markering: null },
    ]);
    expect(sexBars(data.sexes, '2025-Q3')).toEqual([]);
  });

  it('labels a status summed over insatser with hidden parts as a lower bound', () => {
    const label = statusLabel(data.statuses, 'SoL');
    expect(label('verkstallt')).toBe('Verkställt efter rapportperioden, minst');
    expect(label('tackat_nej')).toBe('Den enskilde har tackat nej, minst');
    // A hidden sum is a marker, not a lower bound.
    expect(label('avliden')).toBe('Den enskilde har avlidit');
    const lss = statusBars(data.statuses, 'LSS');
    // LSS personalskal (8 in the report) is summed over 9.4, 9.9 and 9.10, whose Q4 personalskal cells are
    // all published: the sum is exact, with no "minst".
    expect(lss.find((b) => b.kategori === 'personalskal')).toEqual({ kategori: 'personalskal', varde: 8, markering: null });
    expect(statusLabel(data.statuses, 'LSS')('personalskal')).toBe('Personalrelaterade skäl');
  });

  it('lists the periods whose totals include hidden parts', () => {
    expect(periodsWithHiddenParts(data.totals.filter((t) => t.lag === 'SoL'))).toEqual(['2025-Q2', '2025-Q3', '2025-Q4']);
  });
});
