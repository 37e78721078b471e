// The page "Ej verkställda beslut" as a view (src/views/decisions/, its `load`), on the bundled data published as
// the build publishes it: what a user reads in each figure, table and region, for choices in the URL.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionsPage, FIGURE_IDS } from '../../../src/views/decisions/index.ts';
import { comparisonTableHtml } from '../../../src/render/comparison.ts';
import { comparisonTable } from '../../../src/views/decisions/comparison.ts';
import type { PageEnv, PageView } from '../../../src/views/view.ts';
import { NodeRunner } from '../../../src/queries/node-runner.ts';
import { publishFixture } from '../helpers/publish-fixture.ts';
import { region, rows } from './helpers.ts';


const NBSP = '\u00a0';
let runner: NodeRunner;
let env: PageEnv;

beforeAll(async () => {
  const dataDir = fileURLToPath(new URL('../../../data/', import.meta.url));
  const files = Object.fromEntries(
    readdirSync(dataDir).filter((f) => f.endsWith('.csv')).map((f) => [f, readFileSync(`${dataDir}${f}`, 'utf8')]),
  );
  const { dir, manifest } = await publishFixture(files);
  runner = await NodeRunner.open(dir);
  env = { datasets: runner.datasets, generated: manifest.generated };
});

afterAll(() => runner?.close());

const load = (query: string): Promise<PageView> => decisionsPage.load(runner, new URLSearchParams(query), env);

/** The comparison region as a document, to read it as a user would. */
function comparisonDoc(view: PageView): Document {
  return new JSDOM(`<!doctype html><body>${region(view, 'comparison')}</body>`).window.document;
}

function rowCells(doc: Document, law: string, label: string): string[] {
  const row = [...doc.querySelectorAll(`[data-comparison="${law}"] tbody tr`)].find(
    (tr) => tr.querySelector('th')?.textContent === label,
  );
  return row ? [...row.querySelectorAll('td')].map((td) => (td.textContent ?? '').replaceAll(NBSP, ' ')) : [];
}

describe('Luleå selected in the URL', () => {
  let view: PageView;
  beforeAll(async () => {
    view = await load('enhet=2580');
  });

  it('shows the reports\' totals per quarter', () => {
    const totals = view.figures[FIGURE_IDS.totals];
    expect(totals.table?.header).toEqual(['Period', 'SoL', 'LSS']);
    expect(rows(totals)).toEqual([
      [`kv.${NBSP}2${NBSP}2025`, '83', '51'],
      [`kv.${NBSP}3${NBSP}2025`, '109', '48'],
      [`kv.${NBSP}4${NBSP}2025`, '111', '36'],
    ]);
    expect(totals.summary).toContain('enligt SoL 111, en ökning med 2 jämfört med kv.');
    expect(totals.notes.join(' ')).toContain('Totalerna omfattar delar som är skyddade av sekretess');
    expect(totals.invented).toBe(false);
    expect(totals.source).toContain('Luleå kommun, socialnämnden');
  });

  it('shows the areas, the insatser, the sexes and the state at the reporting date', () => {
    // OF's 7 and IFO's 24 are hidden on the site (issue 11: OF's Kontaktperson 5 is shown beside two small insatser).
    expect(rows(view.figures[FIGURE_IDS.areas])?.at(-1)).toEqual([`kv.${NBSP}4${NBSP}2025`, '80', 'Skyddad av sekretess', 'Skyddad av sekretess']);
    const sol = view.figures[FIGURE_IDS.insatsSol];
    expect(sol.title).toBe(`Ej verkställda beslut enligt SoL per insats, kv.${NBSP}4${NBSP}2025`);
    expect(rows(sol)?.[0]).toEqual(['Bostad (IFO)', '12']);
    expect(rows(sol)).toContainEqual(['Särskilt boende (ÄO)', 'Skyddad av sekretess']);
    expect(rows(sol)).toContainEqual(['Kontaktfamilj (IFO)', '5']);
    // Särskilt boende's 66 is hidden: the largest shown is not the largest, and the summary says so.
    expect(sol.summary).toBe(`Av de insatser som visas med antal gällde flest ej verkställda beslut enligt SoL under kv.${NBSP}4${NBSP}2025 Bostad (IFO): 12 av totalt 111. 5 insatser är skyddade av sekretess och kan ha fler.`);
    expect(rows(view.figures[FIGURE_IDS.sexes])).toEqual([
      ['SoL', 'Kvinnor', '63'], ['SoL', 'Män', '48'], ['LSS', 'Kvinnor', '11'], ['LSS', 'Män', '25'],
    ]);
    const status = view.figures[FIGURE_IDS.statusSol];
    expect(rows(status)?.[0]).toEqual(['Plats saknas (t.ex. kö), minst', '30']);
    expect(status.notes[0]).toContain('”minst”');
    expect(rows(view.figures[FIGURE_IDS.statusLss])?.[0]).toEqual(['Personalrelaterade skäl', '8']);
  });

  it('lays out the comparison table like the report, with hidden values as words', () => {
    const doc = comparisonDoc(view);
    expect(doc.querySelector('[data-comparison="SoL"] caption')?.textContent).toBe(
      'Ej verkställda beslut enligt SoL per insats, Luleå: jämförelse mellan tre kvartal',
    );
    expect([...doc.querySelectorAll('[data-comparison="SoL"] thead th')].map((th) => th.childNodes[0].textContent)).toEqual([
      'Insats enligt SoL', `kv.${NBSP}2${NBSP}2025`, `kv.${NBSP}3${NBSP}2025`, `kv.${NBSP}4${NBSP}2025`,
    ]);
    expect(rowCells(doc, 'SoL', 'Särskilt boende')).toEqual(['48', '69', '× Skyddad av sekretess']);
    // Q4's total counts hidden parts whose area totals are hidden too: it carries the footnote.
    expect(rowCells(doc, 'SoL', 'Totalt samtliga verksamheter')).toEqual(['83', '109', '111* (totalen omfattar delar som är skyddade av sekretess)']);
    expect(rowCells(doc, 'LSS', '9.4 Biträde av kontaktperson')).toEqual(['18', '18', '13']);
    expect(rowCells(doc, 'LSS', '9.2 Biträde av personlig assistans')).toEqual(Array(3).fill('× Skyddad av sekretess'));
    // A total with hidden parts above it carries the footnote mark, read out in words.
    expect(rowCells(doc, 'LSS', 'Totalt LSS')).toEqual(Array.from(['51', '48', '36'], (n) => `${n}* (totalen omfattar delar som är skyddade av sekretess)`));
    for (const td of doc.querySelectorAll('td[data-markering="sekretess"]')) expect(td.textContent).not.toMatch(/\d/);
  });

  it('holds the choices that differ from the default view', () => {
    expect(view.state).toEqual({ enhet: '2580', fran: '2025-Q2', till: '2025-Q4', kon: 'totalt' });
    expect(view.defaults.enhet).not.toBe('2580');
    expect(view.label).toBe(`Luleå, kv.${NBSP}2${NBSP}2025–kv.${NBSP}4${NBSP}2025`);
    expect(region(view, 'notice')).toBe('');
  });
});

describe('other choices', () => {
  it('filters on sex: women\'s totals only where the reports split them', async () => {
    const view = await load('enhet=2580&kon=kvinnor');
    expect(view.state.kon).toBe('kvinnor');
    expect(rows(view.figures[FIGURE_IDS.totals])).toEqual([[`kv.${NBSP}4${NBSP}2025`, '63', '11']]);
    expect(view.figures[FIGURE_IDS.totals].subtitle).toBe(`Luleå · kvinnor · antal beslut, kv.${NBSP}2${NBSP}2025–kv.${NBSP}4${NBSP}2025`);
    const doc = comparisonDoc(view);
    expect(doc.querySelector('[data-comparison="SoL"] caption')?.textContent).toBe(
      'Ej verkställda beslut enligt SoL per insats, Luleå, kvinnor: jämförelse mellan tre kvartal',
    );
    // Women's figures exist for Q4 only; Q2 and Q3 say so instead of showing a number.
    expect(rowCells(doc, 'SoL', 'Särskilt boende')).toEqual(['○ Uppgift saknas', '○ Uppgift saknas', '43']);
    expect(view.figures[FIGURE_IDS.statusSol].empty).toBe(
      'Läget vid rapporteringstillfället finns inte redovisat för besluten enligt SoL i det här urvalet.',
    );
  });

  it('narrows the period range, and the comparison follows the latest quarter', async () => {
    const view = await load('enhet=2580&fran=2025-Q2&till=2025-Q3');
    expect(rows(view.figures[FIGURE_IDS.totals])?.map((r) => r[1])).toEqual(['83', '109']);
    const doc = comparisonDoc(view);
    expect(rowCells(doc, 'SoL', 'Totalt samtliga verksamheter')).toEqual(['83', '109']);
    expect(view.figures[FIGURE_IDS.sexes].empty).toBe('Uppgifter per kön finns inte för det här urvalet.');
  });

  it('says so when the URL asks for what does not exist, and shows the default instead', async () => {
    const view = await load('enhet=%3Cscript%3E&kon=okänt&fran=1999-Q1');
    expect(view.state.enhet).toBe(view.defaults.enhet);
    expect(view.messages).toEqual([
      'Enheten ”<script>” finns inte i uppgifterna; sidan visar Exempelstad (påhittade siffror).',
      'Perioden ”1999-Q1” finns inte för enheten; hela perioden visas.',
      'Könsuppdelningen finns inte för enheten; totalt visas.',
    ]);
  });

  it('says that the default unit\'s figures are invented', async () => {
    const view = await load('');
    expect(view.label.startsWith('Exempelstad (påhittade siffror)')).toBe(true);
    expect(region(view, 'notice')).toContain('påhittade');
    expect(view.figures[FIGURE_IDS.totals].source.startsWith('Påhittade siffror.')).toBe(true);
  });

  it('shows Solna\'s zero report as a zero, not as missing', async () => {
    const view = await load('enhet=0184');
    expect(rows(view.figures[FIGURE_IDS.totals])).toEqual([[`kv.${NBSP}3${NBSP}2022`, '0']]);
    expect(view.figures[FIGURE_IDS.insatsSol].empty).toBe('Det finns inga uppgifter per insats enligt SoL för kvartalet.');
    // Solna has one quarter, so the comparison has one column (none before the unit's first quarter).
    expect(rowCells(comparisonDoc(view), 'SoL', 'Totalt samtliga verksamheter')).toEqual(['0']);
  });
});

describe('the comparison table markup', () => {
  it('escapes text from the data', () => {
    const rows = [
      { period: '2025-Q4', lag: 'LSS' as const, verksamhet: '', insats: '<b>9.1</b>', overordnad_insats: '', antal: 5, markering: null, dolda_delar: 0 },
      { period: '2025-Q4', lag: 'LSS' as const, verksamhet: '', insats: 'totalt', overordnad_insats: '', antal: 5, markering: null, dolda_delar: 0 },
    ];
    const table = comparisonTable(rows, 'LSS', ['2025-Q4']);
    const html = comparisonTableHtml(table!, { unitName: 'A & B' }).html;
    expect(html).toContain('&lt;b&gt;9.1&lt;/b&gt;');
    expect(html).toContain('A &amp; B');
    expect(html).not.toContain('<b>');
  });
});
