// Problems found in input files, with a message in Swedish and English naming file, line, column,
// the value and what was expected. Errors stop the build; warnings are printed.
import { visible } from './characters.ts';

export interface DataIssue {
  severity: 'error' | 'warning';
  file: string;
  /** 1-based line in the file (the header is line 1); 0 when the issue concerns the whole file. */
  line: number;
  /** Column name as in the contract (or as in the file's header when unknown); '' for none. */
  column: string;
  /** Excel-style letter of the column in the file, when it is in the file. */
  columnLetter: string;
  value: string;
  sv: string;
  en: string;
}

export function issue(
  severity: DataIssue['severity'],
  where: { file: string; line?: number; column?: string; columnLetter?: string; value?: string },
  sv: string,
  en: string,
): DataIssue {
  return {
    severity,
    file: where.file,
    line: where.line ?? 0,
    column: where.column ?? '',
    columnLetter: where.columnLetter ?? '',
    value: where.value ?? '',
    sv,
    en,
  };
}

function place(i: DataIssue, lang: 'sv' | 'en'): string {
  const parts = [visible(i.file)];
  if (i.line) parts.push(`${lang === 'sv' ? 'rad' : 'line'} ${i.line}`);
  if (i.column) parts.push(`${lang === 'sv' ? 'kolumn' : 'column'} ${i.columnLetter ? `${i.columnLetter} ` : ''}(${visible(i.column)})`);
  else if (i.columnLetter) parts.push(`${lang === 'sv' ? 'kolumn' : 'column'} ${i.columnLetter}`);
  return parts.join(', ');
}

/** Two lines: Swedish, then English. Invisible and control characters are shown as `<U+200B>`. */
export function formatIssue(i: DataIssue): string {
  const value = i.value !== '' ? ` "${visible(i.value)}"` : '';
  const tag = i.severity === 'error' ? 'FEL' : 'VARNING';
  const tagEn = i.severity === 'error' ? 'ERROR' : 'WARNING';
  return `${tag}: ${place(i, 'sv')}:${value} ${i.sv}\n  ${tagEn}: ${place(i, 'en')}:${value} ${i.en}`;
}

/** Shortens long values in messages (a stray paragraph in a cell should not flood the log). */
export function clip(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/** "1 error", "6 errors": the count in the English summary line. */
export function errorCount(n: number): string {
  return `${n} ${n === 1 ? 'error' : 'errors'}`;
}

/** How many errors, and how many warnings, are kept to be printed: the rest are counted. */
export const ISSUE_LIMIT = 100;

/**
 * The issues of a whole data folder, in the order they were found: the first `limit` errors and the first
 * `limit` warnings, and a count of all. A 200 MB file of bad rows gives millions of errors; keeping only
 * the first ones keeps the build's memory small, and nobody reads past the first screenful anyway.
 */
export class IssueLog {
  readonly list: DataIssue[] = [];
  errorCount = 0;
  warningCount = 0;
  readonly limit: number;

  constructor(limit = ISSUE_LIMIT) {
    this.limit = limit;
  }

  add(i: DataIssue): void {
    const n = i.severity === 'error' ? ++this.errorCount : ++this.warningCount;
    if (n <= this.limit) this.list.push(i);
  }

  /** Adds the issue `make` gives, or only counts it once the list is full (a bad row costs no message then). */
  addLazy(severity: DataIssue['severity'], make: () => DataIssue): void {
    const n = severity === 'error' ? this.errorCount : this.warningCount;
    if (n < this.limit) this.add(make());
    else if (severity === 'error') this.errorCount++;
    else this.warningCount++;
  }

  /** Adds each issue in turn: never `push(...many)`, which overflows the call stack for a long list. */
  addAll(issues: Iterable<DataIssue>): void {
    for (const i of issues) this.add(i);
  }

  get errors(): DataIssue[] {
    return this.list.filter((i) => i.severity === 'error');
  }

  get warnings(): DataIssue[] {
    return this.list.filter((i) => i.severity === 'warning');
  }
}

/** The line after the printed issues when some were left out: "… och 12 345 fel till (visas inte)". */
export function moreIssues(shown: number, total: number, severity: DataIssue['severity']): string | null {
  const rest = total - shown;
  if (rest <= 0) return null;
  const n = String(rest).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return severity === 'error'
    ? `… och ${n} fel till som inte visas (de första ${shown} visas ovan). / … and ${rest} more ${rest === 1 ? 'error' : 'errors'} not shown (the first ${shown} are above).`
    : `… och ${n} varningar till som inte visas (de första ${shown} visas ovan). / … and ${rest} more ${rest === 1 ? 'warning' : 'warnings'} not shown (the first ${shown} are above).`;
}
