// The SQL of the page "Ej verkställda beslut" on published data: a small fixture whose suppression is
// worked out by hand below, and the bundled Luleå figures typed from the committee reports (source 002).
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeRunner } from '../../../src/queries/node-runner.ts';
import {
  areasQuery,
  insatserQuery,
  latestPeriodQuery,
  sexQuery,
  citedSourcesQuery,
  statusQuery,
  totalsQuery,
  type InsatsRow,
} from '../../../src/queries/decisions.ts';
import { runQuery as run } from '../../../src/queries/dashboard-common.ts';
import { loadDecisionData } from '../../../src/views/decisions/data.ts';
import { publishFixture } from '../helpers/publish-fixture.ts';

const header = 'period;enhetskod;enhetsnamn;lag;verksamhet;insats;kon;status;antal;kalla';
// Threshold 4. Primary: Kontaktperson ÄO (2) and Bostad IFO tackat_nej (2). Secondary, worked out by
// hand: Bostad's statuses then have one hidden cell, so verkstallt (4) is hidden too; ÄO's insatser have
// one, so the smallest positive open part, Särskilt boende (12), is hidden; that leaves one hidden cell
// among Särskilt boende's statuses, so verkstallt (5) goes as well. Published: 20, 14, 0, 6, 6, 7, 11, 9.
const fixture = [
  header,
  '2025-Q1;1111;Testby;SoL;totalt;totalt;totalt;totalt;17;t',
  '2025-Q3;1111;Testby;SoL;totalt;totalt;totalt;totalt;20;t',
  '2025-Q3;1111;Testby;SoL;ÄO;totalt;totalt;totalt;14;t',
  '2025-Q3;1111;Testby;SoL;ÄO;Särskilt boende;totalt;totalt;12;t',
  '2025-Q3;1111;Testby;SoL;ÄO;Kontaktperson;totalt;totalt;2;t',
  '2025-Q3;1111;Testby;SoL;ÄO;Dagverksamhet;totalt;totalt;0;t',
  '2025-Q3;1111;Testby;SoL;IFO;totalt;totalt;totalt;6;t',
  '2025-Q3;1111;Testby;SoL;IFO;Bostad;totalt;totalt;6;t',
  '2025-Q3;1111;Testby;SoL;ÄO;Särskilt boende;totalt;verkstallt;5;t',
  '2025-Q3;1111;Testby;SoL;ÄO;Särskilt boende;totalt;saknar_plats;7;t',
  '2025-Q3;1111;Testby;SoL;IFO;Bostad;totalt;verkstallt;4;t',
  '2025-Q3;1111;Testby;SoL;IFO;Bostad;totalt;tackat_nej;2;t',
  '2025-Q3;1111;Testby;SoL;totalt;totalt;kvinnor;totalt;11;t',
  '2025-Q3;1111;Testby;SoL;totalt;totalt;män;totalt;9;t',
  '2025-Q4;1111;Testby;SoL;totalt;totalt;totalt;totalt;25;t',
  '2025-Q4;1111;Testby;LSS;;totalt;totalt;totalt;9;t2',
  '2025-Q4;1111;Testby;LSS;;9.10 Daglig verksamhet;totalt;totalt;5;t2',
  '2025-Q4;1111;Testby;LSS;;9.2 Biträde av personlig assistans;totalt;totalt;4;t2',
  '2025-Q4;1111;Testby;LSS;;9.4 Biträde av kontaktperson;totalt;totalt;-;t2',
  '2025-Q4;1111;Testby;LSS;;totalt;kvinnor;totalt;5;t2',
  '2025-Q4;1111;Testby;LSS;;totalt;män;totalt;4;t2',
  '2025-Q4;2222;Annanstad;SoL;totalt;totalt;totalt;totalt;40;t',
].join('\n');
const kallor = 'kalla;titel\nt;Testrapport SoL\nt2;Testrapport LSS';

const UNIT = { unit: '1111' };

let runner: NodeRunner;
let lulea: NodeRunner;

beforeAll(async () => {
  const { dir } = await publishFixture({ 'ej_verkstallda_beslut.csv': fixture, 'kallor.csv': kallor });
  runner = await NodeRunner.open(dir);
  const real = (name: string) => readFileSync(fileURLToPath(new URL(`../../../data/${name}`, import.meta.url)), 'utf8');
  const published = await publishFixture({
    'ej_verkstallda_beslut.csv': real('ej_verkstallda_beslut.csv'),
    'enheter.csv': real('enheter.csv'),
    'kallor.csv': real('kallor.csv'),
  });
  lulea = await NodeRunner.open(published.dir);
});

afterAll(() => {
  runner?.close();
  lulea?.close();
});

describe('totals per quarter', () => {
  it('are the published totals rows, with the hidden cells below them counted', async () => {
    expect(await run(runner, totalsQuery(UNIT))).toEqual([
      { period: '2025-Q1', lag: 'SoL', antal: 17, markering: null, dolda_delar: 0 },
      // Kontaktperson, Särskilt boende, both verkstallt and tackat_nej are hidden below the 20.
      { period: '2025-Q3', lag: 'SoL', antal: 20, markering: null, dolda_delar: 5 },
      { period: '2025-Q4', lag: 'LSS', antal: 9, markering: null, dolda_delar: 0 },
      { period: '2025-Q4', lag: 'SoL', antal: 25, markering: null, dolda_delar: 0 },
    ]);
  });

  it('take the sex and the period range from the filter', async () => {
    expect(await run(runner, totalsQuery({ ...UNIT, sex: 'kvinnor' }))).toEqual([
      { period: '2025-Q3', lag: 'SoL', antal: 11, markering: null, dolda_delar: 0 },
      { period: '2025-Q4', lag: 'LSS', antal: 5, markering: null, dolda_delar: 0 },
    ]);
    const rows = await run<{ period: string }>(runner, totalsQuery({ ...UNIT, from: '2025-Q2', to: '2025-Q3' }));
    expect(rows.map((r) => r.period)).toEqual(['2025-Q3']);
  });

  it('bind a hostile unit as a value, never as SQL', async () => {
    expect(await run(runner, totalsQuery({ unit: "1111' OR '1'='1" }))).toEqual([]);
  });
});

describe('by area, insats, sex and status', () => {
  it('gives SoL per area with the hidden parts of each', async () => {
    expect(await run(runner, areasQuery(UNIT))).toEqual([
      { period: '2025-Q3', verksamhet: 'ÄO', antal: 14, markering: null, dolda_delar: 3 },
      { period: '2025-Q3', verksamhet: 'IFO', antal: 6, markering: null, dolda_delar: 2 },
    ]);
  });

  it('gives every insats cell, hidden ones as NULL with their marker', async () => {
    const rows = await run<InsatsRow>(runner, insatserQuery({ ...UNIT, from: '2025-Q3', to: '2025-Q3' }));
    expect(rows).toEqual([
      { period: '2025-Q3', lag: 'SoL', verksamhet: 'IFO', insats: 'Bostad', overordnad_insats: '', antal: 6, markering: null, dolda_delar: 2 },
      { period: '2025-Q3', lag: 'SoL', verksamhet: 'IFO', insats: 'totalt', overordnad_insats: '', antal: 6, markering: null, dolda_delar: 2 },
      { period: '2025-Q3', lag: 'SoL', verksamhet: 'totalt', insats: 'totalt', overordnad_insats: '', antal: 20, markering: null, dolda_delar: 5 },
      { period: '2025-Q3', lag: 'SoL', verksamhet: 'ÄO', insats: 'Dagverksamhet', overordnad_insats: '', antal: 0, markering: null, dolda_delar: 0 },
      { period: '2025-Q3', lag: 'SoL', verksamhet: 'ÄO', insats: 'Kontaktperson', overordnad_insats: '', antal: null, markering: 'sekretess', dolda_delar: 0 },
      { period: '2025-Q3', lag: 'SoL', verksamhet: 'ÄO', insats: 'Särskilt boende', overordnad_insats: '', antal: null, markering: 'sekretess', dolda_delar: 1 },
      { period: '2025-Q3', lag: 'SoL', verksamhet: 'ÄO', insats: 'totalt', overordnad_insats: '', antal: 14, markering: null, dolda_delar: 3 },
    ]);
  });

  it('gives women and men per law, whatever the sex filter', async () => {
    const expected = [
      { period: '2025-Q3', lag: 'SoL', kon: 'kvinnor', antal: 11, markering: null, dolda_delar: 0 },
      { period: '2025-Q3', lag: 'SoL', kon: 'män', antal: 9, markering: null, dolda_delar: 0 },
      { period: '2025-Q4', lag: 'LSS', kon: 'kvinnor', antal: 5, markering: null, dolda_delar: 0 },
      { period: '2025-Q4', lag: 'LSS', kon: 'män', antal: 4, markering: null, dolda_delar: 0 },
    ];
    expect(await run(runner, sexQuery(UNIT))).toEqual(expected);
    expect(await run(runner, sexQuery({ ...UNIT, sex: 'män' }))).toEqual(expected);
  });

  it('adds up the status per insats only from published parts, and counts the hidden ones', async () => {
    expect(await run(runner, statusQuery(UNIT, '2025-Q3'))).toEqual([
      // Both verkstallt cells (5 and 4) are hidden: no number, never 0.
      { lag: 'SoL', status: 'saknar_plats', antal: 7, markering: null, dolda_delar: 0, summerad: true },
      { lag: 'SoL', status: 'tackat_nej', antal: null, markering: 'sekretess', dolda_delar: 1, summerad: true },
      { lag: 'SoL', status: 'verkstallt', antal: null, markering: 'sekretess', dolda_delar: 2, summerad: true },
    ]);
  });

  it('uses a published total per status as published', async () => {
    const csv = [
      header,
      '2025-Q4;3333;Tredje;LSS;;totalt;totalt;totalt;30;',
      '2025-Q4;3333;Tredje;LSS;;totalt;totalt;verkstallt;12;',
      '2025-Q4;3333;Tredje;LSS;;totalt;totalt;saknar_plats;18;',
      '2025-Q4;3333;Tredje;LSS;;9.9 Bostad;totalt;totalt;30;',
      '2025-Q4;3333;Tredje;LSS;;9.9 Bostad;totalt;verkstallt;12;',
      '2025-Q4;3333;Tredje;LSS;;9.9 Bostad;totalt;saknar_plats;18;',
    ].join('\n');
    const { dir } = await publishFixture({ 'ej_verkstallda_beslut.csv': csv });
    const own = await NodeRunner.open(dir);
    try {
      expect(await run(own, statusQuery({ unit: '3333' }, '2025-Q4'))).toEqual([
        { lag: 'LSS', status: 'saknar_plats', antal: 18, markering: null, dolda_delar: 0, summerad: false },
        { lag: 'LSS', status: 'verkstallt', antal: 12, markering: null, dolda_delar: 0, summerad: false },
      ]);
    } finally {
      own.close();
    }
  });
});

describe('sub-insatser (overordnad_insats)', () => {
  const subHeader = 'period;enhetskod;enhetsnamn;lag;verksamhet;insats;overordnad_insats;kon;status;antal';
  async function published(lines: string[]) {
    const { dir } = await publishFixture({ 'ej_verkstallda_beslut.csv': [subHeader, ...lines].join('\n') });
    return NodeRunner.open(dir);
  }

  it('add a status up over the insatser without counting a sub-insats again beside its parent', async () => {
    // IFO 18 = Bostad 12 + Kontaktperson 6; Bostad 12 = Fyren 4 + Övergångslägenhet 8. Nothing below 4.
    const own = await published([
      '2025-Q4;4444;Fjärde;SoL;IFO;totalt;;totalt;totalt;18',
      '2025-Q4;4444;Fjärde;SoL;IFO;Bostad;;totalt;totalt;12',
      '2025-Q4;4444;Fjärde;SoL;IFO;Bostad;;totalt;verkstallt;8',
      '2025-Q4;4444;Fjärde;SoL;IFO;Bostad;;totalt;saknar_plats;4',
      '2025-Q4;4444;Fjärde;SoL;IFO;Bostad/Fyren;Bostad;totalt;totalt;4',
      '2025-Q4;4444;Fjärde;SoL;IFO;Bostad/Fyren;Bostad;totalt;verkstallt;4',
      '2025-Q4;4444;Fjärde;SoL;IFO;Bostad/Övergångslägenhet;Bostad;totalt;totalt;8',
      '2025-Q4;4444;Fjärde;SoL;IFO;Bostad/Övergångslägenhet;Bostad;totalt;verkstallt;4',
      '2025-Q4;4444;Fjärde;SoL;IFO;Bostad/Övergångslägenhet;Bostad;totalt;saknar_plats;4',
      '2025-Q4;4444;Fjärde;SoL;IFO;Kontaktperson;;totalt;totalt;6',
      '2025-Q4;4444;Fjärde;SoL;IFO;Kontaktperson;;totalt;verkstallt;6',
    ]);
    try {
      // verkställt 8 + 6 = 14, not 8 + 4 + 4 + 6 = 22; saknar plats 4, not 4 + 4.
      expect(await run(own, statusQuery({ unit: '4444' }, '2025-Q4'))).toEqual([
        { lag: 'SoL', status: 'saknar_plats', antal: 4, markering: null, dolda_delar: 0, summerad: true },
        { lag: 'SoL', status: 'verkstallt', antal: 14, markering: null, dolda_delar: 0, summerad: true },
      ]);
    } finally {
      own.close();
    }
  });

  it('are given with their parent, and a parent counts its hidden sub-insatser', async () => {
    // Fyren 2 is below the threshold; Krongyllen 8 is hidden beside it (else 10 − 8 = 2).
    const own = await published([
      '2025-Q4;5555;Femte;SoL;IFO;totalt;;totalt;totalt;10',
      '2025-Q4;5555;Femte;SoL;IFO;Bostad;;totalt;totalt;10',
      '2025-Q4;5555;Femte;SoL;IFO;Bostad/Fyren;Bostad;totalt;totalt;2',
      '2025-Q4;5555;Femte;SoL;IFO;Bostad/Krongyllen;Bostad;totalt;totalt;8',
    ]);
    try {
      expect(await run<InsatsRow>(own, insatserQuery({ unit: '5555' }))).toEqual([
        { period: '2025-Q4', lag: 'SoL', verksamhet: 'IFO', insats: 'Bostad', overordnad_insats: '', antal: 10, markering: null, dolda_delar: 2 },
        { period: '2025-Q4', lag: 'SoL', verksamhet: 'IFO', insats: 'Bostad/Fyren', overordnad_insats: 'Bostad', antal: null, markering: 'sekretess', dolda_delar: 0 },
        { period: '2025-Q4', lag: 'SoL', verksamhet: 'IFO', insats: 'Bostad/Krongyllen', overordnad_insats: 'Bostad', antal: null, markering: 'sekretess', dolda_delar: 0 },
        { period: '2025-Q4', lag: 'SoL', verksamhet: 'IFO', insats: 'totalt', overordnad_insats: '', antal: 10, markering: null, dolda_delar: 2 },
      ]);
    } finally {
      own.close();
    }
  });
});

describe('latest quarter and sources', () => {
  it('finds the latest quarter within the range', async () => {
    expect(await run(runner, latestPeriodQuery(UNIT))).toEqual([{ period: '2025-Q4' }]);
    expect(await run(runner, latestPeriodQuery({ ...UNIT, to: '2025-Q2' }))).toEqual([{ period: '2025-Q1' }]);
    expect(await run(runner, latestPeriodQuery({ unit: '9876' }))).toEqual([{ period: null }]);
  });

  it('names the sources cited in the range', async () => {
    expect(await run(runner, citedSourcesQuery(UNIT))).toEqual([{ lag: 'LSS', kalla: 't2' }, { lag: 'SoL', kalla: 't' }]);
    expect(await run(runner, citedSourcesQuery({ ...UNIT, to: '2025-Q3' }))).toEqual([{ lag: 'SoL', kalla: 't' }]);
  });
});

describe('the bundled Luleå figures (source 002)', () => {
  it('give the reports\' totals: SoL 83, 109, 111 and LSS 51, 48, 36 for 2025-Q2 to Q4', async () => {
    const rows = await run<{ period: string; lag: string; antal: number | null }>(lulea, totalsQuery({ unit: '2580' }));
    const of = (lag: string) => rows.filter((r) => r.lag === lag).map((r) => [r.period, r.antal]);
    expect(of('SoL')).toEqual([['2025-Q2', 83], ['2025-Q3', 109], ['2025-Q4', 111]]);
    expect(of('LSS')).toEqual([['2025-Q2', 51], ['2025-Q3', 48], ['2025-Q4', 36]]);
  });

  it('give the area totals of the comparison table and the sexes of Q4', async () => {
    const areas = await run<{ period: string; verksamhet: string; antal: number }>(lulea, areasQuery({ unit: '2580' }));
    const of = (v: string) => areas.filter((r) => r.verksamhet === v).map((r) => r.antal);
    // Q4's OF and IFO totals are hidden: their breakdown by insats, sex and status has many small counts.
    expect(of('ÄO')).toEqual([62, 84, 80]);
    expect(of('OF')).toEqual([4, 6, null]);
    expect(of('IFO')).toEqual([17, 19, null]);
    const sexes = await run<{ lag: string; kon: string; antal: number }>(lulea, sexQuery({ unit: '2580', from: '2025-Q4' }));
    expect(sexes.map((r) => [r.lag, r.kon, r.antal])).toEqual([
      ['LSS', 'kvinnor', 11], ['LSS', 'män', 25], ['SoL', 'kvinnor', 63], ['SoL', 'män', 48],
    ]);
  });

  it('load everything the page shows in one go', async () => {
    const data = await loadDecisionData(lulea, { unit: '2580' });
    expect(data.latest).toBe('2025-Q4');
    expect(data.sources).toEqual(['lss-2025q4', 'sol-2025q4']);
    expect(data.sourcesByLaw).toEqual({ SoL: ['sol-2025q4'], LSS: ['lss-2025q4'] });
    // Särskilt boende (ÄO): 21 verkställda of 66, 10 tackat nej, 30 saknar plats (the report's list);
    // saknar plats is hidden in three insatser beside it, so its sum 30 is "at least".
    const sol = Object.fromEntries(data.statuses.filter((s) => s.lag === 'SoL').map((s) => [s.status, s.antal]));
    expect(sol.saknar_plats).toBe(30);
    expect(data.statuses.find((s) => s.lag === 'SoL' && s.status === 'saknar_plats')).toMatchObject({ dolda_delar: 3, summerad: true });
    expect(sol.tackat_nej).toBe(10);
    // 21 (ÄO) + 5 (IFO Bostad) published; Kontaktfamilj's 1 is hidden, so 26 is "at least".
    expect(data.statuses.find((s) => s.lag === 'SoL' && s.status === 'verkstallt')).toMatchObject({ antal: 26, dolda_delar: 1, summerad: true });
  });
});
