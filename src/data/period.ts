// Periods as analysts and statistics offices write them, stored canonically as `2025-Q3` (quarter) or
// `2020` (year). Annual figures stay annual: a year is never spread over quarters.

export type PeriodKind = 'quarter' | 'year';

export interface Period {
  canonical: string;
  kind: PeriodKind;
  year: number;
  quarter: number | null;
}

const ORDINAL_WORDS: Record<string, number> = { första: 1, andra: 2, tredje: 3, fjärde: 4 };
const QUARTER_END: Record<string, number> = { '03-31': 1, '06-30': 2, '09-30': 3, '12-31': 4 };
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function make(year: number, quarter: number | null): Period | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (quarter !== null && (quarter < 1 || quarter > 4)) return null;
  return {
    canonical: quarter === null ? String(year) : `${year}-Q${quarter}`,
    kind: quarter === null ? 'year' : 'quarter',
    year,
    quarter,
  };
}

/** Parses a period in any accepted form; null when it is not one. */
export function parsePeriod(input: string): Period | null {
  const s = input.trim().toLowerCase().replace(/\s+/g, ' ');
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{4})$/))) return make(+m[1], null);
  // 2025-Q3, 2025Q3, 2025K3, 2025 Q3, 2025-K3, 2025:3
  if ((m = s.match(/^(\d{4}) ?[-:]? ?[qk] ?([1-4])$/))) return make(+m[1], +m[2]);
  // Q3 2025, K3 2025, Q3-2025
  if ((m = s.match(/^[qk] ?([1-4]) ?[- ]? ?(\d{4})$/))) return make(+m[2], +m[1]);
  // kvartal 3 2025, kv 3 2025, kv. 3 2025, kv3 2025
  if ((m = s.match(/^(?:kvartal|kv\.?) ?([1-4]),? (\d{4})$/))) return make(+m[2], +m[1]);
  // 3:e kvartalet 2025, 1:a kvartalet 2025, 3e kvartalet 2025, tredje kvartalet 2025
  if ((m = s.match(/^([1-4])(?::?[ae])? kvartalet,? (\d{4})$/))) return make(+m[2], +m[1]);
  if ((m = s.match(/^(första|andra|tredje|fjärde) kvartalet,? (\d{4})$/))) return make(+m[2], ORDINAL_WORDS[m[1]]);
  // a quarter-end date: 2025-09-30 (only the last day of a quarter names a quarter)
  if ((m = s.match(/^(\d{4})-(\d{2}-\d{2})$/))) {
    const q = QUARTER_END[m[2]];
    return q ? make(+m[1], q) : null;
  }
  return null;
}

const CANONICAL = /^(\d{4,})(?:-Q([1-4]))?$/;

/**
 * A canonical period's year and quarter. Arithmetic works on these without the input range of
 * `parsePeriod`, so the period after 2100 (a chart's end) or before 1900 (a comparison) is still a period.
 */
function canonicalParts(canonical: string): { year: number; quarter: number | null } {
  const m = CANONICAL.exec(canonical);
  if (!m) throw new Error(`not a period: ${canonical}`);
  return { year: Number(m[1]), quarter: m[2] ? Number(m[2]) : null };
}

/** UTC date of the first day of a canonical period: `2025-Q3` → 2025-07-01, `2020` → 2020-01-01. */
export function periodToDate(canonical: string): Date {
  const p = canonicalParts(canonical);
  return new Date(Date.UTC(p.year, p.quarter === null ? 0 : (p.quarter - 1) * 3, 1));
}

/** UTC date of the last day of a canonical period: `2025-Q3` → 2025-09-30. */
export function periodEndDate(canonical: string): Date {
  const p = canonicalParts(canonical);
  return new Date(Date.UTC(p.year, p.quarter === null ? 12 : p.quarter * 3, 0));
}

/** The canonical period before (step -1) or after a canonical period, of the same kind. */
export function shiftPeriod(canonical: string, steps: number): string {
  const p = canonicalParts(canonical);
  if (p.quarter === null) return String(p.year + steps);
  const index = p.year * 4 + (p.quarter - 1) + steps;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** Whether a canonical period is a quarter ('2025-Q3') rather than a year ('2020'). */
export function isQuarter(canonical: string): boolean {
  return canonical.includes('-Q');
}
