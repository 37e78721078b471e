// The unit catalogs: which units have figures for a topic, with how many periods and values (what the
// unit select lists and what picks a page's default unit). They are the same for every visitor until
// the next build, so the build computes them once from the published tables, with the catalog SQL below,
// and stores each as a small table in a published file. A page then reads a few hundred rows instead of
// scanning the topic's whole table (at national scale 0.7–0.8 million rows and 60–100 ms in duckdb-wasm,
// on the critical path of the first filter change).
//
// A catalog only counts published rows (periods, and values that are not hidden), so it tells nothing
// that `SELECT ... GROUP BY enhetskod` over the published tables would not; the dist/ scan checks that
// each stored catalog is exactly that query's result.

import type { DatasetName } from '../data/schema.ts';
import { unitCatalogQuery, type Query } from './dashboard-common.ts';
import { networkUnitsSourceQuery } from './network.ts';

export interface UnitCatalog {
  /** The stored table's name (found through the search path, like every published table). */
  table: string;
  /** The datasets whose file may hold it: the first one published does. */
  hosts: readonly DatasetName[];
  /** The SQL that computes it over the published datasets, or null when none it reads is published. */
  source(datasets: readonly string[]): Query | null;
  /** Swedish, for the SQL page's schema browser. */
  description: string;
}

const COLUMNS: Record<string, string> = {
  enhetskod: 'Enhetens kod.',
  enhetsnamn: 'Enhetens namn (ur enheter när den finns där).',
  niva: 'Enhetens nivå (riket, lan, kommun, stadsdel, enhet) ur enheter; NULL när enheter inte är publicerad.',
  perioder: 'Antal perioder med någon publicerad rad för enheten (inte antal personer).',
  varden: 'Antal publicerade rader med ett tal, alltså inte skyddade eller saknade (inte antal personer).',
  pahittad: 'Sant när någon av enhetens uppgifter kommer från en källa som är markerad som påhittad.',
};

export const CATALOG_COLUMNS = Object.keys(COLUMNS);

export function catalogColumnDescription(column: string): string {
  return COLUMNS[column] ?? '';
}

const about = (what: string) =>
  `Enheter med uppgifter om ${what}, med antal perioder och värden: det som enhetsvalet visar. Räknas fram ur de publicerade tabellerna när webbplatsen byggs.`;

export const UNIT_CATALOGS = {
  placeringar: {
    table: 'placeringar_enheter',
    hosts: ['placeringar'],
    source: (datasets) => (datasets.includes('placeringar') ? unitCatalogQuery('placeringar', datasets) : null),
    description: about('placeringar'),
  },
  natverkshem: {
    table: 'natverkshem_enheter',
    hosts: ['placeringar', 'natverkshemsandel'],
    source: networkUnitsSourceQuery,
    description: about('andel i nätverkshem (beräknad ur placeringar eller redovisad)'),
  },
  ej_verkstallda_beslut: {
    table: 'ej_verkstallda_beslut_enheter',
    hosts: ['ej_verkstallda_beslut'],
    source: (datasets) => (datasets.includes('ej_verkstallda_beslut') ? unitCatalogQuery('ej_verkstallda_beslut', datasets) : null),
    description: about('ej verkställda gynnande beslut'),
  },
} satisfies Record<string, UnitCatalog>;

export type CatalogTopic = keyof typeof UNIT_CATALOGS;

/** The published dataset whose file holds the catalog, or null when it is not published. */
export function catalogHost(catalog: UnitCatalog, datasets: readonly string[]): DatasetName | null {
  return catalog.hosts.find((d) => datasets.includes(d)) ?? null;
}

/** The stored catalog of a topic as a query, or null when the topic has no published data. */
export function unitsQuery(topic: CatalogTopic, datasets: readonly string[]): Query | null {
  const catalog: UnitCatalog = UNIT_CATALOGS[topic];
  if (!catalogHost(catalog, datasets)) return null;
  return { sql: `SELECT ${CATALOG_COLUMNS.join(', ')} FROM ${catalog.table} ORDER BY enhetskod`, params: [] };
}
