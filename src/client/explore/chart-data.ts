// The quick chart's data: which columns of a result can be drawn, and the rows for the site's own chart
// kinds (src/charts/trend.ts for lines over periods, bars.ts for categories). Pure, so a result's rows go in
// and chart rows or a reason why not come out. A NULL value is drawn as its marker, never as 0.

import type { BarRow } from '../../charts/bars.ts';
import type { TrendRow } from '../../charts/trend.ts';
import {
  ADULT_SEX_LABELS,
  AGE_GROUP_LABELS,
  AREA_LABELS,
  CHILD_SEX_LABELS,
  DECISION_STATUS_LABELS,
  MEASURE_LABELS,
  PLACEMENT_FORM_LABELS,
  SHARE_TYPE_LABELS,
  UNIT_LEVEL_LABELS,
} from '../../data/schema.ts';
import type { ValueFormat } from '../../i18n/format.ts';

export type ChartKind = 'line' | 'bar';

export interface ChartChoice {
  kind: ChartKind;
  x: string;
  y: string;
  series: string | null;
}

export interface ChartColumns {
  /** Columns whose values are all periods of one kind (2025-Q3 … or 2020 …): the x of a line chart. */
  periods: string[];
  /** Columns of numbers (not markers): the value. */
  numbers: string[];
  /** Columns of text: bar categories. */
  categories: string[];
  /** Text columns with few distinct values (MAX_SERIES_VALUES): series or groups. */
  series: string[];
}

export const MAX_CHART_ROWS = 10_000;
export const MAX_SERIES = 12;
/**
 * Columns offered for series: up to this many distinct values (series without any number are left out
 * when drawn, so more values than MAX_SERIES may still make a chart).
 */
export const MAX_SERIES_VALUES = 40;
export const MAX_BARS = 60;

type Row = Record<string, unknown>;

const QUARTER = /^\d{4}-Q[1-4]$/;
const YEAR = /^\d{4}$/;

/** Period text of a value ('2025-Q3', '2020'), or null. Whole numbers 1900–2100 are years. */
export function periodOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1900 && value <= 2100) return String(value);
  if (typeof value !== 'string') return null;
  return QUARTER.test(value) || YEAR.test(value) ? value : null;
}

/** The marker column of a value column: `<name>_markering`, else `markering`. */
export function markerColumnOf(columns: readonly string[], name: string): string | null {
  if (columns.includes(`${name}_markering`)) return `${name}_markering`;
  return columns.includes('markering') && name !== 'markering' ? 'markering' : null;
}

export function chartColumns(columns: readonly string[], rows: readonly Row[]): ChartColumns {
  const out: ChartColumns = { periods: [], numbers: [], categories: [], series: [] };
  for (const name of columns) {
    const values = rows.map((r) => r[name]).filter((v) => v !== null && v !== undefined);
    if (!values.length) continue;
    const periods = values.map(periodOf);
    if (periods.every((p) => p !== null) && (periods.every((p) => QUARTER.test(p as string)) || periods.every((p) => YEAR.test(p as string)))) {
      out.periods.push(name);
    }
    if (values.every((v) => typeof v === 'number')) {
      if (!/markering$/.test(name)) out.numbers.push(name);
    } else if (values.every((v) => typeof v === 'string')) {
      if (/markering$/.test(name)) continue;
      out.categories.push(name);
      if (new Set(values).size <= MAX_SERIES_VALUES) out.series.push(name);
    }
  }
  return out;
}

/** A sensible first chart: the example's own, or a line over the first period column, else bars. */
export function defaultChoice(cols: ChartColumns, hint?: Partial<ChartChoice> | null): ChartChoice | null {
  const y = hint?.y && cols.numbers.includes(hint.y) ? hint.y : cols.numbers[0];
  if (!y) return null;
  if (hint?.kind === 'line' && hint.x && cols.periods.includes(hint.x)) {
    return { kind: 'line', x: hint.x, y, series: hint.series && cols.series.includes(hint.series) ? hint.series : null };
  }
  if (hint?.kind === 'bar' && hint.x && cols.categories.includes(hint.x)) {
    return { kind: 'bar', x: hint.x, y, series: hint.series && cols.series.includes(hint.series) ? hint.series : null };
  }
  const period = cols.periods.find((p) => p !== y);
  if (period) return { kind: 'line', x: period, y, series: cols.series.find((s) => s !== period) ?? null };
  const category = cols.categories[0];
  return category ? { kind: 'bar', x: category, y, series: null } : null;
}

/** Swedish labels of the data contract's coded values, by column name. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  placeringsform: PLACEMENT_FORM_LABELS,
  kon: { ...CHILD_SEX_LABELS, ...ADULT_SEX_LABELS },
  aldersgrupp: AGE_GROUP_LABELS,
  avser: MEASURE_LABELS,
  verksamhet: AREA_LABELS,
  status: DECISION_STATUS_LABELS,
  niva: UNIT_LEVEL_LABELS,
  typ: SHARE_TYPE_LABELS,
};

/** The label of a value of a column (a placeringsform code → "Nätverkshem"); other values as they are. */
export function valueLabel(column: string | null, value: string): string {
  return (column && VALUE_LABELS[column]?.[value]) || value;
}

/** Shares are in percent in the published data (andel); everything else is a count or an amount. */
export function valueFormat(y: string): ValueFormat {
  return /andel|procent/i.test(y) ? 'percent' : 'count';
}

/** Decimals the values need in labels (0–2). */
export function digitsFor(values: readonly (number | null)[], format: ValueFormat): number {
  if (format === 'percent') return 1;
  let d = 0;
  for (const v of values) {
    if (v === null || Number.isInteger(v)) continue;
    d = Math.max(d, Math.abs(v * 10 - Math.round(v * 10)) < 1e-9 ? 1 : 2);
  }
  return d;
}

export type ChartData =
  | { ok: true; kind: 'line'; rows: TrendRow[]; series: string[]; omitted: string[]; format: ValueFormat; digits: number }
  | { ok: true; kind: 'bar'; rows: BarRow[]; format: ValueFormat; digits: number }
  | { ok: false; reason: 'needsPeriod' | 'needsNumber' | 'tooManyRows' | 'tooMany' | 'tooManySeries' | 'duplicates'; count?: number };

function numberOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function markerOrNull(v: unknown): string | null {
  return typeof v === 'string' && v ? v : null;
}

/** The chart rows for a choice, or why there are none. */
export function chartData(columns: readonly string[], rows: readonly Row[], choice: ChartChoice): ChartData {
  if (rows.length > MAX_CHART_ROWS) return { ok: false, reason: 'tooManyRows', count: rows.length };
  if (!columns.includes(choice.y)) return { ok: false, reason: 'needsNumber' };
  const markerColumn = markerColumnOf(columns, choice.y);
  const format = valueFormat(choice.y);
  const digits = digitsFor(rows.map((r) => numberOrNull(r[choice.y])), format);
  const value = (r: Row) => numberOrNull(r[choice.y]);
  const marker = (r: Row) => (value(r) === null ? (markerColumn ? markerOrNull(r[markerColumn]) : null) ?? 'saknas' : null);
  const seriesOf = (r: Row) => (choice.series ? String(r[choice.series] ?? '') : choice.y);

  if (choice.kind === 'line') {
    const seen = new Set<string>();
    const out: TrendRow[] = [];
    for (const r of rows) {
      const period = periodOf(r[choice.x]);
      if (period === null) {
        if (r[choice.x] === null || r[choice.x] === undefined) continue;
        return { ok: false, reason: 'needsPeriod' };
      }
      const serie = seriesOf(r);
      const key = `${serie}\u0000${period}`;
      if (seen.has(key)) return { ok: false, reason: 'duplicates' };
      seen.add(key);
      out.push({ period, serie, varde: value(r), markering: marker(r) });
    }
    if (!out.length) return { ok: false, reason: 'needsPeriod' };
    // A series with no number at all would only be markers on the axis: leave it out and say so.
    const all = [...new Set(out.map((r) => r.serie))];
    const drawn = all.filter((s) => out.some((r) => r.serie === s && r.varde !== null));
    const omitted = all.filter((s) => !drawn.includes(s));
    if (!drawn.length) return { ok: false, reason: 'needsNumber' };
    if (drawn.length > MAX_SERIES) return { ok: false, reason: 'tooManySeries', count: drawn.length };
    return { ok: true, kind: 'line', rows: out.filter((r) => drawn.includes(r.serie)), series: drawn, omitted, format, digits };
  }

  if (rows.length > MAX_BARS) return { ok: false, reason: 'tooMany', count: rows.length };
  const seen = new Set<string>();
  const out: BarRow[] = [];
  for (const r of rows) {
    const kategori = String(r[choice.x] ?? '');
    const grupp = choice.series ? String(r[choice.series] ?? '') : undefined;
    const key = `${kategori}\u0000${grupp ?? ''}`;
    if (seen.has(key)) return { ok: false, reason: 'duplicates' };
    seen.add(key);
    out.push({ kategori, varde: value(r), markering: marker(r), ...(grupp !== undefined ? { grupp } : {}) });
  }
  return { ok: true, kind: 'bar', rows: out, format, digits };
}
