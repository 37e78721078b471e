// Sorting the comparison tables (`table[data-sortable]`, src/render/unit-table.ts) by any column: the
// column headers become buttons, a press sorts the rows of the <tbody> by that column (numbers by their
// `data-value`, a hidden or missing value always last, then by code), a second press reverses it, and
// `aria-sort` says the order. The parent's total in the <tfoot> stays where it is. Without JavaScript the
// table keeps the order it was built in: by the unit's code. Tables drawn later (a region redrawn after a
// filter change) are found by a MutationObserver.

import { compareWords as w } from '../../i18n/compare.ts';

type Direction = 'ascending' | 'descending';

function key(row: HTMLTableRowElement, column: number, type: string): number | string | null {
  const cell = row.cells[column];
  if (!cell) return null;
  if (type === 'number') {
    const v = cell.dataset.value;
    return v === undefined || v === '' ? null : Number(v);
  }
  return (cell.textContent ?? '').trim();
}

/** The rows in the new order: by the column's key (missing last either way), ties by the unit's code. */
export function sortedRows(rows: HTMLTableRowElement[], column: number, type: string, direction: Direction): HTMLTableRowElement[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const code = (r: HTMLTableRowElement) => r.dataset.enhet ?? '';
  return [...rows].sort((a, b) => {
    const ka = key(a, column, type);
    const kb = key(b, column, type);
    if (ka === null || kb === null) return (ka === null ? 1 : 0) - (kb === null ? 1 : 0) || code(a).localeCompare(code(b));
    const c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : String(ka).localeCompare(String(kb), 'sv');
    return sign * c || code(a).localeCompare(code(b));
  });
}

function sortBy(table: HTMLTableElement, th: HTMLTableCellElement): void {
  const column = Number(th.dataset.sortColumn);
  const type = th.dataset.sortType ?? 'text';
  const current = th.getAttribute('aria-sort');
  // Numbers start with the largest (a ranking), names and codes with A.
  const direction: Direction = current === 'descending' ? 'ascending' : current === 'ascending' ? 'descending' : type === 'number' ? 'descending' : 'ascending';
  for (const other of table.tHead?.querySelectorAll('th') ?? []) other.removeAttribute('aria-sort');
  th.setAttribute('aria-sort', direction);
  const body = table.tBodies[0];
  if (!body) return;
  body.append(...sortedRows([...body.rows], column, type, direction));
}

/** Turns the headers of a sortable table into buttons (once). */
function enhance(table: HTMLTableElement): void {
  if (table.dataset.sortReady !== undefined) return;
  table.dataset.sortReady = '';
  for (const th of table.tHead?.querySelectorAll<HTMLTableCellElement>('th[data-sort-column]') ?? []) {
    const label = th.textContent ?? '';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.textContent = label;
    button.setAttribute('aria-label', w.sortBy(label));
    th.replaceChildren(button);
    button.addEventListener('click', () => sortBy(table, th));
  }
}

export function wireSorting(root: HTMLElement): void {
  const all = () => root.querySelectorAll<HTMLTableElement>('table[data-sortable]').forEach(enhance);
  all();
  new MutationObserver(all).observe(root, { childList: true, subtree: true });
}
