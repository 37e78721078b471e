// The placement queries against a small published fixture whose numbers
// are worked out by hand in ./dashboard-fixture.ts.
import { describe, expect, it } from 'vitest';
import {
  placementBreakdownQuery,
  placementFormsQuery,
  placementMeasuresQuery,
  placementSlicesQuery,
  placementTotalQuery,
} from '../../../src/queries/placements.ts';
import { unitCatalogQuery, unitsQuery } from '../../../src/queries/unit-catalogs.ts';
import { pickMeasure } from '../../../src/views/choices.ts';
import { queryFixture, STOCKHOLM_QUARTERS } from './dashboard-fixture.ts';

const fx = queryFixture();
const { run } = fx;
const quarters = STOCKHOLM_QUARTERS;

describe('placement queries', () => {
  it('list the units with their periods, numbers and whether their figures are invented', async () => {
    // Stored by the build (unit-catalogs.ts), and the same as the catalog SQL over the published table.
    const stored = await run(unitsQuery('placeringar', fx.runner.datasets)!);
    expect(await run(unitCatalogQuery('placeringar', fx.runner.datasets))).toEqual(stored);
    expect(stored).toEqual([
      { enhetskod: '0180', enhetsnamn: 'Stockholm', niva: 'kommun', perioder: 4, varden: 27, pahittad: false },
      { enhetskod: '9999', enhetsnamn: 'Exempelstad (påhittade siffror)', niva: 'kommun', perioder: 4, varden: 16, pahittad: true },
    ]);
  });

  it('tell the measures apart, with how much data each has', async () => {
    const measures = await run<{ avser: string; perioder: number; varden: number }>(placementMeasuresQuery('0180'));
    expect(measures).toEqual([
      { avser: 'under_perioden', perioder: 1, varden: 1 },
      { avser: 'vid_periodens_slut', perioder: 3, varden: 26 },
    ]);
    expect(pickMeasure(measures)).toBe('vid_periodens_slut');
  });

  it('give the filter choices of one measure only', async () => {
    const slices = await run<{ period: string; kon: string; aldersgrupp: string }>(placementSlicesQuery('0180', 'under_perioden'));
    expect(slices).toEqual([{ period: '2024', kon: 'totalt', aldersgrupp: '0-20' }]);
  });

  it('read the published total as a row of its own and keep hidden counts as markers', async () => {
    const rows = await run<{ period: string; placeringsform: string; antal: number | null; markering: string | null }>(
      placementFormsQuery({ ...quarters, kon: 'totalt', aldersgrupp: '0-20' }),
    );
    const at = (p: string) => Object.fromEntries(rows.filter((r) => r.period === p).map((r) => [r.placeringsform, r.antal ?? r.markering]));
    expect(at('2024-Q4')).toEqual({ familjehem: 40, hvb: 8, jourhem: 10, natverkshem: 12, totalt: 68 });
    expect(at('2025-Q1')).toEqual({ familjehem: 42, hvb: 9, jourhem: 'sekretess', natverkshem: 15, totalt: 66 });
    expect(at('2025-Q2')).toEqual({ familjehem: 45, hvb: 'sekretess', jourhem: 11, natverkshem: 14, totalt: 70 });
    // 68 is the published total, not 40 + 8 + 10 + 12 = 70.
  });

  it('never mix the measures or the kinds of period', async () => {
    const years = await run<{ period: string }>(placementTotalQuery({ unit: '0180', avser: 'under_perioden', quarterly: false, from: '0000', to: '9999' }));
    expect(years.map((r) => r.period)).toEqual(['2024']);
    const quarterRows = await run<{ period: string }>(placementTotalQuery({ ...quarters, from: '0000', to: '9999' }));
    expect(quarterRows.map((r) => r.period)).toEqual(['2024-Q4', '2025-Q1', '2025-Q2']);
    // The year asked for as quarters gives nothing.
    expect(await run(placementTotalQuery({ unit: '0180', avser: 'under_perioden', quarterly: true, from: '0000', to: '9999' }))).toEqual([]);
  });

  it('break all placed children down by sex with the second hidden cell, and by age group', async () => {
    const bySex = await run<{ period: string; grupp: string; antal: number | null; markering: string | null }>(
      placementBreakdownQuery({ ...quarters, by: 'kon', placeringsform: 'totalt', kon: 'totalt', aldersgrupp: '0-20' }),
    );
    expect(bySex.filter((r) => r.period === '2025-Q1').map((r) => [r.grupp, r.antal, r.markering])).toEqual([
      ['flickor', null, 'sekretess'],
      ['pojkar', null, 'sekretess'],
      ['totalt', 66, null],
    ]);
    const byAge = await run<{ period: string; grupp: string; antal: number | null }>(
      placementBreakdownQuery({ ...quarters, by: 'aldersgrupp', placeringsform: 'totalt', kon: 'totalt', aldersgrupp: '0-20' }),
    );
    expect(byAge.filter((r) => r.period === '2025-Q2').map((r) => [r.grupp, r.antal])).toEqual([
      ['0-12', 33],
      ['0-20', 70],
      ['13-17', 30],
      ['18-20', 7],
    ]);
  });

  it('bind every value: a quote in a unit code is data, not SQL', async () => {
    expect(await run(placementFormsQuery({ ...quarters, unit: "0180' OR '1'='1", kon: 'totalt', aldersgrupp: '0-20' }))).toEqual([]);
  });
});
