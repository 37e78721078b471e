// Every word of the page "Utforska" (src/pages/utforska.astro, src/components/explore/*, src/client/explore/*).
// Numbers, periods and sizes are formatted by src/i18n/format.ts; column descriptions of the published data
// come from the data contract (src/data/schema.ts) and src/queries/views.ts.

import { formatNumber } from './format.ts';

const count = (n: number, one: string, many: string) => `${formatNumber(n)}\u00a0${n === 1 ? one : many}`;

/** "0,8 s" or "45 ms": a duration as an analyst reads it. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${formatNumber(Math.max(0, ms))}\u00a0ms`;
  return `${formatNumber(ms / 1000, ms < 10_000 ? 1 : 0)}\u00a0s`;
}

export const exploreWords = {
  title: 'Utforska',
  heading: 'Utforska data med SQL',
  description:
    'Ställ egna SQL-frågor till de publicerade uppgifterna och till egna CSV-filer, direkt i webbläsaren.',
  lead:
    'Här kan du ställa egna frågor till de publicerade uppgifterna med SQL. Frågorna körs av databasmotorn ' +
    'DuckDB i din webbläsare: ingenting skickas till någon server, och en egen fil som du läser in lämnar ' +
    'aldrig datorn.',
  needsJs:
    'Frågeverktyget kräver JavaScript. Utan JavaScript ser du exempelfrågorna med svaren som de beräknades ' +
    'när webbplatsen byggdes, och alla tabeller med sina kolumner.',
  readOnlyNote:
    'De publicerade tabellerna är skrivskyddade. Tabeller du skapar själv (CREATE TABLE) och filer du läser in ' +
    'finns bara i den här fliken och försvinner när du laddar om sidan.',

  examples: {
    heading: 'Exempelfrågor',
    lead: 'Varje exempel besvarar en fråga om de publicerade uppgifterna. Knappen lägger frågan i rutan och kör den.',
    run: 'Kör exemplet',
    runNamed: (title: string) => `Kör exemplet: ${title}`,
    showSql: 'Visa SQL-frågan',
    builtResult: (rows: number) =>
      `Svaret när webbplatsen byggdes (${count(rows, 'rad', 'rader')}${rows > 20 ? ', de första 20 visas' : ''})`,
    builtCaption: (title: string) => `${title}: svar när webbplatsen byggdes`,
  },

  editor: {
    heading: 'Fråga',
    label: 'SQL-fråga',
    hint: 'Ctrl+Enter (⌘+Enter på Mac) kör frågan. Flera satser skilda med semikolon körs i tur och ordning; svaret på den sista visas.',
    run: 'Kör',
    cancel: 'Avbryt',
    copyLink: 'Kopiera länk till frågan',
    linkCopied: 'Länken till frågan är kopierad.',
    linkInAddressBar: 'Länken till frågan står i adressfältet.',
    linkTooLong: (max: number) =>
      `Frågan är för lång för en länk (adressen får vara högst ${formatNumber(max)} tecken). Spara den som fil i stället.`,
    history: 'Senaste frågor',
    historyEmpty: 'Inga tidigare frågor',
    historyClear: 'Töm historiken',
    historyNote: 'De senaste frågorna sparas bara i den här webbläsaren.',
    empty: 'Det finns ingen fråga att köra: rutan är tom eller innehåller bara kommentarer. Skriv en fråga eller välj ett exempel.',
    cancelHint:
      'Avbryt stoppar frågan. Stannar den inte inom en halv sekund avslutas databasmotorn och startas om: då försvinner ' +
      'dina egna tabeller och inlästa filer (de publicerade finns kvar).',
  },

  status: {
    idle: 'Databasmotorn startar när du börjar skriva i rutan eller kör en fråga.',
    starting: 'Startar databasmotorn …',
    running: 'Frågan körs …',
    cancelling: 'Avbryter …',
    cancelled: 'Frågan avbröts. Du kan köra en ny fråga.',
    done: (rows: number, ms: number) => `${count(rows, 'rad', 'rader')} på ${formatDuration(ms)}.`,
    doneNoRows: (ms: number) => `Klart på ${formatDuration(ms)}. Frågan gav inga rader.`,
    truncated: (shown: number) =>
      `Svaret har fler än ${formatNumber(shown)} rader; de första ${formatNumber(shown)} visas och kan laddas ner. ` +
      'Använd LIMIT, WHERE eller GROUP BY för att få ett mindre svar.',
    engineRestarted:
      'Frågan stannade inte, så databasmotorn avslutades och startades om. Dina egna tabeller och inlästa filer ' +
      'finns inte längre; läs in filerna igen om du behöver dem.',
    fromLink: 'Frågan från länken står i rutan. Läs igenom den och tryck på Kör när du vill köra den.',
    restored:
      'De publicerade tabellerna och sökvägen återställdes efter frågan, så att nästa fråga ser samma data som förut.',
  },

  error: {
    heading: 'Frågan gick inte att köra',
    at: (line: number, column: number) => `Felet finns på rad ${formatNumber(line)}, tecken ${formatNumber(column)} (markerat i rutan).`,
    duckdb: 'DuckDB:s felmeddelande:',
    missingTable: (name: string) =>
      `Tabellen ${name} finns inte här. Kommer frågan från en länk bygger den troligen på en egen fil som ` +
      `avsändaren läste in i sin webbläsare: sådana filer följer aldrig med en länk. Läs in din egen fil med ` +
      `tabellnamnet ${name}, så kan frågan köras.`,
    loadAs: (name: string) => `Läs in en fil som ${name}`,
    engine: 'Databasmotorn kunde inte startas, så frågor kan inte köras här. Exemplen och tabellerna nedan visar ändå uppgifterna.',
  },

  /** Published names are kept for the published tables (client/explore/name-guard.ts). */
  guard: {
    refused: (name: string) =>
      `Frågan skapar eller döper om en egen tabell eller vy till ${name}, som är namnet på en publicerad tabell. ` +
      `Det går inte, så att ${name} alltid betyder de publicerade uppgifterna. Välj ett annat namn, t.ex. ` +
      `${name}_egen. Ingenting i frågan kördes.`,
    dropped: (names: string) =>
      `Frågan skapade en egen tabell eller vy med samma namn som en publicerad (${names}). Den togs bort, så att ` +
      'namnet alltid betyder de publicerade uppgifterna.',
  },

  shadow: (name: string, qualified: string) =>
    `Din tabell ${name} har samma namn som en publicerad tabell och döljer den i frågor som skriver bara ${name}. ` +
    `Den publicerade nås fortfarande som ${qualified}. Ta bort din med DROP TABLE ${name} eller DROP VIEW ${name}.`,

  results: {
    heading: 'Resultat',
    none: 'Kör en fråga så visas svaret här.',
    rowCountNote: (rows: number, columns: number) => `${count(rows, 'rad', 'rader')}, ${count(columns, 'kolumn', 'kolumner')}`,
    nullValue: 'NULL',
    yes: 'sant',
    no: 'falskt',
    downloads: 'Ladda ner',
    downloadAbout: 'Om filformaten',
    downloadCsv: 'CSV (Excel, Sverige)',
    downloadCsvData: 'CSV (data)',
    downloadXlsx: 'Excel (XLSX)',
    downloadJsonStat: 'JSON-stat',
    downloadArrow: 'Arrow',
    downloadNote:
      'CSV för Excel: semikolon, decimalkomma, avrundat som i tabellen. CSV (data): komma, decimalpunkt, full precision. ' +
      'Excel-filen har koder som text och ett blad om uppgifterna. JSON-stat när varje rad är en cell (textkolumner × talkolumner). ' +
      'Arrow för R, Python och andra analysverktyg.',
    notCube:
      'Svaret kan inte skrivas som JSON-stat: två rader har samma värden i alla textkolumner, eller så finns ingen talkolumn. ' +
      'Gruppera i frågan (GROUP BY) så att varje kombination förekommer en gång.',
    exportTitle: 'Resultat från Utforska',
    exportSource: 'Egen fråga i Utforska över de publicerade uppgifterna.',
    fileStem: 'utforska-resultat',
    gridLabel: 'Resultattabell',
    sortBy: (name: string) => `Sortera efter ${name} (tryck igen för omvänd ordning)`,
    profile: 'Profil',
    profileFor: (name: string) => `Visa en profil av kolumnen ${name}`,
    profileHeading: (name: string, type: string) => `Profil av kolumnen ${name} (${type})`,
    profileRows: 'Rader',
    profileDistinct: 'Olika värden',
    profileNulls: 'Tomma (NULL)',
    profileMin: 'Minsta',
    profileMax: 'Största',
    profileHistogram: (name: string) => `Fördelning av ${name}`,
    profileValue: 'Värde',
    profileCount: 'Antal rader',
    profileClose: 'Stäng profilen',
    scrollHint: 'Tabellen rullar; piltangenterna och Page Up/Page Down fungerar när den har fokus.',
  },

  chart: {
    heading: 'Snabbdiagram',
    lead: 'Välj kolumner ur svaret för ett enkelt diagram.',
    kind: 'Diagramtyp',
    line: 'Linjediagram (över perioder)',
    bar: 'Stapeldiagram',
    x: 'Period eller kategori',
    y: 'Värde',
    series: 'Serier (valfritt)',
    noSeries: 'Ingen uppdelning',
    draw: 'Rita',
    needsPeriod: 'Ett linjediagram behöver en kolumn med perioder (som 2025-Q3 eller 2020).',
    needsNumber: 'Svaret har ingen kolumn med tal att rita.',
    tooMany: (n: number, max: number) => `För många staplar (${formatNumber(n)}); ett stapeldiagram ritas för högst ${formatNumber(max)}. Filtrera eller aggregera i frågan.`,
    tooManySeries: (n: number, max: number) => `För många serier (${formatNumber(n)}); högst ${formatNumber(max)} kan ritas. Välj en annan uppdelning.`,
    duplicates: (kind: 'line' | 'bar') =>
      kind === 'line'
        ? 'Flera rader har samma period och serie. Välj en uppdelning (serier), eller aggregera i frågan så att varje punkt är en rad.'
        : 'Flera rader har samma kategori. Välj en uppdelning, eller aggregera i frågan så att varje stapel är en rad.',
    tooManyRows: (n: number, max: number) =>
      `Svaret har ${formatNumber(n)} rader; ett snabbdiagram ritas för högst ${formatNumber(max)}. Aggregera i frågan först.`,
    omitted: (names: string) => `Serier utan något värde ritas inte: ${names}.`,
    none: 'Inget diagram: svaret har ingen kolumn med tal.',
    tableSummary: 'Visa diagrammets siffror som tabell',
    title: (y: string, x: string) => `${y} efter ${x}`,
  },

  schema: {
    heading: 'Tabeller',
    lead: 'Klicka på ett namn för att infoga det i frågan.',
    leadStatic: 'Tabellerna och kolumnerna som kan användas i frågor.',
    published: 'Publicerade tabeller (skrivskyddade)',
    own: 'Dina tabeller (bara i den här fliken)',
    noOwn: 'Inga ännu. Skapa en med CREATE TABLE eller läs in en CSV-fil.',
    table: 'tabell',
    view: 'vy',
    rows: (n: number) => count(n, 'rad', 'rader'),
    columnsCaption: (name: string) => `Kolumner i ${name}`,
    columnsSummary: (n: number) => count(n, 'kolumn', 'kolumner'),
    qualifiedLabel: 'Fullständigt namn:',
    insert: (name: string) => `Infoga ${name} i frågan`,
    inserted: (name: string) => `${name} står nu i frågan, där markören var.`,
    /** Columns a derived view computes; its other columns are described by the dataset they come from. */
    viewColumns: {
      natverkshem: 'Antal placerade i nätverkshem (kön totalt, 0–20 år).',
      familjehem_alla:
        'Antal placerade i någon typ av familjehem: familjehem + jourhem + nätverkshem. NULL när någon av de tre är dold eller saknas.',
      andel: 'Andel i nätverkshem, procent av familjehem_alla med en decimal. NULL när den inte kan beräknas: se markering.',
    } as Record<string, string>,
    totalsNote: (view: string) =>
      `Obs: tabellen har totalrader bredvid delarna (t.ex. kön totalt bredvid flickor och pojkar), så sum(antal) över ` +
      `alla rader räknar dubbelt. Vyn ${view} har bara delarna.`,
    headerInFile: (header: string) => `Rubrik i filen: ${header}.`,
    markerColumn: (column: string) => `Varför ${column} saknas (sekretess, saknas eller inget_att_redovisa), som i de publicerade tabellerna.`,
    fromFile: (file: string) => `Inläst från ${file}.`,
  },

  import: {
    heading: 'Egen data',
    lead:
      'Läs in en egen CSV-fil som en tabell och koppla den till de publicerade, till exempel med JOIN på enhetskod ' +
      'och period. Filen läses bara i din webbläsare och skickas inte någonstans.',
    formats:
      'Semikolon eller komma som avgränsare, decimalkomma, UTF-8 (med eller utan BOM) eller Windows-1252, som Excel ' +
      'sparar. Markeringar som *, .. och - blir NULL och förklaras i en kolumn markering.',
    drop: 'Släpp en CSV-fil här eller',
    fileLabel: 'CSV-fil',
    name: 'Tabellnamn',
    nameHint: 'Små bokstäver, siffror och understreck; börjar med en bokstav.',
    load: 'Läs in',
    cancel: 'Avbryt inläsningen',
    chosen: (file: string, size: string) => `Vald fil: ${file} (${size}).`,
    noFile: 'Välj en fil först.',
    reading: 'Läser filen …',
    scanning: (pct: number) => `Undersöker kolumnerna … ${formatNumber(pct)}\u00a0%`,
    converting: (pct: number) => `Läser in raderna … ${formatNumber(pct)}\u00a0%`,
    storing: 'Sparar tabellen …',
    done: (table: string, rows: number, columns: number, ms: number) =>
      `Tabellen ${table} är klar: ${count(rows, 'rad', 'rader')} och ${count(columns, 'kolumn', 'kolumner')} på ${formatDuration(ms)}.`,
    tryIt: (table: string) => `Visa ${table}`,
    cancelled: 'Inläsningen avbröts. Ingen tabell skapades.',
    progress: 'Inläsning av filen',
    asText: (column: string, line: number, value: string) =>
      `Kolumnen ${column} lästes som text, eftersom rad ${formatNumber(line)} innehåller ”${value}”, som inte är ett tal.`,
    failed: 'Filen kunde inte läsas in:',
    personalNumbers: (n: number, line: number, column: string) =>
      `Varning: filen innehåller ${count(n, 'giltigt personnummer eller samordningsnummer', 'giltiga personnummer eller samordningsnummer')} ` +
      `(det första på rad ${formatNumber(line)}, kolumnen ${column}). Filen finns bara i din webbläsare och har inte ` +
      'skickats någonstans, men ladda inte ner, skriv inte ut och dela inte resultat som visar numren. Ta bort dem ur filen om de inte behövs.',
    moreErrors: (n: number) => `… och ${count(n, 'fel', 'fel')} till.`,
  },

  /** Problems with an analyst's own CSV file, by line where there is one. */
  csv: {
    line: (line: number, message: string) => `Rad ${formatNumber(line)}: ${message}`,
    empty: 'Filen är tom.',
    binary: 'Filen verkar inte vara en textfil. Spara den som CSV (semikolonavgränsad) i Excel och försök igen.',
    noRows: 'Filen har en rubrikrad men inga rader med uppgifter.',
    noColumns: 'Rubrikraden saknar kolumnnamn.',
    tooMany: (got: number, want: number) =>
      `raden har ${count(got, 'fält', 'fält')} men rubrikraden har ${formatNumber(want)}. Kanske innehåller en text avgränsaren utan att stå inom citattecken, eller så används decimalkomma i en kommaavgränsad fil.`,
    missingQuote: 'ett citattecken (") öppnas men stängs aldrig.',
    invalidQuote: 'ett fält har citattecken på fel ställe.',
    tooLarge: (max: string) => `Filen är större än ${max}, som är det största som kan läsas in här.`,
    unreadable: 'Filen gick inte att läsa.',
  },

  tableName: {
    empty: 'Ange ett tabellnamn.',
    invalid: 'Tabellnamnet får bara innehålla små bokstäver (a–z, å, ä, ö), siffror och understreck och ska börja med en bokstav.',
    tooLong: (max: number) => `Tabellnamnet får vara högst ${formatNumber(max)} tecken.`,
    reserved: (name: string) => `${name} är ett ord i SQL och kan inte användas som tabellnamn. Lägg till något, t.ex. ${name}_data.`,
    published: (name: string) => `${name} är en publicerad tabell. Välj ett annat namn, t.ex. ${name}_egen.`,
    taken: (name: string) => `Det finns redan en tabell som heter ${name}. Välj ett annat namn, eller ta bort den med DROP TABLE ${name}.`,
  },
} as const;
