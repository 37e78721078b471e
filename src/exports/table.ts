// A table to download, whatever it came from (a chart figure on a dashboard page, a result on the SQL page,
// the table builder): columns with their kind, rows of values, the marker of every missing number, and what
// the file must say about itself (source, data date, markers, suppression). The writers (csv.ts, xlsx.ts,
// jsonstat.ts) read only this. Pure.

import { MARKER_ORDER } from '../charts/theme.ts';

export type ExportValue = string | number | boolean | null;

export interface ExportColumn {
  name: string;
  /** number: written as a number; text: written as text (codes such as 0180, 01 and 9999-01 stay text). */
  kind: 'number' | 'text';
  /** Decimals shown on the site: the Excel profile and the XLSX round to them. Absent: as the value needs, at most 6. */
  decimals?: number;
}

export interface ExportMeta {
  title: string;
  /** The selection: unit, measure, periods. */
  subtitle?: string;
  /** "Källa: …" as the figure shows it. */
  source: string;
  /** ISO date of the published data, or null when unknown. */
  published: string | null;
  /** Counts 1..threshold-1 are hidden; null when unknown, 1 when every count is published. */
  threshold: number | null;
  invented?: boolean;
}

export interface ExportTable {
  columns: ExportColumn[];
  rows: ExportValue[][];
  /** Same shape as rows: the marker code (sekretess, saknas, inget_att_redovisa) of a missing number, else null. */
  markers?: (string | null)[][];
  meta: ExportMeta;
}

/** Decimals needed to show `x` as the site shows it: exactly, up to 6 (0.30000000000000004 → 1). */
export function shownDecimals(x: number): number {
  if (Number.isInteger(x)) return 0;
  const s = Math.abs(x).toFixed(6).replace(/0+$/, '');
  const dot = s.indexOf('.');
  return dot === -1 ? 0 : Math.max(1, s.length - dot - 1);
}

/** `x` rounded to what the site shows (a column's decimals, or the value's own up to 6). */
export function roundShown(x: number, decimals?: number): number {
  const d = decimals ?? shownDecimals(x);
  const rounded = Number(x.toFixed(d));
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Marker codes in the site's order (the contract's), unknown ones last. */
export function orderMarkers(codes: Iterable<string>): string[] {
  const order: readonly string[] = MARKER_ORDER;
  const rank = (m: string) => (order.includes(m) ? order.indexOf(m) : order.length);
  return [...new Set(codes)].sort((a, b) => rank(a) - rank(b));
}

/** The marker codes a table uses, in the site's order. */
export function markersUsed(table: ExportTable): string[] {
  return orderMarkers((table.markers ?? []).flat().filter((m): m is string => !!m));
}
