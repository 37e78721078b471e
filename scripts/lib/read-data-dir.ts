// Reads every file of a data folder and runs the pure pipeline on them.
//
// A symbolic link to a CSV file is followed, with a warning naming the file it points to: a publisher
// may well keep the exports on a shared drive and link them into the data folder, the file read goes
// through every check like any other, and the warning shows exactly what was read. A link to nothing, to
// a folder or to a device, and a folder or pipe named like a CSV file, are errors: skipping them silently
// would publish a site without the data the publisher meant to add (and reading a pipe never ends).
import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { visible } from '../../src/data/characters.ts';
import { type DataIssue, issue } from '../../src/data/errors.ts';
import { type InputFile, readDataFiles, type ReadOptions, type ReadResult } from '../../src/data/pipeline.ts';
import { containsPersonalNumber, maskDigits } from '../../src/data/personnummer.ts';
import { SettingError } from './config.ts';

const masked = (text: string) => (containsPersonalNumber(text) ? maskDigits(text) : text);

export async function readDataDir(dir: string, options: Omit<ReadOptions, 'issues'> = {}): Promise<ReadResult> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw code === 'ENOENT'
      ? new SettingError(`FEL: DATA_DIR: mappen ${dir} finns inte.`, `ERROR: DATA_DIR: the folder ${dir} does not exist.`)
      : code === 'ENOTDIR'
        ? new SettingError(`FEL: DATA_DIR: ${dir} är ingen mapp.`, `ERROR: DATA_DIR: ${dir} is not a folder.`)
        : new SettingError(`FEL: DATA_DIR: mappen ${dir} kan inte läsas (${code}).`, `ERROR: DATA_DIR: the folder ${dir} cannot be read (${code}).`);
  }
  const issues: DataIssue[] = [];
  const files: InputFile[] = [];
  for (const e of entries) {
    if (!e.name.toLowerCase().endsWith('.csv')) continue;
    const file = path.join(dir, e.name);
    const at = { file: masked(e.name) };
    if (e.isSymbolicLink()) {
      const target = await realpath(file).catch(() => null);
      const info = target ? await stat(target).catch(() => null) : null;
      if (!target || !info) {
        issues.push(issue('error', at, 'är en länk till en fil som inte finns. Rätta länken eller ta bort den.', 'is a link to a file that does not exist. Correct the link or remove it.'));
        continue;
      }
      const shown = visible(masked(target));
      if (!info.isFile()) {
        issues.push(issue('error', at, `är en länk till ${shown}, som inte är en fil.`, `is a link to ${shown}, which is not a file.`));
        continue;
      }
      issues.push(issue('warning', at, `är en symbolisk länk; filen den pekar på läses: ${shown}.`, `is a symbolic link; the file it points to is read: ${shown}.`));
    } else if (e.isDirectory()) {
      issues.push(issue('error', at, 'är en mapp, inte en CSV-fil. Byt namn på mappen eller flytta den ur datamappen.', 'is a folder, not a CSV file. Rename the folder or move it out of the data folder.'));
      continue;
    } else if (!e.isFile()) {
      issues.push(issue('error', at, 'är ingen vanlig fil (utan t.ex. en namngiven pipe eller en enhet) och läses inte.', 'is not a regular file (but e.g. a named pipe or a device) and is not read.'));
      continue;
    }
    try {
      files.push({ name: e.name, bytes: await readFile(file) });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      issues.push(issue('error', at, `kan inte läsas (${code}). Kontrollera filens behörigheter.`, `cannot be read (${code}). Check the file's permissions.`));
    }
  }
  return readDataFiles(files, { ...options, issues });
}
