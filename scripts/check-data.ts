// `npm run check-data`: validates DATA_DIR and prints a summary, or every error, without building.
import { errorCount, formatIssue } from '../src/data/errors.ts';
import { publish } from '../src/data/pipeline.ts';
import { dataDir, suppressionThreshold } from './lib/config.ts';
import { summaryText } from './lib/manifest.ts';
import { readDataDir } from './lib/read-data-dir.ts';

const dir = dataDir();
const threshold = suppressionThreshold();
const result = await readDataDir(dir);
for (const w of result.warnings) console.warn(formatIssue(w));
if (result.errors.length > 0) {
  for (const e of result.errors) console.error(formatIssue(e));
  console.error(`\n${result.errors.length} fel i ${dir}; inget byggs. / ${errorCount(result.errors.length)} in ${dir}; nothing is built.`);
  process.exit(1);
}
const published = publish(result.tables, threshold);
console.log(`Data i ${dir} är giltiga / data is valid (gräns för publicering / suppression threshold: antal 1–${threshold - 1} visas inte)`);
console.log(summaryText(published, result.files));
