// Fixed page data for the figures' tests: what a page's data.ts would return, written by hand, so the
// figures are tested without a database.
import type { UnitCatalogRow } from '../../../src/queries/unit-catalogs.ts';
import { SourceBook } from '../../../src/views/sources.ts';

export const GENERATED = '2026-02-01T10:00:00.000Z';

export function unit(enhetskod: string, enhetsnamn: string, pahittad = false): UnitCatalogRow {
  return { enhetskod, enhetsnamn, niva: 'kommun', perioder: 4, varden: 4, pahittad };
}

export const sources = new SourceBook(
  [
    { kalla: 'k', titel: 'Kvartalsrapport', utgivare: 'Testkommun', datum: '2025-12-31', url: null, pahittad: false, totaler: 'omfattar_dolda' },
    { kalla: 'demo', titel: 'Påhittade siffror', utgivare: null, datum: null, url: null, pahittad: true, totaler: 'omfattar_dolda' },
  ],
  GENERATED,
);

/** A unit's one measure over two quarters, chosen as a page's choices.ts chooses them. */
export function measureChoice(perioder: number, varden: number) {
  const periods = ['2025-Q3', '2025-Q4'];
  return { measures: [{ avser: 'vid_periodens_slut', perioder, varden }], avser: 'vid_periodens_slut', defaultMeasure: 'vid_periodens_slut', quarterly: true, periods, range: { from: periods[0], to: periods[1] } };
}

/** The choice of a unit as a page's choices.ts makes it: the unit shown is the default. */
export function unitChoice(u: UnitCatalogRow) {
  return { units: [u], fallback: u, unit: u, messages: [] as string[] };
}
