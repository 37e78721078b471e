// Reads every file of a data folder and runs the pure pipeline on them.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readDataFiles, type ReadResult } from '../../src/data/pipeline.ts';

export async function readDataDir(dir: string): Promise<ReadResult> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.csv'))
    .map((e) => e.name);
  const files = await Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(path.join(dir, name))) })));
  return readDataFiles(files);
}
