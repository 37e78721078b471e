// Nätverkshem: the URL's choices resolved against what the unit has: the unit (the nation is the reference
// line, the default only when nothing else has a share), the measure of its computed share, and the period
// range of the kind with more periods.

import { NATION } from '../../queries/contract.ts';
import { sharePeriodsQuery, shareMeasuresQuery, type ShareMeasureRow } from '../../queries/network.ts';
import { runQuery, type Runner } from '../../queries/runner.ts';
import { runCatalog, unitsQuery } from '../../queries/unit-catalogs.ts';
import { chooseUnit, measureField, ownPeriods, pickDefaultUnit, rangeFields, resolveMeasure, resolveRange, unitField, type UnitChoice } from '../choices.ts';
import { PARAM } from '../url.ts';
import type { FilterField, PageEnv } from '../view.ts';


export interface NetworkChoices extends UnitChoice {
  measures: ShareMeasureRow[];
  /** The measure of the computed share; null when the unit has no counts (a reported share only). */
  avser: string | null;
  defaultMeasure: string | null;
  quarterly: boolean;
  periods: string[];
  range: { from: string; to: string };
}

/** The choices for `params`, or null when no unit has a share. */
export async function chooseNetwork(runner: Runner, params: URLSearchParams, env: PageEnv): Promise<NetworkChoices | null> {
  const catalog = unitsQuery('natverkshem', env.datasets);
  if (!catalog) return null;
  const units = await runCatalog(runner, catalog);
  const choice = chooseUnit(units, params, pickDefaultUnit(units.filter((u) => u.enhetskod !== NATION)) ?? pickDefaultUnit(units));
  if (!choice) return null;
  const { unit, messages } = choice;
  const measures = env.datasets.includes('placeringar') ? await runQuery<ShareMeasureRow>(runner, shareMeasuresQuery(unit.enhetskod)) : [];
  const measure = resolveMeasure(params.get(PARAM.measure), measures);
  const all = await runQuery<{ period: string }>(runner, sharePeriodsQuery(unit.enhetskod, measure.value, env.datasets));
  const { quarterly, periods } = ownPeriods(all.map((r) => r.period));
  if (!periods.length) return null;
  const range = resolveRange(periods, params.get(PARAM.from), params.get(PARAM.to), messages);
  return { ...choice, measures, avser: measure.value, defaultMeasure: measure.default, quarterly, periods, range };
}

export function networkState(c: NetworkChoices): Record<string, string> {
  return { [PARAM.unit]: c.unit.enhetskod, [PARAM.from]: c.range.from, [PARAM.to]: c.range.to, ...(c.avser ? { [PARAM.measure]: c.avser } : {}) };
}

export function networkDefaults(c: NetworkChoices): Record<string, string> {
  return {
    [PARAM.unit]: c.fallback.enhetskod,
    [PARAM.from]: c.periods[0],
    [PARAM.to]: c.periods[c.periods.length - 1],
    ...(c.defaultMeasure ? { [PARAM.measure]: c.defaultMeasure } : {}),
  };
}

export function networkFilters(c: NetworkChoices): FilterField[] {
  return [unitField(c.units, c.unit.enhetskod), measureField(c.measures, c.avser ?? ''), ...rangeFields(c.periods, c.range)];
}
