// The schema browser's markup, built with DOM calls on any document: the build's server-side document
// (the list on the page without JavaScript) and the browser's (the live list, with insert buttons and the
// analyst's own tables). One function, so both look the same.

import { exploreWords } from '../../i18n/explore.ts';
import type { SchemaObject } from './schema.ts';

const w = exploreWords.schema;

export interface SchemaViewOptions {
  /** Names are buttons that insert them into the query. */
  interactive: boolean;
  /** Show the group of the analyst's own tables (even when empty). */
  showOwn: boolean;
}

function nameElement(doc: Document, name: string, interactive: boolean, className: string): HTMLElement {
  const code = doc.createElement('code');
  code.textContent = name;
  if (!interactive) {
    code.className = className;
    // The page's script turns it into an insert button (upgradeNames) before the engine runs.
    code.dataset.insert = name;
    return code;
  }
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = `${className} insert`;
  button.dataset.insert = name;
  button.setAttribute('aria-label', w.insert(name));
  button.append(code);
  return button;
}

/** The object's name, kind and row count. */
function itemHead(doc: Document, o: SchemaObject, options: SchemaViewOptions): HTMLElement {
  const head = doc.createElement('div');
  head.className = 'schema__head';
  head.append(nameElement(doc, o.name, options.interactive, 'schema__name'));
  const meta = doc.createElement('span');
  meta.className = 'schema__meta';
  meta.append(o.kind === 'view' ? w.view : w.table);
  if (o.rows !== null) {
    const rows = doc.createElement('span');
    rows.dataset.rows = String(o.rows);
    rows.textContent = w.rows(o.rows);
    meta.append(', ', rows);
  }
  head.append(' ', meta);
  return head;
}

/** One column: its name, its type and what it means. */
function columnItem(doc: Document, c: SchemaObject['columns'][number], options: SchemaViewOptions): HTMLLIElement {
  const col = doc.createElement('li');
  col.append(nameElement(doc, c.name, options.interactive, 'schema__col'));
  const type = doc.createElement('span');
  type.className = 'schema__type';
  type.textContent = c.type;
  col.append(' ', type);
  if (c.description) {
    const d = doc.createElement('span');
    d.className = 'schema__desc';
    d.textContent = c.description;
    col.append(d);
  }
  return col;
}

/** The columns in a <details>, with the qualified name when it differs. */
function itemColumns(doc: Document, o: SchemaObject, options: SchemaViewOptions): HTMLDetailsElement {
  const details = doc.createElement('details');
  details.className = 'schema__columns';
  const summary = doc.createElement('summary');
  summary.textContent = w.columnsSummary(o.columns.length);
  details.append(summary);
  if (o.qualified !== o.name) {
    const q = doc.createElement('p');
    q.className = 'schema__qualified';
    const code = doc.createElement('code');
    code.textContent = o.qualified;
    q.append(`${w.qualifiedLabel} `, code);
    details.append(q);
  }
  const list = doc.createElement('ul');
  list.className = 'schema__cols';
  list.setAttribute('aria-label', w.columnsCaption(o.name));
  list.append(...o.columns.map((c) => columnItem(doc, c, options)));
  details.append(list);
  return details;
}

function item(doc: Document, o: SchemaObject, options: SchemaViewOptions): HTMLLIElement {
  const li = doc.createElement('li');
  li.className = 'schema__item';
  li.dataset.object = o.qualified;
  li.append(itemHead(doc, o, options));
  if (o.description) {
    const p = doc.createElement('p');
    p.className = 'schema__about';
    p.textContent = o.description;
    li.append(p);
  }
  li.append(itemColumns(doc, o, options));
  return li;
}

function group(doc: Document, title: string, objects: SchemaObject[], options: SchemaViewOptions, empty: string): HTMLElement[] {
  const h = doc.createElement('h3');
  h.className = 'schema__group';
  h.textContent = title;
  if (!objects.length) {
    const p = doc.createElement('p');
    p.className = 'muted schema__empty';
    p.textContent = empty;
    return [h, p];
  }
  const ul = doc.createElement('ul');
  ul.className = 'schema__list';
  for (const o of objects) ul.append(item(doc, o, options));
  return [h, ul];
}

/** Turns the names of a list rendered without interaction (at build time) into insert buttons. */
export function upgradeNames(root: ParentNode): void {
  for (const code of root.querySelectorAll<HTMLElement>('code[data-insert]')) {
    const name = code.dataset.insert ?? '';
    const doc = code.ownerDocument;
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = `${code.className} insert`;
    button.dataset.insert = name;
    button.setAttribute('aria-label', w.insert(name));
    const inner = doc.createElement('code');
    inner.textContent = name;
    button.append(inner);
    code.replaceWith(button);
  }
}

/**
 * Puts a freshly rendered list in place of the old one, keeping what the analyst had open and where the
 * keyboard focus was (the list is read again after every query that may change the tables).
 */
export function replaceSchema(container: HTMLElement, fresh: HTMLElement): void {
  const key = (el: Element | null) => {
    const item = el?.closest<HTMLElement>('[data-object]');
    if (!item) return null;
    const insert = el?.closest<HTMLElement>('[data-insert]')?.dataset.insert;
    return { object: item.dataset.object ?? '', what: insert !== undefined ? `insert:${insert}` : el?.closest('summary') ? 'summary' : '' };
  };
  const open = new Set([...container.querySelectorAll<HTMLElement>('[data-object]')].filter((li) => li.querySelector('details[open]')).map((li) => li.dataset.object));
  const active = container.ownerDocument.activeElement;
  const focused = active && container.contains(active) ? key(active) : null;
  for (const li of fresh.querySelectorAll<HTMLElement>('[data-object]')) {
    if (open.has(li.dataset.object)) li.querySelector('details')?.setAttribute('open', '');
  }
  container.replaceChildren(fresh);
  if (focused) {
    const item = [...container.querySelectorAll<HTMLElement>('[data-object]')].find((li) => li.dataset.object === focused.object);
    const target = focused.what === 'summary'
      ? item?.querySelector<HTMLElement>('summary')
      : [...(item?.querySelectorAll<HTMLElement>('button[data-insert]') ?? [])].find((b) => `insert:${b.dataset.insert}` === focused.what);
    target?.focus();
  }
}

/** The list of tables: published first, then (in the browser) the analyst's own. */
export function renderSchema(doc: Document, objects: readonly SchemaObject[], options: SchemaViewOptions): HTMLElement {
  const root = doc.createElement('div');
  root.className = 'schema';
  root.append(...group(doc, w.published, objects.filter((o) => o.published), options, ''));
  if (options.showOwn) root.append(...group(doc, w.own, objects.filter((o) => !o.published), options, w.noOwn));
  return root;
}
