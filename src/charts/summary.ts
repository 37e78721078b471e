// A one- or two-sentence Swedish summary of a trend: the latest value, its change from the previous
// period and from the same quarter a year earlier, and the peak. A latest value without a number is
// described by its marker ("uppgiften är skyddad av sekretess"), never as a number.

import { isQuarter, shiftPeriod } from '../data/period.ts';
import { formatNumber, periodLabel, periodRangeLabel, type ValueFormat } from '../i18n/format.ts';
import { resolveLabels, valueFormatter } from './common.ts';
import type { ChartLabels } from './labels.ts';
import type { TrendRow } from './trend.ts';

export interface SummaryOptions {
  /** The series to summarise; default the first series in the rows. */
  serie?: string;
  format?: ValueFormat;
  digits?: number;
  /** What the value is, as it reads mid-sentence: "antalet placerade barn"; default "värdet". */
  subject?: string;
  labels?: Partial<ChartLabels>;
}

/** Sentence parts; Swedish by default. */
export interface SummaryWords {
  latest: (period: string, subject: string, value: string) => string;
  increase: (amount: string, period: string) => string;
  decrease: (amount: string, period: string) => string;
  unchanged: (period: string) => string;
  /** A second change in the same direction as the first: "och med 17 jämfört med kv. 3 2024". */
  sameAgain: (amount: string, period: string) => string;
  isPeak: (range: string) => string;
  peak: (range: string, value: string, period: string) => string;
  lastPublished: (value: string, period: string) => string;
  none: string;
}

export const defaultSummaryWords: SummaryWords = {
  latest: (period, subject, value) => `Under ${period} var ${subject} ${value}`,
  increase: (amount, period) => `en ökning med ${amount} jämfört med ${period}`,
  decrease: (amount, period) => `en minskning med ${amount} jämfört med ${period}`,
  unchanged: (period) => `oförändrat jämfört med ${period}`,
  sameAgain: (amount, period) => `med ${amount} jämfört med ${period}`,
  isPeak: (range) => `Det är det högsta värdet under ${range}.`,
  peak: (range, value, period) => `Det högsta värdet under ${range} var ${value} (${period}).`,
  lastPublished: (value, period) => `Det senast redovisade värdet är ${value} (${period}).`,
  none: 'Det finns inga uppgifter att visa.',
};

interface Change {
  sign: number;
  amount: string;
  period: string;
}

/** The changes to the period before and (quarters) to the same quarter a year earlier, in words. */
function changeWords(found: Change[], words: SummaryWords): string[] {
  return found.map((c, i) =>
    i > 0 && c.sign !== 0 && c.sign === found[i - 1].sign
      ? words.sameAgain(c.amount, c.period)
      : c.sign > 0
        ? words.increase(c.amount, c.period)
        : c.sign < 0
          ? words.decrease(c.amount, c.period)
          : words.unchanged(c.period),
  );
}

/** "Det är det högsta värdet under …" or where the peak was, when there are at least three values. */
function peakSentence(known: readonly TrendRow[], latest: string, fmt: (v: number) => string, words: SummaryWords): string {
  if (known.length < 3) return '';
  const range = periodRangeLabel(known[0].period, known[known.length - 1].period);
  const max = Math.max(...known.map((r) => r.varde as number));
  const peaks = known.filter((r) => r.varde === max);
  const peak = peaks[peaks.length - 1];
  return ` ${peak.period === latest ? words.isPeak(range) : words.peak(range, fmt(max), periodLabel(peak.period))}`;
}

/** The summary text of one series of trend rows. */
export function summarizeTrend(
  rows: readonly TrendRow[],
  options: SummaryOptions = {},
  words: SummaryWords = defaultSummaryWords,
): string {
  const labels = resolveLabels(options.labels);
  const format = options.format ?? 'count';
  const digits = options.digits ?? (format === 'percent' ? 1 : 0);
  const fmt = valueFormatter(format, digits);
  const serie = options.serie ?? rows[0]?.serie;
  const own = rows.filter((r) => r.serie === serie);
  if (serie === undefined || own.length === 0) return words.none;

  // The chart's newest period, even if this series has no row there (then it is missing).
  const latest = rows.map((r) => r.period).reduce((a, b) => (b > a ? b : a));
  const byPeriod = new Map(own.map((r) => [r.period, r]));
  const value = (p: string): number | null => {
    const v = byPeriod.get(p)?.varde;
    return v != null && Number.isFinite(v) ? v : null;
  };
  const known = own.filter((r) => value(r.period) !== null).sort((a, b) => (a.period < b.period ? -1 : 1));
  const now = value(latest);
  if (now === null) {
    const first = labels.markerSentence(byPeriod.get(latest)?.markering ?? 'saknas', periodLabel(latest));
    const last = known[known.length - 1];
    return last ? `${first} ${words.lastPublished(fmt(last.varde as number), periodLabel(last.period))}` : first;
  }
  const amount = (d: number) =>
    format === 'percent' ? `${formatNumber(Math.abs(d), digits)} ${labels.percentagePoints}` : formatNumber(Math.abs(d), digits);
  // The change to a period: its sign (-1, 0, 1, after rounding as shown) and the amount.
  const change = (p: string): Change | null => {
    const then = value(p);
    if (then === null) return null;
    const d = now - then;
    const zero = Number(formatNumber(Math.abs(d), digits).replace(/\D/g, '')) === 0;
    return { sign: zero ? 0 : Math.sign(d), amount: amount(d), period: periodLabel(p) };
  };
  const found = [change(shiftPeriod(latest, -1)), isQuarter(latest) ? change(shiftPeriod(latest, -4)) : null].filter((c): c is Change => c !== null);
  const changes = changeWords(found, words);
  const text = words.latest(periodLabel(latest), options.subject ?? 'värdet', fmt(now)) + (changes.length ? `, ${changes.join(` ${labels.and} `)}.` : '.');
  return text + peakSentence(known, latest, fmt, words);
}
