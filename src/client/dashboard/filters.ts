// The dashboard's filter form in the browser: shown (it needs JavaScript), its unit list moved in from the
// end of the page, kept in step with the view shown, and read when it is submitted.

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
  select.value = field.value;
  wrapper.hidden = field.hidden;
  select.disabled = field.hidden;
  if (field.name === PARAM.unit) unitSearch?.setOptions(field.options, field.value);
}

/** The page's filter form, shown and enhanced; null when the page has none. */
export function filterForm(root: HTMLElement): FilterForm | null {
  const form = root.querySelector<HTMLFormElement>('form[data-filters]');
  if (!form) return null;
  placeDeferredOptions(root, form);
  form.hidden = false;
  const unitSearch = enhanceUnitSearch(form);
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  return {
    form,
    sync: (fields) => fields.forEach((f) => syncField(form, f, unitSearch)),
    values: () => {
      const values = new URLSearchParams();
      for (const [name, value] of new FormData(form)) if (typeof value === 'string') values.append(name, value);
      return values;
    },
    busy: (busy) => {
      if (submit) submit.disabled = busy;
    },
  };
}
