// check-data and the build agree, always (issue 12): every bad folder stops both with the same Swedish
// message naming file, line and column, no stack trace, and the previous dist/ untouched; every folder
// check-data passes builds, whichever datasets it has. Scripts run as a user runs them.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, snapshot } from '../../helpers/run-script.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const GOOD = path.join(ROOT, 'test', 'fixtures', 'data-good');
const BUILD_TIMEOUT = 240_000;
const PLACERINGAR_HEADER = 'period;enhetskod;enhetsnamn;placeringsform;kon;aldersgrupp;avser;antal;kalla';
const row = (o: { period?: string; kod?: string; namn?: string; form?: string; antal?: string } = {}) =>
  [o.period ?? '2025-Q3', o.kod ?? '2580', o.namn ?? 'Luleå', o.form ?? 'hvb', 'totalt', '0-20', 'vid_periodens_slut', o.antal ?? '12', 'test'].join(';');
const lines = (...l: string[]) => `${l.join('\n')}\n`;

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'socialstatistik-agree-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A data folder: the good fixture's kallor.csv and enheter.csv, plus the files given (bytes or text; null removes). */
async function dataFolder(name: string, files: Record<string, string | Uint8Array | null>, base: string[] = ['kallor.csv', 'enheter.csv']): Promise<string> {
  const dir = path.join(tmp, name, 'data');
  await mkdir(dir, { recursive: true });
  for (const f of base) await copyFile(path.join(GOOD, f), path.join(dir, f));
  for (const [f, body] of Object.entries(files)) {
    if (body === null) await rm(path.join(dir, f), { force: true });
    else await writeFile(path.join(dir, f), body);
  }
  return dir;
}

const cp1252 = (text: string) => new Uint8Array([...text].map((c) => ({ å: 0xe5, ä: 0xe4, ö: 0xf6, Å: 0xc5, Ä: 0xc4, Ö: 0xd6 } as Record<string, number>)[c] ?? c.charCodeAt(0)));
const concat = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));
const utf8 = (text: string) => new TextEncoder().encode(text);

interface BadCase {
  name: string;
  files: Record<string, string | Uint8Array | null>;
  env?: Record<string, string>;
  /** The Swedish line both scripts print (its start). */
  message: string;
  /** Text that must not appear anywhere in the output (a personal number). */
  never?: RegExp;
}

const BAD: BadCase[] = [
  {
    name: 'personal number with an en dash',
    files: { 'placeringar.csv': lines(PLACERINGAR_HEADER, row({ namn: 'Barn 121212\u20131212' })) },
    message: 'FEL: placeringar.csv, rad 2, kolumn C (enhetsnamn): "Barn ••••••-••••" ser ut som ett personnummer.',
    never: /1212/,
  },
  {
    name: 'personal number in full-width digits in an unknown column',
    files: { 'placeringar.csv': lines(`${PLACERINGAR_HEADER};anteckning`, `${row()};\uff11\uff12\uff11\uff12\uff11\uff12-\uff11\uff12\uff11\uff12`) },
    message: 'FEL: placeringar.csv, rad 2, kolumn J (anteckning): "••••••-••••" ser ut som ett personnummer.',
    never: /1212|\uff11/,
  },
  {
    name: 'personal number in a file name',
    files: { 'placeringar_121212-1212.csv': lines(PLACERINGAR_HEADER, row()) },
    message: 'FEL: placeringar_••••••-••••.csv: filnamnet ser ut att innehålla ett personnummer.',
    never: /1212/,
  },
  {
    name: 'twelve thousand written 12.000',
    files: { 'placeringar.csv': lines(PLACERINGAR_HEADER, row({ antal: '12.000' })) },
    message: 'FEL: placeringar.csv, rad 2, kolumn H (antal): "12.000" är tvetydigt: punkten kan vara en tusentalsavgränsare eller ett decimaltecken.',
  },
  {
    name: 'a thousand written 1,000',
    files: { 'placeringar.csv': lines(PLACERINGAR_HEADER, row({ antal: '"1,000"' })) },
    message: 'FEL: placeringar.csv, rad 2, kolumn H (antal): "1,000" är tvetydigt: kommat kan vara en tusentalsavgränsare eller ett decimalkomma.',
  },
  {
    name: 'one Windows-1252 line in a UTF-8 file',
    files: { 'placeringar.csv': concat(utf8(lines(PLACERINGAR_HEADER, row(), row({ form: 'sis', antal: '4' }))), cp1252(lines(row({ form: 'jourhem', namn: 'Luleå kommun' })))) },
    message: 'FEL: placeringar.csv, rad 4: filen blandar teckenkodningar: rad 2 är UTF-8 men rad 4 är Windows-1252',
  },
  {
    name: 'a UTF-16 file',
    files: { 'placeringar.csv': new Uint8Array([0xff, 0xfe, ...[...lines(PLACERINGAR_HEADER, row())].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]) },
    message: 'FEL: placeringar.csv, rad 1: filen är sparad som UTF-16 (little endian, "Unicode-text"), som inte läses. Spara den som UTF-8 i stället.',
  },
  {
    name: 'a district larger than its municipality',
    files: {
      'enheter.csv': lines('enhetskod;enhetsnamn;niva;overordnad', '00;Riket;riket;', '25;Norrbottens län;lan;00', '2580;Luleå;kommun;25', '2580-01;Luleå centrum;stadsdel;2580'),
      'placeringar.csv': lines(PLACERINGAR_HEADER, row({ antal: '12' }), row({ kod: '2580-01', namn: 'Luleå centrum', antal: '13' })),
    },
    message: 'FEL: placeringar.csv, rad 3, kolumn (antal): "13" är större än 12 för 2580 Luleå, som enheten 2580-01 ingår i (placeringar.csv rad 2).',
  },
  {
    name: 'a bidi override in a name',
    files: { 'placeringar.csv': lines(PLACERINGAR_HEADER, row({ namn: 'Lule\u202eå' })) },
    message: 'FEL: placeringar.csv, rad 2, kolumn C (enhetsnamn): "Lule<U+202E>å" innehåller ett osynligt tecken för textriktning, U+202E',
  },
  {
    name: 'a NUL in a text',
    files: { 'placeringar.csv': lines(PLACERINGAR_HEADER), 'handelser.csv': lines('datum;enhetskod;rubrik;beskrivning;kalla', '2025-07-01;;Ny lag\u0000;Text;test') },
    message: 'FEL: handelser.csv, rad 2, kolumn C (rubrik): "Ny lag<U+0000>" innehåller styrtecknet U+0000 (NUL)',
  },
  {
    name: 'a link to a file that does not exist',
    files: { 'placeringar.csv': lines(PLACERINGAR_HEADER, row()) },
    message: 'FEL: placeringar_2026.csv: är en länk till en fil som inte finns.',
  },
  {
    name: 'SUPPRESSION_THRESHOLD=1 without PUBLISH_ALL_COUNTS=ja',
    files: { 'placeringar.csv': lines(PLACERINGAR_HEADER, row()) },
    env: { SUPPRESSION_THRESHOLD: '1' },
    message: 'FEL: SUPPRESSION_THRESHOLD=1 skulle publicera alla antal, även 1, 2 och 3, så att enskilda personer kan kännas igen.',
  },
];

describe('a bad folder stops check-data and the build alike: the same message, no stack trace, dist/ untouched', () => {
  for (const c of BAD) {
    it(c.name, async () => {
      const data = await dataFolder(c.name.replace(/\W+/g, '-'), c.files);
      if (c.name.startsWith('a link')) await symlink(path.join(data, 'finns-inte.csv'), path.join(data, 'placeringar_2026.csv'));
      const parent = path.dirname(data);
      const dist = path.join(parent, 'dist');
      await mkdir(dist, { recursive: true });
      await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>previous</title>\n');
      const before = await snapshot(dist);
      const check = await runScript('check-data.ts', { DATA_DIR: data, ...c.env });
      const build = await runScript('build.ts', { DATA_DIR: data, DIST_DIR: dist, ...c.env });
      for (const [what, r] of [['check-data', check], ['build', build]] as const) {
        expect(r.code, what).toBe(1);
        expect(r.stderr.split('\n').some((l) => l.startsWith(c.message)), `${what}:\n${r.stderr}`).toBe(true);
        expect(r.stderr, what).not.toMatch(/\n\s+at |Error:|node:internal/);
        if (c.never) expect(r.stdout + r.stderr, what).not.toMatch(c.never);
      }
      expect(await snapshot(dist)).toEqual(before);
      expect((await readdir(parent)).sort()).toEqual(['data', 'dist']);
    }, BUILD_TIMEOUT);
  }
});

/** The visible text of a built page's <main> (no scripts or templates), and its menu. */
async function page(dist: string, route: string): Promise<{ main: string; menu: string[] }> {
  const html = await readFile(path.join(dist, route, 'index.html'), 'utf8');
  const text = (s: string) => s.replace(/<(script|template|style)[^>]*>[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
  const main = html.match(/<main[\s\S]*?<\/main>/)?.[0] ?? '';
  const nav = html.match(/<nav[\s\S]*?<\/nav>/)?.[0] ?? '';
  return { main: text(main), menu: [...nav.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]) };
}

interface GoodCase {
  name: string;
  files: Record<string, string | Uint8Array | null>;
  base?: string[];
  env?: Record<string, string>;
  /** Warnings both scripts print. */
  warnings?: string[];
  check: (dist: string) => Promise<void>;
}

const GOOD_CASES: GoodCase[] = [
  {
    name: 'only placeringar (kallor.csv a symbolic link)',
    files: { 'placeringar.csv': lines(PLACERINGAR_HEADER, row()) },
    base: ['enheter.csv'],
    warnings: ['VARNING: kallor.csv: är en symbolisk länk; filen den pekar på läses:'],
    check: async (dist) => {
      const home = await page(dist, '');
      // Nätverkshem stays: its share is computed from placeringar.
      expect(home.menu).toEqual(['Översikt', 'Placeringar', 'Nätverkshem', 'Jämförelser', 'Skapa tabell', 'Utforska', 'Om statistiken', 'Data och källor']);
      expect((await page(dist, 'ej-verkstallda-beslut')).main).toContain('Den här webbplatsen har inga publicerade uppgifter om gynnande beslut som inte verkställts. Vad som är publicerat står på sidan Data och källor .');
      expect((await page(dist, 'placeringar')).main).toContain('Luleå');
    },
  },
  {
    name: 'only ej_verkstallda_beslut',
    files: { 'ej_verkstallda_beslut.csv': await readFile(path.join(GOOD, 'ej_verkstallda_beslut.csv')) },
    check: async (dist) => {
      expect((await page(dist, '')).menu).toEqual(['Översikt', 'Ej verkställda beslut', 'Jämförelser', 'Skapa tabell', 'Utforska', 'Om statistiken', 'Data och källor']);
      const placements = await page(dist, 'placeringar');
      expect(placements.main).toContain('Den här webbplatsen har inga publicerade uppgifter om placerade barn och unga.');
      expect(placements.main).not.toContain('Välj vad som visas');
      expect((await page(dist, 'ej-verkstallda-beslut')).main).toContain('Luleå');
    },
  },
  {
    name: 'only natverkshemsandel, with a period in 2100 and a header-only placeringar file',
    files: {
      'natverkshemsandel.csv': lines('period;enhetskod;enhetsnamn;andel;kalla', '2022;00;Riket;15,2 %;test', '2100;00;Riket;16;test'),
      'placeringar_tom.csv': lines(PLACERINGAR_HEADER),
    },
    warnings: [
      'VARNING: placeringar_tom.csv: har en rubrikrad men inga rader med uppgifter, så filen bidrar inte med något.',
      'VARNING: natverkshemsandel.csv, rad 3, kolumn (period): "2100" ligger i framtiden',
    ],
    check: async (dist) => {
      expect((await page(dist, '')).menu).toEqual(['Översikt', 'Nätverkshem', 'Jämförelser', 'Utforska', 'Om statistiken', 'Data och källor']);
      expect((await page(dist, 'natverkshem')).main).toContain('2100');
      expect((await page(dist, 'placeringar')).main).toContain('inga publicerade uppgifter om placerade barn och unga');
    },
  },
  {
    name: 'PUBLISH_ALL_COUNTS=ja: every page says that every count is shown',
    files: {},
    base: ['kallor.csv', 'enheter.csv', 'placeringar.csv', 'ej_verkstallda_beslut.csv', 'natverkshemsandel.csv', 'handelser.csv'],
    env: { SUPPRESSION_THRESHOLD: '1', PUBLISH_ALL_COUNTS: 'ja' },
    check: async (dist) => {
      const pages = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('index.html'));
      expect(pages.length).toBeGreaterThanOrEqual(8);
      for (const p of pages) {
        const { main } = await page(dist, path.dirname(p));
        expect(main, p).toMatch(/^Alla antal visas, även de minsta\. Webbplatsen är byggd utan gräns för små antal \(inställningen PUBLISH_ALL_COUNTS=ja\), så även antal som 1, 2 och 3 publiceras\./);
      }
      const sources = await page(dist, 'kallor');
      expect(sources.main).toContain('Alla antal är publicerade, även de minsta (inställningen PUBLISH_ALL_COUNTS=ja).');
      expect(sources.main).not.toContain('Små antal (under tröskeln) är dolda');
      const footer = (await readFile(path.join(dist, 'index.html'), 'utf8')).match(/<footer[\s\S]*?<\/footer>/)?.[0] ?? '';
      expect(footer).toContain('men alla antal visas, även små');
      const manifest = JSON.parse(await readFile(path.join(dist, 'data', 'manifest.json'), 'utf8'));
      expect(manifest.threshold).toBe(1);
      expect(manifest.datasets.find((d: { name: string }) => d.name === 'placeringar').suppressed).toBe(1); // only the marker already in the file
    },
  },
];

describe('every folder check-data passes builds, with the same warnings', () => {
  for (const c of GOOD_CASES) {
    it(c.name, async () => {
      const base = c.base ?? ['kallor.csv', 'enheter.csv'];
      const data = await dataFolder(c.name.replace(/\W+/g, '-'), c.files, base.filter((f) => f !== 'kallor.csv' || !c.name.includes('symbolic')));
      if (c.name.includes('symbolic')) await symlink(path.join(GOOD, 'kallor.csv'), path.join(data, 'kallor.csv'));
      const dist = path.join(path.dirname(data), 'dist');
      const check = await runScript('check-data.ts', { DATA_DIR: data, ...c.env });
      const build = await runScript('build.ts', { DATA_DIR: data, DIST_DIR: dist, ...c.env });
      expect(check.code, check.stderr).toBe(0);
      expect(build.code, build.stderr).toBe(0);
      for (const r of [check, build]) {
        const printed = r.stderr.split('\n').filter((l) => l.startsWith('VARNING: ') && !l.includes('(kalla)'));
        expect(printed.map((l) => (c.warnings ?? []).find((w) => l.startsWith(w)) ?? l)).toEqual(c.warnings ?? []);
        expect(r.stderr).not.toMatch(/FEL: |\n\s+at /);
      }
      expect(existsSync(path.join(dist, 'index.html'))).toBe(true);
      await c.check(dist);
    }, BUILD_TIMEOUT);
  }
});
