// The list of recent items in its <details> (src/components/RecentList.astro): each entry a button that
// loads it, its time, and a button that clears the list. Shared by the SQL page and the table builder.

import { addRecent, browserRecentStore, safeStorage, type RecentEntry, type RecentList } from './list.ts';

export interface RecentPanel {
  /** Remembers an item that was used (a query run, a table shown). */
  add(text: string): void;
}

export interface RecentPanelOptions {
  list: RecentList;
  /** The entry's one line in the list. */
  label: (text: string) => string;
  /** Shown on hover (the whole query). */
  title?: (text: string) => string;
  /** What a press on the entry does. */
  load: (text: string) => void;
}

function entryItem(entry: RecentEntry, options: RecentPanelOptions): HTMLLIElement {
  const li = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'history__load';
  button.textContent = options.label(entry.text);
  if (options.title) button.title = options.title(entry.text);
  button.addEventListener('click', () => options.load(entry.text));
  const time = document.createElement('time');
  time.dateTime = entry.at;
  time.textContent = new Date(entry.at).toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' });
  li.append(button, ' ', time);
  return li;
}

export function recentPanel(root: HTMLElement, options: RecentPanelOptions): RecentPanel {
  const store = browserRecentStore(safeStorage(), options.list);
  const clear = root.querySelector('.history__clear') as HTMLButtonElement;
  const render = (list: readonly RecentEntry[]) => {
    (root.querySelector('ol') as HTMLOListElement).replaceChildren(...list.map((e) => entryItem(e, options)));
    (root.querySelector('.history__empty') as HTMLElement).hidden = list.length > 0;
    clear.hidden = list.length === 0;
  };
  clear.addEventListener('click', () => {
    store.save([]);
    render([]);
  });
  render(store.load());
  return {
    add(text) {
      const list = addRecent(store.load(), text, new Date().toISOString(), options.list);
      store.save(list);
      render(list);
    },
  };
}
