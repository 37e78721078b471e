// Ej verkställda beslut: the URL's choices resolved against what the unit has: the unit, its quarters (a
// year, if ever given, is not mixed into the quarterly series), the period range and the sex.

import { isQuarter } from '../../data/period.ts';
import { ADULT_SEX_LABELS, ADULT_SEXES } from '../../data/schema.ts';
import { dashboard as words } from '../../i18n/dashboard.ts';
import { decisionsWords as w } from '../../i18n/decisions.ts';
import { DECISIONS, type AdultSex } from '../../queries/contract.ts';
import { decisionSlicesQuery, type DecisionFilter, type DecisionSliceRow } from '../../queries/decisions.ts';
import { runQuery, type Runner } from '../../queries/runner.ts';
import { runCatalog, unitsQuery } from '../../queries/unit-catalogs.ts';
import { chooseUnit, field, rangeFields, resolveRange, resolveValue, unitField, type UnitChoice } from '../choices.ts';
import { PARAM } from '../url.ts';
import type { FilterField, PageEnv } from '../view.ts';

export interface DecisionChoices extends UnitChoice {
  periods: string[];
  /** Empty strings when the unit has no quarter. */
  range: { from: string; to: string };
  sexes: AdultSex[];
  sex: AdultSex;
  defaultSex: AdultSex;
}

export const sexLabel = (k: string): string => ADULT_SEX_LABELS[k as AdultSex] ?? k;

/** The choices for `params`, or null when no unit has decision figures. */
export async function chooseDecisions(runner: Runner, params: URLSearchParams, env: PageEnv): Promise<DecisionChoices | null> {
  const choice = chooseUnit(await runCatalog(runner, unitsQuery('ej_verkstallda_beslut', env.datasets)), params);
  if (!choice) return null;
  const { unit, messages } = choice;
  const slices = await runQuery<DecisionSliceRow>(runner, decisionSlicesQuery(unit.enhetskod));
  const periods = [...new Set(slices.map((s) => s.period))].filter(isQuarter).sort();
  const range = periods.length ? resolveRange(periods, params.get(PARAM.from), params.get(PARAM.to), messages) : { from: '', to: '' };
  const sexes = ADULT_SEXES.filter((k) => slices.some((s) => s.kon === k));
  const sex = resolveValue(params.get(PARAM.sex), sexes, DECISIONS.allSexes);
  if (params.get(PARAM.sex) && params.get(PARAM.sex) !== sex.value) messages.push(w.invalidSex);
  return { ...choice, periods, range, sexes, sex: sex.value as AdultSex, defaultSex: sex.default as AdultSex };
}

/** What the queries are filtered on. */
export function decisionFilter(c: DecisionChoices): DecisionFilter {
  return { unit: c.unit.enhetskod, from: c.range.from || null, to: c.range.to || null, sex: c.sex };
}

export function decisionState(c: DecisionChoices): Record<string, string> {
  return { [PARAM.unit]: c.unit.enhetskod, [PARAM.from]: c.range.from, [PARAM.to]: c.range.to, [PARAM.sex]: c.sex };
}

export function decisionDefaults(c: DecisionChoices): Record<string, string> {
  return { [PARAM.unit]: c.fallback.enhetskod, [PARAM.from]: c.periods[0] ?? '', [PARAM.to]: c.periods[c.periods.length - 1] ?? '', [PARAM.sex]: c.defaultSex };
}

export function decisionFilters(c: DecisionChoices): FilterField[] {
  return [
    unitField(c.units, c.unit.enhetskod),
    ...rangeFields(c.periods, c.range),
    field(PARAM.sex, words.filters.sex, c.sexes.map((k) => ({ value: k, label: sexLabel(k) })), c.sex),
  ];
}
