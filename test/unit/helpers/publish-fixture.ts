// Publishes CSV texts the way the build does (validate, suppress, write DuckDB files + manifest) into
// a fresh temporary folder, for tests of the queries and the data files.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readDataFiles } from '../../../src/data/pipeline.ts';
import { anonymise } from '../../../scripts/lib/anonymise.ts';
import { writePublishedData } from '../../../scripts/lib/write-published.ts';

export async function publishFixture(files: Record<string, string>, threshold = 4) {
  const read = readDataFiles(Object.entries(files).map(([name, text]) => ({ name, bytes: new TextEncoder().encode(text) })));
  if (read.errors.length) throw new Error(read.errors.map((e) => `${e.file}:${e.line} ${e.column} ${e.en}`).join('\n'));
  const dir = await mkdtemp(path.join(tmpdir(), 'socialstatistik-published-'));
  const anonymised = await anonymise(read, threshold);
  if (anonymised.issues.length) throw new Error(anonymised.issues.map((e) => `${e.file}:${e.line} ${e.en}`).join('\n'));
  const { manifest } = await writePublishedData(anonymised.published, anonymised.audit, read.files, dir, threshold);
  return { dir, manifest };
}
