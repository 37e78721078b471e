// The dashboard's filter form in the browser: shown (it needs JavaScript) inside its closed one-line box,
// its long lists (units, quarters) moved in from the end of the page, kept in step with the view shown, and read when it is
// submitted. A field without a choice for the unit stays in place, disabled, with the reason under it. A
// choice the user makes while a view is computed is kept when that view's fields arrive.

import { dashboard as words } from '../../i18n/dashboard.ts';
import type { FilterField } from '../../views/view.ts';
import { PARAM } from '../../views/url.ts';
import { enhanceUnitSearch, optionNodes, type UnitSearch } from './unit-search.ts';

export interface FilterForm {
  form: HTMLFormElement;
  /** Options, values and visibility from a view's fields. */
  sync(fields: readonly FilterField[]): void;
  /** The form's values as submitted. */
  values(): URLSearchParams;
  /** The submit button's state while a view is computed. */
  busy(busy: boolean): void;
  /** The closed line's words for what is shown. */
  shown(label: string): void;
}

/** Moves the options the built page carries after its charts (<template data-filter-options>) into their selects. */
function placeDeferredOptions(root: HTMLElement, form: HTMLFormElement): void {
  for (const template of root.querySelectorAll<HTMLTemplateElement>('template[data-filter-options]')) {
    const select = form.querySelector<HTMLSelectElement>(`select[name="${CSS.escape(template.dataset.filterOptions ?? '')}"]`);
    if (!select) continue;
    const value = select.value;
    select.replaceChildren(template.content);
    select.value = value;
    template.remove();
  }
}

function syncField(form: HTMLFormElement, field: FilterField, unitSearch: UnitSearch | null): void {
  const wrapper = form.querySelector<HTMLElement>(`[data-field="${field.name}"]`);
  const select = form.querySelector<HTMLSelectElement>(`select[name="${field.name}"]`);
  if (!wrapper || !select) return;
  const signature = JSON.stringify(field.options);
  if (select.dataset.options !== signature) {
    select.replaceChildren(...optionNodes(field.options, field.value));
    select.dataset.options = signature;
  }
  // A value chosen by the user since the view was asked for stays, if the new unit offers it.
  const own = select.dataset.chosen;
  select.value = own !== undefined && field.options.some((o) => o.value === own) ? own : field.value;
  wrapper.toggleAttribute('data-unavailable', field.hidden);
  select.disabled = field.hidden;
  const why = wrapper.querySelector<HTMLElement>('[data-field-why]');
  if (why) why.textContent = field.hidden ? words.filters.unavailable : '';
  if (field.name === PARAM.unit) unitSearch?.setOptions(field.options, field.value);
}

/** Puts the form the built page carries after its charts (<template data-filters-form>) in the closed line. */
function placeForm(root: HTMLElement): void {
  const template = root.querySelector<HTMLTemplateElement>('template[data-filters-form]');
  const box = root.querySelector<HTMLDetailsElement>('details[data-filters-box]');
  if (!template || !box) return;
  box.append(template.content);
  template.remove();
}

/** The page's filter form, shown and enhanced; null when the page has none. */
export function filterForm(root: HTMLElement): FilterForm | null {
  placeForm(root);
  const form = root.querySelector<HTMLFormElement>('form[data-filters]');
  if (!form) return null;
  placeDeferredOptions(root, form);
  form.hidden = false;
  // What the user picks is remembered until the form is submitted (see syncField).
  form.addEventListener('change', (event) => {
    const select = event.target as HTMLSelectElement;
    if (select.tagName === 'SELECT' && select.name !== PARAM.unit) select.dataset.chosen = select.value;
  });
  const shownText = root.querySelector<HTMLElement>('[data-filters-shown]');
  const unitSearch = enhanceUnitSearch(form);
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  return {
    form,
    sync: (fields) => fields.forEach((f) => syncField(form, f, unitSearch)),
    values: () => {
      for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-chosen]')) delete select.dataset.chosen;
      const values = new URLSearchParams();
      for (const [name, value] of new FormData(form)) if (typeof value === 'string') values.append(name, value);
      return values;
    },
    busy: (busy) => {
      if (submit) submit.disabled = busy;
    },
    shown: (label) => {
      if (shownText && label) shownText.textContent = label;
    },
  };
}
