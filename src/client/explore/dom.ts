// Small helpers the SQL page's modules share: an element by id (a missing one is a bug in the page).

export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
}
