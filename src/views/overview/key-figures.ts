// Översikt: a key figure is the latest point of a topic's series with its change from the period before and
// (for quarters) from the same quarter a year earlier. Pure; src/render/key-figures.ts draws the cards.

import { isQuarter, shiftPeriod } from '../../data/period.ts';
import type { ValueFormat } from '../../i18n/format.ts';
import type { Change } from '../../i18n/text.ts';

export type { Change };

export interface SeriesPoint {
  period: string;
  varde: number | null;
  markering: string | null;
}

export interface KeyFigure {
  id: string;
  label: string;
  /** The word after the number ("barn", "beslut"); for shares the unit is part of the number. */
  unitWord: string;
  format: ValueFormat;
  period: string;
  value: number | null;
  markering: string | null;
  changes: Change[];
  invented: boolean;
  /** E.g. the measure ("placerade vid periodens slut"). */
  note?: string;
}

/** The latest point and its changes; a point without a number is compared with nothing. */
export function keyFigureOf(points: readonly SeriesPoint[]): { period: string; value: number | null; markering: string | null; changes: Change[] } | null {
  if (!points.length) return null;
  const byPeriod = new Map(points.map((p) => [p.period, p]));
  const last = points.reduce((a, b) => (b.period > a.period ? b : a));
  const value = last.varde;
  const compare = (period: string): Change => {
    const then = byPeriod.get(period);
    if (value === null) return { period, delta: null, why: last.markering ?? 'saknas' };
    if (!then || then.varde === null) return { period, delta: null, why: then?.markering ?? 'saknas' };
    return { period, delta: value - then.varde, why: null };
  };
  const changes = [compare(shiftPeriod(last.period, -1))];
  if (isQuarter(last.period)) changes.push(compare(shiftPeriod(last.period, -4)));
  return { period: last.period, value, markering: value === null ? (last.markering ?? 'saknas') : null, changes };
}
