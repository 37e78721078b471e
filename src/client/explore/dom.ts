// Small helpers the SQL page's modules share: an element by id (a missing one is a bug in the page), and
// the browser's storage where the browser allows it.

export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
}

export function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
