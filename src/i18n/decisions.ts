// Every word of the page "Ej verkställda beslut" (src/pages/ej-verkstallda-beslut.astro and
// src/views/decisions/*). Labels of data values (areas, statuses, sexes) come from src/data/schema.ts;
// numbers and periods are formatted by src/i18n/format.ts.

import { formatNumber, periodLabel, periodRangeLabel } from './format.ts';

const LAW_LONG: Record<string, string> = {
  SoL: 'socialtjänstlagen (SoL)',
  LSS: 'lagen om stöd och service till vissa funktionshindrade (LSS)',
};

const AREA_SHORT: Record<string, string> = { ÄO: 'ÄO', OF: 'OF', IFO: 'IFO' };

export const decisionsWords = {
  title: 'Ej verkställda beslut',
  description:
    'Gynnande beslut enligt socialtjänstlagen (SoL) och LSS som inte verkställts inom tre månader, per kvartal, verksamhet, insats och kön.',
  lead:
    'Varje kvartal rapporterar socialnämnden de gynnande beslut som inte har verkställts inom tre månader ' +
    'från beslutsdagen. Här visas antalet per kvartal enligt socialtjänstlagen (SoL) och LSS, per ' +
    'verksamhet och insats, per kön och läget vid rapporteringstillfället.',
  aboutLink: 'Vad betyder ”ej verkställt”? Läs mer om statistiken',
  invented: 'Siffrorna för den här enheten är påhittade (demodata). De visar hur sidan fungerar, inte verkliga förhållanden.',
  noData: 'Det finns inga uppgifter om ej verkställda beslut för det här urvalet.',
  noDataset: 'Inga uppgifter om ej verkställda beslut är publicerade.',
  unitPeriod: (unit: string, first: string, last: string) => `${unit}, ${periodRangeLabel(first, last)}`,

  lawShort: (lag: string) => lag,
  lawLong: (lag: string) => LAW_LONG[lag] ?? lag,
  /** Row header of an area's total in the comparison table. */
  areaTotal: (area: string) => `Totalt ${AREA_SHORT[area] ?? area}`,
  /** Row header of a law's total in the comparison table. */
  lawTotal: (lag: string) => (lag === 'SoL' ? 'Totalt samtliga verksamheter' : 'Totalt LSS'),
  /** After a status whose figure is a sum of published parts with hidden parts beside it (kept short: it is a bar label). */
  atLeast: ', minst',

  yLabel: 'Antal beslut',
  valueHeader: 'Antal beslut',
  sexHeader: 'Kön',

  subtitle: (unit: string, who: string, when: string) => `${unit} · ${who} · antal beslut, ${when}`,
  sexWho: (sex: string) => (sex === 'totalt' ? 'kvinnor och män' : sex.toLowerCase()),
  invalidSex: 'Könsuppdelningen finns inte för enheten; totalt visas.',

  totals: {
    heading: 'Antal ej verkställda beslut per kvartal',
    title: 'Ej verkställda gynnande beslut per kvartal, SoL och LSS',
    subject: (lag: string) => `antalet ej verkställda beslut enligt ${lag}`,
    none: 'Det finns inga totaler för SoL eller LSS i det här urvalet.',
  },
  areas: {
    heading: 'Per verksamhet (SoL)',
    title: 'Ej verkställda beslut enligt SoL per verksamhet',
    subject: (area: string) => `antalet ej verkställda beslut inom ${area}`,
    latest: (period: string, list: string) => `Under ${period}: ${list}.`,
    none: 'Besluten enligt SoL är inte uppdelade på verksamhet i det här urvalet.',
    areaNote: 'I ytdiagrammet staplas verksamheterna; tillsammans är de totalen för SoL.',
  },
  insatser: {
    heading: 'Per insats',
    lead: 'Det senaste kvartalet i urvalet, per insats. Insatser med små antal är skyddade av sekretess och visas utan tal.',
    title: (lag: string, period: string) => `Ej verkställda beslut enligt ${lag} per insats, ${periodLabel(period)}`,
    summary: (period: string, lag: string, insats: string, value: string, total: string | null) =>
      `Under ${period} gällde flest ej verkställda beslut enligt ${lag} ${insats}: ${value}${total ? ` av totalt ${total}` : ''}.`,
    summaryAmongShown: (period: string, lag: string, insats: string, value: string, total: string | null) =>
      `Av de insatser som visas med antal gällde flest ej verkställda beslut enligt ${lag} under ${period} ${insats}: ${value}${total ? ` av totalt ${total}` : ''}.`,
    hiddenMayBeMore: (n: number) => `${n === 1 ? 'En insats är skyddad' : `${n} insatser är skyddade`} av sekretess och kan ha fler.`,
    none: (lag: string) => `Det finns inga uppgifter per insats enligt ${lag} för kvartalet.`,
    category: 'Insats',
    /** Printed instead of the section's charts (the comparison tables carry their numbers). */
    printNote: 'Diagrammen per insats skrivs inte ut; siffrorna finns i sista kolumnen i jämförelsetabellerna nedan.',
  },
  sexes: {
    heading: 'Per kön',
    title: (period: string) => `Ej verkställda beslut per kön, ${periodLabel(period)}`,
    lead: 'Rapporterna ska visa hur många av de ej verkställda besluten som gäller kvinnor respektive män.',
    none: 'Uppgifter per kön finns inte för det här urvalet.',
    summary: (period: string, parts: string) => `Under ${period} gällde ${parts}.`,
    part: (lag: string, women: string, men: string) => `besluten enligt ${lag} ${women} kvinnor och ${men} män`,
    category: 'Lag',
  },
  statuses: {
    heading: 'Läget vid rapporteringstillfället',
    title: (lag: string, period: string) => `Läget vid rapporteringstillfället för besluten enligt ${lag}, ${periodLabel(period)}`,
    summary: (period: string, lag: string, status: string, value: string) =>
      `När rapporten för ${period} lämnades var det vanligaste läget för besluten enligt ${lag}: ${status} (${value}).`,
    atLeastValue: (value: string) => `minst ${value}`,
    category: 'Läge',
    lead:
      'När rapporten lämnas har en del av besluten hunnit verkställas, andra väntar fortfarande, till exempel ' +
      'på en ledig plats, eller har avslutats. Rapporterna anger läget per insats; här är det sammanlagt per orsak.',
    summed:
      'Rapporterna anger läget per insats, inte en total per orsak. Varje stapel är därför summan av de ' +
      'publicerade uppgifterna per insats. Där någon av dem är skyddad av sekretess står ”minst” efter orsaken: ' +
      'det verkliga antalet är då större än eller lika med det som visas.',
    none: (lag: string) => `Läget vid rapporteringstillfället finns inte redovisat för besluten enligt ${lag} i det här urvalet.`,
  },
  comparison: {
    heading: 'Jämförelse med de två föregående kvartalen',
    lead:
      'Samma uppställning som i nämndens kvartalsrapport: varje insats för det senaste kvartalet och de två kvartalen före.',
    quarters: (list: string) => `Kvartalen i jämförelsen: ${list}.`,
    none: 'Det finns inga uppgifter att jämföra för det här urvalet.',
    caption: (lag: string, unit: string) => `Ej verkställda beslut enligt ${lag} per insats, ${unit}: jämförelse mellan tre kvartal`,
    insatsHeader: (lag: string) => (lag === 'LSS' ? 'Typ av insats enligt 9 § LSS' : 'Insats enligt SoL'),
    areaHeader: 'Verksamhet',
    csv: 'Tabellen (CSV)',
    hiddenPartsRef: ' (totalen omfattar delar som är skyddade av sekretess)',
    hiddenPartsNote:
      '* Totalen omfattar delar som är skyddade av sekretess, så de delar som visas summerar inte till totalen.',
    hiddenNote:
      'Antal från 1 upp till gränsen för sekretess visas inte, och där det behövs döljs också andra uppgifter, ' +
      'så att de dolda inte kan räknas fram.',
    missingNote: '”Uppgift saknas” betyder att kvartalets rapport inte har någon uppgift om insatsen.',
    /** Printed under the table, whose hidden cells print as their glyph only. */
    glyphLegend: (list: string) => `Tecken i tabellen: ${list}.`,
  },

  hiddenTotals: (periods: string) =>
    'Totalerna omfattar delar som är skyddade av sekretess. De är publicerade som totaler och är korrekta, men ' +
    `de delar som visas går inte att summera till dem (gäller ${periods}).`,
  manyPeriods: (n: number, last: string) => `${formatNumber(n)} kvartal, senast ${last}`,
  source: 'Källa',
  sources: 'Källor',
} as const;
