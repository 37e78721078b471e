// Every Swedish word of the comparison pages (Jämförelser: units side by side, rankings, unexecuted
// decisions across units) and of the small "Kommunen – Länet – Riket" table on the topic pages.

import { formatNumber } from './format.ts';

const LEVEL_PLURAL: Record<string, string> = { riket: 'riket', lan: 'län', kommun: 'kommuner', stadsdel: 'stadsdelar', enhet: 'enheter' };
const LEVEL_SINGULAR: Record<string, string> = { riket: 'Riket', lan: 'Länet', kommun: 'Kommunen', stadsdel: 'Stadsdelen', enhet: 'Enheten' };

export const compareWords = {
  nav: 'Jämförelser',
  title: 'Jämförelser mellan enheter',
  lead:
    'Enheterna sida vid sida för en period: stadsdelarna i en kommun, kommunerna i ett län eller alla kommuner. ' +
    'Bara publicerade uppgifter visas; ett skyddat värde står som sin markering och går inte att räkna fram ur en total.',
  topics: {
    placeringar: 'Placeringar',
    natverkshem: 'Nätverkshem',
    ej_verkstallda_beslut: 'Ej verkställda beslut',
  } as Record<string, string>,
  topicNav: 'Jämför',
  /** Printed, where the units are many, instead of the charts (dashboard-print.css). */
  printNoteManyUnits: 'Diagram över så många enheter skrivs inte ut; siffrorna finns i tabellen nedan, en rad per enhet.',
  topicLead: {
    placeringar: 'Placerade barn och unga 0–20 år per enhet och placeringsform, och placerade per 1 000 invånare där befolkningen finns.',
    natverkshem: 'Andelen placerade i nätverkshem per enhet, i ordning, med enheterna utan andel och skälet.',
    ej_verkstallda_beslut: 'Ej verkställda gynnande beslut per enhet och insats för ett kvartal, som i kvartalsrapporten.',
  } as Record<string, string>,
  filters: {
    group: 'Enheter som jämförs',
    period: 'Period',
    highlight: 'Markera enhet',
    noHighlight: 'Ingen',
    area: 'Lag och verksamhet',
  },
  groupChildren: (childLevel: string | null, parent: string) => `${capital(LEVEL_PLURAL[childLevel ?? ''] ?? 'enheter')} i ${parent}`,
  groupLevel: (level: string) => (level === 'riket' ? 'Riket' : `Alla ${LEVEL_PLURAL[level] ?? level}`),
  groupAll: 'Alla enheter',
  unknownGroup: (code: string, shown: string) => `Gruppen ”${code}” finns inte i uppgifterna; sidan visar ${shown}.`,
  unknownHighlight: (code: string) => `Enheten ”${code}” ingår inte i jämförelsen och markeras inte.`,
  unitHeader: 'Enhet',
  formHeader: 'Placeringsform',
  codeHeader: 'Kod',
  totalRow: (name: string) => `${name} totalt`,
  sortHint: 'Klicka på en kolumnrubrik för att sortera. Utan JavaScript är tabellen sorterad efter enhetens kod.',
  sortBy: (column: string) => `Sortera efter ${column}`,
  csv: 'Tabellen (CSV)',
  none: 'Det finns inga uppgifter att jämföra för urvalet.',
  /** Placements. */
  sideTitle: (period: string) => `Placerade barn och unga per enhet och placeringsform ${period}`,
  sideCaption: (group: string, period: string) => `${group}: placerade barn och unga 0–20 år per placeringsform, ${period}`,
  heatTitle: (period: string) => `Placeringsformerna per enhet ${period}`,
  heatSummary: (units: number, columns: number, hidden: number) =>
    `${formatNumber(units)} enheter och ${formatNumber(columns)} kolumner.${hidden ? ` ${formatNumber(hidden)} ${hidden === 1 ? 'värde är skyddat' : 'värden är skyddade'} av sekretess och visas som ×.` : ''} Siffrorna finns också i tabellen.`,
  heatNote: 'Färgen visar antalet jämfört med kolumnens största: mörkare är fler. Skyddade och saknade värden är vita med sin markering.',
  totalsIncludeHidden: 'Totalen räknar varje barn en gång och publiceras som en egen uppgift; den är inte summan av formerna och innehåller också barn i former som är skyddade av sekretess.',
  totalsNote: (measure: string) => `Totalt = antal barn och unga som ${measure}, varje barn räknat en gång (källans ”individer”), även ett barn som haft flera placeringsformer.`,
  totalsMeasure: { under_perioden: 'någon gång under perioden varit placerade i heldygnsvård', vid_periodens_slut: 'var placerade i heldygnsvård vid periodens slut' } as Record<string, string>,
  parentTotalNote: (parent: string) => `Raden ${parent} totalt är den publicerade totalen för hela ${parent}, inte summan av raderna ovanför.`,
  rateTitle: (period: string) => `Placerade per 1 000 invånare 0–20 år ${period}`,
  rateXLabel: 'Placerade per 1 000 invånare',
  rateNote: 'Antal placerade (totalt, varje barn en gång) delat med enhetens befolkning 0–20 år i enheter, gånger 1 000. Samma befolkning används för alla perioder.',
  rateNone: 'Befolkningen finns inte för enheterna, så antal per 1 000 invånare kan inte visas. Den läggs till med kolumnen befolkning i enheter.',
  countsXLabel: 'Antal barn',
  totalsTitle: (period: string) => `Placerade barn och unga per enhet ${period}`,
  /** Network share. */
  shareTitle: (period: string) => `Andel placerade i nätverkshem per enhet ${period}`,
  shareCaption: (group: string, period: string) => `${group}: andel placerade i nätverkshem, ${period}`,
  shareHeader: 'Andel i nätverkshem',
  networkHeader: 'Nätverkshem (antal)',
  allHomesHeader: 'Alla typer av familjehem (antal)',
  kindHeader: 'Slag',
  computed: 'beräknad',
  reported: 'rapporterad',
  /** Missing values in a ranking. */
  missingHeading: (what: string, period: string) => `Enheter utan ${what} för ${period}`,
  missingShare: 'andel',
  missingRate: 'värde per 1 000 invånare',
  missingNone: (period: string) => `Alla enheter i jämförelsen har ett värde för ${period}.`,
  reason: {
    sekretess: 'skyddad av sekretess',
    bortfall: 'bortfall (enheten har inte redovisat någon uppgift)',
    saknas: 'uppgift saknas för perioden',
    inget_att_redovisa: 'inget att redovisa',
    befolkning: 'befolkningen saknas',
  } as Record<string, string>,
  reasonNote:
    'Skyddad av sekretess: värdet är för litet för att publiceras. Bortfall: enheten har inte redovisat något värde (källans ”..”). ' +
    'Uppgift saknas: det finns ingen uppgift för enheten för perioden.',
  andMore: (n: number) => `och ${formatNumber(n)} till`,
  rankingSummary: (period: string, hi: string, lo: string) => `Under ${period} var värdet högst i ${hi} och lägst i ${lo}.`,
  rankingOne: (period: string, unit: string, value: string) => `Under ${period} var värdet ${value} i ${unit}.`,
  rankOf: (unit: string, rank: number, n: number) => `${unit} har plats ${formatNumber(rank)} av ${formatNumber(n)} enheter med ett värde.`,
  missingSummary: (n: number) => (n === 1 ? '1 enhet saknar värde, med skälet under diagrammet.' : `${formatNumber(n)} enheter saknar värde, med skälet under diagrammet.`),
  references: (name: string) => name,
  /** Decisions. */
  decisionsTitle: (area: string, period: string) => `Ej verkställda beslut per enhet och insats, ${area}, ${period}`,
  decisionsCaption: (group: string, area: string, period: string) => `${group}: ej verkställda beslut per insats, ${area}, ${period}`,
  decisionsTotal: 'Totalt',
  decisionsNote: 'Varje insats räknas direkt i verksamhetens total; en delinsats (t.ex. Bostad/Fyren) ingår i sin överordnade insats och visas inte en gång till. Kön och läge totalt.',
  decisionsHidden: 'En total kan innehålla insatser som är skyddade av sekretess; det skyddade antalet visas inte och kan inte räknas fram.',
  decisionsChartTitle: (area: string, period: string) => `Ej verkställda beslut per enhet, ${area}, ${period}`,
  /** The unit against its county and the nation, on the topic pages. */
  hierarchy: {
    heading: (period: string) => `Jämfört med länet och riket, ${period}`,
    level: (niva: string | null, fallback: string) => LEVEL_SINGULAR[niva ?? ''] ?? fallback,
    unitHeader: 'Nivå',
    nameHeader: 'Enhet',
    difference: (unit: string) => `Skillnad mot ${unit}`,
    differenceUnit: { percent: 'procentenheter', rate: 'per 1 000' } as Record<string, string>,
    same: '–',
    caption: (what: string, period: string) => `${what}, ${period}: enheten, länet och riket`,
    noParent: 'Enheten har ingen överordnad enhet i enheter, så den jämförs inte med län och riket.',
    note: 'Skillnaden är enhetens värde minus radens värde; den visas bara när båda har ett värde.',
    countNote: 'Antal jämförs inte som skillnad: enheterna är olika stora.',
    share: 'Andel i nätverkshem',
    placed: 'Placerade barn och unga',
    rate: 'Per 1 000 invånare 0–20 år',
    decisions: 'Ej verkställda beslut',
  },
} as const;

function capital(s: string): string {
  return s ? s[0].toLocaleUpperCase('sv-SE') + s.slice(1) : s;
}
