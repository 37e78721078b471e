// Writes the published data folder: one DuckDB file per dataset and manifest.json.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { publish, type ReadResult } from '../../src/data/pipeline.ts';
import { DATASET_ORDER } from '../../src/data/schema.ts';
import { describeTables, type Manifest } from './manifest.ts';
import { writeDatasetFile } from './write-duckdb.ts';

export async function writePublishedData(read: ReadResult, outDir: string, threshold: number): Promise<{ manifest: Manifest; published: ReturnType<typeof publish> }> {
  const published = publish(read.tables, threshold);
  await mkdir(outDir, { recursive: true });
  const described = describeTables(published, read.files);
  const datasets: Manifest['datasets'] = [];
  for (const name of DATASET_ORDER) {
    const rows = published.tables[name];
    const facts = described.find((d) => d.name === name);
    if (!rows || !facts) continue;
    const { file, bytes } = await writeDatasetFile(outDir, name, rows);
    datasets.push({ ...facts, file: path.basename(file), bytes });
  }
  const manifest: Manifest = { generated: new Date().toISOString(), threshold, datasets };
  await writeFile(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, published };
}
