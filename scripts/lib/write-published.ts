// Writes the published data folder: one DuckDB file per dataset (with the stored unit catalogs) and manifest.json.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { publish, type ReadResult } from '../../src/data/pipeline.ts';
import { DATASET_ORDER, type DatasetName } from '../../src/data/schema.ts';
import { describeTables, type Manifest } from './manifest.ts';
import { writeDatasetFile } from './write-duckdb.ts';
import { writeUnitCatalogs } from './write-unit-catalogs.ts';

export async function writePublishedData(read: ReadResult, outDir: string, threshold: number): Promise<{ manifest: Manifest; published: ReturnType<typeof publish> }> {
  const published = publish(read.tables, threshold);
  await mkdir(outDir, { recursive: true });
  const described = describeTables(published, read.files);
  const written: { name: DatasetName; file: string; facts: (typeof described)[number] }[] = [];
  for (const name of DATASET_ORDER) {
    const rows = published.tables[name];
    const facts = described.find((d) => d.name === name);
    if (!rows || !facts) continue;
    const { file } = await writeDatasetFile(outDir, name, rows);
    written.push({ name, file, facts });
  }
  await writeUnitCatalogs(outDir, written.map((w) => w.name));
  const datasets: Manifest['datasets'] = [];
  for (const { file, facts } of written) datasets.push({ ...facts, file: path.basename(file), bytes: (await stat(file)).size });
  const manifest: Manifest = { generated: new Date().toISOString(), threshold, datasets };
  await writeFile(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, published };
}
