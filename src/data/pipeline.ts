// The whole path from the files of a data folder to published tables, without any I/O:
// read → validate each file → check across files → (publish:) suppress.
import { checkText, describeChar, visible } from './characters.ts';
import { checkFuturePeriods, checkLawAreas, checkParentInsatser, checkReferences, checkShareQualifiers, checkTotals, checkUnitHierarchy, deriveUnits, findDuplicates, type Tables } from './checks.ts';
import { decodeChunks, detectCsvEncoding, type EncodingProblem } from './csv.ts';
import { type DataIssue, IssueLog, issue } from './errors.ts';
import { containsPersonalNumber, maskDigits } from './personnummer.ts';
import { DATASET_ORDER, DATASETS, type DatasetName, datasetOfFile, FIGURE_DATASETS } from './schema.ts';
import type { TableModel } from './disclosure/model.ts';
import { unitParents } from './disclosure/model.ts';
import type { Protection } from './disclosure/protect.ts';
import { suppress, suppressShares, type SuppressionResult, type SuppressOptions } from './suppress.ts';
import { validateCsvText, type DataRow } from './validate.ts';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export interface ReadOptions {
  /** The day the check runs: periods after the quarter following it get a warning. Default: now. */
  today?: Date;
  /** Issues the caller met before reading (a link that points nowhere, a folder named .csv), first in the list. */
  issues?: readonly DataIssue[];
}

export interface ReadResult {
  /** Validated rows per dataset, before suppression. `enheter` is derived from the figures when there is no enheter.csv. */
  tables: Tables;
  /** The first errors (up to ISSUE_LIMIT), in the order found. */
  errors: DataIssue[];
  /** The first warnings (up to ISSUE_LIMIT). */
  warnings: DataIssue[];
  /** How many errors and warnings there are in all. */
  errorCount: number;
  warningCount: number;
  /** Which files each dataset was read from. */
  files: Partial<Record<DatasetName, string[]>>;
}

export function readDataFiles(input: InputFile[], options: ReadOptions = {}): ReadResult {
  const log = new IssueLog();
  log.addAll(options.issues ?? []);
  const files: ReadResult['files'] = {};
  const tables: Tables = {};
  // Code-point order of the names without `.csv`, the same on every machine (localeCompare follows the
  // locale and put `placeringar_demo.csv` first): `placeringar.csv` comes before its additions.
  const stem = (f: InputFile) => f.name.replace(/\.csv$/i, '');
  const sorted = [...input].sort((a, b) => (stem(a) < stem(b) ? -1 : stem(a) > stem(b) ? 1 : 0));
  for (const f of sorted) {
    if (!f.name.toLowerCase().endsWith('.csv')) continue;
    // A file name is published (manifest.json lists it) and printed: one holding a personal number is
    // never repeated, not even in this message.
    const name = containsPersonalNumber(f.name) ? maskDigits(f.name) : f.name;
    if (!checkFileName(f.name, name, log)) continue;
    const dataset = datasetOfFile(f.name);
    if (!dataset) {
      log.add(issue('error', { file: name },
        `hör inte till något dataset. Filnamnet ska börja med ett av: ${DATASET_ORDER.join(', ')} (t.ex. placeringar_2026-Q1.csv).`,
        `belongs to no dataset. The file name must start with one of: ${DATASET_ORDER.join(', ')} (e.g. placeringar_2026-Q1.csv).`));
      continue;
    }
    (files[dataset] ??= []).push(name);
    const encoding = detectCsvEncoding(f.bytes);
    if ('problem' in encoding) {
      log.add(encodingIssue(name, encoding.problem));
      continue;
    }
    // Decoded piece by piece as the rows are read: a 200 MB file is never one string in memory.
    const rows = validateCsvText(DATASETS[dataset], name, decodeChunks(f.bytes, encoding), log);
    // A loop, not push(...rows): spreading a million rows overflows the call stack.
    const table = (tables[dataset] ??= []);
    for (const row of rows) table.push(row);
  }
  if (!FIGURE_DATASETS.some((d) => (tables[d]?.length ?? 0) > 0 || files[d])) {
    log.add(issue('error', { file: '(datamappen)' },
      `innehåller inga uppgifter. Minst en av ${FIGURE_DATASETS.map((d) => `${d}.csv`).join(', ')} måste finnas.`,
      `holds no figures. At least one of ${FIGURE_DATASETS.map((d) => `${d}.csv`).join(', ')} must exist.`));
  }
  for (const name of DATASET_ORDER) {
    const rows = tables[name];
    if (rows) log.addAll(findDuplicates(DATASETS[name], rows));
  }
  if (tables.ej_verkstallda_beslut) {
    log.addAll(checkLawAreas(tables.ej_verkstallda_beslut));
    log.addAll(checkParentInsatser(tables.ej_verkstallda_beslut));
  }
  if (tables.natverkshemsandel) log.addAll(checkShareQualifiers(tables.natverkshemsandel));
  if (!tables.enheter) tables.enheter = deriveUnits(tables);
  log.addAll(checkReferences(tables));
  for (const name of FIGURE_DATASETS) {
    const rows = tables[name];
    if (!rows) continue;
    log.addAll(checkTotals(DATASETS[name], rows));
    log.addAll(checkUnitHierarchy(DATASETS[name], rows, tables.enheter));
    log.addAll(checkFuturePeriods(rows, options.today ?? new Date()));
  }
  return {
    tables,
    errors: log.errors,
    warnings: log.warnings,
    errorCount: log.errorCount,
    warningCount: log.warningCount,
    files,
  };
}

/**
 * A file name must not hold a personal number (it would be published in manifest.json), nor control,
 * text-direction or invisible characters (the name is published and printed as it is, and `placeringar\u200B.csv`
 * looks like `placeringar.csv`). False when the file is refused.
 */
function checkFileName(raw: string, shown: string, log: IssueLog): boolean {
  if (raw !== shown) {
    log.add(issue('error', { file: shown },
      'filnamnet ser ut att innehålla ett personnummer. Byt namn på filen: filnamnen publiceras på webbplatsen (i data/manifest.json), och personuppgifter får aldrig finnas i indata.',
      'the file name seems to hold a personal identity number. Rename the file: file names are published with the site (in data/manifest.json), and personal data must never be in the input.'));
    return true; // its contents are still checked, under the masked name, so that every error shows at once
  }
  const chars = checkText(raw);
  if (chars.kind === 'ok') return true;
  log.add(issue('error', { file: visible(raw) },
    `filnamnet innehåller tecknet ${describeChar(chars.char, 'sv')}, som inte syns eller styr textens riktning. Byt namn på filen (filnamnen publiceras på webbplatsen).`,
    `the file name holds the character ${describeChar(chars.char, 'en')}, which is invisible or controls the text direction. Rename the file (file names are published with the site).`));
  return false;
}

const encodingName = (e: 'utf-8' | 'windows-1252') => (e === 'utf-8' ? 'UTF-8' : 'Windows-1252');

/** The message for a file that cannot be decoded, with how to save it so that it can. */
export function encodingIssue(file: string, p: EncodingProblem): DataIssue {
  const saveAs = {
    sv: 'I Excel: Arkiv > Spara som > filformat "CSV UTF-8 (kommaavgränsad) (*.csv)". I Anteckningar: Spara som > Kodning: UTF-8.',
    en: 'In Excel: File > Save As > file format "CSV UTF-8 (Comma delimited) (*.csv)". In Notepad: Save As > Encoding: UTF-8.',
  };
  switch (p.kind) {
    case 'utf-16':
      return issue('error', { file, line: 1 },
        `filen är sparad som UTF-16 (${p.byteOrder === 'LE' ? 'little endian' : 'big endian'}, "Unicode-text"), som inte läses. Spara den som UTF-8 i stället. ${saveAs.sv}`,
        `the file is saved as UTF-16 (${p.byteOrder === 'LE' ? 'little endian' : 'big endian'}, "Unicode text"), which is not read. Save it as UTF-8 instead. ${saveAs.en}`);
    case 'workbook':
      return issue('error', { file, line: 1 },
        `är en Excel-arbetsbok (${p.format}), inte en CSV-fil. Öppna den i Excel och spara den som CSV. ${saveAs.sv}`,
        `is an Excel workbook (${p.format}), not a CSV file. Open it in Excel and save it as CSV. ${saveAs.en}`);
    case 'mixed': {
      const where = p.firstLine === p.line
        ? { sv: `rad ${p.line} innehåller både UTF-8 och Windows-1252`, en: `line ${p.line} holds both UTF-8 and Windows-1252` }
        : { sv: `rad ${p.firstLine} är ${encodingName(p.firstEncoding)} men rad ${p.line} är ${encodingName(p.lineEncoding)}`, en: `line ${p.firstLine} is ${encodingName(p.firstEncoding)} but line ${p.line} is ${encodingName(p.lineEncoding)}` };
      return issue('error', { file, line: p.line },
        `filen blandar teckenkodningar: ${where.sv}, så å, ä och ö skulle bli fel. Rätta raden, eller spara hela filen på nytt med en kodning, helst UTF-8. ${saveAs.sv}`,
        `the file mixes encodings: ${where.en}, so å, ä and ö would come out wrong. Correct the line, or save the whole file again in one encoding, preferably UTF-8. ${saveAs.en}`);
    }
  }
}

export interface PublishResult {
  tables: Tables;
  /** Cells hidden per dataset: below the threshold, and to protect them from being worked out. */
  suppressed: Partial<Record<DatasetName, { primary: number; secondary: number }>>;
  /** Reported shares hidden because a count they are made of is hidden. */
  sharesHidden: number;
  /** The attacker model and the proofs of each dataset with counts, for the audit (disclosure/audit.ts). */
  models: Partial<Record<DatasetName, { model: TableModel; protection: Protection }>>;
}

export interface PublishOptions {
  /** Hide only the counts below the threshold (SOCIALSTATISTIK_SECONDARY=ingen): the audit must then refuse the build. */
  primaryOnly?: boolean;
}

/** The tables as they may be published: suppression applied. */
export function publish(tables: Tables, threshold: number, options: PublishOptions = {}): PublishResult {
  const context = publishContext(tables, options);
  const results: Partial<Record<DatasetName, SuppressionResult>> = {};
  for (const name of DATASET_ORDER) {
    const rows = tables[name];
    if (rows) results[name] = suppress(DATASETS[name], rows, threshold, context);
  }
  return assemblePublished(results);
}

/** What suppression needs to know besides a dataset's rows (the same in publish and in scripts/lib/publish-parallel.ts). */
export function publishContext(tables: Tables, options: PublishOptions = {}): SuppressOptions {
  return {
    parentOf: unitParents(tables),
    visibleOnlySources: new Set((tables.kallor ?? []).filter((k) => k.totaler === 'bara_synliga').map((k) => String(k.kalla))),
    primaryOnly: options.primaryOnly,
  };
}

/** The published tables from each dataset's suppression, with the shares hidden where their counts are. */
export function assemblePublished(results: Partial<Record<DatasetName, SuppressionResult>>): PublishResult {
  const out: Tables = {};
  const suppressed: PublishResult['suppressed'] = {};
  const models: PublishResult['models'] = {};
  for (const name of DATASET_ORDER) {
    const r = results[name];
    if (!r) continue;
    out[name] = r.rows;
    if (DATASETS[name].valueColumn === 'antal') suppressed[name] = { primary: r.primary, secondary: r.secondary };
    if (r.model && r.protection) models[name] = { model: r.model, protection: r.protection };
  }
  const sharesHidden = out.natverkshemsandel && out.placeringar ? suppressShares(out.natverkshemsandel, out.placeringar) : 0;
  return { tables: out, suppressed, sharesHidden, models };
}

export type { DataRow, Tables };
