// `npm run check-data`: validates DATA_DIR and prints a summary, or every error, without building.
import { errorCount } from '../src/data/errors.ts';
import { dataDir, suppressionThreshold } from './lib/config.ts';
import { anonymise } from './lib/anonymise.ts';
import { summaryText } from './lib/manifest.ts';
import { readDataDir } from './lib/read-data-dir.ts';
import { printIssues, runScript, thresholdText } from './lib/report.ts';

await runScript(async () => {
  const dir = dataDir();
  const threshold = suppressionThreshold();
  const result = await readDataDir(dir);
  printIssues(result);
  if (result.errorCount > 0) {
    console.error(`\n${result.errorCount} fel i ${dir}; inget byggs. / ${errorCount(result.errorCount)} in ${dir}; nothing is built.`);
    process.exitCode = 1;
    return;
  }
  const { published, issues, text } = await anonymise(result, threshold);
  if (issues.length > 0) {
    printIssues({ errors: issues, warnings: [], errorCount: issues.length, warningCount: 0 });
    console.error(text);
    console.error(`\n${issues.length} fel i anonymiseringen; inget byggs. / ${errorCount(issues.length)} in the anonymisation; nothing is built.`);
    process.exitCode = 1;
    return;
  }
  console.log(`Data i ${dir} är giltiga / data is valid (${thresholdText(threshold)})`);
  console.log(summaryText(published, result.files));
  console.log(text);
});
