// The committee report's three-quarter comparison table (src/views/decisions/comparison.ts) as markup: a
// real <table> with a caption, row groups per SoL area, the quarter-end dates in the header, a hidden value
// written as its marker ("× Skyddad av sekretess"), never as a number, and the table as CSV.

import { toCsv, type CsvCell } from '../charts/table.ts';
import { MARKER_ORDER, markerGlyph } from '../charts/theme.ts';
import { periodEndDate } from '../data/period.ts';
import { decisionsWords as w } from '../i18n/decisions.ts';
import { formatDate, periodLabel } from '../i18n/format.ts';
import { listText, markerText } from '../i18n/text.ts';
import { isoDate } from '../queries/runner.ts';
import type { ComparisonCell, ComparisonGroup, ComparisonPart, ComparisonTable } from '../views/decisions/comparison.ts';
import { attrs, html, slug, type Html } from './html.ts';

function cellHtml(cell: ComparisonCell): Html {
  if (cell.antal === null) {
    const code = cell.markering ?? 'saknas';
    return html`<td${attrs({ class: 'num marker', 'data-period': cell.period, 'data-markering': code })}><span aria-hidden="true">${markerGlyph(code).text}\u00a0</span>${cell.text}</td>`;
  }
  const note = cell.hiddenParts
    ? html`<span class="comparison-table__ref" aria-hidden="true">*</span><span class="visually-hidden">${w.comparison.hiddenPartsRef}</span>`
    : '';
  return html`<td${attrs({ class: 'num', 'data-period': cell.period, 'data-antal': cell.antal, 'data-dolda-delar': cell.hiddenParts || undefined })}>${cell.text}${note}</td>`;
}

function headHtml(table: ComparisonTable): Html {
  const periods = table.periods.map((p) => {
    const end = isoDate(periodEndDate(p));
    return html`<th scope="col" class="num">${periodLabel(p)}<span class="comparison-table__date"><time datetime="${end}">${formatDate(end)}</time></span></th>`;
  });
  return html`<thead><tr><th scope="col">${w.comparison.insatsHeader(table.lag)}</th>${periods}</tr></thead>`;
}

function groupHtml(g: ComparisonGroup, columns: number): Html {
  const heading = g.heading ? html`<tr class="comparison-table__group"><th scope="rowgroup" colspan="${columns}">${g.heading}</th></tr>` : '';
  const rows = g.rows.map((r) => {
    const cls = r.kind === 'insats' ? undefined : `comparison-table__total comparison-table__total--${r.kind}`;
    return html`<tr${attrs({ class: cls, 'data-row': r.kind, 'data-insats': r.insats, 'data-verksamhet': r.verksamhet })}><th scope="row">${r.label}</th>${r.cells.map(cellHtml)}</tr>`;
  });
  return html`<tbody${attrs({ 'data-group': g.verksamhet || undefined })}>${heading}${rows}</tbody>`;
}

/** The same table as CSV cells: canonical periods, raw numbers, markers as text. */
export function comparisonCsv(table: ComparisonTable): CsvCell[][] {
  return [
    [w.comparison.areaHeader, w.comparison.insatsHeader(table.lag), ...table.periods],
    ...table.groups.flatMap((g) => g.rows.map((r) => [r.verksamhet, r.label, ...r.cells.map((c) => (c.antal === null ? c.text : c.antal))])),
  ];
}

function notesHtml(table: ComparisonTable): Html[] {
  const notes = [
    ...(table.hasHiddenParts ? [w.comparison.hiddenPartsNote] : []),
    ...(table.hasHidden ? [w.comparison.hiddenNote] : []),
    ...(table.hasMissing ? [w.comparison.missingNote] : []),
  ];
  // Printed on a topic page, a hidden cell shows its glyph only (src/styles/decisions.css): this line says what each means.
  const codes = MARKER_ORDER.filter((code) => table.groups.some((g) => g.rows.some((r) => r.cells.some((c) => c.antal === null && (c.markering ?? 'saknas') === code))));
  const legend = codes.length
    ? [html`<p class="comparison-table__note comparison-table__legend">${w.comparison.glyphLegend(listText(codes.map((code) => `${markerGlyph(code).text}\u00a0${markerText(code)}`)))}</p>`]
    : [];
  return [...legend, ...notes.map((n) => html`<p class="comparison-table__note">${n}</p>`)];
}

export interface ComparisonHtmlOptions {
  unitName: string;
  /** Prefix of the ids (unique on the page). */
  id?: string;
  source?: string;
  /** Download file name without extension. */
  file?: string;
  /** A heading (h3) above the table, kept on the same printed page as the table. */
  heading?: string;
}

/** The table (and its notes, source and CSV download) for one law. */
export function comparisonTableHtml(table: ComparisonTable, options: ComparisonHtmlOptions): Html {
  const id = `${options.id ?? 'jamforelse'}-${slug(table.lag)}`;
  const captionId = `${id}-rubrik`;
  const href = `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(comparisonCsv(table)))}`;
  const csv = options.file
    ? html`<p class="comparison-table__downloads"><a class="chart-figure__download" download="${options.file}-${slug(table.lag)}.csv" href="${href}" data-download="csv">${w.comparison.csv}</a></p>`
    : '';
  return html`<div class="comparison" data-comparison="${table.lag}">${options.heading ? html`<h3 class="comparison__heading">${options.heading}</h3>` : ''}<div class="table-scroll" role="region" aria-labelledby="${captionId}" tabindex="0"><table class="comparison-table"><caption id="${captionId}">${w.comparison.caption(table.lag, options.unitName)}</caption>${headHtml(table)}${table.groups.map((g) => groupHtml(g, 1 + table.periods.length))}</table></div>${notesHtml(table)}${options.source ? html`<p class="comparison-table__source">${options.source}</p>` : ''}${csv}</div>`;
}

/** The comparison region: the quarters compared, then a table per law (or a sentence when there is none). */
export function comparisonPartsHtml(lead: string | null, parts: readonly ComparisonPart[], none: string | null): Html {
  if (!parts.length) return html`<p>${none ?? ''}</p>`;
  const tables = parts.map((p) => comparisonTableHtml(p.table, { unitName: p.unitName, id: 'jamforelse', heading: p.heading, source: p.source, file: p.file }));
  return html`${lead ? html`<p>${lead}</p>` : ''}${tables}`;
}
