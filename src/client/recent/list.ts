// A short list of recent items kept in this browser only (localStorage): the SQL page's last queries and
// the table builder's last tables (a choice's fragment). Newest first, each once, a size and a longest
// item per list. Pure except `browserRecentStore`.

export interface RecentEntry {
  /** The item itself: a query, a table's fragment. */
  text: string;
  /** ISO timestamp of the last use. */
  at: string;
}

export interface RecentList {
  /** The localStorage key. */
  key: string;
  /** At most this many entries. */
  size: number;
  /** Longer items are used but not kept, so the list stays small. */
  maxLength: number;
}

/** The list with `text` first (moved there if it was already in it), at most `list.size` long. */
export function addRecent(list: readonly RecentEntry[], text: string, at: string, options: RecentList): RecentEntry[] {
  const item = text.trim();
  if (!item || item.length > options.maxLength) return [...list];
  return [{ text: item, at }, ...list.filter((e) => e.text !== item)].slice(0, options.size);
}

/**
 * The stored list, tolerating anything (another version's format, a hand-edited value). The SQL page's
 * earlier entries ({ sql, at }) are read as they were.
 */
export function parseRecent(stored: string | null, size: number): RecentEntry[] {
  if (!stored) return [];
  try {
    const value = JSON.parse(stored) as unknown;
    if (!Array.isArray(value)) return [];
    return value
      .map((e) => {
        if (!e || typeof e !== 'object') return null;
        const { text, sql, at } = e as Record<string, unknown>;
        const item = typeof text === 'string' ? text : sql;
        return typeof item === 'string' && typeof at === 'string' ? { text: item, at } : null;
      })
      .filter((e): e is RecentEntry => e !== null)
      .slice(0, size);
  } catch {
    return [];
  }
}

export interface RecentStore {
  load(): RecentEntry[];
  save(list: readonly RecentEntry[]): void;
}

/** localStorage, or nothing when the browser refuses it (private mode, policy): the page works without. */
export function browserRecentStore(storage: Storage | null, options: RecentList): RecentStore {
  return {
    load() {
      try {
        return parseRecent(storage?.getItem(options.key) ?? null, options.size);
      } catch {
        return [];
      }
    },
    save(list) {
      try {
        if (list.length) storage?.setItem(options.key, JSON.stringify(list));
        else storage?.removeItem(options.key);
      } catch {
        /* full or forbidden: the list is a convenience */
      }
    },
  };
}

export function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
