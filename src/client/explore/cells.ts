// How a result's values are shown in the grid and written to CSV. A value arrives from duckdb-wasm as
// Arrow (numbers as JS numbers, BIGINT and DECIMAL cast to double by the engine's settings, dates and
// timestamps as milliseconds since 1970). Numbers use the site's sv-SE formats; a NULL beside a marker
// column is shown as that marker ("× Skyddad av sekretess"), never as a number or as 0.

import { DataType, type Field, type Table } from 'apache-arrow';
import { MARKER_LABELS } from '../../data/markers.ts';
import { capitalize, markerText as labelOf } from '../../i18n/text.ts';
import { plainNested } from '../arrow-values.ts';
import { markerGlyph } from '../../charts/theme.ts';
import { formatNumber } from '../../i18n/format.ts';
import { isoDate } from '../../queries/runner.ts';
import type { ExportMeta, ExportTable, ExportValue } from '../../exports/table.ts';

export type ColumnFormat = 'number' | 'date' | 'timestamp' | 'boolean' | 'text' | 'nested';

export function columnFormat(type: DataType): ColumnFormat {
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) return 'number';
  if (DataType.isDate(type)) return 'date';
  if (DataType.isTimestamp(type)) return 'timestamp';
  if (DataType.isBool(type)) return 'boolean';
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return 'text';
  if (DataType.isList(type) || DataType.isStruct(type) || DataType.isMap(type) || DataType.isFixedSizeList(type)) return 'nested';
  return 'text';
}

/** A year or a code is an integer that is read without thousands separators (2 025 is no year). */
const UNGROUPED = /^(ar|år|year|artal|årtal|kvartal|kod|.*_kod|.*kod)$/i;

export interface ColumnInfo {
  name: string;
  format: ColumnFormat;
  ungrouped: boolean;
  /** Index of the column holding this column's marker (`<name>_markering`, else `markering`), or -1. */
  markerIndex: number;
}

export function columnInfos(fields: readonly Field[]): ColumnInfo[] {
  const names = fields.map((f) => f.name);
  return fields.map((f) => {
    const format = columnFormat(f.type);
    const own = names.indexOf(`${f.name}_markering`);
    const shared = names.indexOf('markering');
    return {
      name: f.name,
      format,
      ungrouped: UNGROUPED.test(f.name),
      markerIndex: format === 'number' ? (own >= 0 ? own : shared) : -1,
    };
  });
}

/** Decimals needed to show `x` exactly, up to 6 (a result may hold any double). */
function decimals(x: number): number {
  if (Number.isInteger(x)) return 0;
  const s = Math.abs(x).toFixed(6).replace(/0+$/, '');
  const dot = s.indexOf('.');
  return dot === -1 ? 0 : Math.max(1, s.length - dot - 1);
}

export function formatResultNumber(x: number, ungrouped = false): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '\u2212∞';
  if (ungrouped && Number.isInteger(x)) return x < 0 ? `\u2212${-x}` : String(x);
  return formatNumber(x, decimals(x));
}

/** A Date, or a date/timestamp from Arrow (milliseconds), as ISO text: 2025-09-30 or 2025-09-30 14:05:00. */
export function formatTemporal(value: unknown, format: 'date' | 'timestamp'): string {
  const ms = value instanceof Date ? value.getTime() : Number(value);
  if (!Number.isFinite(ms)) return String(value);
  const iso = isoDate(new Date(ms));
  if (format === 'date' || iso.length === 10) return iso;
  return iso.replace('T', ' ').replace(/(\.000)?Z$/, '');
}

export { plainNested };

export interface ShownCell {
  text: string;
  /** 'num', 'null', 'marker' or '' (for the cell's class). */
  kind: 'num' | 'null' | 'marker' | 'text';
  /** The full text where the cell may be cut (long text), or the marker's meaning. */
  title?: string;
}

/** The label of a marker code: "× Skyddad av sekretess". Unknown codes are shown as they are. */
export function markerText(code: string): string {
  return (MARKER_LABELS as Record<string, string>)[code] ? `${markerGlyph(code).text} ${capitalize(labelOf(code))}` : code;
}

/** One cell as the grid shows it. `marker` is the row's marker for this column, if any. */
export function showCell(value: unknown, column: ColumnInfo, marker: unknown, words: { nullValue: string; yes: string; no: string }): ShownCell {
  if (value === null || value === undefined) {
    if (typeof marker === 'string' && marker) return { text: markerText(marker), kind: 'marker', title: marker };
    return { text: words.nullValue, kind: 'null' };
  }
  switch (column.format) {
    case 'number':
      return { text: formatResultNumber(Number(value), column.ungrouped), kind: 'num' };
    case 'date':
    case 'timestamp':
      return { text: formatTemporal(value, column.format), kind: 'text' };
    case 'boolean':
      return { text: value ? words.yes : words.no, kind: 'text' };
    case 'nested': {
      const text = JSON.stringify(plainNested(value));
      return { text, kind: 'text', title: text.length > 40 ? text : undefined };
    }
    default: {
      const text = String(value);
      return { text, kind: 'text', title: text.length > 40 ? text : undefined };
    }
  }
}

/** A value for CSV: numbers stay numbers (written with a decimal comma), dates ISO, nested values JSON. */
export function csvValue(value: unknown, column: ColumnInfo): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  switch (column.format) {
    case 'number':
      return Number(value);
    case 'date':
    case 'timestamp':
      return formatTemporal(value, column.format);
    case 'boolean':
      return Boolean(value);
    case 'nested':
      return JSON.stringify(plainNested(value));
    default:
      return String(value);
  }
}

/** Rows as plain objects with the CSV's values (numbers, ISO dates, text), for the quick chart. */
export function resultRows(table: Table): Record<string, string | number | boolean | null>[] {
  const infos = columnInfos(table.schema.fields);
  const vectors = infos.map((_, c) => table.getChildAt(c));
  const rows: Record<string, string | number | boolean | null>[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Record<string, string | number | boolean | null> = {};
    infos.forEach((info, c) => {
      row[info.name] = csvValue(vectors[c]?.get(r), info);
    });
    rows[r] = row;
  }
  return rows;
}

/**
 * Column infos for plain rows (build time, Node runner): the format from the values' JavaScript types.
 */
export function rowColumnInfos(columns: readonly string[], rows: readonly Record<string, unknown>[]): ColumnInfo[] {
  return columns.map((name) => {
    const values = rows.map((r) => r[name]).filter((v) => v !== null && v !== undefined);
    const format: ColumnFormat = values.length && values.every((v) => typeof v === 'number') ? 'number'
      : values.length && values.every((v) => typeof v === 'boolean') ? 'boolean' : 'text';
    const own = columns.indexOf(`${name}_markering`);
    const shared = columns.indexOf('markering');
    return { name, format, ungrouped: UNGROUPED.test(name), markerIndex: format === 'number' || !values.length ? (own >= 0 ? own : shared) : -1 };
  });
}

/**
 * The whole result as a table to download (src/exports): number columns as numbers with each missing one's
 * marker (from its marker column, as the grid shows it), everything else as text, dates ISO.
 */
export function resultExportTable(table: Table, meta: ExportMeta): ExportTable {
  const infos = columnInfos(table.schema.fields);
  const vectors = infos.map((_, c) => table.getChildAt(c));
  const rows: ExportValue[][] = new Array(table.numRows);
  const markers: (string | null)[][] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    rows[r] = infos.map((info, c) => {
      const v = csvValue(vectors[c]?.get(r), info);
      return info.format === 'number' || v === null || typeof v === 'boolean' ? v : String(v);
    });
    markers[r] = infos.map((info, c) => {
      if (info.markerIndex < 0 || rows[r][c] !== null) return null;
      const m = vectors[info.markerIndex]?.get(r);
      return typeof m === 'string' && m ? m : null;
    });
  }
  return {
    columns: infos.map((i) => ({ name: i.name, kind: i.format === 'number' ? 'number' : 'text' })),
    rows,
    markers,
    meta,
  };
}
