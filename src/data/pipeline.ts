// The whole path from the files of a data folder to published tables, without any I/O:
// read → validate each file → check across files → (publish:) suppress.
import { checkLawAreas, checkReferences, checkTotals, deriveUnits, findDuplicates, type Tables } from './checks.ts';
import { readCsv } from './csv.ts';
import { type DataIssue, issue } from './errors.ts';
import { DATASET_ORDER, DATASETS, type DatasetName, datasetOfFile, FIGURE_DATASETS } from './schema.ts';
import { suppress } from './suppress.ts';
import { validateFile, type DataRow } from './validate.ts';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export interface ReadResult {
  /** Validated rows per dataset, before suppression. `enheter` is derived from the figures when there is no enheter.csv. */
  tables: Tables;
  errors: DataIssue[];
  warnings: DataIssue[];
  /** Which files each dataset was read from. */
  files: Partial<Record<DatasetName, string[]>>;
}

export function readDataFiles(input: InputFile[]): ReadResult {
  const issues: DataIssue[] = [];
  const files: ReadResult['files'] = {};
  const tables: Tables = {};
  // Code-point order of the names without `.csv`, the same on every machine (localeCompare follows the
  // locale and put `placeringar_demo.csv` first): `placeringar.csv` comes before its additions.
  const stem = (f: InputFile) => f.name.replace(/\.csv$/i, '');
  const sorted = [...input].sort((a, b) => (stem(a) < stem(b) ? -1 : stem(a) > stem(b) ? 1 : 0));
  for (const f of sorted) {
    if (!f.name.toLowerCase().endsWith('.csv')) continue;
    const dataset = datasetOfFile(f.name);
    if (!dataset) {
      issues.push(issue('error', { file: f.name },
        `hör inte till något dataset. Filnamnet ska börja med ett av: ${DATASET_ORDER.join(', ')} (t.ex. placeringar_2026-Q1.csv).`,
        `belongs to no dataset. The file name must start with one of: ${DATASET_ORDER.join(', ')} (e.g. placeringar_2026-Q1.csv).`));
      continue;
    }
    const { rows, issues: fileIssues } = validateFile(DATASETS[dataset], f.name, readCsv(f.bytes));
    issues.push(...fileIssues);
    (files[dataset] ??= []).push(f.name);
    // A loop, not push(...rows): spreading a million rows overflows the call stack.
    const table = (tables[dataset] ??= []);
    for (const row of rows) table.push(row);
  }
  if (!FIGURE_DATASETS.some((d) => (tables[d]?.length ?? 0) > 0 || files[d])) {
    issues.push(issue('error', { file: '(datamappen)' },
      `innehåller inga uppgifter. Minst en av ${FIGURE_DATASETS.map((d) => `${d}.csv`).join(', ')} måste finnas.`,
      `holds no figures. At least one of ${FIGURE_DATASETS.map((d) => `${d}.csv`).join(', ')} must exist.`));
  }
  for (const name of DATASET_ORDER) {
    const rows = tables[name];
    if (rows) issues.push(...findDuplicates(DATASETS[name], rows));
  }
  if (tables.ej_verkstallda_beslut) issues.push(...checkLawAreas(tables.ej_verkstallda_beslut));
  if (!tables.enheter) tables.enheter = deriveUnits(tables);
  issues.push(...checkReferences(tables));
  for (const name of FIGURE_DATASETS) {
    const rows = tables[name];
    if (rows) issues.push(...checkTotals(DATASETS[name], rows));
  }
  return {
    tables,
    errors: issues.filter((i) => i.severity === 'error'),
    warnings: issues.filter((i) => i.severity === 'warning'),
    files,
  };
}

export interface PublishResult {
  tables: Tables;
  /** Cells hidden per dataset: below the threshold, and to protect them from subtraction. */
  suppressed: Partial<Record<DatasetName, { primary: number; secondary: number }>>;
}

/** The tables as they may be published: suppression applied. */
export function publish(tables: Tables, threshold: number): PublishResult {
  const out: Tables = {};
  const suppressed: PublishResult['suppressed'] = {};
  for (const name of DATASET_ORDER) {
    const rows = tables[name];
    if (!rows) continue;
    const r = suppress(DATASETS[name], rows, threshold);
    out[name] = r.rows;
    if (DATASETS[name].valueColumn === 'antal') suppressed[name] = { primary: r.primary, secondary: r.secondary };
  }
  return { tables: out, suppressed };
}

export type { DataRow, Tables };
