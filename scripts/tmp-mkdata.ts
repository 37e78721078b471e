// THROWAWAY (helper dev only): writes the published data folder to argv[2] without building the site.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { publish } from '../src/data/pipeline.ts';
import { DATASET_ORDER } from '../src/data/schema.ts';
import { dataDir, suppressionThreshold } from './lib/config.ts';
import { describeTables } from './lib/manifest.ts';
import { readDataDir } from './lib/read-data-dir.ts';
import { writeDatasetFile } from './lib/write-duckdb.ts';
const out = path.resolve(process.argv[2]);
await mkdir(out, { recursive: true });
const result = await readDataDir(dataDir());
if (result.errors.length) { console.error(result.errors); process.exit(1); }
const threshold = suppressionThreshold();
const published = publish(result.tables, threshold);
const described = describeTables(published, result.files);
const datasets = [];
for (const name of DATASET_ORDER) {
  const rows = published.tables[name]; const facts = described.find((d) => d.name === name);
  if (!rows || !facts) continue;
  const { file, bytes } = await writeDatasetFile(out, name, rows);
  datasets.push({ ...facts, file: path.basename(file), bytes });
}
await writeFile(path.join(out, 'manifest.json'), JSON.stringify({ generated: new Date().toISOString(), threshold, datasets }, null, 2));
console.log('ok', out);
