// Placeringar: the URL's choices resolved against what the unit has. The unit (from the stored catalog),
// then its measure (the one asked for, else the one with most data), then the kind of period, the range,
// the sex and the age group the unit has for that measure. Each step needs the one before it, so the small
// lookups run here, one after the other; the page's figures' queries are in ./data.ts.

import { AGE_GROUP_LABELS, AGE_GROUPS, CHILD_SEX_LABELS, CHILD_SEXES, MEASURES } from '../../data/schema.ts';
import { dashboard as words } from '../../i18n/dashboard.ts';
import { PLACEMENTS } from '../../queries/contract.ts';
import { placementMeasuresQuery, placementSlicesQuery, type PlacementMeasureRow, type PlacementSliceRow } from '../../queries/placements.ts';
import { runQuery, type Runner } from '../../queries/runner.ts';
import { runCatalog, unitsQuery } from '../../queries/unit-catalogs.ts';
import { chooseUnit, field, measureField, ownPeriods, rangeFields, resolveMeasure, resolveRange, resolveValue, unitField, type UnitChoice } from '../choices.ts';
import { PARAM } from '../url.ts';
import type { FilterField, PageEnv } from '../view.ts';

export interface PlacementChoices extends UnitChoice {
  measures: PlacementMeasureRow[];
  avser: string;
  defaultMeasure: string;
  quarterly: boolean;
  /** The unit's periods of the kind shown, sorted. */
  periods: string[];
  range: { from: string; to: string };
  sexes: string[];
  ages: string[];
  kon: string;
  aldersgrupp: string;
  defaultSex: string;
  defaultAge: string;
}

/** The choices for `params`, or null when no unit has placement figures. */
export async function choosePlacements(runner: Runner, params: URLSearchParams, env: PageEnv): Promise<PlacementChoices | null> {
  const choice = chooseUnit(await runCatalog(runner, unitsQuery('placeringar', env.datasets)), params);
  if (!choice) return null;
  const { unit, messages } = choice;
  const measures = await runQuery<PlacementMeasureRow>(runner, placementMeasuresQuery(unit.enhetskod));
  const measure = resolveMeasure(params.get(PARAM.measure), measures);
  const avser = measure.value ?? MEASURES[0];
  const slices = await runQuery<PlacementSliceRow>(runner, placementSlicesQuery(unit.enhetskod, avser));
  const { quarterly, periods } = ownPeriods(slices.map((s) => s.period));
  const range = resolveRange(periods, params.get(PARAM.from), params.get(PARAM.to), messages);
  const sexes = CHILD_SEXES.filter((k) => slices.some((s) => s.kon === k));
  const ages = AGE_GROUPS.filter((a) => slices.some((s) => s.aldersgrupp === a));
  const sex = resolveValue(params.get(PARAM.sex), sexes, PLACEMENTS.allSexes);
  const age = resolveValue(params.get(PARAM.age), ages, PLACEMENTS.allAges);
  if (params.get(PARAM.sex) && params.get(PARAM.sex) !== sex.value) messages.push(words.placements.invalidSex);
  if (params.get(PARAM.age) && params.get(PARAM.age) !== age.value) messages.push(words.placements.invalidAge);
  return {
    ...choice, measures, avser, defaultMeasure: measure.default ?? MEASURES[0], quarterly, periods, range,
    sexes, ages, kon: sex.value, aldersgrupp: age.value, defaultSex: sex.default, defaultAge: age.default,
  };
}

export function placementState(c: PlacementChoices): Record<string, string> {
  return { [PARAM.unit]: c.unit.enhetskod, [PARAM.from]: c.range.from, [PARAM.to]: c.range.to, [PARAM.sex]: c.kon, [PARAM.age]: c.aldersgrupp, [PARAM.measure]: c.avser };
}

export function placementDefaults(c: PlacementChoices): Record<string, string> {
  return {
    [PARAM.unit]: c.fallback.enhetskod,
    [PARAM.from]: c.periods[0] ?? '',
    [PARAM.to]: c.periods[c.periods.length - 1] ?? '',
    [PARAM.sex]: c.defaultSex,
    [PARAM.age]: c.defaultAge,
    [PARAM.measure]: c.defaultMeasure,
  };
}

export function placementFilters(c: PlacementChoices): FilterField[] {
  return [
    unitField(c.units, c.unit.enhetskod),
    measureField(c.measures, c.avser),
    ...rangeFields(c.periods, c.range),
    field(PARAM.sex, words.filters.sex, c.sexes.map((k) => ({ value: k, label: CHILD_SEX_LABELS[k as (typeof CHILD_SEXES)[number]] })), c.kon),
    field(PARAM.age, words.filters.age, c.ages.map((a) => ({ value: a, label: AGE_GROUP_LABELS[a as (typeof AGE_GROUPS)[number]] })), c.aldersgrupp),
  ];
}
