// Problems found in input files, with a message in Swedish and English naming file, line, column,
// the value and what was expected. Errors stop the build; warnings are printed.

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
  const parts = [i.file];
  if (i.line) parts.push(`${lang === 'sv' ? 'rad' : 'line'} ${i.line}`);
  if (i.column) parts.push(`${lang === 'sv' ? 'kolumn' : 'column'} ${i.columnLetter ? `${i.columnLetter} ` : ''}(${i.column})`);
  else if (i.columnLetter) parts.push(`${lang === 'sv' ? 'kolumn' : 'column'} ${i.columnLetter}`);
  return parts.join(', ');
}

/** Two lines: Swedish, then English. */
export function formatIssue(i: DataIssue): string {
  const value = i.value !== '' ? ` "${i.value}"` : '';
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
