// The I/O around the pipeline: what the build reads from DATA_DIR (links, folders and pipes named .csv)
// and which settings it refuses, in words and without a stack trace.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettingError, suppressionThreshold } from '../../../scripts/lib/config.ts';
import { readDataDir } from '../../../scripts/lib/read-data-dir.ts';
import { csv, messages, PLACERINGAR_HEADER } from './helpers.ts';

const ROW = '2025-Q3;0180;Stockholm;jourhem;totalt;0-20;under_perioden;10';
let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'socialstatistik-read-dir-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function folder(name: string): Promise<string> {
  const dir = path.join(tmp, name);
  await mkdir(dir, { recursive: true });
  return dir;
}

describe('links, folders and pipes in DATA_DIR', () => {
  it('a symbolic link to a CSV file is followed, with a warning naming the file read', async () => {
    const exports = await folder('exports');
    await writeFile(path.join(exports, 'plac-2025q3.csv'), csv(PLACERINGAR_HEADER, ROW));
    const dir = await folder('linked');
    await symlink(path.join(exports, 'plac-2025q3.csv'), path.join(dir, 'placeringar.csv'));
    const r = await readDataDir(dir);
    expect(r.errors).toEqual([]);
    expect(r.tables.placeringar).toHaveLength(1);
    expect(messages(r.warnings.filter((w) => w.column !== 'kalla'))).toEqual([
      `VARNING: placeringar.csv: är en symbolisk länk; filen den pekar på läses: ${path.join(exports, 'plac-2025q3.csv')}.\n` +
      `  WARNING: placeringar.csv: is a symbolic link; the file it points to is read: ${path.join(exports, 'plac-2025q3.csv')}.`,
    ]);
  });
  it('a link to nothing, a link to a folder, a folder named .csv and a named pipe are errors, not skipped', async () => {
    const dir = await folder('odd');
    await writeFile(path.join(dir, 'placeringar.csv'), csv(PLACERINGAR_HEADER, ROW));
    await symlink(path.join(dir, 'finns-inte.csv'), path.join(dir, 'placeringar_2025.csv'));
    await symlink(tmp, path.join(dir, 'placeringar_mapplank.csv'));
    await mkdir(path.join(dir, 'placeringar_mapp.csv'));
    execFileSync('mkfifo', [path.join(dir, 'placeringar_pipe.csv')]);
    const r = await readDataDir(dir);
    expect(messages(r.errors).sort()).toEqual([
      'FEL: placeringar_2025.csv: är en länk till en fil som inte finns. Rätta länken eller ta bort den.\n' +
      '  ERROR: placeringar_2025.csv: is a link to a file that does not exist. Correct the link or remove it.',
      'FEL: placeringar_mapp.csv: är en mapp, inte en CSV-fil. Byt namn på mappen eller flytta den ur datamappen.\n' +
      '  ERROR: placeringar_mapp.csv: is a folder, not a CSV file. Rename the folder or move it out of the data folder.',
      `FEL: placeringar_mapplank.csv: är en länk till ${tmp}, som inte är en fil.\n` +
      `  ERROR: placeringar_mapplank.csv: is a link to ${tmp}, which is not a file.`,
      'FEL: placeringar_pipe.csv: är ingen vanlig fil (utan t.ex. en namngiven pipe eller en enhet) och läses inte.\n' +
      '  ERROR: placeringar_pipe.csv: is not a regular file (but e.g. a named pipe or a device) and is not read.',
    ]);
  });
  it('a DATA_DIR that does not exist is said in words', async () => {
    await expect(readDataDir(path.join(tmp, 'finns-inte'))).rejects.toThrow(new SettingError(
      `FEL: DATA_DIR: mappen ${path.join(tmp, 'finns-inte')} finns inte.`, `ERROR: DATA_DIR: the folder ${path.join(tmp, 'finns-inte')} does not exist.`));
  });
});

describe('SUPPRESSION_THRESHOLD and PUBLISH_ALL_COUNTS', () => {
  const message = (env: Record<string, string>) => {
    try {
      suppressionThreshold(env);
      return null;
    } catch (e) {
      return (e as SettingError).sv;
    }
  };
  it('the default is 4; 2 and above are taken as they are', () => {
    expect(suppressionThreshold({})).toBe(4);
    expect(suppressionThreshold({ SUPPRESSION_THRESHOLD: '2' })).toBe(2);
    expect(suppressionThreshold({ SUPPRESSION_THRESHOLD: '5', PUBLISH_ALL_COUNTS: 'nej' })).toBe(5);
  });
  it('1 alone is refused, saying which second setting publishes every count', () => {
    expect(message({ SUPPRESSION_THRESHOLD: '1' })).toBe(
      'FEL: SUPPRESSION_THRESHOLD=1 skulle publicera alla antal, även 1, 2 och 3, så att enskilda personer kan kännas igen. Det minsta värdet som skyddar något är 2. Ska verkligen alla antal publiceras, sätt också PUBLISH_ALL_COUNTS=ja; varje sida på webbplatsen säger då att alla antal visas.');
  });
  it('1 with PUBLISH_ALL_COUNTS=ja, or PUBLISH_ALL_COUNTS=ja alone, publishes every count', () => {
    expect(suppressionThreshold({ SUPPRESSION_THRESHOLD: '1', PUBLISH_ALL_COUNTS: 'ja' })).toBe(1);
    expect(suppressionThreshold({ PUBLISH_ALL_COUNTS: 'JA' })).toBe(1);
  });
  it('contradicting or malformed settings are refused', () => {
    expect(message({ SUPPRESSION_THRESHOLD: '4', PUBLISH_ALL_COUNTS: 'ja' })).toBe(
      'FEL: PUBLISH_ALL_COUNTS=ja säger att alla antal ska publiceras, men SUPPRESSION_THRESHOLD=4 döljer antal 1–3. Ta bort den ena inställningen.');
    expect(message({ SUPPRESSION_THRESHOLD: '0' })).toBe('FEL: SUPPRESSION_THRESHOLD måste vara ett heltal, minst 2 (var "0"). Standard är 4: antal 1–3 publiceras inte.');
    expect(message({ SUPPRESSION_THRESHOLD: 'tre' })).toBe('FEL: SUPPRESSION_THRESHOLD måste vara ett heltal, minst 2 (var "tre"). Standard är 4: antal 1–3 publiceras inte.');
    expect(message({ PUBLISH_ALL_COUNTS: 'yes' })).toBe('FEL: PUBLISH_ALL_COUNTS ska vara ja eller nej (var "yes").');
  });
});
