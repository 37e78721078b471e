// The URL contract of the dashboard pages: the query-string names of the choices (Swedish, since users
// see and share them) and the address of a view, which carries only what differs from the default view.
// Pure strings; the browser's history handling is src/client/dashboard/url-state.ts.

/** The query-string names of the filters. */
export const PARAM = {
  unit: 'enhet',
  from: 'fran',
  to: 'till',
  sex: 'kon',
  age: 'alder',
  measure: 'matt',
  /** Comparisons: the units set side by side (a parent's code, or a level), one period, one area. */
  group: 'grupp',
  period: 'period',
  area: 'omrade',
  chart: 'visning',
  /** The quarter of the committee's report (rapport/<enhet>/?kvartal=2016-Q1, a quarter without a page of its own). */
  quarter: 'kvartal',
} as const;

/** `visning` values in the URL. */
export const CHART_PARAM: Record<'line' | 'area', string> = { line: 'linjer', area: 'ytor' };

export function chartFromParam(value: string | null): 'line' | 'area' {
  return value === CHART_PARAM.area ? 'area' : 'line';
}

/** The URL query string for a view: only the choices that differ from the defaults, in a fixed order. */
export function viewSearch(state: Record<string, string>, defaults: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const name of Object.values(PARAM)) {
    const value = state[name];
    if (value !== undefined && value !== '' && value !== defaults[name]) params.set(name, value);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
