// A small published data set for the dashboard's query and page tests, with numbers worked out by hand in
// the comments (threshold 4: counts 1–3 are published as sekretess).
//
// 0180 Stockholm (real source): quarters 2024-Q4..2025-Q2 "vid periodens slut", plus one year 2024
//   "under perioden" (a second measure and another kind of period: never mixed into the quarters).
// 9999 Exempelstad (invented source): quarters 2024-Q3..2025-Q2. Both units have 4 distinct periods, so
//   the default unit is decided by the tie-break: the one whose figures are not invented (0180).
import { afterAll, beforeAll } from 'vitest';
import { NodeRunner } from '../../../src/queries/node-runner.ts';
import type { PageEnv } from '../../../src/views/view.ts';
import { publishFixture } from '../helpers/publish-fixture.ts';

const P = 'period;enhetskod;enhetsnamn;placeringsform;kon;aldersgrupp;avser;antal;kalla';
const s = (period: string, form: string, kon: string, age: string, antal: number | string) =>
  `${period};0180;Stockholm;${form};${kon};${age};vid_periodens_slut;${antal};sthlm`;
const d = (period: string, form: string, antal: number) =>
  `${period};9999;Exempelstad (påhittade siffror);${form};totalt;0-20;vid_periodens_slut;${antal};demo`;

export const placeringar = [
  P,
  // 0180, kön totalt, 0–20 år, per form. Computed network share:
  //   2024-Q4: 12 / (40 + 10 + 12) = 19,35… → 19,4 %;  2025-Q1: jourhem 2 is hidden → no share (sekretess);
  //   2025-Q2: 14 / (45 + 11 + 14) = 20,0 %.
  s('2024-Q4', 'familjehem', 'totalt', '0-20', 40),
  s('2024-Q4', 'jourhem', 'totalt', '0-20', 10),
  s('2024-Q4', 'natverkshem', 'totalt', '0-20', 12),
  s('2024-Q4', 'hvb', 'totalt', '0-20', 8),
  s('2024-Q4', 'totalt', 'totalt', '0-20', 68),
  s('2025-Q1', 'familjehem', 'totalt', '0-20', 42),
  s('2025-Q1', 'jourhem', 'totalt', '0-20', 2),
  s('2025-Q1', 'natverkshem', 'totalt', '0-20', 15),
  s('2025-Q1', 'hvb', 'totalt', '0-20', 9),
  s('2025-Q1', 'totalt', 'totalt', '0-20', 66),
  s('2025-Q2', 'familjehem', 'totalt', '0-20', 45),
  s('2025-Q2', 'jourhem', 'totalt', '0-20', 11),
  s('2025-Q2', 'natverkshem', 'totalt', '0-20', 14),
  s('2025-Q2', 'hvb', 'totalt', '0-20', 3),
  s('2025-Q2', 'totalt', 'totalt', '0-20', 70),
  // All placed children (form totalt) by sex; 2025-Q1: flickor 3 is hidden, so pojkar 63 is hidden too
  // (else 66 − 63 would give it away).
  s('2024-Q4', 'totalt', 'flickor', '0-20', 30),
  s('2024-Q4', 'totalt', 'pojkar', '0-20', 38),
  s('2025-Q1', 'totalt', 'flickor', '0-20', 3),
  s('2025-Q1', 'totalt', 'pojkar', '0-20', 63),
  s('2025-Q2', 'totalt', 'flickor', '0-20', 32),
  s('2025-Q2', 'totalt', 'pojkar', '0-20', 38),
  // … and by age group.
  s('2024-Q4', 'totalt', 'totalt', '0-12', 30),
  s('2024-Q4', 'totalt', 'totalt', '13-17', 28),
  s('2024-Q4', 'totalt', 'totalt', '18-20', 10),
  s('2025-Q1', 'totalt', 'totalt', '0-12', 29),
  s('2025-Q1', 'totalt', 'totalt', '13-17', 27),
  s('2025-Q1', 'totalt', 'totalt', '18-20', 10),
  s('2025-Q2', 'totalt', 'totalt', '0-12', 33),
  s('2025-Q2', 'totalt', 'totalt', '13-17', 30),
  s('2025-Q2', 'totalt', 'totalt', '18-20', 7),
  // The other measure, as a year: its own series, never mixed with the quarters.
  '2024;0180;Stockholm;totalt;totalt;0-20;under_perioden;120;sthlm',
  // 9999: network share 10/45 = 22,2 %; 11/47 = 23,4 %; 12/50 = 24,0 %; 13/52 = 25,0 %.
  ...[
    ['2024-Q3', 30, 5, 10, 50],
    ['2024-Q4', 31, 5, 11, 52],
    ['2025-Q1', 32, 6, 12, 55],
    ['2025-Q2', 33, 6, 13, 57],
  ].flatMap(([p, fam, jour, nat, tot]) => [
    d(p as string, 'familjehem', fam as number),
    d(p as string, 'jourhem', jour as number),
    d(p as string, 'natverkshem', nat as number),
    d(p as string, 'totalt', tot as number),
  ]),
].join('\n');

export const natverkshemsandel = [
  'period;enhetskod;enhetsnamn;andel;typ;kalla',
  '2023;00;Riket;15;utfall;riket',
  '2024;00;Riket;16,5;utfall;riket',
  '2025-Q2;1401;Härryda;*;utfall;gr',
  '2025-Q2;1402;Partille;22,5;utfall;gr',
  '2025-Q1;1402;Partille;21;utfall;gr',
  '2025-Q1;1407;Öckerö;..;utfall;gr',
  '2025;0180;Stockholm;30;mal;sthlm',
].join('\n');

export const kallor = [
  'kalla;titel;utgivare;datum;url;pahittad',
  'sthlm;Uppföljning av placerade barn;Stockholms stad;2025-08-01;;nej',
  'demo;Påhittade siffror;socialstatistik;2026-01-01;;ja',
  'riket;Nationell statistik;Socialstyrelsen;2025-03-01;;nej',
  'gr;Nätverksarbete i regionen;Göteborgsregionen;;;nej',
].join('\n');

export const handelser = [
  'datum;enhetskod;rubrik;beskrivning;kalla',
  '2025-01-15;;Ny lag;Gäller alla;riket',
  '2024-11-01;0180;Lokalt beslut;;sthlm',
  '2024-10-01;9999;Demohändelse;;demo',
].join('\n');

export const GENERATED = '2026-02-01T10:00:00.000Z';

export function publishDashboardFixture() {
  return publishFixture({
    'placeringar.csv': placeringar,
    'natverkshemsandel.csv': natverkshemsandel,
    'kallor.csv': kallor,
    'handelser.csv': handelser,
  });
}

/** The fixture published and opened in DuckDB, with the environment the pages get at build time. */
export async function openDashboardFixture(): Promise<{ runner: NodeRunner; env: PageEnv }> {
  const { dir } = await publishDashboardFixture();
  const runner = await NodeRunner.open(dir);
  return { runner, env: { datasets: runner.datasets, generated: GENERATED } };
}

/** Stockholm's quarters "vid periodens slut" in the fixture: the selection the query tests ask for. */
export const STOCKHOLM_QUARTERS = { unit: '0180', avser: 'vid_periodens_slut', quarterly: true, from: '2024-Q4', to: '2025-Q2' };

/**
 * The fixture opened for a test file's queries (before its tests, closed after): `fx.runner`, and
 * `fx.run(query)` for a composed statement.
 */
export function queryFixture() {
  const fx = {
    runner: null as unknown as NodeRunner,
    run: <T>(q: { sql: string; params: unknown[] }) => fx.runner.run<T>(q.sql, q.params),
  };
  beforeAll(async () => ({ runner: fx.runner } = await openDashboardFixture()));
  afterAll(() => fx.runner?.close());
  return fx;
}
