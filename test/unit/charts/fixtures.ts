// Fixed data for the chart snapshot tests: shaped like the dashboard's query results, with the cases
// that matter (a suppressed value, a missing row inside a series, a series that starts late).

import type { TrendRow } from '../../../src/charts/trend.ts';
import type { BarRow } from '../../../src/charts/bars.ts';

const QUARTERS = ['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4', '2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4',
  '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3'];

const FORMS: Record<string, number[]> = {
  familjehem: [212, 218, 225, 221, 230, 236, 241, 238, 244, 251, 249, 256, 262, 259, 266],
  hvb: [64, 61, 66, 70, 68, 72, 75, 71, 0, 69, 66, 63, 61, 58, 60],
  jourhem: [31, 29, 35, 33, 30, 28, 34, 36, 32, 30, 29, 33, 35, 31, 30],
  natverkshem: [18, 20, 21, 23, 26, 0, 29, 31, 34, 33, 37, 40, 42, 45, 47],
};

/** Placements by form per quarter; nätverkshem 2023-Q2 is suppressed, HVB has no row for 2024-Q1. */
export const placements: TrendRow[] = Object.entries(FORMS).flatMap(([serie, values]) =>
  QUARTERS.flatMap((period, i): TrendRow[] => {
    if (serie === 'hvb' && period === '2024-Q1') return [];
    if (serie === 'natverkshem' && period === '2023-Q2') return [{ period, serie, varde: null, markering: 'sekretess' }];
    return [{ period, serie, varde: values[i], markering: null }];
  }),
);

export const formLabels: Record<string, string> = {
  familjehem: 'Familjehem',
  hvb: 'HVB',
  jourhem: 'Jourhem',
  natverkshem: 'Nätverkshem',
};

/** The share placed in network homes, a single series in percent, latest quarter suppressed. */
export const networkShare: TrendRow[] = QUARTERS.map((period, i) => ({
  period,
  serie: 'andel',
  varde: i === QUARTERS.length - 1 ? null : Math.round(((FORMS.natverkshem[i] || 25) / (FORMS.familjehem[i] + FORMS.jourhem[i])) * 1000) / 10,
  markering: i === QUARTERS.length - 1 ? 'sekretess' : null,
}));

export const events = [
  { datum: '2023-01-15', rubrik: 'Ny organisation av socialtjänsten' },
  { datum: '2025-07-01', rubrik: 'Ny socialtjänstlag i kraft' },
];

/** Network-home share by unit for the latest quarter; two units without a number. */
export const unitShares: BarRow[] = [
  { kategori: 'Norra stadsdelen', varde: 18.4, markering: null },
  { kategori: 'Södra stadsdelen', varde: 12.1, markering: null },
  { kategori: 'Östra stadsdelen', varde: null, markering: 'sekretess' },
  { kategori: 'Västra stadsdelen', varde: 22.7, markering: null },
  { kategori: 'Centrum', varde: 9.8, markering: null },
  { kategori: 'Hamnen', varde: null, markering: 'saknas' },
];

/** Placements by age group and sex (grouped bars); one cell suppressed. */
export const ageSex: BarRow[] = [
  { kategori: '0–12 år', grupp: 'Flickor', varde: 88, markering: null },
  { kategori: '0–12 år', grupp: 'Pojkar', varde: 95, markering: null },
  { kategori: '13–17 år', grupp: 'Flickor', varde: 104, markering: null },
  { kategori: '13–17 år', grupp: 'Pojkar', varde: 121, markering: null },
  { kategori: '18–20 år', grupp: 'Flickor', varde: null, markering: 'sekretess' },
  { kategori: '18–20 år', grupp: 'Pojkar', varde: 14, markering: null },
];
