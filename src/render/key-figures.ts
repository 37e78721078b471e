// The start page's key figures as a list of cards: the number (or its marker in words), the period, and
// each change in words with an arrow; the arrows are decoration (hidden from screen readers), the words
// say the direction, never colour alone.

import { dashboard as words } from '../i18n/dashboard.ts';
import { formatValue, periodLabel } from '../i18n/format.ts';
import { capitalize, changeText, markerText } from '../i18n/text.ts';
import type { KeyFigure } from '../views/overview/key-figures.ts';
import { html, type Html } from './html.ts';

function numberHtml(f: KeyFigure): Html {
  if (f.value === null) {
    return html`<span class="key-figure__marker" data-markering="${f.markering ?? 'saknas'}">${capitalize(markerText(f.markering))}</span>`;
  }
  const unit = f.unitWord ? html` <span class="key-figure__unit">${f.unitWord}</span>` : '';
  return html`<data value="${f.value}">${formatValue(f.value, f.format)}</data>${unit}`;
}

function changesHtml(f: KeyFigure): Html | '' {
  if (!f.changes.length) return '';
  const items = f.changes.map((c) => {
    const t = changeText(c, f.format);
    const arrow = t.arrow ? html`<span class="change__arrow" aria-hidden="true">${t.arrow}</span> ` : '';
    return html`<li class="change change--${t.direction}">${arrow}${t.text}</li>`;
  });
  return html`<ul class="key-figure__changes">${items}</ul>`;
}

function cardHtml(f: KeyFigure, level: 2 | 3): Html {
  const note = f.note ? html` · ${f.note}` : '';
  const invented = f.invented ? html`<p class="key-figure__invented">${words.figure.invented}</p>` : '';
  const label = level === 2 ? html`<h2 class="key-figure__label">${f.label}</h2>` : html`<h3 class="key-figure__label">${f.label}</h3>`;
  return html`<li class="key-figure" data-key="${f.id}">${label}<p class="key-figure__value">${numberHtml(f)}</p><p class="key-figure__period">${periodLabel(f.period)}${note}</p>${changesHtml(f)}${invented}</li>`;
}

/** The key figures as cards, or a sentence when there are none. */
export function keyFiguresHtml(figures: readonly KeyFigure[], empty: string, level: 2 | 3 = 3): Html {
  if (!figures.length) return html`<p>${empty}</p>`;
  return html`<ul class="key-figures">${figures.map((f) => cardHtml(f, level))}</ul>`;
}
