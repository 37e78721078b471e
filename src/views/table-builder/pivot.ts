// The query's long rows as the reader placed them: the row variables nested down the side, the column
// variables nested across the top, one cell per combination (a number, or the marker that says why there
// is none, or nothing when the data have no such row). Only combinations the data hold get a row or a
// column (the builder offers LSS beside IFO; no row joins them). A variable with one value chosen is not
// an axis but a line of the caption. Then the same table as a download (CSV, XLSX) and as a cube
// (JSON-stat). Pure: the page, the tests and the benchmark call the same functions.

import type { Cube } from '../../exports/jsonstat.ts';
import { orderMarkers, type ExportMeta, type ExportTable } from '../../exports/table.ts';
import type { BuilderDataset, BuilderValue, BuilderVariable } from './catalog.ts';
import { chosenCodes, type Choice } from './choice.ts';

export interface PivotCell {
  value: number | null;
  /** Why there is no number (the site's marker code), else null. */
  marker: string | null;
}

export interface PivotModel {
  title: string;
  /** The variables with one value chosen, as "Kön: Totalt". */
  fixed: { variable: BuilderVariable; value: BuilderValue }[];
  rowVars: BuilderVariable[];
  colVars: BuilderVariable[];
  /** Each row's values, one per row variable. */
  rowKeys: BuilderValue[][];
  colKeys: BuilderValue[][];
  /** rowKeys × colKeys; null where the data hold no row. */
  cells: (PivotCell | null)[][];
  /** Marker codes used, in the site's order. */
  markers: string[];
  /** Whether a published total is among the rows or columns. */
  hasTotals: boolean;
}

type Row = Record<string, unknown>;

const SEP = '\u0001';

function chosenValues(dataset: BuilderDataset, choice: Choice, variable: BuilderVariable): BuilderValue[] {
  const codes = new Set(chosenCodes(dataset, choice, variable.column));
  return variable.values.filter((v) => codes.has(v.code));
}

/** Every combination of the axes' values in order, the last variable varying fastest. */
function product(lists: BuilderValue[][]): BuilderValue[][] {
  let out: BuilderValue[][] = [[]];
  for (const list of lists) out = out.flatMap((prefix) => list.map((v) => [...prefix, v]));
  return out;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export function pivot(dataset: BuilderDataset, choice: Choice, rows: readonly Row[]): PivotModel {
  const byColumn = new Map(dataset.variables.map((v) => [v.column, v]));
  const values = new Map(dataset.variables.map((v) => [v.column, chosenValues(dataset, choice, v)]));
  const isAxis = (c: string) => (values.get(c)?.length ?? 0) > 1;
  const rowCols = choice.rows.filter(isAxis);
  const colCols = choice.columns.filter(isAxis);
  const rowKeyOf = (r: Row) => rowCols.map((c) => text(r[c])).join(SEP);
  const colKeyOf = (r: Row) => colCols.map((c) => text(r[c])).join(SEP);
  const found = new Map<string, PivotCell>();
  const presentRows = new Set<string>();
  const presentCols = new Set<string>();
  const markers = new Set<string>();
  for (const r of rows) {
    const rk = rowKeyOf(r);
    const ck = colKeyOf(r);
    presentRows.add(rk);
    presentCols.add(ck);
    const value = typeof r.antal === 'number' ? r.antal : typeof r.antal === 'bigint' ? Number(r.antal) : null;
    const marker = value === null ? text(r.markering) || 'saknas' : null;
    if (marker) markers.add(marker);
    found.set(rk + SEP + SEP + ck, { value, marker });
  }
  const keyOf = (key: BuilderValue[]) => key.map((v) => v.code).join(SEP);
  const rowKeys = product(rowCols.map((c) => values.get(c) ?? [])).filter((k) => presentRows.has(keyOf(k)));
  const colKeys = product(colCols.map((c) => values.get(c) ?? [])).filter((k) => presentCols.has(keyOf(k)));
  const colIds = colKeys.map(keyOf);
  const cells = rowKeys.map((rk) => {
    const prefix = keyOf(rk) + SEP + SEP;
    return colIds.map((ck) => found.get(prefix + ck) ?? null);
  });
  const fixed = dataset.variables
    .filter((v) => !isAxis(v.column) && (values.get(v.column)?.length ?? 0) === 1)
    .map((v) => ({ variable: v, value: (values.get(v.column) as BuilderValue[])[0] }));
  return {
    title: dataset.title,
    fixed,
    rowVars: rowCols.map((c) => byColumn.get(c) as BuilderVariable),
    colVars: colCols.map((c) => byColumn.get(c) as BuilderVariable),
    rowKeys: rows.length ? rowKeys : [],
    colKeys: rows.length ? colKeys : [],
    cells: rows.length ? cells : [],
    markers: orderMarkers(markers),
    hasTotals: [...rowKeys, ...colKeys].some((k) => k.some((v) => v.total)),
  };
}

/** "Kön: Totalt, Åldersgrupp: 0–20 år": the caption's second line. */
export function fixedText(model: PivotModel): string {
  return model.fixed.map((f) => `${f.variable.label}: ${f.value.label}`).join(', ');
}

/** A column's heading in a flat file: its values joined ("kv. 1 2025 – Flickor"), or the measure's name. */
export function columnName(key: BuilderValue[], measure: string): string {
  return key.length ? key.map((v) => v.label).join(' – ') : measure;
}

/**
 * The table as a download: the row variables as text columns (a unit as its code and its name; codes
 * such as 0180 stay text), one number column per column of the table, markers kept beside the values.
 */
export function pivotExportTable(model: PivotModel, meta: ExportMeta, measure: string, codeHeader = 'Enhetskod'): ExportTable {
  const keys = model.colKeys.length || !model.cells.length ? model.colKeys : [[]];
  // A unit is its code (text, so 0180 stays 0180) and its name; other variables their labels.
  const side = model.rowVars.flatMap((v, i) => (v.column === 'enhetskod' ? [{ i, code: true, name: codeHeader }, { i, code: false, name: v.label }] : [{ i, code: false, name: v.label }]));
  return {
    columns: [
      ...side.map((s) => ({ name: s.name, kind: 'text' as const })),
      ...keys.map((k) => ({ name: columnName(k, measure), kind: 'number' as const, decimals: 0 })),
    ],
    rows: model.rowKeys.map((rk, r) => [...side.map((s) => (s.code ? rk[s.i].code : rk[s.i].label)), ...model.cells[r].map((c) => c?.value ?? null)]),
    markers: model.rowKeys.map((_, r) => [...side.map(() => null), ...model.cells[r].map((c) => c?.marker ?? null)]),
    meta,
  };
}

/** The result as a JSON-stat cube: every variable a dimension (the fixed ones of one category), codes kept. */
export function pivotCube(dataset: BuilderDataset, choice: Choice, rows: readonly Row[], meta: ExportMeta): Cube {
  const order = [...choice.rows, ...choice.columns];
  const variables = order.map((c) => dataset.variables.find((v) => v.column === c) as BuilderVariable);
  // A variable of one value is not in the rows (builderSql leaves it out): its one code is every row's.
  const single = variables.map((v) => {
    const codes = chosenCodes(dataset, choice, v.column);
    return codes.length === 1 ? codes[0] : null;
  });
  const codeOf = (r: Row, i: number) => single[i] ?? text(r[variables[i].column]);
  const present = variables.map((_, i) => new Set(rows.map((r) => codeOf(r, i))));
  return {
    dimensions: variables.map((v, i) => ({
      id: v.column,
      label: v.label,
      ...(v.column === 'period' ? { time: true } : {}),
      categories: chosenValues(dataset, choice, v).filter((x) => present[i].has(x.code)).map((x) => ({ code: x.code, label: x.label })),
    })),
    cells: rows.map((r) => {
      const value = typeof r.antal === 'number' ? r.antal : null;
      return { codes: variables.map((_, i) => codeOf(r, i)), value, marker: value === null ? text(r.markering) || 'saknas' : null };
    }),
    meta,
  };
}
