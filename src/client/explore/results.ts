// A query's answer on the SQL page: the result grid, its summary, the quick chart and the downloads (CSV,
// Arrow); a DuckDB error with its line and column, marked in the editor. The table below always answers the
// query in the editor: a failed or cancelled run leaves none.

import type { Table } from 'apache-arrow';
import { exploreWords as w } from '../../i18n/explore.ts';
import { resultRows } from './cells.ts';
import type { QuickChart } from './chart.ts';
import type { ChartChoice } from './chart-data.ts';
import { byId } from './dom.ts';
import type { SqlEditor } from './editor.ts';
import { download, fileStem, resultArrow, resultCsv } from './export.ts';
import { parseDuckDbError } from './sql-error.ts';
import type { ExploreStatus } from './status.ts';

export interface Results {
  show(table: Table, truncated: boolean, ms: number, hint: Partial<ChartChoice> | null): Promise<void>;
  clear(): void;
  error(error: unknown, sql: string): void;
  clearError(): void;
}

export function results(chart: QuickChart, editor: SqlEditor, status: ExploreStatus): Results {
  const summary = byId('results-summary');
  const actions = byId('results-actions');
  const gridRoot = byId('result-grid');
  // The alert region stays in the page and gets its content, so screen readers announce it.
  const errorBox = byId('query-error');
  const errorTemplate = byId<HTMLTemplateElement>('query-error-template');
  let grid: import('./grid.ts').ResultGrid | null = null;
  let current: Table | null = null;

  byId('download-csv').addEventListener('click', () => {
    if (current) download(resultCsv(current), `${fileStem(w.results.fileStem, new Date())}.csv`, 'text/csv;charset=utf-8');
  });
  byId('download-arrow').addEventListener('click', () => {
    if (current) download(resultArrow(current), `${fileStem(w.results.fileStem, new Date())}.arrow`, 'application/vnd.apache.arrow.file');
  });

  return {
    async show(table, truncated, ms, hint) {
      current = table;
      const { ResultGrid } = await import('./grid.ts');
      grid ??= new ResultGrid(gridRoot, w.results);
      const rows = table.numRows;
      const columns = table.schema.fields.map((f) => f.name);
      grid.show(table, w.results.rowCountNote(rows, columns.length));
      summary.textContent = w.results.rowCountNote(rows, columns.length);
      actions.hidden = rows === 0 && columns.length === 0;
      status.say(truncated ? w.status.truncated(rows) : rows ? w.status.done(rows, ms) : w.status.doneNoRows(ms));
      chart.show(columns, rows <= 10_000 ? resultRows(table) : [], rows, hint);
    },
    clear() {
      current = null;
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
      errorBox.replaceChildren(box);
      editor.markError(e.offset);
      status.say('');
      status.set('error');
    },
    clearError() {
      errorBox.replaceChildren();
    },
  };
}
