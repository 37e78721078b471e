// The reader's whole choice (dataset, the values of every variable, a period range, rows and columns) and
// its place in the link. The choice lives in the fragment (#tabell=placeringar&enhetskod=0180&…), which the
// browser never sends to a server. Reading a link keeps only names and values the catalog holds, so a link
// can say nothing the builder would not offer itself; its choice is put in the form and its table drawn
// when the reader presses "Visa tabell". Pure.

import { tableBuilderWords as w } from '../../i18n/table-builder.ts';
import type { BuilderCatalog, BuilderDataset, BuilderVariable } from './catalog.ts';

export type Axis = 'rows' | 'columns';

export interface Choice {
  dataset: string;
  /** The chosen codes of every variable except period, in the catalog's order. */
  values: Record<string, string[]>;
  /** The period range, both ends included (codes of the catalog's periods). */
  from: string;
  to: string;
  /** The variables in rows, then in columns, each once, in the order they are nested. */
  rows: string[];
  columns: string[];
}

const DATASET_KEY = 'tabell';
const ROWS_KEY = 'rader';
const COLUMNS_KEY = 'kolumner';
const FROM_KEY = 'fran';
const TO_KEY = 'till';
/** A variable with no value chosen (an empty value may be a code: LSS's verksamhet is ''). */
const NONE_KEY = 'inga';

export function datasetOf(catalog: BuilderCatalog, name: string): BuilderDataset | null {
  return catalog.find((d) => d.name === name) ?? null;
}

/** The periods of the range, in order (a reversed range is read the right way round). */
export function periodsOf(dataset: BuilderDataset, choice: Pick<Choice, 'from' | 'to'>): string[] {
  const periods = dataset.variables[1].values.map((v) => v.code);
  let a = periods.indexOf(choice.from);
  let b = periods.indexOf(choice.to);
  if (a === -1) a = 0;
  if (b === -1) b = periods.length - 1;
  if (a > b) [a, b] = [b, a];
  return periods.slice(a, b + 1);
}

/** The chosen codes of a variable (the period range's periods for period). */
export function chosenCodes(dataset: BuilderDataset, choice: Choice, column: string): string[] {
  return column === 'period' ? periodsOf(dataset, choice) : choice.values[column] ?? [];
}

/** Units in rows, periods in columns, everything else in rows. */
export function defaultChoice(dataset: BuilderDataset): Choice {
  const periods = dataset.variables[1];
  const defaults = periods.defaults.length ? periods.defaults : periods.values.map((v) => v.code);
  return {
    dataset: dataset.name,
    values: Object.fromEntries(dataset.variables.filter((v) => v.column !== 'period').map((v) => [v.column, [...v.defaults]])),
    from: defaults[0] ?? '',
    to: defaults[defaults.length - 1] ?? '',
    rows: dataset.variables.filter((v) => v.column !== 'period').map((v) => v.column),
    columns: ['period'],
  };
}

/** Only known codes, each once, in the catalog's order. */
function known(variable: BuilderVariable, codes: readonly string[]): string[] {
  const wanted = new Set(codes);
  return variable.values.map((v) => v.code).filter((c) => wanted.has(c));
}

/** The choice made whole and valid: unknown names and values dropped, every variable on one axis. */
export function normaliseChoice(dataset: BuilderDataset, choice: Partial<Choice>): Choice {
  const base = defaultChoice(dataset);
  const columns = dataset.variables.map((v) => v.column);
  const values: Record<string, string[]> = {};
  for (const v of dataset.variables) {
    if (v.column === 'period') continue;
    const given = choice.values?.[v.column];
    values[v.column] = given === undefined ? base.values[v.column] : known(v, given);
  }
  const periods = dataset.variables[1].values.map((v) => v.code);
  const from = choice.from && periods.includes(choice.from) ? choice.from : base.from;
  const to = choice.to && periods.includes(choice.to) ? choice.to : base.to;
  const seen = new Set<string>();
  const take = (list: readonly string[] | undefined) =>
    (list ?? []).filter((c) => columns.includes(c) && !seen.has(c) && seen.add(c));
  const rows = take(choice.rows ?? base.rows);
  const cols = take(choice.columns ?? base.columns);
  // A variable the link leaves out goes where the default puts it.
  for (const c of columns) if (!seen.has(c)) (base.columns.includes(c) ? cols : rows).push(c);
  return { dataset: dataset.name, values, from, to, rows, columns: cols };
}

/** The fragment for a choice (without '#'): every variable's values, the range, and the two axes. */
export function choiceToFragment(choice: Choice): string {
  const params = new URLSearchParams();
  params.set(DATASET_KEY, choice.dataset);
  for (const [column, codes] of Object.entries(choice.values)) {
    if (!codes.length) params.append(NONE_KEY, column);
    for (const code of codes) params.append(column, code);
  }
  params.set(FROM_KEY, choice.from);
  params.set(TO_KEY, choice.to);
  params.set(ROWS_KEY, choice.rows.join(','));
  params.set(COLUMNS_KEY, choice.columns.join(','));
  return params.toString();
}

/**
 * The choice in a location hash, checked against the catalog, or null when the hash holds no table. A
 * variable the link does not name gets its defaults.
 */
export function choiceFromFragment(catalog: BuilderCatalog, hash: string): Choice | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!fragment) return null;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(fragment);
  } catch {
    return null;
  }
  const dataset = datasetOf(catalog, params.get(DATASET_KEY) ?? '');
  if (!dataset) return null;
  const values: Record<string, string[]> = {};
  for (const v of dataset.variables) {
    if (v.column === 'period') continue;
    if (params.getAll(NONE_KEY).includes(v.column)) values[v.column] = [];
    else if (params.has(v.column)) values[v.column] = params.getAll(v.column);
  }
  const axis = (key: string) => (params.has(key) ? (params.get(key) ?? '').split(',').filter(Boolean) : undefined);
  return normaliseChoice(dataset, {
    values,
    from: params.get(FROM_KEY) ?? undefined,
    to: params.get(TO_KEY) ?? undefined,
    rows: axis(ROWS_KEY),
    columns: axis(COLUMNS_KEY),
  });
}

/** Moves a variable to the other axis (at its end). */
export function moveVariable(choice: Choice, column: string, axis: Axis): Choice {
  const rows = choice.rows.filter((c) => c !== column);
  const columns = choice.columns.filter((c) => c !== column);
  (axis === 'rows' ? rows : columns).push(column);
  return { ...choice, rows, columns };
}

/** Rows become columns and columns rows. */
export function swapAxes(choice: Choice): Choice {
  return { ...choice, rows: [...choice.columns], columns: [...choice.rows] };
}

/**
 * A table's line in the list of recent tables: the dataset, the variables in rows and in columns (each with
 * more than one value; the count of units), and the period range. Null when the fragment holds no table.
 */
export function choiceLabel(catalog: BuilderCatalog, fragment: string): string | null {
  const choice = choiceFromFragment(catalog, fragment);
  const dataset = choice && datasetOf(catalog, choice.dataset);
  if (!choice || !dataset) return null;
  const axis = (columns: readonly string[]) =>
    columns.flatMap((c) => {
      const variable = dataset.variables.find((v) => v.column === c);
      const n = chosenCodes(dataset, choice, c).length;
      if (!variable || n < 2) return [];
      return [c === 'enhetskod' ? `${variable.label} (${n})` : variable.label];
    });
  const periods = periodsOf(dataset, choice);
  const label = (code: string | undefined) => dataset.variables[1].values.find((v) => v.code === code)?.label ?? '';
  const range = periods.length > 1 ? `${label(periods[0])}–${label(periods.at(-1))}` : label(periods[0]);
  return w.recent.label(dataset.title, axis(choice.rows), axis(choice.columns), range);
}
