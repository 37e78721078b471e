// A query's answer on the SQL page: the result grid, its summary, the quick chart and the downloads (CSV,
// Arrow); a DuckDB error with its line and column, marked in the editor. The table below always answers the
// query in the editor: a failed or cancelled run leaves none.

import type { Table } from 'apache-arrow';
import { exploreWords as w } from '../../i18n/explore.ts';
import { columnInfos, formatResultNumber, resultExportTable, resultRows, showCell } from './cells.ts';
import { typeName } from './grid.ts';
import { profileColumn } from './profile.ts';
import type { QuickChart } from './chart.ts';
import type { ChartChoice } from './chart-data.ts';
import { byId } from './dom.ts';
import type { SqlText } from './sql-field.ts';
import { download, fileStem, resultArrow, resultMeta, XLSX_TYPE } from './export.ts';
import { exportCsv } from '../../exports/csv.ts';
import { exportJsonStat, tableCube } from '../../exports/jsonstat.ts';
import { exportWords } from '../../i18n/exports.ts';
import { parseDuckDbError } from './sql-error.ts';
import type { ExploreStatus } from './status.ts';

export interface Results {
  show(table: Table, truncated: boolean, ms: number, hint: Partial<ChartChoice> | null): Promise<void>;
  clear(): void;
  error(error: unknown, sql: string): void;
  /** A query refused before it ran (the page's own rule, not DuckDB's), its place marked in the editor. */
  refuse(message: string, offset: number): void;
  clearError(): void;
}

/** The table a query needs and that is not there, from DuckDB's "Table with name x does not exist". */
export function missingTable(message: string): string | null {
  const m = /Catalog Error: Table with name ("(?:[^"]|"")+"|[^\s!]+) does not exist/.exec(message);
  if (!m) return null;
  return m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1];
}

export interface ResultsOptions {
  /** "Läs in en fil som x": the own-data panel, ready to read a file into the table `name`. */
  loadAs(name: string): void;
}

export function results(chart: QuickChart, editor: SqlText, status: ExploreStatus, options: ResultsOptions): Results {
  const summary = byId('results-summary');
  const actions = byId('results-actions');
  const gridRoot = byId('result-grid');
  // The alert region stays in the page and gets its content, so screen readers announce it.
  const errorBox = byId('query-error');
  const errorTemplate = byId<HTMLTemplateElement>('query-error-template');
  const profileBox = byId('column-profile');
  let grid: import('./grid.ts').ResultGrid | null = null;
  let current: Table | null = null;

  const stem = () => fileStem(w.results.fileStem, new Date());
  const exportTable = () => (current ? resultExportTable(current, resultMeta(editor.value)) : null);
  byId('download-csv').addEventListener('click', () => {
    const t = exportTable();
    if (t) download(exportCsv(t, 'excel'), `${stem()}.csv`, 'text/csv;charset=utf-8');
  });
  byId('download-csv-data').addEventListener('click', () => {
    const t = exportTable();
    if (t) download(exportCsv(t, 'data'), `${stem()}-data.csv`, 'text/csv;charset=utf-8');
  });
  byId('download-xlsx').addEventListener('click', async () => {
    const t = exportTable();
    if (!t) return;
    try {
      const { exportXlsx } = await import('../../exports/xlsx.ts');
      download(await exportXlsx(t), `${stem()}.xlsx`, XLSX_TYPE);
    } catch (error) {
      console.warn(error);
      status.say(exportWords.failed, 'error');
    }
  });
  byId('download-jsonstat').addEventListener('click', () => {
    const t = exportTable();
    const cube = t ? tableCube(t) : null;
    if (!cube) return status.say(w.results.notCube, 'error');
    download(JSON.stringify(exportJsonStat(cube), null, 1), `${stem()}.json`, 'application/json;charset=utf-8');
  });
  byId('download-arrow').addEventListener('click', () => {
    if (current) download(resultArrow(current), `${fileStem(w.results.fileStem, new Date())}.arrow`, 'application/vnd.apache.arrow.file');
  });

  return {
    async show(table, truncated, ms, hint) {
      current = table;
      profileBox.hidden = true;
      profileBox.replaceChildren();
      const { ResultGrid } = await import('./grid.ts');
      grid ??= new ResultGrid(gridRoot, w.results, { onProfile: (c) => grid && current && showProfile(profileBox, grid, current, c) });
      const rows = table.numRows;
      const columns = table.schema.fields.map((f) => f.name);
      grid.show(table, w.results.rowCountNote(rows, columns.length));
      summary.textContent = w.results.rowCountNote(rows, columns.length);
      actions.hidden = rows === 0 && columns.length === 0;
      status.say(truncated ? w.status.truncated(rows) : rows ? w.status.done(rows, ms) : w.status.doneNoRows(ms));
      // The answer in view: when the table's first rows are below the window, it scrolls up to them.
      const top = gridRoot.getBoundingClientRect().top;
      if (!gridRoot.hidden && (top > window.innerHeight - 160 || top < 0)) summary.closest('section')?.scrollIntoView({ block: 'start' });
      chart.show(columns, rows <= 10_000 ? resultRows(table) : [], rows, hint);
    },
    clear() {
      current = null;
      profileBox.hidden = true;
      profileBox.replaceChildren();
      grid?.clear();
      chart.clear();
      actions.hidden = true;
      summary.textContent = w.results.none;
    },
    error(error, sql) {
      const e = parseDuckDbError(error, sql);
      const box = errorTemplate.content.firstElementChild!.cloneNode(true) as HTMLElement;
      (box.querySelector('.query-error__where') as HTMLElement).textContent = e.line !== null && e.column !== null ? w.error.at(e.line, e.column) : '';
      (box.querySelector('pre') as HTMLElement).textContent = e.message;
      const missing = missingTable(e.message);
      if (missing) box.prepend(missingTableHelp(missing, options));
      errorBox.replaceChildren(box);
      editor.markError(e.offset);
      status.say('');
      status.set('error');
    },
    refuse(message, offset) {
      const box = errorTemplate.content.firstElementChild!.cloneNode(true) as HTMLElement;
      box.querySelector('.query-error__label')?.remove();
      box.querySelector('pre')?.remove();
      (box.querySelector('.query-error__where') as HTMLElement).textContent = message;
      errorBox.replaceChildren(box);
      editor.markError(offset);
      status.say('');
      status.set('error');
    },
    clearError() {
      errorBox.replaceChildren();
    },
  };
}

/** What a missing table most likely is (a shared link's own file) and a button to load one under its name. */
function missingTableHelp(name: string, options: ResultsOptions): HTMLElement {
  const help = document.createElement('div');
  help.className = 'query-error__help';
  const text = Object.assign(document.createElement('p'), { textContent: w.error.missingTable(name) });
  const button = Object.assign(document.createElement('button'), { type: 'button', className: 'button button--secondary', textContent: w.error.loadAs(name) });
  button.addEventListener('click', () => options.loadAs(name));
  help.append(text, button);
  return help;
}

/** A column's profile under the table: counts, smallest and largest, and its histogram as a small table with bars. */
function showProfile(box: HTMLElement, grid: import('./grid.ts').ResultGrid, table: Table, c: number): void {
  const field = table.schema.fields[c];
  const info = columnInfos([field])[0];
  const kind = info.format === 'number' ? 'number' : 'text';
  const shown = (v: unknown) => (v === null ? '–' : showCell(v, info, null, w.results).text);
  const p = profileColumn(grid.values(c), kind, (x) => formatResultNumber(x, info.ungrouped));
  const doc = box.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}) => Object.assign(doc.createElement(tag), props);
  const heading = el('h3', { id: 'column-profile-heading', textContent: w.results.profileHeading(field.name, typeName(field.type)) });
  const facts = el('dl', { className: 'profile__facts' });
  for (const [term, value] of [
    [w.results.profileRows, formatResultNumber(p.count)],
    [w.results.profileDistinct, formatResultNumber(p.distinct)],
    [w.results.profileNulls, formatResultNumber(p.nulls)],
    [w.results.profileMin, shown(p.min)],
    [w.results.profileMax, shown(p.max)],
  ] as const) {
    facts.append(el('dt', { textContent: term }), el('dd', { textContent: value }));
  }
  const histogram = el('table', { className: 'profile__histogram' });
  histogram.append(el('caption', { textContent: w.results.profileHistogram(field.name) }));
  const head = el('tr');
  head.append(el('th', { scope: 'col', textContent: w.results.profileValue }), el('th', { scope: 'col', textContent: w.results.profileCount, className: 'num' }));
  histogram.append(el('thead'), el('tbody'));
  histogram.tHead!.append(head);
  const most = Math.max(1, ...p.bars.map((b) => b.count));
  for (const bar of p.bars) {
    const tr = el('tr');
    const count = el('td', { className: 'num' });
    const fill = el('span', { className: 'profile__bar' });
    fill.setAttribute('aria-hidden', 'true');
    fill.style.width = `${(bar.count / most) * 8}rem`;
    count.append(fill, el('span', { textContent: formatResultNumber(bar.count) }));
    tr.append(el('th', { scope: 'row', textContent: bar.label }), count);
    histogram.tBodies[0].append(tr);
  }
  const close = el('button', { type: 'button', className: 'button button--secondary', textContent: w.results.profileClose });
  close.addEventListener('click', () => {
    box.hidden = true;
    box.replaceChildren();
    (grid as unknown as { root: HTMLElement }).root?.focus?.();
  });
  box.replaceChildren(heading, facts, histogram, close);
  box.hidden = false;
  box.scrollIntoView({ block: 'nearest' });
  heading.tabIndex = -1;
  heading.focus();
}
