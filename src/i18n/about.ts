// Every word of the page "Om statistiken" (src/pages/om-statistiken.astro). The definitions follow the
// source documents (../shared/sources, each cited below by its key in kallor.csv where it has one):
// Stockholms stad 2021 (placement forms), Ds 2026:5 in Luleå's committee papers (network homes, national
// shares), Göteborgsregionen 2023 (the network-home share) and the quarterly reports of Luleå (2025) and
// Solna (2022) on decisions not executed. Labels of data values come from src/data/schema.ts.

import { formatNumber } from './format.ts';

export interface Definition {
  /** A code of the data contract (placeringsform, avser, …) whose label is the term. */
  code: string;
  text: string;
}

export const aboutWords = {
  title: 'Om statistiken',
  description: 'Vad siffrorna betyder: placeringar, nätverkshem och ej verkställda beslut, källor och hur små tal skyddas.',
  lead:
    'Här förklaras vad siffrorna på webbplatsen betyder, var de kommer ifrån och hur små tal skyddas så att ' +
    'ingen enskild person kan pekas ut.',
  tocLabel: 'På den här sidan',
  sourceRef: 'Källa',
  toPage: (page: string) => `Till sidan ${page}`,

  placements: {
    heading: 'Placerade barn och unga',
    intro:
      'Statistiken om placeringar gäller barn och unga 0–20 år som socialtjänsten har placerat i heldygnsvård, ' +
      'det vill säga för vård utanför det egna hemmet dygnet runt.',
    formsHeading: 'Placeringsformer',
    forms: [
      { code: 'jourhem', text: 'Ett enskilt hem som vid upprepade tillfällen tar emot barn och unga för tillfällig vård och fostran, ofta med kort varsel.' },
      { code: 'familjehem', text: 'Ett enskilt hem som på uppdrag av socialnämnden tar emot barn och unga för stadigvarande vård och fostran, och där uppdraget inte är ett yrke. De flesta familjehem är helt vanliga familjer.' },
      { code: 'natverkshem', text: 'Ett familjehem hos en släkting eller någon annan trygghetsperson i barnets eget nätverk (se nedan).' },
      { code: 'hvb', text: 'Hem för vård eller boende: en institution som tar emot barn och unga för vård eller behandling tillsammans med ett boende.' },
      { code: 'sis', text: 'Särskilt ungdomshem som drivs av Statens institutionsstyrelse (SiS), för unga som behöver stå under särskilt noggrann tillsyn, oftast med stöd av lagen om vård av unga (LVU).' },
      { code: 'stodboende', text: 'Ett eget boende med stöd som anpassas efter den unga, för unga i åldern 16–20 år.' },
      { code: 'skyddat_boende', text: 'Ett boende med skydd mot hot, våld eller andra övergrepp. Barn kan bo där tillsammans med en våldsutsatt förälder.' },
      { code: 'ovrigt', text: 'Andra placeringar än de som nämns ovan.' },
      { code: 'totalt', text: 'Varje barn räknas en gång, även om det har haft flera placeringsformer under perioden. Totalen är därför inte summan av formerna.' },
    ] as Definition[],
    formsSource: 'stockholm-placerade-2021',
    measuresHeading: 'Två sätt att räkna placerade barn',
    measuresIntro: 'Antalet placerade barn kan räknas på två sätt, och de två måtten blandas aldrig i samma diagram eller serie:',
    measures: [
      { code: 'under_perioden', text: 'Alla barn som var placerade någon gång under perioden, även om placeringen bara varade några dagar. Så räknar Socialstyrelsen i sin årliga statistik. Måttet blir större ju längre perioden är.' },
      { code: 'vid_periodens_slut', text: 'Barn vars placering pågick den sista dagen i perioden, till exempel den 31 december. Så brukar kommunernas egen kvartalsuppföljning räkna. Måttet visar läget en viss dag.' },
    ] as Definition[],
  },

  network: {
    heading: 'Nätverkshem',
    what:
      'Ett nätverkshem är ett familjehem hos någon som barnet redan känner: en släkting, en familjevän eller ' +
      'någon annan trygghetsperson i barnets nätverk. Enligt den så kallade anhörigprincipen ska socialtjänsten ' +
      'när ett barn placeras i första hand överväga om barnet kan tas emot av en anhörig eller annan närstående.',
    why:
      'Utredningar och forskning visar att placeringar i nätverkshem ofta är stabilare, med färre sammanbrott ' +
      'än i andra familjehem, och att barnet lättare kan behålla kontakten med sin släkt och sitt sammanhang.',
    whySource: 'ds-2026-5',
    shareHeading: 'Andelen i nätverkshem',
    share:
      'Andelen i nätverkshem är antalet barn och unga 0–20 år placerade i nätverkshem delat med alla som är ' +
      'placerade i någon typ av familjehem, det vill säga familjehem, jourhem och nätverkshem tillsammans. ' +
      'Placeringar i HVB, SiS-hem och stödboende räknas alltså inte med. Det är så Socialstyrelsen och ' +
      'Göteborgsregionen räknar.',
    shareSource: 'gr-natverk-2023',
    computed:
      'Där kommunens antal finns räknar webbplatsen fram andelen ur dem. Om något av de tre antalen är skyddat ' +
      'av sekretess eller saknas visas ingen andel, eftersom den annars skulle kunna avslöja det dolda talet. ' +
      'En andel som har publicerats som andel (till exempel för riket) visas som den publicerats, med sin källa.',
    national:
      'I riket sker ungefär 70 procent av placeringarna i familjehem; av dem är ungefär en tredjedel jourhem och ' +
      'drygt 15 procent nätverkshem.',
    nationalSource: 'ds-2026-5',
  },

  decisions: {
    heading: 'Ej verkställda beslut',
    what:
      'Ett gynnande beslut är ett beslut där socialnämnden beviljar någon en insats, till exempel en plats i ' +
      'särskilt boende, en kontaktperson eller daglig verksamhet. Beslutet är verkställt när personen faktiskt ' +
      'får insatsen.',
    rule:
      'Ett beslut räknas som ej verkställt när det inte har verkställts inom tre månader från beslutsdagen. ' +
      'Dit räknas också beslut vars verkställighet har avbrutits och som inte har verkställts på nytt inom tre månader.',
    reporting:
      'Kommunen ska rapportera alla sådana beslut till Inspektionen för vård och omsorg (IVO), enligt ' +
      '16 kap. 6 f § socialtjänstlagen (SoL) och 28 f § lagen om stöd och service till vissa funktionshindrade (LSS). ' +
      'Socialnämnden lämnar dessutom varje kvartal en statistikrapport till kommunfullmäktige och kommunens ' +
      'revisorer. Rapporten ska visa hur många beslut det gäller per insats och hur många som gäller kvinnor ' +
      'respektive män.',
    quotesIntro: 'Så här beskriver rapporterna själva skyldigheten:',
    quotes: [
      {
        text:
          'Socialtjänstlagen 16 kap 6 § föreskriver att socialnämnden ska redovisa till kommunfullmäktige en gång ' +
          'per kvartal gynnande beslut som socialnämnden inte verkställt inom tre månader från beslutsdagen samt ' +
          'gynnande beslut som avbrutits och som inte verkställts på nytt inom nämnda period.',
        source: 'sol-2025q4',
      },
      {
        text:
          'Lag om stöd och service till vissa funktionshindrade 28 § (LSS) föreskriver att socialnämnden ska lämna ' +
          'en statistikrapport till fullmäktige över hur många av nämndens gynnande beslut enligt 9 § LSS som inte ' +
          'har verkställts inom tre månader, från dagen för respektive beslut, samt gynnande beslut som avbrutits ' +
          'och inte verkställts på nytt inom tre månader.',
        source: 'lss-2025q4',
      },
    ],
    repeat:
      'Ett beslut som fortfarande inte är verkställt rapporteras igen nästa kvartal. Samma beslut kan därför ' +
      'finnas med i flera kvartals siffror, och kvartalen ska inte läggas ihop. Ett kvartal utan ej verkställda ' +
      'beslut rapporteras som noll.',
    repeatSource: 'solna-sol-2022q3',
    areasHeading: 'Verksamheter',
    areasIntro: 'Besluten enligt SoL redovisas per verksamhet; besluten enligt LSS gäller insatserna i 9 § LSS.',
    statusHeading: 'Läget vid rapporteringstillfället',
    statusIntro:
      'Rapporten anger också vad som har hänt med besluten när rapporten lämnas, eller varför de ännu inte är ' +
      'verkställda. Webbplatsen använder de här kategorierna:',
  },

  suppression: {
    heading: 'Hur små tal skyddas',
    threshold: (max: number) =>
      max === 1
        ? 'Antalet 1 publiceras aldrig: det visas som ”skyddad av sekretess”.'
        : `Antal från 1 till ${formatNumber(max)} publiceras aldrig: de visas som ”skyddad av sekretess”. Noll publiceras, eftersom det inte pekar ut någon.`,
    noThreshold: 'Inga antal döljs i de här uppgifterna.',
    secondary:
      'Det räcker inte att dölja det lilla talet om det kan räknas fram. Om kvinnor och män tillsammans är 12 och ' +
      'antalet män är 10, då vet man att kvinnorna är 2. Därför döljs fler uppgifter, så valda att inget dolt tal ' +
      'kan räknas fram, inte heller av någon som lägger ihop alla publicerade tal, andelar och samband med ett ' +
      'datorprogram. Ibland döljs då också en nolla eller ett stort tal.',
    readerHeading: 'Vad vi räknar med att en läsare vet',
    readerIntro: 'Skyddet är byggt för en läsare som har allt detta och ett program som löser ekvationer och olikheter:',
    reader: [
      'varje tal som webbplatsen visar, i tabeller, diagram och nedladdningar;',
      'att delar summerar till sin total: kön, åldersgrupper, insatser, verksamheter och läget vid rapporteringstillfället, och stadsdelar till sin kommun och kommuner till sitt län där båda finns;',
      'att ett år och dess kvartal hänger ihop, och att de som är placerade vid periodens slut också är placerade under perioden;',
      'att totalen av alla placerade räknar varje barn en gång och därför ligger mellan den största placeringsformen och summan av formerna;',
      'varje andel som redovisas, med sin avrundning: en andel döljs när ett antal som den bygger på är dolt;',
      'att ett dolt tal är ett heltal, noll eller större. Markeringen säger inte varför ett tal är dolt, så det går inte att veta om det är litet.',
    ],
    method: (values: number) =>
      `Metoden är hyperkubmetoden, en etablerad metod för statistisk röjandekontroll: för varje litet tal döljs en ` +
      `”kub” av tal runt det, så att det kan ändras upp och ned utan att något publicerat tal eller samband ändras. ` +
      `Tal som dolts för att skydda andra visas sedan igen där en beräkning visar att skyddet håller ändå. ` +
      `Varje bygge av webbplatsen granskar sedan resultatet med linjärprogrammering (programmet HiGHS): för varje ` +
      `dolt tal räknas det minsta och det största värde en läsare kan komma fram till. Kan något dolt tal ringas in ` +
      `till färre än ${formatNumber(values)} möjliga värden, publiceras ingenting.`,
    auditCaption: 'Granskning av skyddet per datamängd',
    auditColumns: ['Datamängd', 'Dolda för att de är små', 'Dolda för att skydda dem', 'Smalaste intervall en läsare kan nå'],
    narrowest: (n: number | null) => (n === null ? 'obegränsat' : `minst ${formatNumber(n)} möjliga värden`),
    auditSummary: (values: number) => `Ingen läsare kan ringa in ett dolt tal till färre än ${formatNumber(values)} möjliga värden.`,
    totals:
      'En total visas som den publicerats, även om några av delarna är dolda. Där det är så står det under ' +
      'diagrammet eller tabellen: delarna som syns går då inte att summera till totalen. Webbplatsen räknar ' +
      'aldrig ut en total genom att lägga ihop delar, eftersom ett dolt tal då skulle bli fel.',
    markersHeading: 'Tecken i stället för tal',
    markersIntro: 'Där ett tal saknas står det varför. I diagrammen blir det en lucka med en markering, aldrig en nolla:',
    markerTexts: {
      sekretess: 'Talet är för litet för att publiceras, eller döljs för att ett annat dolt tal inte ska kunna räknas fram.',
      saknas: 'Uppgiften finns inte i källan, till exempel ett kvartal som inte har rapporterats.',
      inget_att_redovisa: 'Källan anger att det inte finns något att redovisa (i rapporten ett streck, ”–”).',
    } as Record<string, string>,
    hiddenCount: (n: number) => `${formatNumber(n)} ${n === 1 ? 'värde' : 'värden'} dolda`,
    countsCaption: 'Dolda värden per datamängd',
    dataset: 'Datamängd',
    rows: 'Rader',
    hidden: 'Dolda värden',
  },

  sources: {
    heading: 'Källor per datamängd',
    intro:
      'Varje uppgift anger sin källa. Tabellerna visar vilka källor varje datamängd bygger på, hur många rader ' +
      'som hänvisar till dem, vilka perioder och vilka enheter de gäller.',
    caption: (dataset: string) => `Källor till ${dataset}`,
    source: 'Källa',
    publisher: 'Utgivare',
    date: 'Datum',
    rows: 'Rader',
    periods: 'Perioder',
    units: 'Enheter',
    invented: 'Påhittad',
    yes: 'Ja',
    no: 'Nej',
    moreUnits: (n: number) => `och ${formatNumber(n)} till`,
    none: 'Inga uppgifter anger någon källa.',
    allSources: 'Alla källor med datum och länkar finns på sidan',
  },

  invented: {
    heading: 'Påhittade siffror',
    intro:
      'För att visa hur diagrammen fungerar över längre tid innehåller webbplatsen en demokommun med påhittade ' +
      'siffror, genererade av ett program. De är inte verkliga och får inte användas som statistik. Enheternas ' +
      'namn säger att siffrorna är påhittade, och sidorna säger det där de visas.',
    sourcesLabel: 'Källor med påhittade siffror',
    unitsLabel: 'Enheter med påhittade siffror',
    none: 'Alla siffror på webbplatsen kommer från publicerade källor; inga är påhittade.',
  },
} as const;
