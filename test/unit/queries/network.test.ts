// The network-home queries against the fixture in ./dashboard-fixture.ts:
// computed shares (with the counts behind them), reported shares as reported, the national reference,
// a local target and the comparison between units with every unit lacking a share listed with the reason.
import { describe, expect, it } from 'vitest';
import {
  comparisonQuery,
  computedShareQuery,
  computedShareSourcesQuery,
  networkUnitsSourceQuery,
  reportedShareQuery,
  shareMeasuresQuery,
  sharePeriodsQuery,
  type ComparisonRow,
} from '../../../src/queries/network.ts';
import { unitsQuery } from '../../../src/queries/unit-catalogs.ts';
import { latestKnown, mergeComparison } from '../../../src/views/network/index.ts';
import { queryFixture, STOCKHOLM_QUARTERS } from './dashboard-fixture.ts';

const fx = queryFixture();
const { run } = fx;
const stockholm = STOCKHOLM_QUARTERS;

describe('network-home queries', () => {
  it('list the units with a computed or reported share', async () => {
    const q = networkUnitsSourceQuery(fx.runner.datasets);
    expect(q).not.toBeNull();
    const stored = await run(unitsQuery('natverkshem', fx.runner.datasets)!);
    expect(await run(q!)).toEqual(stored);
    expect(stored).toEqual([
      { enhetskod: '00', enhetsnamn: 'Riket', niva: 'riket', perioder: 2, varden: 2, pahittad: false },
      { enhetskod: '0180', enhetsnamn: 'Stockholm', niva: 'kommun', perioder: 3, varden: 2, pahittad: false },
      { enhetskod: '1401', enhetsnamn: 'Härryda', niva: 'kommun', perioder: 1, varden: 0, pahittad: false },
      { enhetskod: '1402', enhetsnamn: 'Partille', niva: 'kommun', perioder: 2, varden: 2, pahittad: false },
      { enhetskod: '1407', enhetsnamn: 'Öckerö', niva: 'kommun', perioder: 1, varden: 0, pahittad: false },
      { enhetskod: '9999', enhetsnamn: 'Exempelstad (påhittade siffror)', niva: 'kommun', perioder: 4, varden: 4, pahittad: true },
    ]);
    expect(networkUnitsSourceQuery(['kallor'])).toBeNull();
    expect(unitsQuery('natverkshem', ['kallor'])).toBeNull();
  });

  it('compute the share from the counts, and hide sum and share when a count is hidden', async () => {
    expect(await run(computedShareQuery(stockholm))).toEqual([
      { period: '2024-Q4', natverkshem: 12, familjehem_alla: 62, andel: 19.4, markering: null },
      { period: '2025-Q1', natverkshem: 15, familjehem_alla: null, andel: null, markering: 'sekretess' },
      { period: '2025-Q2', natverkshem: 14, familjehem_alla: 70, andel: 20, markering: null },
    ]);
    expect(await run(computedShareSourcesQuery(stockholm))).toEqual([{ kalla: 'sthlm' }]);
    expect(await run(shareMeasuresQuery('0180'))).toEqual([{ avser: 'vid_periodens_slut', perioder: 3, varden: 2 }]);
  });

  it('read reported shares as reported: outcomes and targets apart', async () => {
    expect(await run(reportedShareQuery('00', 'utfall'))).toEqual([
      { period: '2023', andel: 15, markering: null, kalla: 'riket' },
      { period: '2024', andel: 16.5, markering: null, kalla: 'riket' },
    ]);
    expect(await run(reportedShareQuery('0180', 'mal'))).toEqual([{ period: '2025', andel: 30, markering: null, kalla: 'sthlm' }]);
    expect(await run(reportedShareQuery('0180', 'utfall'))).toEqual([]);
    expect((await run<{ period: string }>(sharePeriodsQuery('1402', null, fx.runner.datasets))).map((r) => r.period)).toEqual(['2025-Q1', '2025-Q2']);
  });

  it('compare the units of one period: computed, reported, hidden and missing', async () => {
    const rows = await run<ComparisonRow>(comparisonQuery('2025-Q2', 'vid_periodens_slut', fx.runner.datasets));
    expect(rows.map((r) => [r.enhetskod, r.kind, r.har_period, r.andel, r.markering])).toEqual([
      ['0180', 'beraknad', true, 20, null],
      ['1401', 'rapporterad', true, null, 'sekretess'],
      ['1402', 'rapporterad', true, 22.5, null],
      ['1407', 'rapporterad', false, null, null],
      ['9999', 'beraknad', true, 25, null],
    ]);
    const items = mergeComparison(rows, new Map([['1407', 'Öckerö']]));
    expect(items.map((i) => [i.enhetskod, i.name, i.andel, i.markering, i.reported])).toEqual([
      ['0180', 'Stockholm', 20, null, false],
      ['1401', 'Härryda', null, 'sekretess', true],
      ['1402', 'Partille', 22.5, null, true],
      ['1407', 'Öckerö', null, 'saknas', false],
      ['9999', 'Exempelstad (påhittade siffror)', 25, null, false],
    ]);
  });

  it('prefer a computed share, then a reported one, and leave the nation out of the comparison', () => {
    const row = (enhetskod: string, kind: 'beraknad' | 'rapporterad', andel: number | null, markering: string | null): ComparisonRow => ({
      enhetskod, enhetsnamn: enhetskod, kind, har_period: true, andel, markering, kalla: kind === 'rapporterad' ? 'k' : null,
    });
    const items = mergeComparison(
      [row('00', 'rapporterad', 15, null), row('A', 'beraknad', 10, null), row('A', 'rapporterad', 12, null), row('B', 'beraknad', null, 'saknas'), row('B', 'rapporterad', 30, null), row('C', 'beraknad', null, 'saknas'), row('C', 'rapporterad', null, 'sekretess')],
      new Map(),
    );
    expect(items.map((i) => [i.enhetskod, i.andel, i.markering, i.reported])).toEqual([
      ['A', 10, null, false],
      ['B', 30, null, true],
      ['C', null, 'sekretess', false],
    ]);
    expect(latestKnown([{ period: '2023', andel: 15 }, { period: '2024', andel: null }, { period: '2022', andel: 14 }])).toEqual({ period: '2023', andel: 15 });
    expect(latestKnown([{ period: '2023', andel: 15 }, { period: '2024', andel: 16 }], '2023-Q4')).toEqual({ period: '2023', andel: 15 });
  });
});
