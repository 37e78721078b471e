import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeRunner } from '../../../src/queries/node-runner.ts';
import { NETWORK_SHARE_SQL } from '../../../src/queries/network-share.ts';
import { publishFixture } from '../helpers/publish-fixture.ts';

const header = 'period;enhetskod;enhetsnamn;placeringsform;kon;aldersgrupp;avser;antal';
const csv = [
  header,
  // 2025-Q1: every count published → 10 / (25 + 5 + 10) = 25 %
  '2025-Q1;0180;Stockholm;familjehem;totalt;0-20;vid_periodens_slut;25',
  '2025-Q1;0180;Stockholm;jourhem;totalt;0-20;vid_periodens_slut;5',
  '2025-Q1;0180;Stockholm;natverkshem;totalt;0-20;vid_periodens_slut;10',
  '2025-Q1;0180;Stockholm;hvb;totalt;0-20;vid_periodens_slut;40',
  // 2025-Q2: jourhem 2 is suppressed; the sum and the share would reveal it, so both are NULL
  '2025-Q2;0180;Stockholm;familjehem;totalt;0-20;vid_periodens_slut;24',
  '2025-Q2;0180;Stockholm;jourhem;totalt;0-20;vid_periodens_slut;2',
  '2025-Q2;0180;Stockholm;natverkshem;totalt;0-20;vid_periodens_slut;11',
  // 2025-Q3: no nätverkshem row at all → missing
  '2025-Q3;0180;Stockholm;familjehem;totalt;0-20;vid_periodens_slut;30',
  '2025-Q3;0180;Stockholm;jourhem;totalt;0-20;vid_periodens_slut;6',
  // a year, measured "under the period": stays annual, its own series
  '2024;0180;Stockholm;familjehem;totalt;0-20;under_perioden;60',
  '2024;0180;Stockholm;jourhem;totalt;0-20;under_perioden;20',
  '2024;0180;Stockholm;natverkshem;totalt;0-20;under_perioden;20',
  // breakdowns by sex are not mixed into the share
  '2024;0180;Stockholm;natverkshem;flickor;0-20;under_perioden;12',
].join('\n');

let runner: NodeRunner;
beforeAll(async () => {
  const { dir } = await publishFixture({ 'placeringar.csv': csv });
  runner = await NodeRunner.open(dir);
});
afterAll(() => runner?.close?.());

describe('network-home share', () => {
  it('is nätverkshem / (familjehem + jourhem + nätverkshem), per period, unit and measure', async () => {
    const rows = await runner.run(`${NETWORK_SHARE_SQL} ORDER BY period`);
    expect(rows).toEqual([
      { period: '2024', enhetskod: '0180', enhetsnamn: 'Stockholm', avser: 'under_perioden', natverkshem: 20, familjehem_alla: 100, andel: 20, markering: null },
      { period: '2025-Q1', enhetskod: '0180', enhetsnamn: 'Stockholm', avser: 'vid_periodens_slut', natverkshem: 10, familjehem_alla: 40, andel: 25, markering: null },
      { period: '2025-Q2', enhetskod: '0180', enhetsnamn: 'Stockholm', avser: 'vid_periodens_slut', natverkshem: 11, familjehem_alla: null, andel: null, markering: 'sekretess' },
      { period: '2025-Q3', enhetskod: '0180', enhetsnamn: 'Stockholm', avser: 'vid_periodens_slut', natverkshem: null, familjehem_alla: null, andel: null, markering: 'saknas' },
    ]);
  });

  it('is the view natverkshemsandel_beraknad that analysts query by name', async () => {
    const rows = await runner.run<{ andel: number }>(`SELECT andel FROM natverkshemsandel_beraknad WHERE period = ?`, ['2025-Q1']);
    expect(rows).toEqual([{ andel: 25 }]);
  });
});
