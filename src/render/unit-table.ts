// Units side by side (src/views/compare/table.ts) as markup: a real <table> with a caption, the units as
// row headers in the order of their codes, numbers right-aligned with their value in `data-value` for
// sorting, a hidden value as its marker ("× Skyddad av sekretess"), the parent's total in the <tfoot> (it
// stays there when the rows are sorted), the notes and source under it and the table as CSV. Sorting is
// added by the browser (src/client/dashboard/sort-table.ts); without JavaScript the order is the codes'.

import { markerGlyph } from '../charts/theme.ts';
import { compareWords as w } from '../i18n/compare.ts';
import { dashboard as words } from '../i18n/dashboard.ts';
import type { HierarchyTable } from '../views/compare/hierarchy.ts';
import type { UnitTable, UnitTableCell, UnitTableRow } from '../views/compare/table.ts';
import { csvHref } from './figure.ts';
import { attrs, html, type Html } from './html.ts';

function cellHtml(cell: UnitTableCell, compact = false): Html {
  if (cell.marker && compact) {
    // Many columns: the glyph alone, as the committee tables write `*`; the words for screen readers and the legend below.
    return html`<td class="num marker" data-markering="${cell.marker}"><span aria-hidden="true" title="${cell.text}">${markerGlyph(cell.marker).text}</span><span class="visually-hidden">${cell.text}</span></td>`;
  }
  if (cell.marker) {
    return html`<td class="num marker" data-markering="${cell.marker}"><span aria-hidden="true">${markerGlyph(cell.marker).text}\u00a0</span>${cell.text}</td>`;
  }
  return html`<td${attrs({ class: 'num', 'data-value': cell.value ?? undefined })}>${cell.text}</td>`;
}

function rowHtml(row: UnitTableRow, total: boolean, compact: boolean): Html {
  const cls = [total ? 'unit-table__total' : '', row.highlighted ? 'unit-table__highlight' : ''].filter(Boolean).join(' ') || undefined;
  const name = row.highlighted ? html`<strong>${row.name}</strong>` : html`${row.name}`;
  return html`<tr${attrs({ class: cls, 'data-enhet': row.enhetskod, 'aria-current': row.highlighted ? 'true' : undefined })}><td class="unit-table__code">${row.enhetskod}</td><th scope="row">${name}</th>${row.cells.map((c) => cellHtml(c, compact))}</tr>`;
}

/** The table with its notes, source and CSV download. */
export function unitTableHtml(table: UnitTable): Html {
  const captionId = `${table.id}-rubrik`;
  const head = [w.codeHeader, w.unitHeader, ...table.columns].map((label, i) =>
    html`<th scope="col"${attrs({ class: i >= 2 ? 'num' : undefined, 'data-sort-column': i, 'data-sort-type': i === 1 ? 'text' : i === 0 ? 'code' : 'number' })}>${label}</th>`,
  );
  // More than four columns of figures: markers as glyphs with a legend (the table must fit a printed page).
  const compact = table.columns.length > 4;
  const foot = table.totals.length ? html`<tfoot>${table.totals.map((r) => rowHtml(r, true, compact))}</tfoot>` : '';
  const markers = [...new Map([...table.rows, ...table.totals].flatMap((r) => r.cells).filter((c) => c.marker).map((c) => [c.marker as string, c.text])).entries()];
  const legend = compact && markers.length
    ? html`<p class="chart-figure__note unit-table__legend">${markers.map(([code, text], i) => html`${i ? ' · ' : ''}<span aria-hidden="true">${markerGlyph(code).text}</span> ${text}`)}</p>`
    : '';
  const mark = `${words.figure.invented}.`;
  const flag = table.invented && table.source.startsWith(mark) ? html`<strong>${mark}</strong>${table.source.slice(mark.length)}` : html`${table.source}`;
  return html`<div class="unit-table" data-unit-table="${table.id}"><div class="table-scroll" role="region" aria-labelledby="${captionId}" tabindex="0"><table class="data-table unit-table__table" data-sortable><caption id="${captionId}">${table.caption}<span class="data-table__sub unit-table__hint">${w.sortHint}</span></caption><thead><tr>${head}</tr></thead><tbody>${table.rows.map((r) => rowHtml(r, false, compact))}</tbody>${foot}</table></div>${legend}${table.notes.map((n) => html`<p class="chart-figure__note">${n}</p>`)}<p class="chart-figure__source">${flag}</p><p class="chart-figure__downloads"><a class="chart-figure__download" download="${table.file}.csv" href="${csvHref(table.csv)}" data-download="csv">${w.csv}</a></p></div>`;
}

/** The region: the table, or the sentence that stands in for it. */
export function unitTableRegionHtml(table: UnitTable | null, none: string): Html {
  return table ? unitTableHtml(table) : html`<p>${none}</p>`;
}

/** "Kommunen – Länet – Riket": the unit first, then the units above it, with the difference where it means something. */
export function hierarchyHtml(table: HierarchyTable): Html {
  const captionId = `${table.id}-rubrik`;
  const diff = table.differenceHeader !== null;
  const rows = table.rows.map(
    (r) =>
      html`<tr${attrs({ 'data-enhet': r.enhetskod, class: r.own ? 'unit-table__highlight' : undefined })}><th scope="row">${r.level}<span class="hierarchy-table__name">${r.name}</span></th>${cellHtml(r.cell)}${diff ? html`<td class="num" data-skillnad>${r.difference ?? w.hierarchy.same}</td>` : ''}</tr>`,
  );
  return html`<div class="hierarchy" data-hierarchy="${table.id}"><div class="table-scroll" role="region" aria-labelledby="${captionId}" tabindex="0"><table class="data-table hierarchy-table"><caption id="${captionId}">${table.caption}</caption><thead><tr><th scope="col">${w.hierarchy.unitHeader}</th><th scope="col" class="num">${table.valueHeader}</th>${diff ? html`<th scope="col" class="num">${table.differenceHeader}</th>` : ''}</tr></thead><tbody>${rows}</tbody></table></div>${table.notes.map((n) => html`<p class="chart-figure__note">${n}</p>`)}</div>`;
}
