// Every Swedish word of the dashboard pages (Översikt, Placeringar, Nätverkshem) and of the shared
// dashboard parts (filters, chart figures, key figures, engine status, downloads, print footer).
// Numbers, periods and dates are formatted by ./format.ts; labels of data values come from
// src/data/schema.ts and src/data/markers.ts.

import { formatNumber } from './format.ts';

export const dashboard = {
  filters: {
    legend: 'Välj vad som visas',
    unit: 'Enhet',
    unitSearch: 'Sök enhet',
    unitSearchHint: 'Skriv en del av namnet eller koden för att korta listan.',
    unitMatches: (n: number) => (n === 0 ? 'Ingen enhet matchar.' : n === 1 ? '1 enhet matchar.' : `${n} enheter matchar.`),
    from: 'Från',
    to: 'Till',
    sex: 'Kön',
    age: 'Åldersgrupp',
    measure: 'Mått',
    apply: 'Visa',
    /** The closed filter line: "Visar: Exempelstad · Byt enhet". */
    shownPrefix: 'Visar:',
    changeUnit: 'Byt enhet',
    changeMany: 'Ändra urval',
    /** Under a field that has no choice for the unit shown. */
    unavailable: 'Går inte att välja: enheten har bara ett värde här.',
    noScript:
      'Urvalet kan ändras med JavaScript påslaget. Utan JavaScript visar sidan standardurvalet nedan.',
  },
  engine: {
    loading: 'Hämtar uppgifterna …',
    working: 'Räknar fram urvalet …',
    done: (what: string) => `Klart. Visar ${what}.`,
    failed: (reason: string, what: string) => `Urvalet kunde inte visas: ${reason} Sidan visar fortfarande ${what}.`,
    unknownUnit: (code: string, shown: string) => `Enheten ”${code}” finns inte i uppgifterna; sidan visar ${shown}.`,
    badPeriod: (value: string) => `Perioden ”${value}” finns inte för enheten; hela perioden visas.`,
  },
  figure: {
    showTable: 'Visa siffrorna som tabell',
    downloads: 'Ladda ner',
    csv: 'CSV (Excel, Sverige)',
    svg: 'Diagram (SVG)',
    png: 'Bild (PNG)',
    pngFailed: 'Bilden kunde inte skapas i den här webbläsaren. Ladda ner diagrammet som SVG i stället.',
    chartKind: 'Visa som',
    lines: 'Linjer',
    areas: 'Staplade ytor',
    source: 'Källa',
    sources: 'Källor',
    invented: 'Påhittade siffror',
    published: (date: string) => `Data publicerade ${date}.`,
    empty: 'Det finns inga uppgifter att visa för det här urvalet.',
    /** A topic page on a site built without its data. */
    absent: (topic: string) => `Den här webbplatsen har inga publicerade uppgifter om ${topic}.`,
    absentMore: 'Vad som är publicerat står på sidan',
    absentTopic: {
      placements: 'placerade barn och unga',
      network: 'placeringar i nätverkshem',
      decisions: 'gynnande beslut som inte verkställts',
    },
    total: 'Totalt',
    percent: 'procent',
    highlighted: (unit: string) => `${unit} markerad`,
    periodsLatest: (n: number, latest: string) => `${n} perioder, senast ${latest}`,
  },
  notice: {
    /** Short: the unit's name says it too, and the answer comes right after it. */
    invented: (unit: string) => `Siffrorna för ${unit} är påhittade för att visa webbplatsen.`,
    heading: 'Påhittade siffror',
  },
  print: {
    footer: 'Utskrift från',
    data: (date: string) => `Data publicerade ${date}.`,
    printed: (date: string) => `Utskriven ${date}.`,
  },
  change: {
    up: (amount: string, period: string) => `ökning med ${amount} från ${period}`,
    down: (amount: string, period: string) => `minskning med ${amount} från ${period}`,
    same: (period: string) => `oförändrat från ${period}`,
    none: (period: string, why: string) => `ingen jämförelse med ${period} (${why})`,
    percentagePoints: (amount: string) => `${amount} procentenheter`,
  },
  overview: {
    title: 'Översikt',
    heading: 'Socialstatistik',
    lead:
      'Statistik om socialtjänstens insatser: placeringar av barn och unga utanför hemmet, ' +
      'placeringar i nätverkshem och gynnande beslut som inte verkställts inom tre månader.',
    keyHeading: (unit: string) => `Senaste siffrorna för ${unit}`,
    keyLead: 'Varje siffra jämförs med kvartalet före och med samma kvartal ett år tidigare.',
    trendsHeading: 'Utvecklingen över tid',
    dataDate: (date: string, period: string | null) =>
      period ? `Data publicerade ${date}. Senaste period i uppgifterna: ${period}.` : `Data publicerade ${date}.`,
    moreAboutData: 'Mer om data och källor',
    placements: 'Placerade barn och unga',
    placementsUnit: 'barn',
    network: 'Andel placerade i nätverkshem',
    networkUnit: 'av alla placerade i familjehem, jourhem och nätverkshem',
    decisionsSol: 'Ej verkställda beslut enligt SoL',
    decisionsLss: 'Ej verkställda beslut enligt LSS',
    decisionsUnit: 'beslut',
    decisions: 'Ej verkställda beslut',
    decisionsYLabel: 'Antal beslut',
    decisionsSubject: (law: string) => `antalet ej verkställda beslut enligt ${law}`,
    noData: (what: string) => `Det finns inga uppgifter om ${what} för enheten.`,
    hiddenInTotal: (periods: string) => `Totalerna omfattar också beslut vars antal är skyddade av sekretess (${periods}).`,
    toPage: (page: string) => `Till sidan ${page}`,
    placementsTitle: 'Placerade barn och unga',
    networkTitle: 'Andel placerade i nätverkshem',
    decisionsTitle: 'Ej verkställda beslut',
    placementsWhat: 'placeringar',
    networkWhat: 'nätverkshem',
    decisionsWhat: 'ej verkställda beslut',
  },
  placements: {
    title: 'Placeringar',
    lead:
      'Barn och unga 0–20 år som är placerade utanför hemmet (heldygnsvård), efter placeringsform, kön och ålder. ' +
      'Ett barn kan ha flera placeringsformer under en period; totalen räknar varje barn en gång.',
    trendTitle: 'Placerade barn och unga efter placeringsform',
    sexTitle: 'Placerade barn och unga efter kön',
    ageTitle: 'Placerade barn och unga efter åldersgrupp',
    compositionTitle: (period: string) => `Placeringsformer ${period}`,
    yLabel: 'Antal barn',
    xLabel: 'Antal barn',
    subject: 'antalet placerade barn och unga (totalt)',
    subjectForm: (form: string) => `antalet placerade i ${form}`,
    noSex: 'Uppgifterna för enheten är inte uppdelade på kön för det här urvalet.',
    noAge: 'Uppgifterna för enheten är inte uppdelade på åldersgrupp för det här urvalet.',
    totalNote:
      'Totalt (barn räknas en gång) är ett eget publicerat tal, inte summan av formerna: ett barn kan ha flera placeringsformer under perioden.',
    areaNote:
      'I ytdiagrammet staplas placeringsformerna; totalen visas inte där, eftersom summan av formerna kan vara större än antalet barn.',
    visibleSumNote:
      'Totalen är här källans summa av de värden som den visar: den omfattar inte de placeringar vars antal källan har skyddat med sekretess (*).',
    suppressedInTotal: (periods: string) =>
      `Totalen omfattar också placeringar vars antal är skyddade av sekretess (${periods}).`,
    compositionSummary: (period: string, list: string) => `Under ${period} var flest barn placerade i ${list}.`,
    compositionTotal: 'Totalt (barn räknas en gång)',
    sexSummary: (period: string, list: string) => `Under ${period}: ${list}.`,
    formHeader: 'Placeringsform',
    invalidSex: 'Könsuppdelningen finns inte för enheten; totalt visas.',
    invalidAge: 'Åldersgruppen finns inte för enheten; 0–20 år visas.',
  },
  network: {
    title: 'Nätverkshem',
    lead:
      'Andelen barn och unga som är placerade i nätverkshem (hos släkt eller andra i barnets nätverk) av alla som är ' +
      'placerade i någon typ av familjehem: nätverkshem, familjehem och jourhem. Andelen räknas fram ur antalen ' +
      'där de finns; en andel som bara publicerats som andel visas som den rapporterats, med sin källa.',
    shareTitle: 'Andel placerade i nätverkshem',
    countsTitle: 'Antalen bakom andelen',
    comparisonTitle: (period: string) => `Jämförelse mellan enheter ${period}`,
    computed: 'Beräknad andel',
    reported: 'Rapporterad andel',
    nationalRef: (period: string) => `Riket ${period}`,
    targetRef: (period: string) => `Mål ${period}`,
    yLabel: 'Andel i nätverkshem',
    xLabel: 'Andel i nätverkshem',
    countsYLabel: 'Antal barn',
    natverkshem: 'Placerade i nätverkshem',
    familjehemAlla: 'Placerade i alla typer av familjehem',
    subject: 'andelen placerade i nätverkshem',
    subjectReported: 'den rapporterade andelen placerade i nätverkshem',
    subjectCounts: 'antalet placerade i nätverkshem',
    tablePeriod: 'Period',
    tableComputed: 'Beräknad andel',
    tableNetwork: 'Nätverkshem (antal)',
    tableAll: 'Alla typer av familjehem (antal)',
    tableReported: 'Rapporterad andel',
    reportedSuffix: ' (rapporterad)',
    definition:
      'Beräknad andel = placerade i nätverkshem / (placerade i familjehem + jourhem + nätverkshem), kön totalt och 0–20 år.',
    hiddenShare:
      'När något av de tre antalen är skyddat av sekretess visas varken summan eller andelen, så att det skyddade antalet inte kan räknas fram.',
    missingHeading: (period: string) => `Enheter utan andel för ${period}`,
    missingItem: (unit: string, why: string) => `${unit}: ${why}`,
    noMissing: (period: string) => `Alla enheter med uppgifter har en andel för ${period}.`,
    noComparison: 'Det finns inga andelar att jämföra för perioden.',
    comparisonSummary: (period: string, hi: string, lo: string) => `Under ${period} var andelen högst i ${hi} och lägst i ${lo}.`,
    comparisonOne: (period: string, unit: string, value: string) => `Under ${period} var andelen ${value} i ${unit}.`,
    comparisonUnit: (unit: string, rank: number, n: number) =>
      rank === 1
        ? `${unit} har den högsta andelen av ${n} enheter med en andel.`
        : rank === n
          ? `${unit} har den lägsta andelen av ${n} enheter med en andel.`
          : `${unit} har den ${ordinal(rank)} högsta andelen av ${n} enheter med en andel.`,
    comparisonNote: 'Riket visas som en linje. Enheter utan publicerad andel står sist, med skälet.',
    groupChildren: (unit: string) => `${unit} och enheterna under`,
    groupSiblings: (parent: string) => `enheterna i ${parent}`,
    groupAll: 'alla enheter med en andel',
    noCounts: 'Antalen bakom andelen finns inte för enheten; andelen är rapporterad som andel.',
  },
} as const;

/** "näst", "tredje", …, "11:e" (as in "den näst högsta"). */
function ordinal(n: number): string {
  const words = ['', '', 'näst', 'tredje', 'fjärde', 'femte', 'sjätte', 'sjunde', 'åttonde', 'nionde', 'tionde'];
  return n < words.length ? words[n] : `${formatNumber(n)}:e`;
}
