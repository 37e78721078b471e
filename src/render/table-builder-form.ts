// The table builder's choices as markup, from the catalog and the current choice: the dataset, then one
// fieldset per variable (units with a search box, the period as a from–to range, the others as check
// boxes), each with where it goes (rows or columns). Plain form controls, so the keyboard and screen
// readers work as everywhere else: Tab between fields, Space on a box, arrows in a list.

import { tableBuilderWords as w } from '../i18n/table-builder.ts';
import type { BuilderCatalog, BuilderDataset, BuilderVariable } from '../views/table-builder/catalog.ts';
import { chosenCodes, type Choice } from '../views/table-builder/choice.ts';
import { attrs, html, type Html } from './html.ts';

function axisSelect(variable: BuilderVariable, choice: Choice): Html {
  const id = `axis-${variable.column}`;
  const onColumns = choice.columns.includes(variable.column);
  return html`<p class="builder__axis"><label for="${id}">${w.form.placement}</label> <select id="${id}" data-axis="${variable.column}"><option value="rows"${attrs({ selected: !onColumns })}>${w.form.rows}</option><option value="columns"${attrs({ selected: onColumns })}>${w.form.columns}</option></select></p>`;
}

function countText(dataset: BuilderDataset, choice: Choice, variable: BuilderVariable): string {
  return w.form.chosen(chosenCodes(dataset, choice, variable.column).length, variable.values.length);
}

function checkboxes(variable: BuilderVariable, choice: Choice): Html {
  const chosen = new Set(choice.values[variable.column] ?? []);
  // The chosen units first, so the one chosen among hundreds is in sight; other variables in their order.
  const order = variable.column === 'enhetskod'
    ? [...variable.values.keys()].sort((a, b) => Number(chosen.has(variable.values[b].code)) - Number(chosen.has(variable.values[a].code)))
    : [...variable.values.keys()];
  return html`<ul class="builder__values" data-values="${variable.column}">${order.map((i) => {
    const v = variable.values[i];
    const id = `v-${variable.column}-${i}`;
    const search = variable.column === 'enhetskod' ? `${v.code} ${v.label}`.toLocaleLowerCase('sv-SE') : null;
    return html`<li${attrs({ 'data-search': search })}><input type="checkbox"${attrs({ id, name: variable.column, value: v.code, checked: chosen.has(v.code) })}> <label for="${id}">${variable.column === 'enhetskod' ? `${v.label} (${v.code})` : v.label}</label></li>`;
  })}</ul>`;
}

function periodRange(variable: BuilderVariable, choice: Choice): Html {
  const select = (id: string, label: string, selected: string, key: string) =>
    html`<span class="builder__range-end"><label for="${id}">${label}</label> <select id="${id}" data-period="${key}">${variable.values.map((v) => html`<option value="${v.code}"${attrs({ selected: v.code === selected })}>${v.label}</option>`)}</select></span>`;
  return html`<div class="builder__range">${select('period-from', w.form.from, choice.from, 'from')} ${select('period-to', w.form.to, choice.to, 'to')}</div>`;
}

function variableHtml(dataset: BuilderDataset, choice: Choice, variable: BuilderVariable): Html {
  const c = variable.column;
  const legendId = `legend-${c}`;
  const bulk = html`<p class="builder__bulk"><button type="button" class="button button--secondary button--small" data-all="${c}" aria-describedby="${legendId}">${w.form.all}</button> <button type="button" class="button button--secondary button--small" data-none="${c}" aria-describedby="${legendId}">${w.form.none}</button></p>`;
  const search = c === 'enhetskod'
    ? html`<p class="builder__search"><label for="unit-search">${w.form.unitSearch}</label> <input type="search" id="unit-search" autocomplete="off" aria-describedby="unit-search-hint unit-search-count"><span class="builder__hint" id="unit-search-hint">${w.form.unitSearchHint}</span> <span class="builder__hint" id="unit-search-count" aria-live="polite">${w.form.unitsShown(variable.values.length, variable.values.length)}</span></p>`
    : '';
  const body = c === 'period' ? periodRange(variable, choice) : html`${search}${bulk}${checkboxes(variable, choice)}`;
  return html`<fieldset class="builder__variable" data-variable="${c}"><legend id="${legendId}">${variable.label} <span class="builder__count" data-count="${c}">${countText(dataset, choice, variable)}</span></legend>${body}${axisSelect(variable, choice)}</fieldset>`;
}

/** The whole form's inside (the <form> itself is in the page, so it exists before the script runs). */
export function builderFormHtml(catalog: BuilderCatalog, dataset: BuilderDataset, choice: Choice): Html {
  return html`<p class="builder__dataset"><label for="builder-dataset">${w.form.dataset}</label> <select id="builder-dataset">${catalog.map((d) => html`<option value="${d.name}"${attrs({ selected: d.name === dataset.name })}>${d.title}</option>`)}</select></p><div class="builder__variables">${dataset.variables.map((v) => variableHtml(dataset, choice, v))}</div><p class="builder__hint">${w.form.placementHint}</p><p class="builder__actions"><button type="submit" class="button" id="builder-show">${w.form.show}</button> <button type="button" class="button button--secondary" id="builder-swap">${w.form.swap}</button></p>`;
}

/** The count beside a variable's name, after a change. */
export { countText as variableCountText };
