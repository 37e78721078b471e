// A searchable unit list: with many units (e.g. every kommun and stadsdel), a search box above the
// <select name="enhet"> narrows its options to those whose name or code contains what is typed. The
// select stays the control that is submitted (the form works the same with or without the search), and
// a polite live region says how many units match.

import type { FilterOption } from '../../views/view.ts';
import { dashboard as words } from '../../i18n/dashboard.ts';

export interface UnitSearch {
  /** New options (after a filter change), with the selected value. */
  setOptions(options: readonly FilterOption[], value: string): void;
}

/** Case- and accent-insensitive text to match on ("Östermalm" → "ostermalm"). */
export function searchKey(text: string): string {
  return text.toLocaleLowerCase('sv-SE').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** The options whose label or value contains every word of the query. */
export function matchOptions(options: readonly FilterOption[], query: string): FilterOption[] {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...options];
  return options.filter((o) => {
    const key = searchKey(`${o.label} ${o.value}`);
    return words.every((w) => key.includes(w));
  });
}

/** <option>s for a select, those with a `group` in <optgroup>s; `value` is selected. */
export function optionNodes(options: readonly FilterOption[], value: string): Node[] {
  const nodes: Node[] = [];
  let group: HTMLOptGroupElement | null = null;
  for (const o of options) {
    const option = new Option(o.label, o.value, false, o.value === value);
    if (o.group === undefined) {
      group = null;
      nodes.push(option);
      continue;
    }
    if (!group || group.label !== o.group) {
      group = document.createElement('optgroup');
      group.label = o.group;
      nodes.push(group);
    }
    group.append(option);
  }
  return nodes;
}

export function enhanceUnitSearch(form: HTMLFormElement): UnitSearch | null {
  const box = form.querySelector<HTMLElement>('[data-unit-search]');
  const input = box?.querySelector<HTMLInputElement>('input[type="search"]');
  const count = box?.querySelector<HTMLElement>('[aria-live]');
  const select = form.querySelector<HTMLSelectElement>('select[name="enhet"]');
  if (!box || !input || !select) return null;
  const from = Number(box.dataset.searchFrom ?? 12);

  const read = (): FilterOption[] =>
    [...select.options].map((o) => ({
      value: o.value,
      label: o.text,
      ...(o.parentElement instanceof HTMLOptGroupElement ? { group: o.parentElement.label } : {}),
    }));
  let all = read();

  const build = (options: readonly FilterOption[], value: string) => {
    select.replaceChildren(...optionNodes(options, value));
    // Keep the chosen unit when it still matches; else the first match is chosen.
    if (options.some((o) => o.value === value)) select.value = value;
  };

  const filter = () => {
    const matches = matchOptions(all, input.value);
    if (count) count.textContent = input.value.trim() ? words.filters.unitMatches(matches.length) : '';
    // No match: keep the whole list rather than an empty, unusable select.
    build(matches.length ? matches : all, select.value);
    select.dataset.options = '';
  };

  const show = () => {
    box.hidden = all.length < from;
  };
  input.addEventListener('input', filter);
  show();

  return {
    setOptions(options, value) {
      all = [...options];
      show();
      if (input.value.trim()) filter();
      else select.value = value;
    },
  };
}
