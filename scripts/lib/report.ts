// What check-data and the build print about a data folder, the same in both: warnings, then errors, each
// list cut after the first ISSUE_LIMIT with a count of the rest; and how a script stops on a setting or an
// unexpected failure without a stack trace.
import { formatIssue, moreIssues } from '../../src/data/errors.ts';
import type { ReadResult } from '../../src/data/pipeline.ts';
import { SettingError } from './config.ts';

export function printIssues(result: Pick<ReadResult, "errors" | "warnings" | "errorCount" | "warningCount">): void {
  for (const w of result.warnings) console.warn(formatIssue(w));
  const moreWarnings = moreIssues(result.warnings.length, result.warningCount, 'warning');
  if (moreWarnings) console.warn(moreWarnings);
  for (const e of result.errors) console.error(formatIssue(e));
  const moreErrors = moreIssues(result.errors.length, result.errorCount, 'error');
  if (moreErrors) console.error(moreErrors);
}

/** "counts 1–3 are not published", or, with PUBLISH_ALL_COUNTS=ja, that every count is. */
export function thresholdText(threshold: number): string {
  return threshold > 1
    ? `gräns för publicering / suppression threshold: antal 1–${threshold - 1} visas inte`
    : 'ALLA ANTAL PUBLICERAS (PUBLISH_ALL_COUNTS=ja): inga små antal döljs / EVERY COUNT IS PUBLISHED: no small count is hidden';
}

/**
 * Runs a script's main function: a setting that cannot be used, or any other failure, ends the script
 * with its message in words and exit code 1, never with a stack trace.
 */
export async function runScript(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (e) {
    if (e instanceof SettingError) {
      console.error(e.message);
    } else {
      const message = e instanceof Error ? e.message : String(e);
      console.error(`FEL: ${message}\n  ERROR: ${message}`);
    }
    process.exitCode = 1;
  }
}
