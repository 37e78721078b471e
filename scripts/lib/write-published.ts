// Writes the published data folder: one DuckDB file per dataset (with the stored unit catalogs) and manifest.json.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PublishResult } from '../../src/data/pipeline.ts';
import { publishedAudit } from '../../src/data/disclosure/report.ts';
import type { AuditResult } from '../../src/data/disclosure/audit.ts';
import { DATASET_ORDER, type DatasetName } from '../../src/data/schema.ts';
import { describeTables, type Manifest } from './manifest.ts';
import { writeDatasetFile } from './write-duckdb.ts';
import { writeUnitCatalogs } from './write-unit-catalogs.ts';

/** Writes what `anonymise` published, with its audit (counts only) in the manifest. */
export async function writePublishedData(
  published: PublishResult,
  audit: AuditResult,
  files: Partial<Record<DatasetName, string[]>>,
  outDir: string,
  threshold: number,
): Promise<{ manifest: Manifest }> {
  await mkdir(outDir, { recursive: true });
  const described = describeTables(published, files);
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
  const manifest: Manifest = { generated: new Date().toISOString(), threshold, datasets, disclosure: publishedAudit(audit, published.sharesHidden) };
  await writeFile(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest };
}
