// End to end: scripts/check-data.ts and scripts/build.ts run as a user runs them, on the small data
// folders in test/fixtures/. One successful build is shared by the tests that read its output.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, snapshot, type ScriptRun as Run } from '../../helpers/run-script.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const GOOD = path.join(ROOT, 'test', 'fixtures', 'data-good');
const BAD = path.join(ROOT, 'test', 'fixtures', 'data-bad');
const BUILD_TIMEOUT = 240_000;

/** A dist folder from an earlier build, with a marker file. */
async function previousDist(dir: string): Promise<Record<string, string>> {
  await mkdir(path.join(dir, 'data'), { recursive: true });
  await writeFile(path.join(dir, 'MARKER.txt'), 'the previous build\n');
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>previous</title>\n');
  await writeFile(path.join(dir, 'data', 'manifest.json'), '{"previous":true}\n');
  return snapshot(dir);
}

/** Rows of a query on the published files, attached read-only the way the site attaches them. */
async function query(dataDir: string, sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    for (const name of ['placeringar', 'ej_verkstallda_beslut', 'natverkshemsandel', 'enheter', 'handelser', 'kallor']) {
      await con.run(`ATTACH '${path.join(dataDir, `${name}.duckdb`)}' AS pub_${name} (READ_ONLY)`);
    }
    return (await con.runAndReadAll(sql)).getRowObjectsJS();
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'socialstatistik-build-test-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const BAD_ERRORS = [
  'FEL: placeringar.csv, rad 2, kolumn B (enhetskod): "180" är ingen enhetskod.',
  '  ERROR: placeringar.csv, line 2, column B (enhetskod): "180" is not a unit code.',
  'FEL: placeringar.csv, rad 2, kolumn D (placeringsform): "fosterhem" är inget tillåtet värde för placeringsform. Tillåtna: jourhem, familjehem, natverkshem, hvb, sis, stodboende, skyddat_boende, ovrigt, totalt.',
  '  ERROR: placeringar.csv, line 2, column D (placeringsform): "fosterhem" is not an allowed value of placeringsform. Allowed: jourhem, familjehem, natverkshem, hvb, sis, stodboende, skyddat_boende, ovrigt, totalt.',
  'FEL: placeringar.csv, rad 2, kolumn H (antal): "-1" är negativt. Ett antal kan inte vara mindre än 0.',
  '  ERROR: placeringar.csv, line 2, column H (antal): "-1" is negative. A count cannot be less than 0.',
  'FEL: placeringar.csv, rad 4, kolumn A (period): "2025-09-29" är ingen period som går att läsa.',
  '  ERROR: placeringar.csv, line 4, column A (period): "2025-09-29" is not a period that can be read.',
  'FEL: placeringar.csv, rad 4, kolumn H (antal): "2,5" har decimaler. Ett antal måste vara ett heltal.',
  '  ERROR: placeringar.csv, line 4, column H (antal): "2,5" has decimals. A count must be a whole number.',
  'FEL: ej_verkstallda_beslut.csv, rad 2, kolumn (verksamhet): "ÄO" ska vara tom för LSS (verksamhet ÄO, OF och IFO gäller SoL).',
  '  ERROR: ej_verkstallda_beslut.csv, line 2, column (verksamhet): "ÄO" must be empty for LSS (the areas ÄO, OF and IFO apply to SoL).',
];

describe('npm run check-data', () => {
  it('a bad folder: exit 1, every error printed with file, line, column and value, in Swedish and English', async () => {
    const r = await runScript('check-data.ts', { DATA_DIR: BAD });
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    for (const expected of BAD_ERRORS) expect(lines.some((l) => l.startsWith(expected)), expected).toBe(true);
    expect(lines.filter((l) => l.startsWith('FEL: '))).toHaveLength(6);
    expect(r.stderr).toContain(`6 fel i ${BAD}; inget byggs. / 6 errors in ${BAD}; nothing is built.`);
    expect(r.stdout).toBe('');
  });
  it('a good folder: exit 0 and a summary of rows, periods, units and suppressed cells per dataset', async () => {
    const r = await runScript('check-data.ts', { DATA_DIR: GOOD });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('antal 1–3 visas inte');
    expect(r.stdout).toMatch(/placeringar +6 rader \/ rows, perioder \/ periods 2020–2025-Q3, 1 enheter \/ units, 1 dolda under gränsen \+ 1 dolda för att skydda dem/);
    expect(r.stdout).toMatch(/ej_verkstallda_beslut +4 rader \/ rows, perioder \/ periods 2025-Q4–2025-Q4, 1 enheter \/ units, 1 dolda under gränsen \+ 1 dolda för att skydda dem/);
    // The disclosure audit, as the build prints it too.
    expect(r.stdout).toMatch(/Granskning av anonymiseringen \/ disclosure audit \([\d.]+ s, godkänd \/ passed\)/);
    expect(r.stdout).toMatch(/ej_verkstallda_beslut +1 under gränsen \+ 1 skyddande, 2 granskade/);
    expect(r.stdout).toMatch(/natverkshemsandel +1 rader \/ rows, perioder \/ periods 2022–2022/);
  });
  it('SUPPRESSION_THRESHOLD changes the threshold', async () => {
    const r = await runScript('check-data.ts', { DATA_DIR: GOOD, SUPPRESSION_THRESHOLD: '5' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('antal 1–4 visas inte');
  });
});

describe('npm run build: a failed build leaves the previous dist/ exactly as it was', () => {
  it('bad data: exit 1 with every error, dist/ untouched, no work folder left', async () => {
    const parent = path.join(tmp, 'bad');
    const dist = path.join(parent, 'dist');
    const before = await previousDist(dist);
    const r = await runScript('build.ts', { DATA_DIR: BAD, DIST_DIR: dist });
    expect(r.code).toBe(1);
    for (const expected of BAD_ERRORS) expect(r.stderr).toContain(expected);
    expect(r.stderr).toContain(`6 errors in ${BAD}: the build stopped and ${dist} is untouched.`);
    expect(await snapshot(dist)).toEqual(before);
    expect(await readdir(parent)).toEqual(['dist']);
  }, BUILD_TIMEOUT);
  it('the site step fails after the data files were written: dist/ untouched, no work folder left', async () => {
    const parent = path.join(tmp, 'astro-fails');
    const dist = path.join(parent, 'dist');
    const before = await previousDist(dist);
    // Makes the astro child process fail, as a broken page would.
    const hook = path.join(tmp, 'fail-astro.mjs');
    await writeFile(hook, "if (process.argv.some((a) => a.endsWith('astro.mjs'))) { console.error('simulated astro failure'); process.exit(3); }\n");
    const r = await runScript('build.ts', { DATA_DIR: GOOD, DIST_DIR: dist, NODE_OPTIONS: `--import=${pathToFileURL(hook).href}` });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('skrev datafiler');
    expect(r.stderr).toContain('simulated astro failure');
    expect(r.stderr).toContain('the build failed: astro build: exit 3');
    expect(await snapshot(dist)).toEqual(before);
    expect(await readdir(parent)).toEqual(['dist']);
  }, BUILD_TIMEOUT);
});

describe('npm run build: a good build', () => {
  let parent: string;
  let dist: string;
  let data: string;
  let build: Run;
  beforeAll(async () => {
    parent = path.join(tmp, 'good');
    dist = path.join(parent, 'dist');
    data = path.join(dist, 'data');
    await previousDist(dist);
    build = await runScript('build.ts', { DATA_DIR: GOOD, DIST_DIR: dist });
  }, BUILD_TIMEOUT);

  it('succeeds and replaces the previous dist/ with the new site', async () => {
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expect(existsSync(path.join(dist, 'MARKER.txt'))).toBe(false);
    expect(existsSync(path.join(dist, 'index.html'))).toBe(true);
    expect(await readdir(parent)).toEqual(['dist']);
  });
  it('writes one DuckDB file per dataset and manifest.json, and no CSV anywhere', async () => {
    const files = (await readdir(data)).filter((f) => f.endsWith('.duckdb') || f === 'manifest.json').sort();
    expect(files).toEqual([
      'ej_verkstallda_beslut.duckdb', 'enheter.duckdb', 'handelser.duckdb', 'kallor.duckdb', 'manifest.json', 'natverkshemsandel.duckdb', 'placeringar.duckdb',
    ]);
    const all = await readdir(dist, { recursive: true });
    expect(all.filter((f) => f.toLowerCase().endsWith('.csv'))).toEqual([]);
  });
  it('placeringar reads back with canonical periods, NULL + markering for hidden and missing cells', async () => {
    const rows = await query(data, 'SELECT * FROM pub_placeringar.placeringar ORDER BY period, placeringsform, kon');
    const common = { enhetskod: '2580', enhetsnamn: 'Luleå', aldersgrupp: '0-20', kalla: 'test' };
    expect(rows).toEqual([
      { period: '2020', placeringsform: 'familjehem', kon: 'totalt', avser: 'under_perioden', antal: null, markering: 'sekretess', ...common },
      { period: '2020', placeringsform: 'hvb', kon: 'totalt', avser: 'under_perioden', antal: 1204, markering: null, ...common },
      { period: '2020', placeringsform: 'sis', kon: 'totalt', avser: 'under_perioden', antal: null, markering: 'saknas', ...common },
      // flickor 2 is below the threshold; pojkar 9 is hidden too, else 11 − 9 would give it away.
      { period: '2025-Q3', placeringsform: 'jourhem', kon: 'flickor', avser: 'vid_periodens_slut', antal: null, markering: 'sekretess', ...common },
      { period: '2025-Q3', placeringsform: 'jourhem', kon: 'pojkar', avser: 'vid_periodens_slut', antal: null, markering: 'sekretess', ...common },
      { period: '2025-Q3', placeringsform: 'jourhem', kon: 'totalt', avser: 'vid_periodens_slut', antal: 11, markering: null, ...common },
    ].map((r) => ({ ...common, ...r })));
  });
  it('placeringar has the contract columns in contract order, markering after antal', async () => {
    const cols = await query(data, "SELECT column_name, data_type FROM information_schema.columns WHERE table_catalog = 'pub_placeringar' AND table_name = 'placeringar' ORDER BY ordinal_position");
    expect(cols.map((c) => `${c.column_name} ${c.data_type}`)).toEqual([
      'period VARCHAR', 'enhetskod VARCHAR', 'enhetsnamn VARCHAR', 'placeringsform VARCHAR', 'kon VARCHAR', 'aldersgrupp VARCHAR',
      'avser VARCHAR', 'antal INTEGER', 'markering VARCHAR', 'kalla VARCHAR',
    ]);
  });
  it('ej_verkstallda_beslut reads back: a comma-delimited file, K/M aliases, a hidden pair, inget_att_redovisa', async () => {
    const rows = await query(data, 'SELECT lag, verksamhet, insats, kon, status, period, antal, markering FROM pub_ej_verkstallda_beslut.ej_verkstallda_beslut ORDER BY lag, kon');
    expect(rows).toEqual([
      { lag: 'LSS', verksamhet: '', insats: '9.4 Biträde av kontaktperson', kon: 'totalt', status: 'totalt', period: '2025-Q4', antal: null, markering: 'inget_att_redovisa' },
      { lag: 'SoL', verksamhet: 'ÄO', insats: 'Särskilt boende', kon: 'kvinnor', status: 'totalt', period: '2025-Q4', antal: null, markering: 'sekretess' },
      { lag: 'SoL', verksamhet: 'ÄO', insats: 'Särskilt boende', kon: 'män', status: 'totalt', period: '2025-Q4', antal: null, markering: 'sekretess' },
      { lag: 'SoL', verksamhet: 'ÄO', insats: 'Särskilt boende', kon: 'totalt', status: 'totalt', period: '2025-Q4', antal: 20, markering: null },
    ]);
  });
  it('no published count is below the threshold, in any table', async () => {
    const rows = await query(data, `
      SELECT count(*) AS n FROM (
        SELECT antal FROM pub_placeringar.placeringar UNION ALL SELECT antal FROM pub_ej_verkstallda_beslut.ej_verkstallda_beslut
      ) WHERE antal BETWEEN 1 AND 3`);
    expect(rows).toEqual([{ n: 0n }]);
  });
  it('natverkshemsandel, enheter, kallor and handelser read back', async () => {
    expect(await query(data, 'SELECT period, enhetskod, andel, markering FROM pub_natverkshemsandel.natverkshemsandel')).toEqual([
      { period: '2022', enhetskod: '00', andel: 15.2, markering: null },
    ]);
    expect(await query(data, 'SELECT * FROM pub_enheter.enheter ORDER BY enhetskod')).toEqual([
      // befolkning is optional (inhabitants 0–20, for the rates per 1 000): NULL when the file leaves it out.
      { enhetskod: '00', enhetsnamn: 'Riket', niva: 'riket', overordnad: '', befolkning: null },
      { enhetskod: '25', enhetsnamn: 'Norrbottens län', niva: 'lan', overordnad: '00', befolkning: null },
      { enhetskod: '2580', enhetsnamn: 'Luleå', niva: 'kommun', overordnad: '25', befolkning: null },
    ]);
    const [source] = await query(data, 'SELECT kalla, titel, CAST(datum AS VARCHAR) AS datum, pahittad FROM pub_kallor.kallor');
    expect(source).toEqual({ kalla: 'test', titel: 'Testrapport (påhittade siffror för testerna)', datum: '2025-10-15', pahittad: true });
    const [event] = await query(data, 'SELECT CAST(datum AS VARCHAR) AS datum, enhetskod, rubrik FROM pub_handelser.handelser');
    expect(event).toEqual({ datum: '2025-07-01', enhetskod: '', rubrik: 'Ny socialtjänstlag' });
  });
  it('the files are opened read-only: writing to them fails', async () => {
    await expect(query(data, "INSERT INTO pub_placeringar.placeringar (period) VALUES ('2030')")).rejects.toThrow(/read-only/i);
  });
  it('manifest.json lists every dataset with its rows, periods, units and suppressed cells', async () => {
    const manifest = JSON.parse(await readFile(path.join(data, 'manifest.json'), 'utf8'));
    expect(manifest.threshold).toBe(4);
    expect(Number.isNaN(Date.parse(manifest.generated))).toBe(false);
    const facts = manifest.datasets.map((d: Record<string, unknown>) => ({ name: d.name, file: d.file, rows: d.rows, periods: d.periods, units: d.units, suppressed: d.suppressed, files: d.files }));
    expect(facts).toEqual([
      { name: 'kallor', file: 'kallor.duckdb', rows: 1, periods: null, units: 0, suppressed: 0, files: ['kallor.csv'] },
      { name: 'enheter', file: 'enheter.duckdb', rows: 3, periods: null, units: 3, suppressed: 0, files: ['enheter.csv'] },
      { name: 'placeringar', file: 'placeringar.duckdb', rows: 6, periods: ['2020', '2025-Q3'], units: 1, suppressed: 3, files: ['placeringar.csv'] },
      { name: 'ej_verkstallda_beslut', file: 'ej_verkstallda_beslut.duckdb', rows: 4, periods: ['2025-Q4', '2025-Q4'], units: 1, suppressed: 2, files: ['ej_verkstallda_beslut.csv'] },
      { name: 'natverkshemsandel', file: 'natverkshemsandel.duckdb', rows: 1, periods: ['2022', '2022'], units: 1, suppressed: 0, files: ['natverkshemsandel.csv'] },
      { name: 'handelser', file: 'handelser.duckdb', rows: 1, periods: null, units: 0, suppressed: 0, files: ['handelser.csv'] },
    ]);
    for (const d of manifest.datasets) expect(d.bytes, d.name).toBe((await stat(path.join(data, d.file))).size);
  });
});
