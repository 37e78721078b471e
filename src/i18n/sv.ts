// Every Swedish word the site's frame shows (layout, navigation, start page, data page, browser engine).
// Numbers, periods and dates are formatted by src/i18n/format.ts; labels of data values (placeringsform,
// status, ...) and dataset names belong to the data contract in src/data/schema.ts.

import { formatNumber } from './format.ts';
export { ASSESSED, DIGG_COMPLAINT_URL, publish, publisherSettings } from './publish.ts';
export { aboutWords } from './about.ts';
export { dashboard } from './dashboard.ts';
export { decisionsWords } from './decisions.ts';
export { exploreWords, formatDuration } from './explore.ts';

export const sv = {
  site: {
    name: 'Socialstatistik',
    tagline: 'Statistik om socialtjänsten i kommunen',
    skipLink: 'Hoppa till innehållet',
    navLabel: 'Huvudmeny',
    footerData: 'Data publicerade',
    footerAbout:
      'Sammanställd statistik från socialtjänstens uppföljning. Inga personuppgifter publiceras; små antal döljs.',
    footerAboutAll:
      'Sammanställd statistik från socialtjänstens uppföljning. Inga personuppgifter publiceras, men alla antal visas, även små.',
    /** On every page of a site built with PUBLISH_ALL_COUNTS=ja (no count is hidden). */
    publishAllHeading: 'Alla antal visas, även de minsta.',
    publishAll:
      'Webbplatsen är byggd utan gräns för små antal (inställningen PUBLISH_ALL_COUNTS=ja), så även antal som 1, 2 och 3 ' +
      'publiceras. Små antal kan göra det möjligt att känna igen enskilda personer.',
  },
  nav: {
    oversikt: 'Översikt',
    placeringar: 'Placeringar',
    natverkshem: 'Nätverkshem',
    ejVerkstallda: 'Ej verkställda beslut',
    jamforelser: 'Jämförelser',
    tabell: 'Skapa tabell',
    utforska: 'Utforska',
    omStatistiken: 'Om statistiken',
    data: 'Data och källor',
    tillganglighet: 'Tillgänglighetsredogörelse',
  },
  summary: {
    caption: 'Publicerade datamängder',
    dataset: 'Datamängd',
    table: 'Tabell',
    rows: 'Rader',
    periods: 'Perioder',
    units: 'Enheter',
    suppressed: 'Dolda värden',
    noPeriods: '–',
    none: 'Det finns inga publicerade data ännu.',
  },
  home: {
    title: 'Översikt',
    heading: 'Socialstatistik',
    lead:
      'Här finns statistik om socialtjänstens insatser: placeringar av barn och unga utanför hemmet, ' +
      'placeringar i nätverkshem och gynnande beslut som inte verkställts i tid. ' +
      'Siffrorna kommer från kommunens egna rapporter och från nationell statistik.',
    howTo:
      'Alla tabeller och diagram fungerar utan JavaScript. Med JavaScript påslaget kan du också ' +
      'utforska data direkt i webbläsaren; inget skickas till någon annan server.',
    datasetsHeading: 'Vad som finns publicerat',
    moreAboutData: 'Mer om data och källor',
    inventedNote:
      'Observera: en del siffror på webbplatsen är påhittade och hör till en demokommun. ' +
      'De är märkta som påhittade överallt där de visas.',
  },
  data: {
    title: 'Data och källor',
    lead:
      'Varje datamängd publiceras som en databasfil som webbläsaren läser direkt. ' +
      'Små antal (under tröskeln) är dolda innan något publiceras.',
    leadAll:
      'Varje datamängd publiceras som en databasfil som webbläsaren läser direkt. ' +
      'Alla antal är publicerade, även de minsta (inställningen PUBLISH_ALL_COUNTS=ja).',
    threshold: (n: number) => `Antal från 1 till ${n} publiceras inte; de visas som dolda.`,
    generated: 'Data byggda',
    summaryHeading: 'Datamängder',
    sourcesHeading: 'Källor',
    sourcesCaption: 'Källor till siffrorna',
    sourceKey: 'Nyckel',
    sourceTitle: 'Titel',
    sourcePublisher: 'Utgivare',
    sourceDate: 'Datum',
    sourceInvented: 'Påhittade siffror',
    inventedYes: 'Ja, påhittade (demo)',
    inventedNo: 'Nej',
    noSources: 'Inga källor är publicerade.',
    fileSize: 'Storlek',
    browserHeading: 'Kontroll i webbläsaren',
    browserLead:
      'Knappen startar databasmotorn (DuckDB) i din webbläsare och läser in de publicerade filerna från ' +
      'den här webbplatsen. Antalet rader per tabell ska stämma med tabellen ovan.',
    browserButton: 'Läs in data i webbläsaren',
    browserNeedsJs: 'Kontrollen kräver JavaScript.',
    browserCaption: 'Rader per tabell, räknade i webbläsaren',
    browserMatch: 'Stämmer',
    browserYes: 'Ja',
    browserNo: 'Nej',
    browserDone: (ms: number) => `Klart på ${formatNumber(ms / 1000, 1)} sekunder.`,
  },
  engine: {
    phase: {
      start: 'Startar databasmotorn …',
      engine: 'Hämtar databasmotorn …',
      data: 'Hämtar data …',
      attach: 'Öppnar data …',
      ready: 'Klart.',
    } as Record<string, string>,
    bytes: (loaded: number, total: number) =>
      total > 0 ? `${formatBytes(loaded)} av ${formatBytes(total)}` : formatBytes(loaded),
    noWebAssembly:
      'Webbläsaren kan inte köra WebAssembly, som behövs för att räkna på data här. ' +
      'Tabellerna på sidan fungerar ändå.',
    startFailed: 'Databasmotorn kunde inte startas i webbläsaren.',
    wasmBlocked:
      'Webbplatsens säkerhetsinställningar tillåter inte WebAssembly, som databasmotorn behöver. ' +
      "Be den som driftar webbplatsen att lägga till 'wasm-unsafe-eval' i script-src. Tabellerna på sidan fungerar ändå.",
    fetchFailed: (file: string) => `Kunde inte hämta datafilen ${file}. Försök ladda om sidan.`,
    attachFailed: (file: string) => `Kunde inte öppna datafilen ${file}.`,
    unknownDataset: (name: string) => `Okänd datamängd: ${name}.`,
  },
} as const;

/** A file size: "44 kB", "32,7 MB" (decimal comma, no-break space). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, bytes / 1024), 0)}\u00a0kB`;
  return `${formatNumber(bytes / (1024 * 1024), 1)}\u00a0MB`;
}
