// The results table: a real <table> (header cells, row indices for screen readers) that draws only the rows
// in view, so 100 000 rows or more cost the page no more than a screenful. Values are read from the Arrow
// columns when a row comes into view, not converted up front. Rows have one fixed height (long text is cut
// with "…" and shown whole in a tooltip), which is what lets the scroll position name the row.

import type { Table, Vector } from 'apache-arrow';
import { columnInfos, showCell, type ColumnInfo } from './cells.ts';
import { sortOrder } from './profile.ts';

/** A column's type in DuckDB's words, from Arrow's: Int32 → INTEGER, Utf8 → VARCHAR … */
export function typeName(type: unknown): string {
  const t = String(type);
  const known: Record<string, string> = {
    Int8: 'TINYINT', Int16: 'SMALLINT', Int32: 'INTEGER', Int64: 'BIGINT', Uint8: 'UTINYINT', Uint16: 'USMALLINT', Uint32: 'UINTEGER', Uint64: 'UBIGINT',
    Float32: 'FLOAT', Float64: 'DOUBLE', Utf8: 'VARCHAR', LargeUtf8: 'VARCHAR', Bool: 'BOOLEAN', Null: 'NULL',
  };
  if (known[t]) return known[t];
  if (/^Date/.test(t)) return 'DATE';
  if (/^Timestamp/.test(t)) return 'TIMESTAMP';
  if (/^Decimal/.test(t)) return 'DECIMAL';
  if (/^List/.test(t)) return 'LIST';
  if (/^Struct/.test(t)) return 'STRUCT';
  return t.toUpperCase();
}

export interface GridWords {
  nullValue: string;
  yes: string;
  no: string;
  sortBy: (name: string) => string;
  profile: string;
  profileFor: (name: string) => string;
}

export interface GridOptions {
  /** "Profil" was pressed in column `index`'s header. */
  onProfile?: (index: number) => void;
}

/** Rows drawn above and below the visible ones, so a fast scroll does not show blank space. */
const OVERSCAN = 12;
/** Rows read to size the columns. */
const SAMPLE = 200;
const MIN_CH = 4;
const MAX_CH = 36;

export class ResultGrid {
  private readonly root: HTMLElement;
  private readonly words: GridWords;
  private readonly doc: Document;
  private table: Table | null = null;
  private infos: ColumnInfo[] = [];
  private vectors: (Vector | null)[] = [];
  private element: HTMLTableElement | null = null;
  private body: HTMLTableSectionElement | null = null;
  private top: HTMLTableRowElement | null = null;
  private bottom: HTMLTableRowElement | null = null;
  private rowHeight = 0;
  private first = -1;
  private last = -1;
  private frame = 0;
  /** The rows in the order shown (a sort by a column), or null for the query's own order. */
  private order: Uint32Array | null = null;
  private sorted: { column: number; direction: 'ascending' | 'descending' } | null = null;
  private readonly options: GridOptions;

  constructor(root: HTMLElement, words: GridWords, options: GridOptions = {}) {
    this.root = root;
    this.words = words;
    this.options = options;
    this.doc = root.ownerDocument;
    root.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-sort], button[data-profile]');
      if (!button || !this.table) return;
      if (button.dataset.sort !== undefined) this.sortBy(Number(button.dataset.sort));
      else this.options.onProfile?.(Number(button.dataset.profile));
    });
    root.addEventListener('scroll', () => this.schedule(), { passive: true });
    root.ownerDocument.defaultView?.addEventListener('resize', () => this.schedule());
  }

  get rowCount(): number {
    return this.table?.numRows ?? 0;
  }

  clear(): void {
    this.table = null;
    this.root.replaceChildren();
    this.root.hidden = true;
  }

  /** Every value of column `index` in the query's order (for a sort or a profile). */
  values(index: number): unknown[] {
    const vector = this.vectors[index];
    const n = this.table?.numRows ?? 0;
    const out = new Array<unknown>(n);
    for (let r = 0; r < n; r++) out[r] = vector?.get(r) ?? null;
    return out;
  }

  /** Sorts by column `index`: ascending first, descending on the next press, and so on. */
  sortBy(index: number): void {
    const direction = this.sorted?.column === index && this.sorted.direction === 'ascending' ? 'descending' : 'ascending';
    this.order = sortOrder(this.values(index), direction);
    this.sorted = { column: index, direction };
    for (const th of this.element?.tHead?.querySelectorAll<HTMLElement>('th') ?? []) {
      th.setAttribute('aria-sort', Number(th.dataset.column) === index ? direction : 'none');
    }
    this.first = this.last = -1;
    this.root.scrollTop = 0;
    this.render();
  }

  show(table: Table, caption: string): void {
    this.table = table;
    this.infos = columnInfos(table.schema.fields);
    this.vectors = this.infos.map((_, c) => table.getChildAt(c));
    this.first = this.last = -1;
    this.order = null;
    this.sorted = null;

    const doc = this.doc;
    const element = doc.createElement('table');
    element.className = 'grid';
    element.setAttribute('aria-rowcount', String(table.numRows + 1));
    element.setAttribute('aria-colcount', String(this.infos.length));
    const cap = doc.createElement('caption');
    cap.className = 'visually-hidden';
    cap.textContent = caption;
    element.append(cap);

    // Column widths from the header and the first rows, in characters; fixed so they do not jump on scroll.
    const widths = this.infos.map((info, c) => {
      let w = Math.max(info.name.length + 1, typeName(table.schema.fields[c].type).length, this.words.profile.length + 2);
      const n = Math.min(SAMPLE, table.numRows);
      for (let r = 0; r < n; r++) w = Math.max(w, this.cell(r, c).text.length);
      return Math.max(MIN_CH, Math.min(MAX_CH, w));
    });
    const colgroup = doc.createElement('colgroup');
    for (const w of widths) {
      const col = doc.createElement('col');
      col.style.width = `calc(${w}ch + 1.25rem)`;
      colgroup.append(col);
    }
    element.append(colgroup);
    element.style.width = `calc(${widths.reduce((a, b) => a + b, 0)}ch + ${widths.length * 1.25}rem)`;

    const head = doc.createElement('thead');
    const headRow = doc.createElement('tr');
    headRow.setAttribute('aria-rowindex', '1');
    this.infos.forEach((info, c) => {
      // The name sorts the column; under it DuckDB's type (as Arrow has it) and the button for a profile.
      const th = doc.createElement('th');
      th.scope = 'col';
      th.dataset.column = String(c);
      th.setAttribute('aria-sort', 'none');
      const sort = Object.assign(doc.createElement('button'), { type: 'button', className: 'grid__sort', title: this.words.sortBy(info.name) });
      sort.dataset.sort = String(c);
      sort.append(Object.assign(doc.createElement('span'), { className: 'grid__name', textContent: info.name }));
      const type = Object.assign(doc.createElement('span'), { className: 'grid__type', textContent: typeName(table.schema.fields[c].type) });
      const profile = Object.assign(doc.createElement('button'), { type: 'button', className: 'grid__profile', textContent: this.words.profile });
      profile.dataset.profile = String(c);
      profile.setAttribute('aria-label', this.words.profileFor(info.name));
      th.append(sort, type, profile);
      if (info.format === 'number') th.className = 'num';
      headRow.append(th);
    });
    head.append(headRow);

    const body = doc.createElement('tbody');
    this.top = this.spacer();
    this.bottom = this.spacer();
    body.append(this.top, this.bottom);
    element.append(head, body);
    this.element = element;
    this.body = body;

    this.root.replaceChildren(element);
    this.root.hidden = false;
    this.root.scrollTop = 0;
    this.root.scrollLeft = 0;
    this.rowHeight = 0;
    this.render();
  }

  /** Scrolls so that row `index` (0-based) is at the top; for tests and "go to row". */
  scrollToRow(index: number): void {
    if (!this.rowHeight) return;
    this.root.scrollTop = index * this.rowHeight;
    this.render();
  }

  private spacer(): HTMLTableRowElement {
    const tr = this.doc.createElement('tr');
    tr.className = 'grid-spacer';
    tr.setAttribute('aria-hidden', 'true');
    const td = this.doc.createElement('td');
    td.colSpan = Math.max(1, this.infos.length);
    tr.append(td);
    return tr;
  }

  private cell(shown: number, c: number) {
    const r = this.order ? this.order[shown] : shown;
    const info = this.infos[c];
    const value = this.vectors[c]?.get(r);
    const marker = info.markerIndex >= 0 && (value === null || value === undefined) ? this.vectors[info.markerIndex]?.get(r) : null;
    return showCell(value, info, marker, this.words);
  }

  private schedule(): void {
    if (this.frame || !this.table) return;
    const win = this.doc.defaultView;
    if (!win) return this.render();
    this.frame = win.requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private row(r: number): HTMLTableRowElement {
    const tr = this.doc.createElement('tr');
    tr.setAttribute('aria-rowindex', String(r + 2));
    for (let c = 0; c < this.infos.length; c++) {
      const shown = this.cell(r, c);
      const td = this.doc.createElement('td');
      td.textContent = shown.text;
      if (shown.kind !== 'text') td.className = shown.kind === 'num' ? 'num' : `cell-${shown.kind}${this.infos[c].format === 'number' ? ' num' : ''}`;
      if (shown.title) td.title = shown.title;
      tr.append(td);
    }
    return tr;
  }

  private render(): void {
    const table = this.table;
    if (!table || !this.body || !this.top || !this.bottom || !this.element) return;
    const n = table.numRows;
    if (!this.rowHeight) {
      // Draw one screenful first, then measure the real row height and draw the window properly.
      const probe = Math.min(n, 30);
      const rows = Array.from({ length: probe }, (_, r) => this.row(r));
      this.top.after(...rows);
      const h = rows[0]?.getBoundingClientRect().height ?? 0;
      this.rowHeight = h > 0 ? h : 32;
      for (const tr of rows) tr.remove();
    }
    const head = this.element.tHead?.getBoundingClientRect().height ?? 0;
    const view = this.root.clientHeight || 600;
    const start = Math.max(0, Math.floor((this.root.scrollTop - head) / this.rowHeight) - OVERSCAN);
    const end = Math.min(n, start + Math.ceil(view / this.rowHeight) + 2 * OVERSCAN);
    if (start === this.first && end === this.last) return;
    this.first = start;
    this.last = end;
    while (this.top.nextSibling && this.top.nextSibling !== this.bottom) this.top.nextSibling.remove();
    const fragment = this.doc.createDocumentFragment();
    for (let r = start; r < end; r++) fragment.append(this.row(r));
    this.top.after(fragment);
    this.setSpacer(this.top, start * this.rowHeight);
    this.setSpacer(this.bottom, (n - end) * this.rowHeight);
  }

  private setSpacer(tr: HTMLTableRowElement, px: number): void {
    tr.hidden = px <= 0;
    (tr.firstElementChild as HTMLElement).style.height = `${px}px`;
  }
}
