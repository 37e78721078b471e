// The committee report's three-quarter comparison table as HTML: one function used at build time
// (ComparisonTable.astro, the page's region) and in the browser after a filter change, so the two never
// drift apart. A real <table> with a caption, row groups per SoL area, and a hidden value written as its
// marker text ("Skyddad av sekretess"), never as a number. Every text passes through `esc`.

import { markerGlyph } from '../../charts/theme.ts';
import { toCsv, type CsvCell } from '../../charts/table.ts';
import { periodEndDate } from '../../data/period.ts';
import { formatDate, periodLabel } from '../../i18n/format.ts';
import { decisionsWords as w } from '../../i18n/decisions.ts';
import { isoDate } from '../../queries/runner.ts';
import { attrs, esc, slug } from '../dashboard/html.ts';
import type { ComparisonCell, ComparisonTable } from './model.ts';

export interface ComparisonHtmlOptions {
  /** The unit's name, for the caption. */
  unitName: string;
  /** Prefix of the ids (unique on the page). */
  id?: string;
  /** The source line under the table. */
  source?: string;
  /** Download file name without extension. */
  file?: string;
  /** A heading (h3) above the table, kept on the same printed page as the table. */
  heading?: string;
}

function cellHtml(cell: ComparisonCell): string {
  const a = { class: 'num', 'data-period': cell.period };
  if (cell.antal === null) {
    const code = cell.markering ?? 'saknas';
    return `<td${attrs({ ...a, class: 'num marker', 'data-markering': code })}><span aria-hidden="true">${esc(markerGlyph(code).text)}\u00a0</span>${esc(cell.text)}</td>`;
  }
  const note = cell.hiddenParts
    ? `<span class="comparison-table__ref" aria-hidden="true">*</span><span class="visually-hidden">${esc(w.comparison.hiddenPartsRef)}</span>`
    : '';
  return `<td${attrs({ ...a, 'data-antal': cell.antal, 'data-dolda-delar': cell.hiddenParts || undefined })}>${esc(cell.text)}${note}</td>`;
}

/** The table (and its notes and CSV download) for one law. */
export function comparisonTableHtml(table: ComparisonTable, options: ComparisonHtmlOptions): string {
  const id = `${options.id ?? 'jamforelse'}-${slug(table.lag)}`;
  const captionId = `${id}-rubrik`;
  const columns = 1 + table.periods.length;
  const head =
    `<th scope="col">${esc(w.comparison.insatsHeader(table.lag))}</th>` +
    table.periods
      .map((p) => {
        const end = isoDate(periodEndDate(p));
        return `<th scope="col" class="num">${esc(periodLabel(p))}<span class="comparison-table__date"><time datetime="${end}">${esc(formatDate(end))}</time></span></th>`;
      })
      .join('');
  const bodies = table.groups
    .map((g) => {
      const heading = g.heading
        ? `<tr class="comparison-table__group"><th scope="rowgroup" colspan="${columns}">${esc(g.heading)}</th></tr>`
        : '';
      const rows = g.rows
        .map((r) => {
          const cls = r.kind === 'insats' ? undefined : `comparison-table__total comparison-table__total--${r.kind}`;
          return `<tr${attrs({ class: cls, 'data-row': r.kind, 'data-insats': r.insats, 'data-verksamhet': r.verksamhet })}><th scope="row">${esc(r.label)}</th>${r.cells.map(cellHtml).join('')}</tr>`;
        })
        .join('');
      return `<tbody${attrs({ 'data-group': g.verksamhet || undefined })}>${heading}${rows}</tbody>`;
    })
    .join('');
  const notes: string[] = [];
  if (table.hasHiddenParts) notes.push(w.comparison.hiddenPartsNote);
  if (table.hasHidden) notes.push(w.comparison.hiddenNote);
  if (table.groups.some((g) => g.rows.some((r) => r.cells.some((c) => c.markering === 'saknas')))) notes.push(w.comparison.missingNote);
  const csv = options.file
    ? `<p class="comparison-table__downloads"><a class="chart-figure__download" download="${esc(options.file)}-${slug(table.lag)}.csv" href="${esc(
        `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(comparisonCsv(table)))}`,
      )}" data-download="csv">${esc(w.comparison.csv)}</a></p>`
    : '';
  return (
    `<div class="comparison" data-comparison="${esc(table.lag)}">` +
    (options.heading ? `<h3 class="comparison__heading">${esc(options.heading)}</h3>` : '') +
    `<div class="table-scroll" role="region" aria-labelledby="${esc(captionId)}" tabindex="0">` +
    `<table class="comparison-table"><caption id="${esc(captionId)}">${esc(w.comparison.caption(table.lag, options.unitName))}</caption>` +
    `<thead><tr>${head}</tr></thead>${bodies}</table></div>` +
    notes.map((n) => `<p class="comparison-table__note">${esc(n)}</p>`).join('') +
    (options.source ? `<p class="comparison-table__source">${esc(options.source)}</p>` : '') +
    csv +
    `</div>`
  );
}

/** The same table as CSV cells: canonical periods, raw numbers, markers as text. */
export function comparisonCsv(table: ComparisonTable): CsvCell[][] {
  return [
    [w.comparison.areaHeader, w.comparison.insatsHeader(table.lag), ...table.periods],
    ...table.groups.flatMap((g) =>
      g.rows.map((r) => [r.verksamhet, r.label, ...r.cells.map((c) => (c.antal === null ? c.text : c.antal))]),
    ),
  ];
}
