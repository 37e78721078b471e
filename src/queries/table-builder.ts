// The table builder's one query: the long table's rows for the chosen values of every variable, with the
// published totals as rows of their own (never a sum: a child is counted once across placement forms, and
// a hidden count is inside its total). Written by the builder alone from the catalog's names and values
// (src/views/table-builder/catalog.ts): the table and column names are checked plain names, every value
// a quoted SQL literal, so nothing from a link is pasted in. The text is the query the page runs and the
// one "Visa SQL-frågan" opens in /utforska/, so it is written to be read. Pure.

import type { BuilderDataset } from '../views/table-builder/catalog.ts';
import { chosenCodes, type Choice } from '../views/table-builder/choice.ts';
import { quoteLiteral } from './sql.ts';

const PLAIN_NAME = /^[a-z_]+$/;

function name(text: string): string {
  if (!PLAIN_NAME.test(text)) throw new Error(`not a plain name: ${text}`);
  return text;
}

/**
 * The columns the result carries: the row variables, then the column variables, each only when more than
 * one value is chosen (a variable of one value is the caption's, and the same in every row: not fetched).
 */
export function resultColumns(dataset: BuilderDataset, choice: Choice): string[] {
  return [...choice.rows, ...choice.columns].filter((c) => chosenCodes(dataset, choice, c).length > 1);
}

/** The SQL for a choice, or null when some variable has no value chosen (the table would be empty). */
export function builderSql(dataset: BuilderDataset, choice: Choice): string | null {
  const columns = resultColumns(dataset, choice).map(name);
  const conditions: string[] = [];
  for (const v of dataset.variables) {
    const codes = chosenCodes(dataset, choice, v.column);
    if (!codes.length) return null;
    conditions.push(`${name(v.column)} IN (${codes.map(quoteLiteral).join(', ')})`);
  }
  return [
    `SELECT ${[...columns, 'antal', 'markering'].join(', ')}`,
    `FROM ${name(dataset.name)}`,
    `WHERE ${conditions.join('\n  AND ')}`,
    ...(columns.length ? [`ORDER BY ${columns.join(', ')}`] : []),
  ].join('\n');
}
