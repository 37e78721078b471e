// The generic words charts and their summaries write themselves (chart kinds, marker legend, change
// words). Titles, axis labels and series names always come from the caller. Callers may pass their own
// `labels` (e.g. from src/i18n/sv.ts); these defaults are the Swedish the site uses.

import { capitalize, listText as joinList, markerText } from '../i18n/text.ts';

export { capitalize };

export interface ChartLabels {
  lineChart: string;
  areaChart: string;
  barChart: string;
  heatmap: string;
  /** "3 serier" */
  seriesCount: (n: number) => string;
  /** "12 kategorier" */
  categoryCount: (n: number) => string;
  /** The legend line that explains gaps in lines. */
  gapNote: string;
  /** A period's tooltip, when every series lacks its value for one reason: "Alla serier: × Skyddad av sekretess". */
  allSeries: string;
  /** Shown in the description when values are missing: "2 värden saknas: …". */
  missingCount: (n: number) => string;
  highest: string;
  lowest: string;
  /** Joins the last two items of a list: "A, B och C". */
  and: string;
  /** The word after a percentage-point difference. */
  percentagePoints: string;
  /** For the summary: a sentence saying why a period has no number. */
  markerSentence: (code: string, period: string) => string;
  /** Column headers of data tables. */
  period: string;
  category: string;
  group: string;
  value: string;
}

export const defaultChartLabels: ChartLabels = {
  lineChart: 'Linjediagram',
  areaChart: 'Ytdiagram med staplade ytor',
  barChart: 'Stapeldiagram',
  heatmap: 'Värmekarta, enheter × kolumner',
  seriesCount: (n) => (n === 1 ? '1 serie' : `${n} serier`),
  categoryCount: (n) => (n === 1 ? '1 kategori' : `${n} kategorier`),
  gapNote: 'Luckor i linjerna är värden som saknas.',
  allSeries: 'Alla serier',
  missingCount: (n) => (n === 1 ? '1 värde saknas' : `${n} värden saknas`),
  highest: 'högst',
  lowest: 'lägst',
  and: 'och',
  percentagePoints: 'procentenheter',
  markerSentence: (code, period) =>
    code === 'sekretess'
      ? `För ${period} är uppgiften skyddad av sekretess.`
      : code === 'inget_att_redovisa'
        ? `För ${period} finns inget att redovisa.`
        : `För ${period} saknas uppgiften.`,
  period: 'Period',
  category: 'Kategori',
  group: 'Grupp',
  value: 'Värde',
};

/** The label of a marker code, as the data contract names it ("skyddad av sekretess"). */
export function defaultMarkerLabel(code: string): string {
  return markerText(code);
}

/** "A", "A och B", "A, B och C" (src/i18n/text.ts), with the charts' word for "and". */
export function listText(items: readonly string[], and = defaultChartLabels.and): string {
  return joinList(items, and);
}
