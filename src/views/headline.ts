// A topic page's headline: the latest number of its first chart's main series with its change from the
// quarter before and from the same quarter a year earlier, as key-figure cards (the start page's), so the
// page answers its question before its charts. Read from the figure's own recipe: the number is the one
// the chart and its table show, for the choices shown, and follows them when the browser redraws the page.

import type { FigureModel } from './figure.ts';
import { keyFigureOf, type KeyFigure } from './overview/key-figures.ts';
import { NONE, type Region } from './view.ts';

export interface HeadlineSeries {
  /** The series' code in the figure's recipe ('totalt', 'beraknad', 'SoL'). */
  serie: string;
  /** The card's id (data-key). */
  id: string;
  label: string;
  /** The word after the number ("barn"); empty for shares. */
  unitWord: string;
  note?: string;
}

/** The cards of the series the figure has, in the order given; nothing when the figure draws none of them. */
export function headlineFigures(figure: FigureModel | undefined, wanted: readonly HeadlineSeries[]): KeyFigure[] {
  const recipe = figure?.recipe;
  if (!recipe || recipe.kind !== 'trend') return [];
  const out: KeyFigure[] = [];
  for (const s of wanted) {
    const points = recipe.rows.filter(([, serie]) => serie === s.serie).map(([period, , varde, markering]) => ({ period, varde, markering }));
    const key = keyFigureOf(points);
    if (!key) continue;
    out.push({ id: s.id, label: s.label, unitWord: s.unitWord, format: recipe.format, ...key, invented: Boolean(figure.invented), ...(s.note ? { note: s.note } : {}) });
  }
  return out;
}

/** The headline region ('headline' on the page). */
export function headlineRegion(figure: FigureModel | undefined, wanted: readonly HeadlineSeries[]): Region {
  const figures = headlineFigures(figure, wanted);
  return figures.length ? { kind: 'keyFigures', figures, empty: '', level: 2 } : NONE;
}
