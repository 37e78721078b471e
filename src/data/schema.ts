// The data contract: one schema per dataset. Allowed values, their Swedish labels and the column
// descriptions live here once; validation, the SQL page's schema browser, docs and tests import them.

export type DatasetName = 'placeringar' | 'ej_verkstallda_beslut' | 'natverkshemsandel' | 'enheter' | 'handelser' | 'kallor';

/** How a cell is read and checked. */
export type ColumnKind =
  | 'period' // any accepted period form, stored canonically
  | 'unit' // an enhetskod
  | 'text' // free text (escaped wherever it is shown)
  | 'enum' // one of `values` (or an alias of one)
  | 'count' // a non-negative whole number or a marker
  | 'share' // a percentage 0–100 or a marker
  | 'date' // YYYY-MM-DD
  | 'url';

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  /** The column may be left out of a file; then every row gets `fallback`. */
  optional?: boolean;
  /** The value for an empty cell or a left-out column. Undefined: an empty cell is an error. */
  fallback?: string;
  /** For enums: the canonical values. */
  values?: readonly string[];
  /** For enums: other spellings accepted, lower-cased, mapped to canonical values. */
  aliases?: Readonly<Record<string, string>>;
  /** SQL type in the published table. */
  sqlType: 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'DATE' | 'BOOLEAN';
  /** What the column means, in Swedish (shown in the SQL page's schema browser and the docs). */
  description: string;
}

export interface DatasetSpec {
  name: DatasetName;
  /** Swedish name shown in the site. */
  title: string;
  description: string;
  columns: readonly ColumnSpec[];
  /** Columns that together identify a row: a second row with the same key is a duplicate. */
  key: readonly string[];
  /** The column holding the figure (a count or a share), if any. Its markers go to `markering`. */
  valueColumn?: 'antal' | 'andel';
  /**
   * Groups of parts that add up to a published total (never exceed it; equal it where every part is
   * listed). Two forms, see `TotalDimension` and `ParentDimension`; `additiveGroupIndices` in checks.ts
   * turns either into groups of rows. Used for the "total smaller than its parts" check, secondary
   * suppression and the disclosure audit's relations.
   */
  additive?: readonly AdditiveDimension[];
}

export type AdditiveDimension = TotalDimension | ParentDimension;

/**
 * Parts add up to the row whose `column` holds `total` (kon = totalt), among the rows that agree on every
 * other key column.
 */
export interface TotalDimension {
  column: string;
  total: string;
  /** Only rows matching this take part, the total included (e.g. verksamhet adds up only for SoL). */
  when?: (row: Record<string, unknown>) => boolean;
}

/**
 * Parts name their total: the rows whose `parent` column holds P are the parts of the row whose `column`
 * holds P (and whose own `parent` is empty), among the rows that agree on every other key column.
 * ej_verkstallda_beslut: the rows with overordnad_insats = Bostad add up to the row with insats = Bostad
 * of the same period, unit, law, area, sex and status. One level: a parent has no parent itself.
 */
export interface ParentDimension {
  column: string;
  parent: string;
  when?: (row: Record<string, unknown>) => boolean;
}

/** A row is a part named by `parent` (a sub-insats): anything but an empty or missing cell. */
export const hasParent = (row: Record<string, unknown>, dimension: ParentDimension): boolean => {
  const p = row[dimension.parent];
  return typeof p === 'string' && p !== '';
};

export const PLACEMENT_FORMS = [
  'jourhem', 'familjehem', 'natverkshem', 'hvb', 'sis', 'stodboende', 'skyddat_boende', 'ovrigt', 'totalt',
] as const;
export const PLACEMENT_FORM_LABELS: Record<(typeof PLACEMENT_FORMS)[number], string> = {
  jourhem: 'Jourhem',
  familjehem: 'Familjehem',
  natverkshem: 'Nätverkshem',
  hvb: 'HVB',
  sis: 'SiS (§ 12-hem)',
  stodboende: 'Stödboende',
  skyddat_boende: 'Skyddat boende',
  ovrigt: 'Övrigt',
  totalt: 'Totalt (barn räknas en gång)',
};
/** The published count of all placed children, each child once: a row of its own, never the sum of the forms. */
export const ALL_PLACEMENTS: (typeof PLACEMENT_FORMS)[number] = 'totalt';
/** The placement forms that together make up "any kind of familjehem" in the network-home share. */
export const FAMILY_HOME_FORMS = ['familjehem', 'jourhem', 'natverkshem'] as const;

export const CHILD_SEXES = ['totalt', 'flickor', 'pojkar'] as const;
export const CHILD_SEX_LABELS: Record<(typeof CHILD_SEXES)[number], string> = {
  totalt: 'Totalt', flickor: 'Flickor', pojkar: 'Pojkar',
};
export const AGE_GROUPS = ['0-20', '0-12', '13-17', '18-20'] as const;
export const AGE_GROUP_LABELS: Record<(typeof AGE_GROUPS)[number], string> = {
  '0-20': '0–20 år', '0-12': '0–12 år', '13-17': '13–17 år', '18-20': '18–20 år',
};
export const MEASURES = ['under_perioden', 'vid_periodens_slut'] as const;
export const MEASURE_LABELS: Record<(typeof MEASURES)[number], string> = {
  under_perioden: 'Placerade någon gång under perioden',
  vid_periodens_slut: 'Placerade vid periodens slut',
};

export const LAWS = ['SoL', 'LSS'] as const;
export const AREAS = ['ÄO', 'OF', 'IFO', 'totalt', ''] as const;
export const AREA_LABELS: Record<(typeof AREAS)[number], string> = {
  ÄO: 'Äldreomsorg (ÄO)',
  OF: 'Omsorg om funktionshindrade (OF)',
  IFO: 'Individ- och familjeomsorg (IFO)',
  totalt: 'Samtliga verksamheter',
  '': 'LSS',
};
export const ADULT_SEXES = ['totalt', 'kvinnor', 'män'] as const;
export const ADULT_SEX_LABELS: Record<(typeof ADULT_SEXES)[number], string> = {
  totalt: 'Totalt', kvinnor: 'Kvinnor', män: 'Män',
};
export const DECISION_STATUSES = [
  'totalt', 'verkstallt', 'tackat_nej', 'saknar_plats', 'personalskal', 'rekrytering', 'ej_medverkan', 'onskemal',
  'halsotillstand', 'avliden', 'avslutat_pa_begaran', 'tackat_ja_ej_verkstallt', 'verksamhetsskal', 'ovrigt',
] as const;
export const DECISION_STATUS_LABELS: Record<(typeof DECISION_STATUSES)[number], string> = {
  totalt: 'Samtliga ej verkställda beslut',
  verkstallt: 'Verkställt efter rapportperioden',
  tackat_nej: 'Den enskilde har tackat nej',
  saknar_plats: 'Plats saknas (t.ex. kö)',
  personalskal: 'Personalrelaterade skäl',
  rekrytering: 'Rekryteringssvårigheter',
  ej_medverkan: 'Den enskilde medverkar inte',
  onskemal: 'Den enskildes särskilda önskemål',
  halsotillstand: 'Hälsotillstånd är ett hinder',
  avliden: 'Den enskilde har avlidit',
  avslutat_pa_begaran: 'Avslutat på den enskildes begäran',
  tackat_ja_ej_verkstallt: 'Tackat ja, ännu inte verkställt',
  verksamhetsskal: 'Verksamhetsskäl',
  ovrigt: 'Övrigt',
};
export const UNIT_LEVELS = ['riket', 'lan', 'kommun', 'stadsdel', 'enhet'] as const;
export const UNIT_LEVEL_LABELS: Record<(typeof UNIT_LEVELS)[number], string> = {
  riket: 'Riket', lan: 'Län', kommun: 'Kommun', stadsdel: 'Stadsdel', enhet: 'Enhet',
};
export const SHARE_TYPES = ['utfall', 'mal'] as const;
export const SHARE_TYPE_LABELS: Record<(typeof SHARE_TYPES)[number], string> = { utfall: 'Utfall', mal: 'Mål' };
/**
 * The word a source puts before a share ("drygt 15 procent"): kept so that the share is shown as the
 * source gives it. Empty: the figure as it stands.
 */
export const SHARE_QUALIFIERS = ['', 'drygt', 'knappt', 'cirka', 'over', 'under'] as const;
/** As the words are written before the figure ("drygt 15 %", "över 15 %"). */
export const SHARE_QUALIFIER_LABELS: Record<(typeof SHARE_QUALIFIERS)[number], string> = {
  '': '', drygt: 'drygt', knappt: 'knappt', cirka: 'cirka', over: 'över', under: 'under',
};

/** What a source's totals count: also the cells it hides (the usual case), or only the cells it shows. */
export const SOURCE_TOTALS = ['omfattar_dolda', 'bara_synliga'] as const;

const lower = <T extends string>(values: readonly T[]): Record<string, T> =>
  Object.fromEntries(values.map((v) => [v.toLowerCase(), v]));

const period: ColumnSpec = {
  name: 'period', kind: 'period', sqlType: 'VARCHAR',
  description: 'Period: kvartal som 2025-Q3 eller år som 2020 (årsuppgifter fördelas aldrig på kvartal).',
};
const unitCode: ColumnSpec = {
  name: 'enhetskod', kind: 'unit', sqlType: 'VARCHAR',
  description: 'Enhetens kod: riket 00, län två siffror, kommun fyra siffror (0180), stadsdel eller enhet kommunkod-nummer (0180-01).',
};
const unitName: ColumnSpec = {
  name: 'enhetsnamn', kind: 'text', optional: true, fallback: '', sqlType: 'VARCHAR',
  description: 'Enhetens namn (som i enheter.csv när den finns).',
};
const count: ColumnSpec = {
  name: 'antal', kind: 'count', sqlType: 'INTEGER',
  description: 'Antal. NULL när uppgiften är skyddad, saknas eller inte finns att redovisa: se markering.',
};
const source: ColumnSpec = {
  name: 'kalla', kind: 'text', optional: true, fallback: '', sqlType: 'VARCHAR',
  description: 'Källa: nyckel i tabellen kallor.',
};

export const DATASETS: Record<DatasetName, DatasetSpec> = {
  placeringar: {
    name: 'placeringar',
    title: 'Placeringar',
    description: 'Barn och unga 0–20 år placerade i heldygnsvård, efter placeringsform, enhet, kön och ålder.',
    columns: [
      period, unitCode, unitName,
      {
        name: 'placeringsform', kind: 'enum', values: PLACEMENT_FORMS, sqlType: 'VARCHAR',
        aliases: {
          ...lower(PLACEMENT_FORMS), nätverkshem: 'natverkshem', nätverksfamiljehem: 'natverkshem', 'stödboende': 'stodboende',
          'skyddat boende': 'skyddat_boende', 'övrigt': 'ovrigt', '§12-hem': 'sis', '§ 12-hem': 'sis', 'sis-hem': 'sis', total: 'totalt',
        },
        description: 'Placeringsform. Totalt räknar varje barn en gång och är därför inte summan av formerna.',
      },
      {
        name: 'kon', kind: 'enum', values: CHILD_SEXES, optional: true, fallback: 'totalt', sqlType: 'VARCHAR',
        aliases: { ...lower(CHILD_SEXES), t: 'totalt', k: 'flickor', m: 'pojkar', alla: 'totalt', total: 'totalt' },
        description: 'Kön: totalt, flickor eller pojkar.',
      },
      {
        name: 'aldersgrupp', kind: 'enum', values: AGE_GROUPS, optional: true, fallback: '0-20', sqlType: 'VARCHAR',
        aliases: { ...lower(AGE_GROUPS), '0–20': '0-20', '0–12': '0-12', '13–17': '13-17', '18–20': '18-20' },
        description: 'Åldersgrupp: 0-20 (alla), 0-12, 13-17 eller 18-20 år.',
      },
      {
        name: 'avser', kind: 'enum', values: MEASURES, optional: true, fallback: 'under_perioden', sqlType: 'VARCHAR',
        aliases: lower(MEASURES),
        description: 'Mått: under_perioden (placerad någon gång under perioden) eller vid_periodens_slut (pågående sista dagen). Blandas aldrig i en serie.',
      },
      count, source,
    ],
    key: ['period', 'enhetskod', 'placeringsform', 'kon', 'aldersgrupp', 'avser'],
    valueColumn: 'antal',
    additive: [
      { column: 'kon', total: 'totalt' },
      { column: 'aldersgrupp', total: '0-20' },
    ],
  },
  ej_verkstallda_beslut: {
    name: 'ej_verkstallda_beslut',
    title: 'Ej verkställda beslut',
    description: 'Gynnande beslut enligt SoL och LSS som inte verkställts inom tre månader, rapporterade varje kvartal.',
    columns: [
      period, unitCode, unitName,
      {
        name: 'lag', kind: 'enum', values: LAWS, aliases: lower(LAWS), sqlType: 'VARCHAR',
        description: 'Lag: SoL (socialtjänstlagen) eller LSS.',
      },
      {
        name: 'verksamhet', kind: 'enum', values: AREAS, optional: true, fallback: '', sqlType: 'VARCHAR',
        aliases: { ...lower(AREAS), ao: 'ÄO', äo: 'ÄO', äldreomsorg: 'ÄO', alla: 'totalt', total: 'totalt' },
        description: 'Verksamhet för SoL: ÄO (äldreomsorg), OF (omsorg om funktionshindrade), IFO (individ- och familjeomsorg) eller totalt. Tom för LSS.',
      },
      {
        name: 'insats', kind: 'text', sqlType: 'VARCHAR',
        description: 'Insatsen som rapporten benämner den, eller totalt för alla insatser inom lag och verksamhet.',
      },
      {
        name: 'overordnad_insats', kind: 'text', optional: true, fallback: '', sqlType: 'VARCHAR',
        description: 'För en delinsats: insatsen den ingår i (t.ex. Bostad för Bostad/Fyren). Delinsatsen räknas i den överordnade insatsen och inte en gång till i verksamhetens total. Tom för en insats som räknas direkt i totalen.',
      },
      {
        name: 'kon', kind: 'enum', values: ADULT_SEXES, optional: true, fallback: 'totalt', sqlType: 'VARCHAR',
        aliases: { ...lower(ADULT_SEXES), t: 'totalt', k: 'kvinnor', m: 'män', man: 'män', alla: 'totalt', total: 'totalt' },
        description: 'Kön: totalt, kvinnor eller män.',
      },
      {
        name: 'status', kind: 'enum', values: DECISION_STATUSES, optional: true, fallback: 'totalt', sqlType: 'VARCHAR',
        aliases: lower(DECISION_STATUSES),
        description: 'Läget vid rapporteringstillfället (t.ex. verkstallt, tackat_nej, saknar_plats), eller totalt för alla beslut.',
      },
      count, source,
    ],
    key: ['period', 'enhetskod', 'lag', 'verksamhet', 'insats', 'kon', 'status'],
    valueColumn: 'antal',
    additive: [
      { column: 'kon', total: 'totalt' },
      { column: 'status', total: 'totalt' },
      // The insatser of a law and area add up to its total: only the top-level ones, since a sub-insats
      // is already counted in its parent (below).
      { column: 'insats', total: 'totalt', when: (row) => !row.overordnad_insats },
      // The sub-insatser of a parent add up to the parent (Bostad/Fyren, Bostad/Krongyllen … to Bostad).
      { column: 'insats', parent: 'overordnad_insats' },
      { column: 'verksamhet', total: 'totalt', when: (row) => row.lag === 'SoL' && row.insats === 'totalt' },
    ],
  },
  natverkshemsandel: {
    name: 'natverkshemsandel',
    title: 'Andel i nätverkshem (rapporterad)',
    description: 'Andel placerade i nätverkshem av alla placerade i någon typ av familjehem, publicerad som andel (t.ex. riket eller regionen).',
    columns: [
      period, unitCode, unitName,
      {
        name: 'andel', kind: 'share', sqlType: 'DOUBLE',
        description: 'Andel i procent (0–100). NULL när uppgiften saknas: se markering.',
      },
      {
        name: 'kvalificering', kind: 'enum', values: SHARE_QUALIFIERS, optional: true, fallback: '', sqlType: 'VARCHAR',
        aliases: {
          ...lower(SHARE_QUALIFIERS.filter((q) => q !== '')), ca: 'cirka', 'ca.': 'cirka', omkring: 'cirka', ungefär: 'cirka',
          'över': 'over', 'mer än': 'over', 'mindre än': 'under', nästan: 'knappt',
        },
        description: 'Ordet som källan sätter före andelen: drygt, knappt, cirka, over (över) eller under ("drygt 15 procent" blir andel 15, kvalificering drygt). Tom när källan anger talet utan förbehåll.',
      },
      {
        name: 'typ', kind: 'enum', values: SHARE_TYPES, optional: true, fallback: 'utfall', aliases: { ...lower(SHARE_TYPES), mål: 'mal' },
        sqlType: 'VARCHAR', description: 'utfall (uppmätt andel) eller mal (en enhets mål).',
      },
      source,
    ],
    key: ['period', 'enhetskod', 'typ'],
    valueColumn: 'andel',
  },
  enheter: {
    name: 'enheter',
    title: 'Enheter',
    description: 'Riket, län, kommuner, stadsdelar och enheter som uppgifterna avser.',
    columns: [
      { ...unitCode },
      { name: 'enhetsnamn', kind: 'text', sqlType: 'VARCHAR', description: 'Enhetens namn.' },
      {
        name: 'niva', kind: 'enum', values: UNIT_LEVELS, aliases: { ...lower(UNIT_LEVELS), län: 'lan', nivå: 'niva' }, sqlType: 'VARCHAR',
        description: 'Nivå: riket, lan, kommun, stadsdel eller enhet.',
      },
      {
        name: 'overordnad', kind: 'unit', optional: true, fallback: '', sqlType: 'VARCHAR',
        description: 'Koden för den överordnade enheten (kommunens län, stadsdelens kommun).',
      },
      {
        // Public figures (inhabitants), not counts of people in care: never suppressed, only read for the rates.
        name: 'befolkning', kind: 'count', optional: true, sqlType: 'INTEGER',
        description: 'Antal invånare 0–20 år i enheten (t.ex. enligt SCB). Valfri: där den finns visas placerade per 1 000 invånare i jämförelserna. Tom = saknas.',
      },
    ],
    key: ['enhetskod'],
  },
  handelser: {
    name: 'handelser',
    title: 'Händelser',
    description: 'Händelser som markeras på tidsaxeln i trenddiagrammen (t.ex. en ny lag träder i kraft).',
    columns: [
      { name: 'datum', kind: 'date', sqlType: 'DATE', description: 'Datum (ÅÅÅÅ-MM-DD).' },
      { ...unitCode, optional: true, fallback: '', description: 'Enhet som händelsen gäller; tom = alla enheter.' },
      { name: 'rubrik', kind: 'text', sqlType: 'VARCHAR', description: 'Kort rubrik som visas i diagrammen.' },
      { name: 'beskrivning', kind: 'text', optional: true, fallback: '', sqlType: 'VARCHAR', description: 'Längre beskrivning.' },
      source,
    ],
    key: ['datum', 'enhetskod', 'rubrik'],
  },
  kallor: {
    name: 'kallor',
    title: 'Källor',
    description: 'Källorna som varje uppgift hänvisar till med kolumnen kalla.',
    columns: [
      { name: 'kalla', kind: 'text', sqlType: 'VARCHAR', description: 'Källans nyckel.' },
      { name: 'titel', kind: 'text', sqlType: 'VARCHAR', description: 'Dokumentets titel.' },
      { name: 'utgivare', kind: 'text', optional: true, fallback: '', sqlType: 'VARCHAR', description: 'Utgivare.' },
      { name: 'datum', kind: 'date', optional: true, fallback: '', sqlType: 'DATE', description: 'Dokumentets datum.' },
      { name: 'url', kind: 'url', optional: true, fallback: '', sqlType: 'VARCHAR', description: 'Webbadress, om den finns.' },
      {
        name: 'pahittad', kind: 'enum', values: ['ja', 'nej'], optional: true, fallback: 'nej', aliases: { ja: 'ja', nej: 'nej' },
        sqlType: 'BOOLEAN', description: 'Sant för påhittade siffror (demodata).',
      },
      {
        name: 'totaler', kind: 'enum', values: SOURCE_TOTALS, optional: true, fallback: 'omfattar_dolda', aliases: lower(SOURCE_TOTALS),
        sqlType: 'VARCHAR',
        description: 'Vad källans totaler omfattar: omfattar_dolda (totalen räknar också de värden som källan döljt, standard) eller bara_synliga (totalen är summan av de värden som källan visar).',
      },
    ],
    key: ['kalla'],
  },
};

/** The order datasets are read in: units and sources first, since the others refer to them. */
export const DATASET_ORDER: readonly DatasetName[] = ['kallor', 'enheter', 'placeringar', 'ej_verkstallda_beslut', 'natverkshemsandel', 'handelser'];

/** The datasets that hold figures (at least one of them must exist). */
export const FIGURE_DATASETS: readonly DatasetName[] = ['placeringar', 'ej_verkstallda_beslut', 'natverkshemsandel'];

/** Counts from 1 up to (not including) this are never published. Overridden by SUPPRESSION_THRESHOLD. */
export const DEFAULT_SUPPRESSION_THRESHOLD = 4;

/** The published columns of a dataset: the contract's columns, with `markering` after the figure. */
export function publishedColumns(spec: DatasetSpec): { name: string; sqlType: ColumnSpec['sqlType']; description: string }[] {
  const out: { name: string; sqlType: ColumnSpec['sqlType']; description: string }[] = [];
  for (const c of spec.columns) {
    out.push({ name: c.name, sqlType: c.sqlType, description: c.description });
    if (c.name === spec.valueColumn) {
      out.push({ name: 'markering', sqlType: 'VARCHAR', description: 'Varför värdet saknas: sekretess (skyddad, under gränsen för publicering), saknas eller inget_att_redovisa. NULL när värdet finns.' });
    }
  }
  return out;
}

/** Which dataset a file belongs to: `placeringar.csv`, `placeringar_demo.csv`, `ej_verkstallda_beslut-2026Q1.csv`. */
export function datasetOfFile(fileName: string): DatasetName | null {
  const base = fileName.toLowerCase();
  if (!base.endsWith('.csv')) return null;
  const stem = base.slice(0, -4);
  for (const name of DATASET_ORDER) {
    if (stem === name || (stem.startsWith(name) && /[-_. ]/.test(stem[name.length]))) return name;
  }
  return null;
}
