// What the audit tells: the build's error for a cell a reader could narrow down (dataset, unit, period
// and cell, never its value), and the audit as published in manifest.json and on Om statistiken:
// counts of cells and the narrowest interval, no values.
import { type DataIssue, issue } from '../errors.ts';
import type { DatasetName } from '../schema.ts';
import { AUDIT_METHOD, type AuditResult, type DatasetAudit } from './audit.ts';

/** What manifest.json and Om statistiken publish of a dataset's audit: its counts, no cell and no value. */
export type PublishedDatasetAudit = DatasetAudit;

export interface PublishedAudit {
  method: typeof AUDIT_METHOD;
  threshold: number;
  /** Reported shares hidden because a count they are made of is hidden. */
  sharesHidden: number;
  datasets: PublishedDatasetAudit[];
}

export function publishedAudit(result: AuditResult, sharesHidden: number): PublishedAudit {
  return { method: AUDIT_METHOD, threshold: result.threshold, sharesHidden, datasets: result.datasets.map((d) => ({ ...d })) };
}

/** The key columns of a cell but the period and unit, as "lag=SoL, verksamhet=OF, …". */
function cellText(row: Record<string, unknown>, columns: readonly string[]): string {
  return columns.filter((c) => c !== 'period' && c !== 'enhetskod').map((c) => `${c}=${row[c] === '' ? '(tom)' : row[c]}`).join(', ');
}

/** One error per cell that a reader could narrow to fewer than `threshold` whole values. */
export function auditIssues(result: AuditResult, keys: Partial<Record<DatasetName, readonly string[]>>): DataIssue[] {
  return result.failures.map((f) => {
    const width = f.max - f.min + 1;
    const cell = cellText(f.row, keys[f.dataset] ?? []);
    if (f.bySource) {
      return issue('error', { file: f.row._file, line: f.row._line, column: 'antal' },
        `granskningen av anonymiseringen: värdet som källan har dolt (${f.dataset}, enhet ${f.row.enhetskod}, period ${f.row.period}, ${cell}) kan räknas fram till ${width === 1 ? 'ett enda värde' : `bara ${width} möjliga värden`} ur de övriga talen i filen; minst ${result.threshold} krävs. Inget publiceras. Markera fler celler i samma grupp med * (till exempel den minsta delen bredvid), eller lämna bort totalen.`,
        `the disclosure audit: the value the source hid (${f.dataset}, unit ${f.row.enhetskod}, period ${f.row.period}, ${cell}) can be narrowed to ${width === 1 ? 'a single value' : `only ${width} possible values`} from the other figures of the file; at least ${result.threshold} are required. Nothing is published. Mark more cells of the same group with * (for example the smallest part beside it), or leave the total out.`);
    }
    return issue('error', { file: f.row._file, line: f.row._line, column: 'antal' },
      `granskningen av anonymiseringen: den dolda cellen (${f.dataset}, enhet ${f.row.enhetskod}, period ${f.row.period}, ${cell}) kan räknas fram till ${width === 1 ? 'ett enda värde' : `bara ${width} möjliga värden`} ur de publicerade talen; minst ${result.threshold} krävs. Inget publiceras. Kontakta den som underhåller webbplatsen: undertryckningen behöver dölja fler celler här.`,
      `the disclosure audit: the hidden cell (${f.dataset}, unit ${f.row.enhetskod}, period ${f.row.period}, ${cell}) can be narrowed to ${width === 1 ? 'a single value' : `only ${width} possible values`} from the published figures; at least ${result.threshold} are required. Nothing is published. Tell the site's maintainers: suppression needs to hide more cells here.`);
  });
}

/** The audit in a few lines, as check-data and the build print it. */
export function auditText(result: AuditResult, sharesHidden: number): string {
  const lines = result.datasets.map((d) =>
    `  ${d.name.padEnd(22)} ${d.belowThreshold} under gränsen + ${d.complements} skyddande, ${d.checked} granskade (${d.exact + d.bounded} med linjärprogram), smalaste intervall: ${d.narrowestValues ?? '–'} möjliga värden / ${d.belowThreshold} below the threshold + ${d.complements} protecting, narrowest interval ${d.narrowestValues ?? '–'} values`);
  if (sharesHidden > 0) lines.push(`  ${sharesHidden} rapporterade andelar dolda / reported shares hidden`);
  return [`Granskning av anonymiseringen / disclosure audit (${result.seconds.toFixed(1)} s, ${result.failures.length === 0 ? 'godkänd / passed' : `${result.failures.length} fel / errors`}):`, ...lines].join('\n');
}
