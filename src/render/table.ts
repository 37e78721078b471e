// A figure's data table, the chart's accessible alternative: a real <table> with a caption, the first
// column as row headers, numbers right-aligned, and a hidden value as its marker (glyph hidden from
// screen readers, the words read out), never as a number.

import type { Cell } from '../charts/table.ts';
import { markerGlyph } from '../charts/theme.ts';
import { dashboard as words } from '../i18n/dashboard.ts';
import type { FigureModel, FigureTable } from '../views/figure.ts';
import { html, type Html } from './html.ts';

/** A value cell: a number, an empty cell outside a series, or a marker. */
export function cellHtml(cell: Cell, numeric: boolean): Html {
  if (cell.marker) {
    return html`<td class="num marker" data-markering="${cell.marker}"><span aria-hidden="true">${markerGlyph(cell.marker).text}\u00a0</span>${cell.text}</td>`;
  }
  return numeric ? html`<td class="num">${cell.text}</td>` : html`<td>${cell.text}</td>`;
}

function rowHtml(row: readonly Cell[], numericFrom: number): Html {
  return html`<tr>${row.map((cell, i) => (i === 0 ? html`<th scope="row">${cell.text}</th>` : cellHtml(cell, i >= numericFrom)))}</tr>`;
}

/** The table in a <details> ("Visa siffrorna som tabell"), scrollable on a narrow screen. */
export function figureTableHtml(model: Pick<FigureModel, 'id' | 'title' | 'subtitle'>, table: FigureTable): Html {
  const captionId = `${model.id}-tabell`;
  const head = table.header.map((h, i) => (i >= table.numericFrom ? html`<th scope="col" class="num">${h}</th>` : html`<th scope="col">${h}</th>`));
  return html`<details class="chart-figure__table"><summary>${words.figure.showTable}</summary><div class="table-scroll" role="region" aria-labelledby="${captionId}" tabindex="0"><table class="data-table"><caption id="${captionId}">${model.title}<span class="data-table__sub">${model.subtitle}</span></caption><thead><tr>${head}</tr></thead><tbody>${table.rows.map((r) => rowHtml(r, table.numericFrom))}</tbody></table></div></details>`;
}
