// The committee's quarterly statistikrapport (src/views/report/model.ts) as markup: per law a section with
// the heading, the summary sentence, the table by verksamhet and insats (Kvinnor, Män, Summa, the area
// subtotals), the per-insats lists, the three-quarter comparison (src/render/comparison.ts) and the notes;
// the quarter chooser (links, so no JavaScript is needed) and the Word download. Hidden cells carry the
// site's marker glyph and words, never a number.

import { reportWords as w } from '../i18n/report.ts';
import type { DetailRow, DetailTable, LawReport, QuarterLink, ReportCell, ReportLinks, ReportModel } from '../views/report/model.ts';
import { comparisonTableHtml } from './comparison.ts';
import { attrs, html, slug, type Html } from './html.ts';

function cellHtml(cell: ReportCell, column: string): Html {
  if (cell.antal === null) {
    // The glyph, then the words (cell.text is "× Skyddad av sekretess"); on paper only the glyph, as the notes explain it.
    const [glyph, words] = [cell.text.slice(0, 1), cell.text.slice(2)];
    return html`<td${attrs({ class: 'num marker', 'data-col': column, 'data-markering': cell.markering })}><span aria-hidden="true">${glyph} </span>${words}</td>`;
  }
  const ref = cell.hiddenParts ? html`<span class="report-table__ref" aria-hidden="true">*</span><span class="visually-hidden">${w.hiddenTotalRef}</span>` : '';
  return html`<td${attrs({ class: 'num', 'data-col': column, 'data-antal': cell.antal, 'data-dolda-delar': cell.hiddenParts || undefined })}>${cell.text}${ref}</td>`;
}

function rowHtml(r: DetailRow): Html {
  const cls = r.kind === 'insats' ? undefined : `report-table__total report-table__total--${r.kind}`;
  return html`<tr${attrs({ class: cls, 'data-row': r.kind, 'data-verksamhet': r.verksamhet, 'data-insats': r.insats })}><th scope="row">${r.label}</th>${cellHtml(r.women, 'kvinnor')}${cellHtml(r.men, 'man')}${cellHtml(r.sum, 'summa')}</tr>`;
}

function detailHtml(t: DetailTable, id: string): Html {
  const head = t.header.map((h, i) => html`<th scope="col"${attrs({ class: i ? 'num' : undefined })}>${h}</th>`);
  const body = t.groups.map((g) => html`<tbody>${g.map(rowHtml)}</tbody>`);
  return html`<div class="table-scroll report__table" role="region" aria-labelledby="${id}-tabell" tabindex="0"><table class="report-table"><caption id="${id}-tabell">${t.caption}</caption><thead><tr>${head}</tr></thead>${body}</table></div>`;
}

function lawHtml(law: LawReport, m: Pick<ReportModel, 'unitName'>): Html {
  const id = `rapport-${slug(law.lag)}`;
  const lists = law.lists.map(
    (l) => html`<div class="report-list" data-insats-list="${l.label}"><p class="report-list__intro">${l.intro}</p><ul>${l.items.map((i) => html`<li data-status="${i.status}"${attrs({ 'data-markering': i.cell.markering })}>${i.text}</li>`)}</ul></div>`,
  );
  const listPart = law.lists.length
    ? html`<h3 class="report__subheading">${w.listsHeading}</h3><div class="report__lists">${lists}</div>${law.listNote ? html`<p class="report__note">${law.listNote}</p>` : ''}`
    : law.nothing ? '' : html`<p>${w.noLists}</p>`;
  const comparison = law.comparison
    ? html`<div class="report__comparison"><h3 class="report__subheading">${w.comparisonHeading}</h3><p>${law.comparisonLead ?? ''}</p>${comparisonTableHtml(law.comparison, { unitName: m.unitName, id: `${id}-jamforelse` })}</div>`
    : '';
  return html`<section class="report-law" data-law="${law.lag}" data-nothing="${law.nothing ? 'ja' : 'nej'}" aria-labelledby="${id}">
<h2 id="${id}" class="report-law__heading">${law.heading}</h2>
<p class="report-law__duty">${law.duty}</p>
<p class="report-law__summary" data-summary>${law.summary}</p>
${law.intro ? html`<p>${law.intro}</p>` : ''}
${law.detail ? detailHtml(law.detail, id) : ''}
${law.areaKey ? html`<p class="report__note">${law.areaKey}</p>` : ''}
${law.notes.map((n) => html`<p class="report__note">${n}</p>`)}
${listPart}
${comparison}
<p class="report__source">${law.source}</p>
<p class="report-footer" aria-hidden="true">${law.footer}</p>
</section>`;
}

/** The chooser shows this many quarters (two years) at once. */
const SHOWN_QUARTERS = 8;

function quarterItem(q: QuarterLink, current: string): Html {
  return q.period === current
    ? html`<li><span aria-current="page">${q.label}</span></li>`
    : html`<li><a href="${q.href}" data-quarter="${q.period}"${attrs({ 'data-quarter-page': q.page ? '' : undefined })}>${q.label}</a></li>`;
}

/**
 * The quarter chooser as plain links to each quarter's own page (no JavaScript needed); the quarters without
 * a page (a site with very many units) apart, as they are computed in the browser. And the Word download.
 */
function toolsHtml(m: ReportModel, links: ReportLinks): Html {
  const pages = links.quarters.filter((q) => q.page);
  const older = links.quarters.filter((q) => !q.page);
  const docx = links.docx
    ? html`<a class="button report__docx" href="${links.docx}" download="${m.docxFile}" data-report-docx-link>${w.docx}</a>`
    : html`<button type="button" class="button report__docx" data-report-docx="${m.docxFile}">${w.docx}</button>`;
  const olderPart = older.length
    ? html`<details class="report__earlier report__older"${attrs({ open: older.some((q) => q.period === m.period) ? '' : undefined })}><summary>${w.olderQuarters(older.length)}</summary><noscript><p class="report__note">${w.otherQuartersNoScript}</p></noscript><ul>${older.map((q) => quarterItem(q, m.period))}</ul></details>`
    : '';
  // The last two years in view; the years before behind a disclosure (a <details>: no JavaScript needed).
  const recent = pages.slice(0, SHOWN_QUARTERS);
  const earlier = pages.slice(SHOWN_QUARTERS);
  const earlierPart = earlier.length
    ? html`<details class="report__earlier"${attrs({ open: earlier.some((q) => q.period === m.period) ? '' : undefined })}><summary>${w.earlierQuarters(earlier.length)}</summary><ul>${earlier.map((q) => quarterItem(q, m.period))}</ul></details>`
    : '';
  const others = links.quarters.length > 1
    ? html`<nav class="report__quarters" aria-labelledby="rapport-kvartal"><h2 class="report__tools-heading" id="rapport-kvartal">${w.otherQuarters}</h2><ul>${recent.map((q) => quarterItem(q, m.period))}</ul>${earlierPart}${olderPart}</nav>`
    : '';
  return html`<div class="report__tools no-print"><p class="report__downloads">${docx}</p>${others}<p><a href="${links.units}">${w.otherUnits}</a></p></div>`;
}

/**
 * The whole report of one unit and quarter; `links`: the Word file and the chooser of a report on the site
 * (null for `npm run rapport`'s internal version). Without a Word file built with the site, the page carries
 * the model to make it in the browser.
 */
export function reportHtml(m: ReportModel, links: ReportLinks | null): Html {
  const warning = m.internal ? html`<p class="report__internal" role="note" data-internal>${m.internal.warning}</p>` : '';
  const model = !links || links.docx ? '' : html`<template data-report-model>${JSON.stringify(m)}</template>`;
  return html`<article class="report" data-report data-enhet="${m.unitCode}" data-period="${m.period}" data-footer="${m.footer}">
${warning}
<p class="report__title" data-report-title>${m.title}</p>
${m.internal || !links ? '' : toolsHtml(m, links)}
${m.laws.map((l) => lawHtml(l, m))}
${model}
</article>`;
}
