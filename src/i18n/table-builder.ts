// Every word of the page "Tabell" (src/pages/tabell.astro, src/views/table-builder/*, src/render/pivot-table.ts,
// src/client/table-builder/*): the table builder for readers who do not write SQL.

import { formatCount, formatNumber } from './format.ts';

export const tableBuilderWords = {
  title: 'Skapa tabell',
  description: 'Välj datamängd, enheter, perioder och variabler och få en egen tabell, utan att skriva SQL.',
  heading: 'Skapa en egen tabell',
  lead:
    'Välj en datamängd och vilka värden du vill se för varje variabel, och om variabeln ska stå i rader eller ' +
    'kolumner. Tabellen räknas fram i din webbläsare; inget skickas till någon annan server.',
  needsJs:
    'Tabellverktyget behöver JavaScript, som är avstängt eller inte fungerar i din webbläsare. ' +
    'Alla färdiga tabeller på webbplatsen fungerar ändå:',
  staticLinks: 'Färdiga tabeller',
  form: {
    label: 'Välj tabellens innehåll',
    dataset: 'Datamängd',
    variables: 'Variabler',
    unitSearch: 'Sök enhet',
    unitSearchHint: 'Skriv en del av namnet eller koden för att korta listan.',
    unitsShown: (shown: number, total: number) => (shown === total ? `${formatCount(total)} enheter` : `${formatCount(shown)} av ${formatCount(total)} enheter visas`),
    chosen: (n: number, total: number) => `${formatCount(n)} av ${formatCount(total)} valda`,
    all: 'Välj alla',
    none: 'Välj inga',
    from: 'Från',
    to: 'Till',
    placement: 'Placera i',
    rows: 'Rader',
    columns: 'Kolumner',
    placementHint: 'En variabel med ett enda valt värde står i tabellens rubrik i stället.',
    swap: 'Byt rader och kolumner',
    show: 'Visa tabell',
    noValue: (variable: string) => `Välj minst ett värde för ${variable}.`,
  },
  variables: {
    enhetskod: 'Enhet',
    period: 'Period',
    placeringsform: 'Placeringsform',
    kon: 'Kön',
    aldersgrupp: 'Åldersgrupp',
    avser: 'Mått',
    lag: 'Lag',
    verksamhet: 'Verksamhet',
    insats: 'Insats',
    status: 'Status',
  } as Record<string, string>,
  totalInsats: 'Samtliga insatser',
  measure: 'Antal',
  /** The column of unit codes in a download. */
  unitCode: 'Enhetskod',
  status: {
    idle: 'Välj och tryck på Visa tabell.',
    starting: 'Startar databasmotorn …',
    running: 'Räknar fram tabellen …',
    done: (rows: number, columns: number, ms: number) =>
      `Tabellen har ${formatCount(rows)} rader och ${formatCount(columns)} kolumner med siffror (${formatNumber(ms, 0)} ms).`,
    empty: 'Det finns inga uppgifter för det du valt.',
    failed: (message: string) => `Tabellen kunde inte räknas fram: ${message}`,
    fromLink: 'Länkens tabell är vald i formuläret. Tryck på Visa tabell för att visa den.',
    fromRecent: 'Tabellen är vald i formuläret. Tryck på Visa tabell för att visa den.',
  },
  table: {
    caption: (dataset: string) => dataset,
    fixed: (parts: string[]) => parts.join(', '),
    totalsNote:
      'Totalerna är publicerade uppgifter, inte summor av cellerna: ett barn räknas en gång även om det varit ' +
      'placerat i flera former, och dolda värden finns med i totalen.',
    legend: 'Tecken i tabellen:',
    emptyCell: 'Ingen uppgift för den kombinationen',
    scrollLabel: 'Tabellen',
  },
  sql: {
    summary: 'Visa SQL-frågan',
    open: 'Öppna frågan i Utforska',
    tooLong: 'Frågan är för lång för en länk; kopiera den i stället.',
  },
  downloads: {
    heading: 'Ladda ner tabellen',
    csvExcel: 'CSV för Excel (Sverige)',
    csvData: 'CSV för dataverktyg',
    xlsx: 'Excel (XLSX)',
    jsonstat: 'JSON-stat 2.0',
    fileStem: 'tabell',
    source: 'Tabell skapad i tabellverktyget ur de publicerade uppgifterna.',
  },
  /** On /utforska/, beside its lead. */
  fromExplore: 'Skriver du inte SQL? Skapa en egen tabell genom att välja värden i stället:',
  fromExploreLink: 'Skapa tabell',
  link: {
    note: 'Adressen i webbläsaren innehåller alla val: kopiera den för att dela eller spara tabellen.',
  },
  recent: {
    summary: 'Senaste tabeller',
    note: 'De senaste tabellerna sparas bara i den här webbläsaren.',
    empty: 'Inga tidigare tabeller',
    clear: 'Töm listan',
    /** One line per table: the dataset, what is in rows and columns, the period range. */
    label: (dataset: string, rows: string[], columns: string[], periods: string) =>
      `${dataset}: ${rows.join(', ') || '–'} × ${columns.join(', ') || '–'}, ${periods}`,
  },
};
