// Every number, period and date the site shows goes through this file: one sv-SE d3 locale, built once.
// Thousands are grouped with a no-break space (U+00A0) so that "2 044" never wraps over two lines, the
// decimal mark is a comma and negative numbers use the real minus sign (U+2212).

import { formatLocale } from 'd3';

/** U+00A0, the thousands separator and the space before "%". */
export const NBSP = '\u00a0';
/** U+2212, the minus sign of every formatted negative number. */
export const MINUS = '\u2212';

export const locale = formatLocale({
  decimal: ',',
  thousands: NBSP,
  grouping: [3],
  currency: ['', `${NBSP}kr`],
  minus: MINUS,
  percent: `${NBSP}%`,
});

const fixedCache = new Map<number, (n: number) => string>();
function fixed(digits: number): (n: number) => string {
  let f = fixedCache.get(digits);
  if (!f) fixedCache.set(digits, (f = locale.format(`,.${digits}f`)));
  return f;
}

/** Rounds half away from zero at `digits` decimals, and never returns -0. */
function round(x: number, digits: number): number {
  const k = 10 ** digits;
  const r = (Math.sign(x) * Math.round(Math.abs(x) * k)) / k;
  return r === 0 ? 0 : r;
}

/** A number with `digits` decimals: 1234.5 → "1 234,5". */
export function formatNumber(x: number, digits = 0): string {
  return fixed(digits)(round(x, digits));
}

/** A count, as a whole number: 2044 → "2 044". */
export function formatCount(n: number): string {
  return formatNumber(n, 0);
}

/** A value that is already in percent (15.2, not 0.152): → "15,2 %". */
export function formatPercent(x: number, digits = 1): string {
  return `${formatNumber(x, digits)}${NBSP}%`;
}

/** A difference with its sign: 3 → "+3", -2 → "−2", 0 → "0" (a value that rounds to zero has no sign). */
export function formatChange(delta: number, digits = 0): string {
  const r = round(delta, digits);
  const s = formatNumber(Math.abs(r), digits);
  return r > 0 ? `+${s}` : r < 0 ? `${MINUS}${s}` : s;
}

/** How a value is formatted: a count (antal) or a share already in percent (andel). */
export type ValueFormat = 'count' | 'percent';

/** Formats a value by kind; percent with `digits` decimals (default 1), counts whole. */
export function formatValue(x: number, format: ValueFormat, digits?: number): string {
  return format === 'percent' ? formatPercent(x, digits ?? 1) : formatNumber(x, digits ?? 0);
}

/** A difference by kind: "+3" for counts, "+1,2" (percentage points, no unit) for shares. */
export function formatValueChange(delta: number, format: ValueFormat, digits?: number): string {
  return formatChange(delta, digits ?? (format === 'percent' ? 1 : 0));
}

const CANONICAL = /^(\d{4})(?:-Q([1-4]))?$/;
const ORDINALS = ['första', 'andra', 'tredje', 'fjärde'];

function splitPeriod(canonical: string): { year: string; quarter: number | null } {
  const m = CANONICAL.exec(canonical);
  if (!m) throw new RangeError(`not a canonical period: ${JSON.stringify(canonical)}`);
  return { year: m[1], quarter: m[2] ? Number(m[2]) : null };
}

/** "2025-Q3" → "kv. 3 2025"; "2020" → "2020". Uses a no-break space so the label never breaks. */
export function periodLabel(canonical: string): string {
  const { year, quarter } = splitPeriod(canonical);
  return quarter === null ? year : `kv.${NBSP}${quarter}${NBSP}${year}`;
}

/** "2025-Q3" → "tredje kvartalet 2025"; "2020" → "2020". */
export function periodLabelLong(canonical: string): string {
  const { year, quarter } = splitPeriod(canonical);
  return quarter === null ? year : `${ORDINALS[quarter - 1]} kvartalet ${year}`;
}

/** "kv. 1 2020–kv. 3 2025" (en dash); a single period when both ends are the same. */
export function periodRangeLabel(first: string, last: string): string {
  return first === last ? periodLabel(first) : `${periodLabel(first)}\u2013${periodLabel(last)}`;
}

const MONTHS = [
  'januari', 'februari', 'mars', 'april', 'maj', 'juni',
  'juli', 'augusti', 'september', 'oktober', 'november', 'december',
];

// Made at its first use, not when the module loads: the first formatter with a time zone makes the browser
// read its time-zone data, a long step on a slow phone that a page showing no timestamp need not take.
let stockholmFormat: Intl.DateTimeFormat | null = null;
const stockholmDay = (d: Date): string =>
  (stockholmFormat ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' })).format(d);

/**
 * A calendar date in words: "2025-12-31" → "31 december 2025". A timestamp ("2026-01-15T23:30:00Z") is
 * shown as its day in Stockholm. Anything that is not a date is returned unchanged.
 */
export function formatDate(iso: string): string {
  let ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!ymd) {
    const d = new Date(iso);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(d.getTime())) return iso;
    ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(stockholmDay(d));
    if (!ymd) return iso;
  }
  const month = Number(ymd[2]);
  const day = Number(ymd[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
  return `${day} ${MONTHS[month - 1]} ${ymd[1]}`;
}
