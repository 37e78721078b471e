// Small pieces of Swedish text the site puts together from parts: a capital first letter, a label
// mid-sentence, a list ("A, B och C"), a marker in words, and a change in words. One place for each, so a
// chart, a table, a summary and a key figure say the same thing the same way.

import { MARKER_LABELS } from '../data/markers.ts';
import { dashboard as words } from './dashboard.ts';
import { formatNumber, periodLabel, type ValueFormat } from './format.ts';

/** "Skyddad av sekretess": first letter upper case, for legends, table cells and sentence starts. */
export function capitalize(s: string): string {
  return s ? s[0].toLocaleUpperCase('sv-SE') + s.slice(1) : s;
}

/** A label mid-sentence: "Familjehem" → "familjehem", while "HVB" and "SiS (§ 12-hem)" stay as they are. */
export function midSentence(label: string): string {
  const first = label.split(/\s/)[0];
  return (first.match(/\p{Lu}/gu) ?? []).length > 1 ? label : label.charAt(0).toLocaleLowerCase('sv-SE') + label.slice(1);
}

/** "A", "A och B", "A, B och C". */
export function listText(items: readonly string[], and = 'och'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** A marker code in words, as the data contract names it ("skyddad av sekretess"); none means 'saknas'. */
export function markerText(code: string | null | undefined): string {
  return (MARKER_LABELS as Record<string, string>)[code ?? 'saknas'] ?? code ?? MARKER_LABELS.saknas;
}

/** A change of a key figure: from which period, by how much (null when either has no number), and why not. */
export interface Change {
  /** The period compared with. */
  period: string;
  /** Latest minus then, or null when either has no number. */
  delta: number | null;
  /** Why there is no delta (the marker of the period compared with, or 'saknas'). */
  why: string | null;
}

export interface ChangeText {
  arrow: string;
  direction: 'up' | 'down' | 'same' | 'none';
  text: string;
}

/** A change in words: "ökning med 7 från kv. 3 2025"; shares in percentage points. */
export function changeText(change: Change, format: ValueFormat): ChangeText {
  const period = periodLabel(change.period);
  if (change.delta === null) return { arrow: '', direction: 'none', text: words.change.none(period, markerText(change.why)) };
  const digits = format === 'percent' ? 1 : 0;
  const shown = formatNumber(Math.abs(change.delta), digits);
  const rounded = Number(shown.replace(/\s/g, '').replace(',', '.'));
  const amount = format === 'percent' ? words.change.percentagePoints(shown) : shown;
  if (rounded === 0) return { arrow: '\u2192', direction: 'same', text: words.change.same(period) };
  return change.delta > 0
    ? { arrow: '\u2191', direction: 'up', text: words.change.up(amount, period) }
    : { arrow: '\u2193', direction: 'down', text: words.change.down(amount, period) };
}

/**
 * A text to be read aloud: the space that groups a number's digits ("11 700") is dropped, since a screen
 * reader reads the groups as two numbers; "kv. 4 2025" and other words are left as they are.
 */
export function spokenText(text: string): string {
  return text.replace(/(\d)[ \u00a0\u202f](?=\d{3}(?!\d))/g, '$1');
}
