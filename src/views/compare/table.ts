// Units side by side as data: a row per unit (sorted by the unit's code, the order without JavaScript),
// a column per breakdown (placement form, insats, share and counts), the parent's published total in a
// row of its own at the foot, a hidden value as its marker and never a number. The same table as CSV.
// Drawn by src/render/unit-table.ts; sorted by any column in the browser (src/client/dashboard/sort-table.ts).

import { csvValue, valueCell, type CsvCell } from '../../charts/table.ts';
import { markerText } from '../../i18n/text.ts';
import { compareWords as w } from '../../i18n/compare.ts';

export interface UnitTableCell {
  text: string;
  /** The number, for sorting; null for a marker. */
  value: number | null;
  marker?: string;
}

export interface UnitTableRow {
  enhetskod: string;
  name: string;
  highlighted: boolean;
  cells: UnitTableCell[];
}

export interface UnitTable {
  /** Prefix of the ids, unique on the page. */
  id: string;
  caption: string;
  columns: string[];
  /** The units compared, by code. */
  rows: UnitTableRow[];
  /** The parent's own published figures (e.g. "Stockholm totalt"), kept at the foot when sorting. */
  totals: UnitTableRow[];
  notes: string[];
  source: string;
  invented: boolean;
  file: string;
  csv: CsvCell[][];
}

/** A value as a table cell: the formatted number or the marker in words. */
export function unitCell(value: number | null | undefined, markering: string | null | undefined, shown: (v: number) => string): UnitTableCell {
  const cell = valueCell(value, markering, shown, markerText);
  return { text: cell.text, value: value ?? null, ...(cell.marker ? { marker: cell.marker } : {}) };
}

export interface TableInput {
  id: string;
  caption: string;
  columns: string[];
  rows: { enhetskod: string; name: string; values: { value: number | null; markering: string | null }[] }[];
  totals: { enhetskod: string; name: string; values: { value: number | null; markering: string | null }[] }[];
  highlight: string;
  shown: ((v: number) => string)[];
  notes: string[];
  source: string;
  invented: boolean;
  file: string;
}

/** The table from rows of values (one per column), sorted by code; the CSV beside it with raw numbers. */
export function unitTable(input: TableInput): UnitTable {
  const byCode = [...input.rows].sort((a, b) => (a.enhetskod < b.enhetskod ? -1 : a.enhetskod > b.enhetskod ? 1 : 0));
  const row = (r: TableInput['rows'][number]): UnitTableRow => ({
    enhetskod: r.enhetskod,
    name: r.name,
    highlighted: r.enhetskod === input.highlight,
    cells: r.values.map((v, i) => unitCell(v.value, v.markering, input.shown[i] ?? input.shown[0])),
  });
  const header = [w.codeHeader, w.unitHeader, ...input.columns];
  const csvRow = (r: TableInput['rows'][number], name: string) => [r.enhetskod, name, ...r.values.map((v) => csvValue(v.value, v.markering, markerText))];
  return {
    id: input.id,
    caption: input.caption,
    columns: input.columns,
    rows: byCode.map(row),
    totals: input.totals.map((t) => ({ ...row(t), name: w.totalRow(t.name) })),
    notes: input.notes,
    source: input.source,
    invented: input.invented,
    file: input.file,
    csv: [header, ...byCode.map((r) => csvRow(r, r.name)), ...input.totals.map((t) => csvRow(t, w.totalRow(t.name)))],
  };
}
