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
import { unitNaming } from './dashboard-common.ts';
import { networkUnitsSourceQuery } from './network.ts';
import { runQuery, type Runner } from './runner.ts';
import { join, ref, sql, type Sql } from './sql.ts';

/** The figure tables a unit catalog can be built from (each has period, enhetskod, enhetsnamn, kalla). */
export type TopicTable = 'placeringar' | 'ej_verkstallda_beslut' | 'natverkshemsandel';

/** One unit with figures for a topic. */
export interface UnitCatalogRow {
  enhetskod: string;
  enhetsnamn: string;
  /** riket, lan, kommun, stadsdel, enhet, or null when enheter is not published. */
  niva: string | null;
  /** Distinct periods with a row (a number or a marker). */
  perioder: number;
  /** Rows with a number. */
  varden: number;
  /** Some figure of the unit comes from a source marked pahittad (invented). */
  pahittad: boolean;
}

/** A unit catalog's rows (none when the topic is not published: `query` null). */
export async function runCatalog(runner: Runner, query: Sql | null): Promise<UnitCatalogRow[]> {
  return query ? runQuery<UnitCatalogRow>(runner, query) : [];
}

/** Whether any of a unit's sources (`list`, a LIST of keys) is invented; false when kallor is not published. */
function inventedSql(datasets: readonly string[], list: Sql): Sql {
  return datasets.includes('kallor')
    ? sql`coalesce((SELECT bool_or(k.pahittad) FROM kallor k WHERE list_contains(${list}, k.kalla)), false)`
    : sql`false`;
}

/**
 * The units of a topic table, with their number of periods: what the unit select lists and what picks a
 * page's default unit. The build stores the result (below); the pages read the stored table.
 */
export function unitCatalogQuery(table: TopicTable, datasets: readonly string[]): Sql {
  const value = ref(table === 'natverkshemsandel' ? 'andel' : 'antal');
  const naming = unitNaming(datasets, sql`t.enhetskod`);
  // Grouped first by unit and period (and source), then by unit: the sources are looked up once per unit
  // rather than joined to every row. On the national benchmark data (1.5 million rows) this is a third
  // faster than one GROUP BY over the joined rows.
  return sql`
WITH per_period AS (
  SELECT enhetskod, period, kalla, max(enhetsnamn) AS namn, count(${value}) AS varden
  FROM ${ref(table)}
  GROUP BY enhetskod, period, kalla
), per_unit AS (
  SELECT enhetskod, max(namn) AS namn, count(DISTINCT period) AS perioder, CAST(sum(varden) AS BIGINT) AS varden,
    list(DISTINCT kalla) AS kallor
  FROM per_period
  GROUP BY enhetskod
)
SELECT t.enhetskod,
  ${naming.name(sql`nullif(t.namn, ''), t.enhetskod`)} AS enhetsnamn,
  ${naming.level()} AS niva,
  t.perioder,
  t.varden,
  ${inventedSql(datasets, sql`t.kallor`)} AS pahittad
FROM per_unit t
${naming.join}
ORDER BY t.enhetskod`;
}

export interface UnitCatalog {
  /** The stored table's name (found through the search path, like every published table). */
  table: string;
  /** The datasets whose file may hold it: the first one published does. */
  hosts: readonly DatasetName[];
  /** The SQL that computes it over the published datasets, or null when none it reads is published. */
  source(datasets: readonly string[]): Sql | null;
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
export function unitsQuery(topic: CatalogTopic, datasets: readonly string[]): Sql | null {
  const catalog: UnitCatalog = UNIT_CATALOGS[topic];
  if (!catalogHost(catalog, datasets)) return null;
  return sql`SELECT ${join(CATALOG_COLUMNS.map(ref))} FROM ${ref(catalog.table)} ORDER BY enhetskod`;
}
