// The list of recent queries (localStorage): each one loads into the editor; a button clears the list.

import { addToHistory, browserHistoryStore, historyLabel, type HistoryEntry } from './url-state.ts';
import { safeStorage } from './dom.ts';
import type { SqlEditor } from './editor.ts';

export interface HistoryPanel {
  /** Remembers a query that is run. */
  add(sql: string): void;
}

function entryItem(entry: HistoryEntry, load: (sql: string) => void): HTMLLIElement {
  const li = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'history__load';
  button.textContent = historyLabel(entry.sql);
  button.title = entry.sql;
  button.addEventListener('click', () => load(entry.sql));
  const time = document.createElement('time');
  time.dateTime = entry.at;
  time.textContent = new Date(entry.at).toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' });
  li.append(button, ' ', time);
  return li;
}

export function historyPanel(root: HTMLDetailsElement, editor: SqlEditor, textarea: HTMLTextAreaElement): HistoryPanel {
  const store = browserHistoryStore(safeStorage());
  const clear = root.querySelector('.history__clear') as HTMLButtonElement;
  const load = (sql: string) => {
    editor.value = sql;
    editor.focus();
  };
  const render = (list: readonly HistoryEntry[]) => {
    (root.querySelector('ol') as HTMLOListElement).replaceChildren(...list.map((e) => entryItem(e, load)));
    (root.querySelector('.history__empty') as HTMLElement).hidden = list.length > 0;
    clear.hidden = list.length === 0;
  };
  clear.addEventListener('click', () => {
    store.save([]);
    render([]);
  });
  render(store.load());
  return {
    add(sql) {
      const list = addToHistory(store.load(), sql, new Date().toISOString());
      store.save(list);
      render(list);
    },
  };
}
