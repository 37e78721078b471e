// The parts of a dashboard page that change with the choices (src/views/view.ts `Region`), each kind drawn
// by one renderer: used by <Region> at build time and by the browser after a filter change.

import { dashboard as words } from '../i18n/dashboard.ts';
import type { MissingUnit } from '../views/network/comparison.ts';
import type { Region } from '../views/view.ts';
import { comparisonPartsHtml } from './comparison.ts';
import { html, type Html } from './html.ts';
import { keyFiguresHtml } from './key-figures.ts';
import { hierarchyHtml, unitTableRegionHtml } from './unit-table.ts';
import { reportHtml } from './report.ts';

/** The invented-figures notice near the charts. */
function inventedNoticeHtml(unitName: string): Html {
  return html`<p class="note note--invented" role="note"><strong>${words.notice.heading}.</strong> ${words.notice.invented(unitName)}</p>`;
}

/** The units without a value in a comparison, each with why. */
function missingUnitsHtml(heading: string, units: readonly MissingUnit[], none: string | null): Html {
  if (!units.length) return html`<p>${none ?? ''}</p>`;
  const items = units.map((u) => html`<li data-enhet="${u.enhetskod}" data-markering="${u.markering}">${u.text}</li>`);
  return html`<h3>${heading}</h3><ul class="missing-list">${items}</ul>`;
}

export function regionHtml(region: Region | undefined): Html {
  switch (region?.kind) {
    case 'text':
      return html`${region.text}`;
    case 'paragraph':
      return html`<p>${region.text}</p>`;
    case 'invented':
      return inventedNoticeHtml(region.unitName);
    case 'keyFigures':
      return keyFiguresHtml(region.figures, region.empty, region.level);
    case 'missingUnits':
      return missingUnitsHtml(region.heading, region.units, region.none);
    case 'comparison':
      return comparisonPartsHtml(region.lead, region.parts, region.none);
    case 'unitTable':
      return unitTableRegionHtml(region.table, region.none);
    case 'hierarchy':
      return region.tables.length ? html`${region.tables.map(hierarchyHtml)}` : html`${region.none ? html`<p>${region.none}</p>` : ''}`;
    case 'report':
      return reportHtml(region.report, region.links);
    default:
      return html``;
  }
}
