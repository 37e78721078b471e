// Shared helpers for the data-contract tests: build input files from strings or bytes, run the pipeline,
// and read the messages a user would see.
import { readCsv } from '../../../src/data/csv.ts';
import { type DataIssue, formatIssue } from '../../../src/data/errors.ts';
import { type InputFile, readDataFiles, type ReadOptions } from '../../../src/data/pipeline.ts';
import { DATASETS, type DatasetName } from '../../../src/data/schema.ts';
import { type DataRow, validateFile } from '../../../src/data/validate.ts';

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Input files from a map of file name → text (UTF-8) or bytes. */
export function files(map: Record<string, string | Uint8Array>): InputFile[] {
  return Object.entries(map).map(([name, body]) => ({ name, bytes: typeof body === 'string' ? utf8(body) : body }));
}

/** Runs the whole read + check pipeline on files given as text. */
export function readAll(map: Record<string, string | Uint8Array>, options: ReadOptions = {}) {
  return readDataFiles(files(map), options);
}

/** A CSV text from lines (`;` delimited by default), each line ended by `\n`. */
export const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;

/** validateFile on one file of a dataset, given as text or bytes. */
export function validateText(dataset: DatasetName, text: string | Uint8Array, file = `${dataset}.csv`) {
  return validateFile(DATASETS[dataset], file, readCsv(typeof text === 'string' ? utf8(text) : text));
}

/** The messages as the build prints them (Swedish line, then English line). */
export const messages = (issues: DataIssue[]): string[] => issues.map(formatIssue);

/** The row's contract values without the bookkeeping fields `_file` and `_line`. */
export function values(row: DataRow): Record<string, unknown> {
  const { _file, _line, ...rest } = row;
  return rest;
}

export const PLACERINGAR_HEADER = 'period;enhetskod;enhetsnamn;placeringsform;kon;aldersgrupp;avser;antal';
export const BESLUT_HEADER = 'period;enhetskod;enhetsnamn;lag;verksamhet;insats;kon;status;antal';

/** The Luhn check digit of nine digits (the tenth digit of a personnummer). */
export function luhnDigit(nine: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}
