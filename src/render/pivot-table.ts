// The table builder's table as markup (src/views/table-builder/pivot.ts): a real <table> with a caption,
// the column variables as nested header rows (th scope="colgroup" spanning their columns, scope="col" on
// the last), the row variables as th scope="row" in each row, numbers right-aligned, a missing number as
// the site's marker (the glyph, with the words for screen readers; with many columns the glyph alone and
// the legend under the table), published totals set apart. Built as one string: 290 units × 40 quarters
// is 11 600 cells, drawn within the page's 300 ms.

import { markerGlyph } from '../charts/theme.ts';
import { formatCount } from '../i18n/format.ts';
import { capitalize, markerText } from '../i18n/text.ts';
import { tableBuilderWords as w } from '../i18n/table-builder.ts';
import type { BuilderValue } from '../views/table-builder/catalog.ts';
import { fixedText, type PivotCell, type PivotModel } from '../views/table-builder/pivot.ts';
import { html, Html } from './html.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]);

/**
 * One value cell; `compact` writes the marker's glyph alone, as an image named by its words (role="img",
 * the words its aria-label and title). Not the glyph beside words hidden for the eye (.visually-hidden, as
 * the dashboard's small tables): 6 000 hidden cells of a national table are 6 000 absolutely positioned,
 * clipped boxes of text to lay out, about half of the time the browser took to draw the table.
 */
function cellMarkup(cell: PivotCell | null, compact: boolean, total: boolean): string {
  const cls = total ? 'num pivot__total' : 'num';
  if (cell === null) return `<td class="${cls} pivot__none"><span class="visually-hidden">${esc(w.table.emptyCell)}</span></td>`;
  if (cell.value !== null) return `<td class="${cls}">${formatCount(cell.value)}</td>`;
  const code = esc(cell.marker ?? 'saknas');
  const words = esc(capitalize(markerText(cell.marker)));
  const glyph = markerGlyph(cell.marker ?? 'saknas').text;
  return compact
    ? `<td class="${cls} marker" data-markering="${code}"><span role="img" aria-label="${words}" title="${words}">${glyph}</span></td>`
    : `<td class="${cls} marker" data-markering="${code}"><span aria-hidden="true">${glyph}\u00a0</span>${words}</td>`;
}

/** The header rows: one per column variable; the row variables' names head the row-header columns. */
function headMarkup(model: PivotModel, measure: string): string {
  const side = Math.max(1, model.rowVars.length);
  const sideNames = model.rowVars.length ? model.rowVars.map((v) => v.label) : [''];
  if (!model.colVars.length) {
    return `<tr>${sideNames.map((n) => `<th scope="col">${esc(n)}</th>`).join('')}<th scope="col" class="num">${esc(measure)}</th></tr>`;
  }
  const out: string[] = [];
  model.colVars.forEach((v, level) => {
    const last = level === model.colVars.length - 1;
    const cells: string[] = [];
    // The corner: the row variables' names on the last header row, the column variable's name above them.
    if (last) cells.push(...sideNames.map((n) => `<th scope="col">${esc(n)}</th>`));
    else cells.push(`<td colspan="${side}" class="pivot__corner">${esc(v.label)}</td>`);
    let i = 0;
    while (i < model.colKeys.length) {
      let span = 1;
      const prefix = (k: BuilderValue[]) => k.slice(0, level + 1).map((x) => x.code).join('\u0001');
      while (!last && i + span < model.colKeys.length && prefix(model.colKeys[i + span]) === prefix(model.colKeys[i])) span++;
      const value = model.colKeys[i][level];
      const cls = value.total ? 'num pivot__total' : 'num';
      cells.push(last ? `<th scope="col" class="${cls}">${esc(value.label)}</th>` : `<th scope="colgroup" colspan="${span}" class="${cls}">${esc(value.label)}</th>`);
      i += span;
    }
    out.push(`<tr>${cells.join('')}</tr>`);
  });
  return out.join('');
}

function bodyMarkup(model: PivotModel, measure: string, compact: boolean): string {
  const totalCols = model.colKeys.map((k) => k.some((v) => v.total));
  return model.rowKeys
    .map((rk, r) => {
      const totalRow = rk.some((v) => v.total);
      const heads = rk.length
        ? rk.map((v) => `<th scope="row"${v.total ? ' class="pivot__total"' : ''}>${esc(v.label)}</th>`).join('')
        : `<th scope="row">${esc(measure)}</th>`;
      const cells = model.cells[r].map((c, i) => cellMarkup(c, compact, totalRow || (totalCols[i] ?? false))).join('');
      return `<tr${totalRow ? ' class="pivot__total-row"' : ''}>${heads}${cells}</tr>`;
    })
    .join('');
}

/**
 * Widths of a row-header column (the least and the most) and a number column, in rem (the least as
 * .pivot__side-col, the number column as .pivot__num-col), and an estimate of a character's width, in em
 * (generous: a bold total row's capitals included), with the cell's padding.
 */
export const PIVOT_WIDTHS = { side: 12, sideMax: 24, number: 6.5, char: 0.62, padding: 1 };

/**
 * Each row-header column's width in rem: wide enough for its longest label on one line, as far as the
 * estimate goes, between the least and the most. A label that wraps makes its row taller than the numbers
 * in it, and the browser then lays out every cell of that row a second time at the row's height: with
 * the national units' names wrapped in 12 rem, laying the 290 × 40 table out took more than twice as long.
 */
export function pivotSideWidths(model: PivotModel, most: number = PIVOT_WIDTHS.sideMax): number[] {
  if (!model.rowVars.length) return [PIVOT_WIDTHS.side];
  return model.rowVars.map((v, level) => {
    let longest = v.label.length;
    for (const key of model.rowKeys) longest = Math.max(longest, key[level]?.label.length ?? 0);
    const wanted = Math.ceil(longest * PIVOT_WIDTHS.char + PIVOT_WIDTHS.padding);
    return Math.max(PIVOT_WIDTHS.side, Math.min(most, wanted));
  });
}

/** The table's width in rem, for its fixed layout. */
export function pivotTableWidth(model: PivotModel, most: number = PIVOT_WIDTHS.sideMax): number {
  return pivotSideWidths(model, most).reduce((a, b) => a + b, 0) + Math.max(1, model.colKeys.length) * PIVOT_WIDTHS.number;
}

/** The table, its legend of markers and the note on totals. */
export function pivotTableHtml(model: PivotModel, measure = w.measure): Html {
  const compact = model.colKeys.length > 4;
  const fixed = fixedText(model);
  const legend = model.markers.length
    ? html`<p class="chart-figure__note pivot__legend">${w.table.legend} ${model.markers.map((code, i) => html`${i ? ' · ' : ''}<span aria-hidden="true">${markerGlyph(code).text}</span> ${capitalize(markerText(code))}`)}</p>`
    : '';
  const totals = model.hasTotals ? html`<p class="chart-figure__note">${w.table.totalsNote}</p>` : '';
  // Column widths given, so the browser lays the table out from them (table-layout: fixed; the page sets
  // the table's width from pivotTableWidth) instead of measuring 11 600 cells first.
  const side = Math.max(1, model.rowVars.length);
  const cols = `<colgroup>${'<col class="pivot__side-col">'.repeat(side)}${'<col class="pivot__num-col">'.repeat(Math.max(1, model.colKeys.length))}</colgroup>`;
  const table = Html.unsafe(
    `<table class="data-table pivot__table" id="pivot-table"><caption id="pivot-caption">${esc(model.title)}${fixed ? `<span class="data-table__sub">${esc(fixed)}</span>` : ''}</caption>${cols}<thead>${headMarkup(model, measure)}</thead><tbody>${bodyMarkup(model, measure, compact)}</tbody></table>`,
  );
  return html`<div class="table-scroll pivot__scroll" role="region" aria-labelledby="pivot-caption" tabindex="0">${table}</div>${legend}${totals}`;
}
