// The numbers behind a chart, twice: as a table of display strings (the chart's accessible alternative,
// shown under it) and as CSV for download. A missing value is its marker text in both, never a number.
// `toCsv` is the site's one CSV writer (the SQL page uses it too).

import { periodLabel } from '../i18n/format.ts';
import { barsModel, type BarRow, type BarsOptions } from './bars.ts';
import { resolveLabels, resolveMarkerLabel, valueFormatter } from './common.ts';
import { capitalize } from './labels.ts';
import { trendModel, type TrendOptions, type TrendRow } from './trend.ts';

export interface DataTable {
  header: string[];
  rows: string[][];
}

export type CsvCell = string | number | boolean | null | undefined;

/**
 * Periods down, series across: "Period | Familjehem | HVB". A period outside a series' span is an empty
 * cell; a missing value inside it is its marker label.
 */
export function trendTable(rows: readonly TrendRow[], options: TrendOptions = {}): DataTable {
  const model = trendModel(rows, options);
  const labels = resolveLabels(options.labels);
  const markerLabel = resolveMarkerLabel(options.markerLabel);
  const fmt = valueFormatter(model.format, options.digits);
  const cells = trendCells(rows, options);
  return {
    header: [labels.period, ...model.series.map((s) => s.name)],
    rows: model.periods.map((period, i) => [
      periodLabel(period),
      ...cells[i].map((c) => (c === null ? '' : c.varde !== null ? fmt(c.varde) : capitalize(markerLabel(c.markering ?? 'saknas')))),
    ]),
  };
}

/** The same table as CSV cells: canonical periods ("2025-Q3") and raw numbers, markers as text. */
export function trendCsv(rows: readonly TrendRow[], options: TrendOptions = {}): CsvCell[][] {
  const model = trendModel(rows, options);
  const labels = resolveLabels(options.labels);
  const markerLabel = resolveMarkerLabel(options.markerLabel);
  const cells = trendCells(rows, options);
  return [
    [labels.period, ...model.series.map((s) => s.name)],
    ...model.periods.map((period, i) => [
      period,
      ...cells[i].map((c) => (c === null ? null : c.varde !== null ? c.varde : capitalize(markerLabel(c.markering ?? 'saknas')))),
    ]),
  ];
}

function trendCells(rows: readonly TrendRow[], options: TrendOptions) {
  const model = trendModel(rows, options);
  const lookup = model.series.map((s) => new Map(s.points.map((p) => [p.period, p])));
  return model.periods.map((period) => lookup.map((m) => m.get(period) ?? null));
}

/** One row per bar, in the chart's order: "Kategori | (Grupp |) Värde". */
export function barsTable(rows: readonly BarRow[], options: BarsOptions & { valueHeader?: string } = {}): DataTable {
  const model = barsModel(rows, options);
  const labels = resolveLabels(options.labels);
  const markerLabel = resolveMarkerLabel(options.markerLabel);
  const grouped = model.groups.length > 0;
  return {
    header: [labels.category, ...(grouped ? [labels.group] : []), options.valueHeader ?? labels.value],
    rows: model.items.map((i) => [
      i.name,
      ...(grouped ? [i.group ?? ''] : []),
      i.varde === null ? capitalize(markerLabel(i.markering ?? 'saknas')) : i.shown,
    ]),
  };
}

export function barsCsv(rows: readonly BarRow[], options: BarsOptions & { valueHeader?: string } = {}): CsvCell[][] {
  const model = barsModel(rows, options);
  const labels = resolveLabels(options.labels);
  const markerLabel = resolveMarkerLabel(options.markerLabel);
  const grouped = model.groups.length > 0;
  return [
    [labels.category, ...(grouped ? [labels.group] : []), options.valueHeader ?? labels.value],
    ...model.items.map((i) => [
      i.name,
      ...(grouped ? [i.group ?? ''] : []),
      i.varde === null ? capitalize(markerLabel(i.markering ?? 'saknas')) : i.varde,
    ]),
  ];
}

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark so Excel reads å, ä, ö right (default true). */
  bom?: boolean;
  /** Default ";" (Swedish Excel: the comma is the decimal mark). */
  delimiter?: string;
}

// Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** A number in a CSV cell: decimal comma, no grouping, full precision, no exponent for normal sizes. */
export function csvNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  let s = String(n);
  if (/e/i.test(s)) s = withoutExponent(s);
  return s.replace('.', ',');
}

/**
 * A number JavaScript writes with an exponent (1e-7, 2.5e+22) in plain digits with the same significant
 * digits ('0.0000001', '25000000000000000000000'): Excel and the site's own reader take plain digits.
 */
function withoutExponent(text: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/i.exec(text);
  if (!m) return text;
  const [, sign, lead, rest = '', exp] = m;
  const digits = lead + rest;
  const point = 1 + Number(exp); // position of the decimal point in `digits`
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** One CSV cell: numbers with a decimal comma; text guarded against formulas and quoted when needed. */
export function csvCell(value: CsvCell, delimiter = ';'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return csvNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  if (s.includes(delimiter) || /["\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** CSV text: UTF-8 BOM (as a U+FEFF character; encode the string as UTF-8), ";" between cells, CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ';';
  const body = rows.map((row) => row.map((c) => csvCell(c, delimiter)).join(delimiter)).join('\r\n');
  return `${options.bom === false ? '' : '\ufeff'}${body}\r\n`;
}
