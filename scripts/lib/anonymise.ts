// Suppression and its audit, the same in check-data, the build and the benchmark: publish, then prove
// by linear programming that no hidden cell can be narrowed below the threshold. The audit's errors
// name dataset, unit, period and cell; the build writes nothing when there are any.
import { audit, type AuditResult } from '../../src/data/disclosure/audit.ts';
import { auditIssues, auditText } from '../../src/data/disclosure/report.ts';
import type { DataIssue } from '../../src/data/errors.ts';
import type { PublishResult, ReadResult } from '../../src/data/pipeline.ts';
import { publishParallel } from './publish-parallel.ts';
import { DATASETS } from '../../src/data/schema.ts';

/** SOCIALSTATISTIK_SECONDARY=ingen hides only the counts below the threshold: for the audit's own tests, which expect the build to stop. */
export const SECONDARY_SETTING = 'SOCIALSTATISTIK_SECONDARY';

export interface Anonymised {
  published: PublishResult;
  audit: AuditResult;
  /** One error per hidden cell a reader could narrow down. */
  issues: DataIssue[];
  /** The audit's summary as printed. */
  text: string;
}

export async function anonymise(read: ReadResult, threshold: number, env: Record<string, string | undefined> = process.env): Promise<Anonymised> {
  const published = await publishParallel(read.tables, threshold, { primaryOnly: env[SECONDARY_SETTING]?.trim() === 'ingen' });
  const result = await audit(published.models, threshold);
  const keys = Object.fromEntries(Object.keys(published.models).map((n) => [n, DATASETS[n as keyof typeof DATASETS].key]));
  return { published, audit: result, issues: auditIssues(result, keys), text: auditText(result, published.sharesHidden) };
}
