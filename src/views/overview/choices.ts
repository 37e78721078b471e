// Översikt: the unit, chosen among the units of every topic (their periods added up).

import { runCatalog, unitsQuery, type UnitCatalogRow } from '../../queries/unit-catalogs.ts';
import type { Runner } from '../../queries/runner.ts';
import { chooseUnit, unitField, type UnitChoice } from '../choices.ts';
import type { FilterField, PageEnv } from '../view.ts';

export type OverviewChoices = UnitChoice;

/** Units of every topic, merged: periods add up over the topics; invented if any topic's figures are. */
export function mergeUnits(lists: readonly (readonly UnitCatalogRow[])[]): UnitCatalogRow[] {
  const byCode = new Map<string, UnitCatalogRow>();
  for (const u of lists.flat()) {
    const seen = byCode.get(u.enhetskod);
    byCode.set(
      u.enhetskod,
      seen
        ? {
            ...seen,
            niva: seen.niva ?? u.niva,
            enhetsnamn: seen.enhetsnamn === seen.enhetskod ? u.enhetsnamn : seen.enhetsnamn,
            perioder: seen.perioder + u.perioder,
            varden: seen.varden + u.varden,
            pahittad: seen.pahittad || u.pahittad,
          }
        : { ...u },
    );
  }
  return [...byCode.values()].sort((a, b) => a.enhetskod.localeCompare(b.enhetskod));
}

/** The choices for `params`, or null when no topic has a unit. */
export async function chooseOverview(runner: Runner, params: URLSearchParams, env: PageEnv): Promise<OverviewChoices | null> {
  const ds = env.datasets;
  const lists = await Promise.all([
    runCatalog(runner, unitsQuery('placeringar', ds)),
    runCatalog(runner, unitsQuery('natverkshem', ds)),
    runCatalog(runner, unitsQuery('ej_verkstallda_beslut', ds)),
  ]);
  return chooseUnit(mergeUnits(lists), params);
}

export function overviewFilters(c: OverviewChoices): FilterField[] {
  return [unitField(c.units, c.unit.enhetskod)];
}
