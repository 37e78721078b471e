// Data folders for the publishing tests, made from the bundled data/ so that every page has as much to
// show as it has with the real data: one with hostile text in every text field (escaping), one with an
// extra control unit whose hidden counts are unmistakable numbers (dist-scan), and that folder again
// with every hidden count changed (the site must not change with them).

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { readCsv } from '../../src/data/csv.ts';
import { parseMarker } from '../../src/data/markers.ts';
import { parseNumber } from '../../src/data/numbers.ts';
import { readDataFiles, publish, type Tables } from '../../src/data/pipeline.ts';
import { DATASETS, datasetOfFile, type DatasetName } from '../../src/data/schema.ts';

/** A data folder in memory: file name → header and rows of cells. */
export type DataFiles = Record<string, { header: string[]; rows: string[][] }>;

export function readDataFolder(dir: string): DataFiles {
  const out: DataFiles = {};
  for (const name of readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.csv')).sort()) {
    const table = readCsv(new Uint8Array(readFileSync(path.join(dir, name))));
    out[name] = { header: table.header, rows: table.rows.map((r) => r.cells) };
  }
  return out;
}

/** The CSV text of one file: ';', one row a line (so row i is on line i + 2), quoted where needed. */
export function csvText(file: { header: string[]; rows: string[][] }): string {
  return `${Papa.unparse([file.header, ...file.rows], { delimiter: ';', newline: '\n' })}\n`;
}

export function writeDataFolder(dir: string, files: DataFiles): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, file] of Object.entries(files)) writeFileSync(path.join(dir, name), csvText(file));
}

/** The build's own reading of a folder in memory: validated rows, errors and warnings. */
export function validate(files: DataFiles) {
  return readDataFiles(Object.entries(files).map(([name, f]) => ({ name, bytes: new TextEncoder().encode(csvText(f)) })));
}

/** The tables as the build publishes them (suppression applied), or the validation errors. */
export function published(files: DataFiles, threshold: number): Tables {
  const read = validate(files);
  if (read.errors.length) throw new Error(read.errors.map((e) => `${e.file}:${e.line} ${e.column} ${e.en}`).join('\n'));
  return publish(read.tables, threshold).tables;
}

function copy(files: DataFiles): DataFiles {
  return Object.fromEntries(Object.entries(files).map(([n, f]) => [n, { header: [...f.header], rows: f.rows.map((r) => [...r]) }]));
}

function columnIndex(file: { header: string[] }, column: string): number {
  return file.header.findIndex((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase() === column);
}

// ---------------------------------------------------------------------------------------------------
// Escaping: hostile text in every text field.

/** What every text field of the escaping fixture ends with: three ways of running script from data. */
export const XSS_PAYLOAD = '<script>window.__xss=1</script> "onmouseover="window.__xss=1 <img src=x onerror=window.__xss=1>';
/** A web address that tries to break out of its href attribute (a URL cell may hold no spaces). */
export const XSS_URL_SUFFIX = '#"onmouseover="window.__xss=1"><img/src=x/onerror=window.__xss=1>';

/**
 * Every text and URL column of every file (enhetsnamn, insats, rubrik, beskrivning, titel, utgivare,
 * kalla, url) with the payload appended; `insats` "totalt" stays, as it names the total. The same
 * original gets the same new text everywhere, so keys and references still match.
 */
export function withHostileText(files: DataFiles): DataFiles {
  const out = copy(files);
  for (const [name, file] of Object.entries(out)) {
    const dataset = datasetOfFile(name);
    if (!dataset) continue;
    for (const column of DATASETS[dataset].columns) {
      if (column.kind !== 'text' && column.kind !== 'url') continue;
      const i = columnIndex(file, column.name);
      if (i < 0) continue;
      for (const row of file.rows) {
        const value = (row[i] ?? '').trim();
        if (value === '' || (column.name === 'insats' && value.toLowerCase() === 'totalt')) continue;
        row[i] = column.kind === 'url' ? `${value}${XSS_URL_SUFFIX}` : `${value} ${XSS_PAYLOAD}`;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Suppression: a control unit with unmistakable hidden counts, and the same data with every hidden
// count changed.

export const CONTROL_UNIT = { enhetskod: '9997', enhetsnamn: 'Kontrollby (testdata)' };
const CONTROL_PERIODS = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
const CONTROL_FORMS = ['totalt', 'jourhem', 'familjehem', 'natverkshem', 'hvb'];

/** Seven-digit counts, all different, none a neighbour of another (step 104 729, a prime). */
function distinctive(k: number): number {
  return 2_000_003 + k * 104_729;
}

/** The small count of cell k, and the one that replaces it in the changed data. */
const small = (k: number) => 1 + (k % 3);
const changedSmall = (n: number) => (n === 1 ? 2 : 1);

export interface ControlUnit {
  files: DataFiles;
  /** Counts that must never be published: the small ones and their complements (hidden against subtraction). */
  hidden: number[];
  /** Counts that are published (the totals): each must be found in the published data. */
  shown: number[];
}

/**
 * The control unit "Kontrollby": per quarter and placement form a total T (published), one sex with a
 * count of 1–3 (hidden) and the other sex with T minus it, a seven-digit number that must be hidden too,
 * since T − small would give the small count away. The same for decisions by sex. `changed` moves the
 * small counts and their complements while every total stays: a site that shows only what may be shown
 * is the same for both.
 */
export function controlUnit(changed: boolean): ControlUnit {
  const unit = [CONTROL_UNIT.enhetskod, CONTROL_UNIT.enhetsnamn];
  const hidden: number[] = [];
  const shown: number[] = [];
  let k = 0;
  const split = () => {
    const base = small(k);
    const s = changed ? changedSmall(base) : base;
    const total = distinctive(k) + base;
    const complement = total - s;
    hidden.push(s, complement);
    shown.push(total);
    k++;
    return { total, s, complement, first: k % 2 === 0 };
  };
  const placements: string[][] = [];
  const decisions: string[][] = [];
  for (const period of CONTROL_PERIODS) {
    for (const form of CONTROL_FORMS) {
      const { total, s, complement, first } = split();
      placements.push(
        [period, ...unit, form, 'totalt', '0-20', 'vid_periodens_slut', String(total), 'demo'],
        [period, ...unit, form, 'flickor', '0-20', 'vid_periodens_slut', String(first ? s : complement), 'demo'],
        [period, ...unit, form, 'pojkar', '0-20', 'vid_periodens_slut', String(first ? complement : s), 'demo'],
      );
    }
    const { total, s, complement, first } = split();
    const sol = [period, ...unit, 'SoL', 'ÄO', 'Särskilt boende'];
    decisions.push(
      [...sol, 'totalt', 'totalt', String(total), 'demo'],
      [...sol, 'kvinnor', 'totalt', String(first ? s : complement), 'demo'],
      [...sol, 'män', 'totalt', String(first ? complement : s), 'demo'],
      [period, ...unit, 'SoL', 'ÄO', 'totalt', 'totalt', 'totalt', String(total), 'demo'],
    );
  }
  return {
    files: {
      'enheter_kontroll.csv': { header: ['enhetskod', 'enhetsnamn', 'niva', 'overordnad'], rows: [[...unit, 'kommun', '']] },
      'placeringar_kontroll.csv': {
        header: ['period', 'enhetskod', 'enhetsnamn', 'placeringsform', 'kon', 'aldersgrupp', 'avser', 'antal', 'kalla'],
        rows: placements,
      },
      'ej_verkstallda_beslut_kontroll.csv': {
        header: ['period', 'enhetskod', 'enhetsnamn', 'lag', 'verksamhet', 'insats', 'kon', 'status', 'antal', 'kalla'],
        rows: decisions,
      },
    },
    hidden: [...new Set(hidden)],
    shown,
  };
}

export interface ChangedSmallCounts {
  files: DataFiles;
  /** Cells changed (file, row index), and cells with a small count left as they were (the data's own totals forbid a change). */
  changed: number;
  kept: number;
}

/**
 * Every count from 1 up to the threshold in the figure files changed to another such count (1 → 2,
 * 2 → 1, 3 → 2 …). A change that breaks the data's own rules (a part larger than its total) is undone,
 * so the folder still builds; the caller checks how many were changed.
 */
export function changeSmallCounts(files: DataFiles, threshold: number): ChangedSmallCounts {
  const out = copy(files);
  const originals = new Map<string, string>();
  for (const [name, file] of Object.entries(out)) {
    const dataset = datasetOfFile(name);
    if (!dataset || DATASETS[dataset].valueColumn !== 'antal') continue;
    const i = columnIndex(file, 'antal');
    file.rows.forEach((row, r) => {
      const raw = (row[i] ?? '').trim();
      if (parseMarker(raw)) return;
      const n = parseNumber(raw);
      if (n === null || !Number.isInteger(n) || n < 1 || n >= threshold) return;
      originals.set(`${name}\u0000${r}`, row[i]);
      row[i] = String(n === 1 ? 2 : n - 1);
    });
  }
  const total = originals.size;
  for (let round = 0; round < 20; round++) {
    const errors = validate(out).errors;
    if (errors.length === 0) break;
    let undone = 0;
    for (const e of errors) {
      // The row named, and for "smaller than the sum of its parts" the parts' lines listed in the message.
      const parts = /\(lines ([\d, ]+)\)/.exec(e.en)?.[1].split(',').map(Number) ?? [];
      for (const line of [e.line, ...parts]) {
        const key = `${e.file}\u0000${line - 2}`;
        const original = originals.get(key);
        if (original === undefined) continue;
        out[e.file].rows[line - 2][columnIndex(out[e.file], 'antal')] = original;
        originals.delete(key);
        undone++;
      }
    }
    if (undone === 0) throw new Error(`changing the small counts broke the data:\n${errors.map((e) => `${e.file}:${e.line} ${e.en}`).join('\n')}`);
  }
  return { files: out, changed: originals.size, kept: total - originals.size };
}

/** The figure datasets' published rows, for comparing two folders that must publish the same. */
export function publishedFigures(files: DataFiles, threshold: number): Partial<Record<DatasetName, unknown[]>> {
  const tables = published(files, threshold);
  const strip = (rows: Record<string, unknown>[]) => rows.map(({ _file, _line, ...rest }) => rest);
  return Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, strip(rows as Record<string, unknown>[])]));
}
