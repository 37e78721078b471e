// The page "Tabell": the reader's choices in the form, the choice in the link, the engine started at the
// first sign of use, the query (src/queries/table-builder.ts) run, its rows pivoted and drawn, the SQL
// shown and linked to /utforska/, the downloads, and the recent tables (this browser only). A link's
// choice (or a recent table's) is put in the form and its table drawn when the reader presses "Visa
// tabell", as a #sql= link on /utforska/ waits for Kör. The link can only name the catalog's own variables
// and values (choice.ts), and the builder writes the SQL itself with every value a quoted literal.

import type { Runner } from '../../queries/runner.ts';
import { builderSql } from '../../queries/table-builder.ts';
import { tableBuilderWords as w } from '../../i18n/table-builder.ts';
import { sv } from '../../i18n/sv.ts';
import { builderFormHtml, variableCountText } from '../../render/table-builder-form.ts';
import { PIVOT_WIDTHS, pivotSideWidths, pivotTableHtml, pivotTableWidth } from '../../render/pivot-table.ts';
import type { BuilderCatalog, BuilderDataset } from '../../views/table-builder/catalog.ts';
import {
  choiceFromFragment, choiceLabel, choiceToFragment, datasetOf, defaultChoice, moveVariable, normaliseChoice, swapAxes, type Axis, type Choice,
} from '../../views/table-builder/choice.ts';
import { fixedText, pivot, pivotCube, pivotExportTable, type PivotModel } from '../../views/table-builder/pivot.ts';
import { queryToFragment } from '../explore/url-state.ts';
import { download, fileStem, XLSX_TYPE } from '../explore/export.ts';
import { siteFacts } from '../site-facts.ts';
import { recentPanel } from '../recent/panel.ts';
import type { RecentList } from '../recent/list.ts';
import type { ExportMeta } from '../../exports/table.ts';

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** The last tables shown, as their fragments. */
export const RECENT_TABLES: RecentList = { key: 'socialstatistik.tabell.senaste', size: 20, maxLength: 6000 };

interface Shown {
  dataset: BuilderDataset;
  choice: Choice;
  rows: Record<string, unknown>[];
  model: PivotModel;
}

export function startTableBuilder(root: HTMLElement): void {
  const catalog = JSON.parse(root.dataset.catalog ?? '[]') as BuilderCatalog;
  const form = byId<HTMLFormElement>('builder-form');
  const status = byId('builder-status');
  const result = byId('builder-result');
  const sqlBox = byId<HTMLDetailsElement>('builder-sql');
  const downloads = byId('builder-downloads');
  for (const el of document.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = true;
  if (!catalog.length) {
    root.dataset.state = 'empty';
    status.hidden = false;
    status.textContent = w.status.empty;
    return;
  }
  form.hidden = false;
  status.hidden = false;
  byId('builder-link-note').hidden = false;
  byId('builder-recent').hidden = false;

  let dataset = catalog[0];
  let choice = defaultChoice(dataset);
  let shown: Shown | null = null;
  let runner: Promise<{ runner: Runner; datasets: string[] }> | null = null;

  const say = (text: string, error = false) => {
    status.textContent = text;
    status.classList.toggle('status--error', error);
  };
  const setState = (state: string) => (root.dataset.state = state);

  /**
   * The engine with every builder dataset attached, started once. Its progress is said only while a table
   * waits for it: started early by a focus in the form, it leaves the line the reader is reading.
   */
  const engine = () =>
    (runner ??= import('../duckdb.ts')
      .then((m) => m.getRunner(catalog.map((d) => d.name), (p) => root.dataset.state === 'running' && say(sv.engine.phase[p.phase] ?? '')))
      .then((r) => ({ runner: r, datasets: catalog.map((d) => d.name) }))
      .catch((e) => {
        runner = null;
        throw e;
      }));

  function drawForm(): void {
    form.innerHTML = builderFormHtml(catalog, dataset, choice).html;
  }

  function refreshCounts(): void {
    for (const v of dataset.variables) {
      const el = form.querySelector(`[data-count="${v.column}"]`);
      if (el) el.textContent = variableCountText(dataset, choice, v);
    }
  }

  /** The choice as the form holds it now (order on each axis kept; a moved variable goes last). */
  function readForm(): void {
    const values: Record<string, string[]> = {};
    for (const v of dataset.variables) {
      if (v.column === 'period') continue;
      values[v.column] = [...form.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${v.column}"]`)].filter((i) => i.checked).map((i) => i.value);
    }
    let next: Choice = {
      ...choice,
      values,
      from: form.querySelector<HTMLSelectElement>('[data-period="from"]')?.value ?? choice.from,
      to: form.querySelector<HTMLSelectElement>('[data-period="to"]')?.value ?? choice.to,
    };
    for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-axis]')) {
      const column = select.dataset.axis ?? '';
      const axis = select.value as Axis;
      const on = axis === 'rows' ? next.rows : next.columns;
      if (!on.includes(column)) next = moveVariable(next, column, axis);
    }
    choice = normaliseChoice(dataset, next);
    refreshCounts();
  }

  /**
   * The fixed layout's widths, through the CSSOM (allowed under the CSP's style-src 'self', unlike a style
   * attribute in the markup). On a phone the row headers keep the least width (sticky, they share the
   * screen with the numbers); wider, each is as wide as its labels on one line.
   */
  const phone = matchMedia('(max-width: 40rem)');
  function sizeTable(table: HTMLTableElement, model: PivotModel): void {
    const most = phone.matches ? PIVOT_WIDTHS.side : PIVOT_WIDTHS.sideMax;
    table.style.width = `${pivotTableWidth(model, most)}rem`;
    const sides = pivotSideWidths(model, most);
    table.querySelectorAll<HTMLElement>('col.pivot__side-col').forEach((col, i) => (col.style.width = `${sides[i] ?? PIVOT_WIDTHS.side}rem`));
  }
  phone.addEventListener('change', () => {
    const table = result.querySelector<HTMLTableElement>('#pivot-table');
    if (table && shown) sizeTable(table, shown.model);
  });

  function meta(model: PivotModel): ExportMeta {
    return { title: model.title, subtitle: fixedText(model) || undefined, source: w.downloads.source, ...siteFacts(document) };
  }

  async function show(): Promise<void> {
    readForm();
    const sql = builderSql(dataset, choice);
    if (!sql) {
      const empty = dataset.variables.find((v) => v.column !== 'period' && !(choice.values[v.column] ?? []).length);
      say(w.form.noValue(empty?.label.toLocaleLowerCase('sv-SE') ?? ''), true);
      setState('invalid');
      form.querySelector<HTMLInputElement>(`input[name="${empty?.column}"]`)?.focus();
      return;
    }
    history.replaceState(null, '', `#${choiceToFragment(choice)}`);
    setState('running');
    form.setAttribute('aria-busy', 'true');
    say(w.status.starting);
    try {
      const { runner } = await engine();
      say(w.status.running);
      const started = performance.now();
      const rows = await runner.run(sql);
      const queried = performance.now();
      const model = pivot(dataset, choice, rows);
      const pivoted = performance.now();
      const markup = model.rowKeys.length ? pivotTableHtml(model).html : `<p>${w.status.empty}</p>`;
      const written = performance.now();
      result.innerHTML = markup;
      const table = result.querySelector<HTMLTableElement>('#pivot-table');
      if (table) sizeTable(table, model);
      const ms = performance.now() - started;
      // For the benchmark: where the time goes.
      root.dataset.phases = [queried - started, pivoted - queried, written - pivoted, performance.now() - written].map((x) => Math.round(x)).join(' ');
      result.hidden = false;
      shown = { dataset, choice, rows, model };
      byId('builder-sql-text').textContent = sql;
      const fragment = queryToFragment(sql);
      const link = byId<HTMLAnchorElement>('builder-sql-link');
      link.href = `${root.dataset.explore ?? '../utforska/'}${fragment ? `#${fragment}` : ''}`;
      sqlBox.hidden = false;
      downloads.hidden = !model.rowKeys.length;
      say(model.rowKeys.length ? w.status.done(model.rowKeys.length, Math.max(1, model.colKeys.length), ms) : w.status.empty);
      root.dataset.ms = String(Math.round(ms));
      if (model.rowKeys.length) recent.add(choiceToFragment(choice));
      setState(model.rowKeys.length ? 'done' : 'empty');
    } catch (e) {
      console.warn(e);
      say(w.status.failed(e instanceof Error ? e.message : String(e)), true);
      setState('error');
    } finally {
      form.removeAttribute('aria-busy');
    }
  }

  function exportShown(kind: string): void {
    if (!shown) return;
    const m = meta(shown.model);
    const stem = fileStem(`${w.downloads.fileStem}-${shown.dataset.name}`, new Date());
    if (kind === 'jsonstat') {
      void import('../../exports/jsonstat.ts').then(({ exportJsonStat }) =>
        download(JSON.stringify(exportJsonStat(pivotCube(shown!.dataset, shown!.choice, shown!.rows, m)), null, 1), `${stem}.json`, 'application/json;charset=utf-8'),
      );
      return;
    }
    const table = pivotExportTable(shown.model, m, w.measure, w.unitCode);
    if (kind === 'xlsx') {
      void import('../../exports/xlsx.ts').then(async ({ exportXlsx }) => download(await exportXlsx(table), `${stem}.xlsx`, XLSX_TYPE));
      return;
    }
    void import('../../exports/csv.ts').then(({ exportCsv }) => {
      const profile = kind === 'csv' ? 'excel' : 'data';
      download(exportCsv(table, profile), profile === 'excel' ? `${stem}.csv` : `${stem}-data.csv`, 'text/csv;charset=utf-8');
    });
  }

  // Any use of the form starts the engine, so its download overlaps with the choosing.
  form.addEventListener('focusin', () => void engine().catch(() => undefined), { once: true });
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLElement;
    if (target.id === 'builder-dataset') {
      const next = datasetOf(catalog, (target as HTMLSelectElement).value);
      if (!next) return;
      dataset = next;
      choice = defaultChoice(dataset);
      drawForm();
      byId('builder-dataset').focus();
      return;
    }
    readForm();
  });
  form.addEventListener('input', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.id !== 'unit-search') return;
    const words = target.value.trim().toLocaleLowerCase('sv-SE');
    const items = [...form.querySelectorAll<HTMLElement>('[data-values="enhetskod"] > li')];
    let shownCount = 0;
    for (const li of items) {
      li.hidden = !!words && !(li.dataset.search ?? '').includes(words);
      if (!li.hidden) shownCount++;
    }
    byId('unit-search-count').textContent = w.form.unitsShown(shownCount, items.length);
  });
  form.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('button');
    if (!button) return;
    const column = button.dataset.all ?? button.dataset.none;
    if (column) {
      // Only the units the search leaves visible.
      for (const box of form.querySelectorAll<HTMLInputElement>(`[data-values="${column}"] > li:not([hidden]) input`)) box.checked = !!button.dataset.all;
      readForm();
    } else if (button.id === 'builder-swap') {
      readForm();
      choice = swapAxes(choice);
      drawForm();
      byId('builder-swap').focus();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void show();
  });
  downloads.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-export]');
    if (button) exportShown(button.dataset.export ?? '');
  });

  /**
   * A link's or a recent table's choice put in the form, waiting for "Visa tabell" (state "chosen"). A table
   * shown before goes, with its SQL and downloads: it is not the one the form now holds.
   */
  const choose = (fragment: string, words: string) => {
    const linked = choiceFromFragment(catalog, fragment);
    if (!linked) return false;
    dataset = datasetOf(catalog, linked.dataset) ?? dataset;
    choice = linked;
    shown = null;
    result.hidden = true;
    result.replaceChildren();
    sqlBox.hidden = true;
    downloads.hidden = true;
    drawForm();
    say(words);
    setState('chosen');
    return true;
  };
  const recent = recentPanel(byId('builder-recent'), {
    list: RECENT_TABLES,
    label: (fragment) => choiceLabel(catalog, fragment) ?? fragment,
    load: (fragment) => {
      if (!choose(fragment, w.status.fromRecent)) return;
      history.replaceState(null, '', `#${fragment}`);
      byId('builder-show').focus();
    },
  });
  window.addEventListener('hashchange', () => void choose(location.hash, w.status.fromLink));
  if (!choose(location.hash, w.status.fromLink)) {
    drawForm();
    say(w.status.idle);
  }
}

const root = document.getElementById('table-builder');
if (root) startTableBuilder(root);
