// The numbers behind a chart, twice, from the chart's own model (built once, ./trend-model.ts, ./bars.ts):
// as a table of cells (the chart's accessible alternative, shown under it) and as CSV for download. A
// missing value is its marker in both: the cell's text says it in words and `marker` keeps its code, so a
// renderer can mark it without reading the words back; never a number. `toCsv` is the site's one CSV
// writer (the SQL page uses it too).

import { periodLabel } from '../i18n/format.ts';
import type { BarsModel } from './bars.ts';
import type { HeatmapModel } from './heatmap.ts';
import { capitalize } from './labels.ts';
import type { TrendModel, TrendPoint } from './trend-model.ts';

/** One cell of a data table: what it shows, and the marker code when it holds no number. */
export interface Cell {
  text: string;
  marker?: string;
}

export interface DataTable {
  header: string[];
  rows: Cell[][];
}

export type CsvCell = string | number | boolean | null | undefined;

/** A cell for a value or its marker; `shown` formats a number. */
export function valueCell(varde: number | null | undefined, markering: string | null | undefined, shown: (v: number) => string, markerLabel: (code: string) => string): Cell {
  if (varde != null) return { text: shown(varde) };
  const marker = markering ?? 'saknas';
  return { text: capitalize(markerLabel(marker)), marker };
}

/** The same value for a CSV: the raw number, or the marker in words. */
export function csvValue(varde: number | null | undefined, markering: string | null | undefined, markerLabel: (code: string) => string): CsvCell {
  return varde != null ? varde : capitalize(markerLabel(markering ?? 'saknas'));
}

/** The grid of a trend: per period, each series' point (null outside the series' span). */
function grid(model: TrendModel): (TrendPoint | null)[][] {
  const lookup = model.series.map((s) => new Map(s.points.map((p) => [p.period, p])));
  return model.periods.map((period) => lookup.map((m) => m.get(period) ?? null));
}

/**
 * Periods down, series across: "Period | Familjehem | HVB". A period outside a series' span is an empty
 * cell; a missing value inside it is its marker label.
 */
export function trendTable(model: TrendModel): DataTable {
  const { labels, markerLabel, fmt } = model.settings;
  const cells = grid(model);
  return {
    header: [labels.period, ...model.series.map((s) => s.name)],
    rows: model.periods.map((period, i) => [
      { text: periodLabel(period) },
      ...cells[i].map((p) => (p === null ? { text: '' } : valueCell(p.varde, p.markering, fmt, markerLabel))),
    ]),
  };
}

/** The same table as CSV cells: canonical periods ("2025-Q3") and raw numbers, markers as text. */
export function trendCsv(model: TrendModel): CsvCell[][] {
  const { labels, markerLabel } = model.settings;
  const cells = grid(model);
  return [
    [labels.period, ...model.series.map((s) => s.name)],
    ...model.periods.map((period, i) => [period, ...cells[i].map((p) => (p === null ? null : csvValue(p.varde, p.markering, markerLabel)))]),
  ];
}

/** The header of a bar table: "Kategori | (Grupp |) Värde". */
function barsHeader(model: BarsModel, valueHeader?: string): string[] {
  const { labels } = model.settings;
  return [labels.category, ...(model.groups.length ? [labels.group] : []), valueHeader ?? labels.value];
}

/** One row per bar, in the chart's order. */
export function barsTable(model: BarsModel, valueHeader?: string): DataTable {
  const grouped = model.groups.length > 0;
  const { markerLabel } = model.settings;
  return {
    header: barsHeader(model, valueHeader),
    rows: model.items.map((i) => [
      { text: i.name },
      ...(grouped ? [{ text: i.group ?? '' }] : []),
      valueCell(i.varde, i.markering, () => i.shown, markerLabel),
    ]),
  };
}

export function barsCsv(model: BarsModel, valueHeader?: string): CsvCell[][] {
  const grouped = model.groups.length > 0;
  const { markerLabel } = model.settings;
  return [
    barsHeader(model, valueHeader),
    ...model.items.map((i) => [i.name, ...(grouped ? [i.group ?? ''] : []), csvValue(i.varde, i.markering, markerLabel)]),
  ];
}

/** A heat map's numbers: a row per unit, a column per breakdown; a cell without a number is its marker. */
export function heatmapTable(model: HeatmapModel): DataTable {
  const { markerLabel, fmt, rowHeader } = model.settings;
  return {
    header: [rowHeader, ...model.columns.map((c) => c.name)],
    rows: model.rows.map((r) => [
      { text: r.name },
      ...model.columns.map((c) => {
        const cell = model.cells.find((x) => x.rad === r.key && x.kolumn === c.key);
        return valueCell(cell?.varde, cell?.markering, fmt, markerLabel);
      }),
    ]),
  };
}

export function heatmapCsv(model: HeatmapModel): CsvCell[][] {
  const { markerLabel, rowHeader } = model.settings;
  return [
    [rowHeader, ...model.columns.map((c) => c.name)],
    ...model.rows.map((r) => [r.name, ...model.columns.map((c) => {
      const cell = model.cells.find((x) => x.rad === r.key && x.kolumn === c.key);
      return csvValue(cell?.varde, cell?.markering, markerLabel);
    })]),
  ];
}

/** A table's cells as the texts they show (for tests and summaries). */
export function cellTexts(table: DataTable): string[][] {
  return table.rows.map((row) => row.map((c) => c.text));
}

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark so Excel reads å, ä, ö right (default true). */
  bom?: boolean;
  /** Default ";" (Swedish Excel: the comma is the decimal mark). */
  delimiter?: string;
  /** The decimal mark: "," (default, Swedish Excel) or "." (data tools). */
  decimal?: ',' | '.';
}

// Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** A number in a CSV cell: decimal comma (or point), no grouping, full precision, no exponent for normal sizes. */
export function csvNumber(n: number, decimal: ',' | '.' = ','): string {
  if (!Number.isFinite(n)) return '';
  let s = String(n);
  if (/e/i.test(s)) s = withoutExponent(s);
  return decimal === ',' ? s.replace('.', ',') : s;
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
export function csvCell(value: CsvCell, delimiter = ';', decimal: ',' | '.' = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return csvNumber(value, decimal);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  if (s.includes(delimiter) || /["\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** CSV text: UTF-8 BOM (as a U+FEFF character; encode the string as UTF-8), ";" between cells, CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ';';
  const body = rows.map((row) => row.map((c) => csvCell(c, delimiter, options.decimal)).join(delimiter)).join('\r\n');
  return `${options.bom === false ? '' : '\ufeff'}${body}\r\n`;
}
