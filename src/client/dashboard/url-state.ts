// The dashboard's choices in the URL's query string (?enhet=0180&fran=2024-Q1&visning=ytor), so a view
// can be bookmarked and shared. Pure functions of strings: no window, no document (unit-testable).
//
// Data choices (unit, period range, sex, age group, measure) need the database engine to apply;
// `visning` (lines or stacked areas) only redraws the charts from the data already on the page.

import { CHART_PARAM, PARAM, chartFromParam, viewSearch } from '../../views/url.ts';

/** The query-string names whose values select data. */
export const DATA_PARAMS: readonly string[] = [PARAM.unit, PARAM.measure, PARAM.from, PARAM.to, PARAM.sex, PARAM.age, PARAM.group, PARAM.period, PARAM.area, PARAM.quarter];

/** Choices that belong to one unit (its periods and measures): dropped when the unit changes. */
const UNIT_BOUND: readonly string[] = [PARAM.from, PARAM.to, PARAM.measure, PARAM.quarter];

/** On a comparison page, the choices that belong to one group of units: dropped when the group changes. */
const GROUP_BOUND: readonly string[] = [PARAM.period, PARAM.measure, PARAM.area, PARAM.unit];

/** The data choices of a query string (known names with a value; other parameters are ignored). */
export function dataParams(search: string | URLSearchParams): URLSearchParams {
  const all = typeof search === 'string' ? new URLSearchParams(search) : search;
  const out = new URLSearchParams();
  for (const name of DATA_PARAMS) {
    const value = all.get(name)?.trim();
    if (value) out.set(name, value);
  }
  return out;
}

/** Lines or stacked areas, from a query string. */
export function chartParam(search: string | URLSearchParams): 'line' | 'area' {
  const all = typeof search === 'string' ? new URLSearchParams(search) : search;
  return chartFromParam(all.get(PARAM.chart));
}

/** Whether the data choices differ from what the page shows (then the engine must answer them). */
export function differs(params: URLSearchParams, shown: Record<string, string>): boolean {
  for (const name of DATA_PARAMS) {
    const value = params.get(name);
    if (value !== null && value !== (shown[name] ?? '')) return true;
  }
  return false;
}

/**
 * The choices a submitted filter form asks for. When the unit changes, the period range and measure
 * of the previous unit are left out, so the new unit is shown over its own whole range.
 */
export function submittedParams(form: URLSearchParams, shown: Record<string, string>): URLSearchParams {
  const params = dataParams(form);
  // A comparison page: the unit is only the one highlighted, the group carries the periods and measures.
  if (params.get(PARAM.group) !== null) {
    if (params.get(PARAM.group) !== shown[PARAM.group]) for (const name of GROUP_BOUND) params.delete(name);
    return params;
  }
  const unitChanged = params.get(PARAM.unit) !== null && params.get(PARAM.unit) !== shown[PARAM.unit];
  if (unitChanged) for (const name of UNIT_BOUND) params.delete(name);
  return params;
}

/** The address of a view: only choices that differ from the defaults, `visning` only for areas. */
export function viewUrl(
  pathname: string,
  state: Record<string, string>,
  defaults: Record<string, string>,
  chart: 'line' | 'area',
  hash = '',
): string {
  const search = viewSearch({ ...state, [PARAM.chart]: CHART_PARAM[chart] }, { ...defaults, [PARAM.chart]: CHART_PARAM.line });
  return `${pathname}${search}${hash}`;
}
