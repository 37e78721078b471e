// Every word of the committee's quarterly statistikrapport on ej verkställda gynnande beslut (the page
// rapport/<enhet>/, its Word file and `npm run rapport`), phrased as the committee's own reports are
// (source 002 for Luleå 2025, source 003 for a quarter with nothing to report).

import { formatNumber } from './format.ts';

const QUARTER_WORDS = ['ett', 'två', 'tre', 'fyra'];

/** The law's paragraph as the reports name it: SoL (2025:400) from 1 July 2025, 4 kap. 1 § before. */
function lawParagraph(lag: string, period: string): string {
  if (lag === 'LSS') return '9 § lagen om stöd och service till vissa funktionshindrade (LSS)';
  return period >= '2025-Q3' ? '11 kap. 1 § socialtjänstlagen (SoL)' : '4 kap. 1 § socialtjänstlagen (SoL)';
}

/** The paragraph that obliges the committee to report, as the reports cite it. */
function reportingDuty(lag: string, period: string): string {
  if (lag === 'LSS') {
    return (
      'Enligt lagen om stöd och service till vissa funktionshindrade (LSS) ska socialnämnden lämna en ' +
      'statistikrapport till kommunfullmäktige över hur många gynnande beslut enligt 9 § LSS som inte har ' +
      'verkställts inom tre månader från dagen för respektive beslut, samt gynnande beslut som avbrutits och inte ' +
      'verkställts på nytt inom tre månader.'
    );
  }
  const duty = period >= '2025-Q3' ? '16 kap. 6 § socialtjänstlagen' : '16 kap. 6 f § socialtjänstlagen (2001:453)';
  return (
    `Enligt ${duty} ska socialnämnden en gång per kvartal redovisa till kommunfullmäktige de gynnande beslut ` +
    'som inte har verkställts inom tre månader från beslutsdagen samt gynnande beslut som avbrutits och inte ' +
    'verkställts på nytt inom samma tid. Rapporteringen ska även visa hur stor del av besluten som gäller ' +
    'kvinnor respektive män.'
  );
}

/** "21 beslut verkställda": a status at the reporting date, in the reports' words, singular or plural. */
const STATUS_PHRASES: Record<string, [one: string, many: string]> = {
  verkstallt: ['beslut nu verkställt', 'beslut verkställda'],
  tackat_nej: ['beslut ej verkställt p.g.a. att den enskilde har tackat nej till erbjudandet', 'beslut ej verkställda p.g.a. att den enskilde har tackat nej till erbjudandet'],
  saknar_plats: ['beslut ej verkställt då det saknas plats (t.ex. kö eller pågående sanering, renovering eller ombyggnation)', 'beslut ej verkställda då det saknas plats (t.ex. kö eller pågående sanering, renovering eller ombyggnation)'],
  personalskal: ['beslut ej verkställt p.g.a. personalrelaterade skäl', 'beslut ej verkställda p.g.a. personalrelaterade skäl'],
  rekrytering: ['beslut ej verkställt p.g.a. rekryteringssvårigheter', 'beslut ej verkställda p.g.a. rekryteringssvårigheter'],
  ej_medverkan: ['beslut ej verkställt p.g.a. att den enskilde inte medverkar till verkställigheten', 'beslut ej verkställda p.g.a. att den enskilde inte medverkar till verkställigheten'],
  onskemal: ['beslut ej verkställt p.g.a. att den enskilde har specifika önskemål', 'beslut ej verkställda p.g.a. att den enskilde har specifika önskemål'],
  halsotillstand: ['beslut ej verkställt p.g.a. att hälsotillståndet är eller har varit ett hinder merparten av väntetiden', 'beslut ej verkställda p.g.a. att hälsotillståndet är eller har varit ett hinder merparten av väntetiden'],
  avliden: ['beslut ej verkställt då den enskilde har avlidit', 'beslut ej verkställda då den enskilde har avlidit'],
  avslutat_pa_begaran: ['beslut avslutat på den enskildes begäran', 'beslut avslutade på den enskildes begäran'],
  tackat_ja_ej_verkstallt: ['beslut tackat ja, ännu ej verkställt', 'beslut tackat ja, ännu ej verkställda'],
  verksamhetsskal: ['beslut ej verkställt p.g.a. verksamhetsutmaningar', 'beslut ej verkställda p.g.a. verksamhetsutmaningar'],
  ovrigt: ['beslut ej verkställt av annat skäl', 'beslut ej verkställda av andra skäl'],
};

export const reportWords = {
  title: 'Kvartalsrapport om ej verkställda beslut',
  navTitle: 'Kvartalsrapport',
  description:
    'Socialnämndens statistikrapport till kommunfullmäktige om gynnande beslut enligt SoL och LSS som inte verkställts inom tre månader, per kvartal.',
  lead:
    'Socialnämndens statistikrapport till kommunfullmäktige och revisorerna: de gynnande beslut som inte har ' +
    'verkställts inom tre månader, enligt socialtjänstlagen (SoL) och LSS, uppställd som nämndens rapport. ' +
    'Skriv ut den eller ladda ned den som Word-fil.',
  indexLead:
    'Välj enhet. Varje enhet har en sida med rapporten för sitt senaste kvartal; där finns också rapporterna för tidigare kvartal.',
  unitHeader: 'Enhet',
  latestHeader: 'Senaste kvartal',
  quartersHeader: 'Kvartal med uppgifter',
  noDataset: 'Inga uppgifter om ej verkställda beslut är publicerade, så det finns ingen kvartalsrapport.',
  quarterLabel: 'Kvartal',
  invalidQuarter: (asked: string, shown: string) => `Kvartalet ${asked} finns inte för enheten; rapporten för ${shown} visas.`,
  otherUnits: 'Rapporter för andra enheter',
  otherQuarters: 'Rapporter för andra kvartal',
  earlierQuarters: (n: number) => `Tidigare kvartal (${n})`,
  olderQuarters: (n: number) => `Äldre kvartal (${n}, kräver JavaScript)`,
  otherQuartersNoScript: 'Rapporterna för de äldre kvartalen har ingen egen sida: de räknas fram i webbläsaren och kräver JavaScript.',
  docx: 'Ladda ned som Word (.docx)',
  docxBusy: 'Word-filen skapas …',
  docxFailed: 'Word-filen kunde inte skapas.',
  /** The name of the Word file's paragraph style for table text, as Word's style list shows it. */
  docxCellStyle: 'Tabelltext',
  print: 'Skriv ut rapporten',
  fromPageLink: (unit: string, quarter: string) => `Nämndens kvartalsrapport för ${unit}, ${quarter}`,
  latestShort: 'senaste kvartalet',
  allUnits: 'alla enheters rapporter',
  homeLink: 'Nämndens kvartalsrapport om ej verkställda beslut',

  quarterLong: (quarter: number, year: string) => `kvartal ${quarter} ${year}`,
  quarterSpoken: (quarter: number, year: string) => `kvartal ${QUARTER_WORDS[quarter - 1]} ${year}`,
  heading: (lag: string, period: string, quarter: string) =>
    `Statistikrapport avseende ej verkställda gynnande beslut enligt ${lawParagraph(lag, period)} ${quarter}`,
  lawParagraph,
  duty: reportingDuty,
  intro: (lag: string, quarter: string) =>
    lag === 'LSS'
      ? `Socialnämndens verksamheter har följande antal ej verkställda gynnande beslut enligt 9 § LSS att rapportera för ${quarter}, fördelade på typ av insats och kön.`
      : `Socialnämndens verksamheter har följande antal ej verkställda gynnande beslut att rapportera för ${quarter}, fördelade på verksamhet, typ av insats och kön.`,
  summary: (n: string, lag: string, period: string) =>
    `Socialnämnden rapporterar ${n} gynnande beslut enligt ${lawParagraph(lag, period)}, som inte har verkställts inom föreskriven tid.`,
  summaryHidden: (lag: string, period: string) =>
    `Socialnämnden rapporterar gynnande beslut enligt ${lawParagraph(lag, period)} som inte har verkställts inom föreskriven tid; antalet är skyddat av sekretess.`,
  summaryMissing: (lag: string) => `Antalet ej verkställda beslut enligt ${lag} finns inte i uppgifterna för kvartalet.`,
  nothing: (lag: string, quarter: string) =>
    `Socialnämnden har inga ej verkställda gynnande beslut enligt ${lag} att rapportera för ${quarter}, och inte heller några tidigare ej verkställda beslut att återrapportera.`,
  notReported: (lag: string, quarter: string) => `Det finns ingen rapport om ej verkställda beslut enligt ${lag} för ${quarter}.`,

  tableCaption: (lag: string, unit: string, quarter: string) =>
    `Ej verkställda gynnande beslut enligt ${lag} per ${lag === 'LSS' ? 'typ av insats' : 'verksamhet och insats'} och kön, ${unit}, ${quarter}`,
  insatsHeader: (lag: string) => (lag === 'LSS' ? 'Typ av insats enligt 9 § p. 1–10 LSS' : 'Verksamhet och insats'),
  women: 'Kvinnor',
  men: 'Män',
  sum: 'Summa',
  areaKey: 'ÄO = äldreomsorg, OF = omsorg om funktionshindrade enligt SoL, IFO = individ- och familjeomsorg.',
  areaTotal: (area: string) => `Total ${area}`,
  lawTotal: (lag: string) => (lag === 'LSS' ? 'Summa total' : 'Totalt samtliga verksamheter'),
  insatsInArea: (insats: string, area: string) => (area ? `${insats} (${area})` : insats),

  listIntro: (insats: string, n: string, one: boolean) =>
    `${insats} har ${n} ej ${one ? 'verkställt gynnande beslut' : 'verkställda gynnande beslut'} inom perioden. Av dessa är vid rapporteringstillfället:`,
  listIntroHidden: (insats: string) =>
    `${insats} har ej verkställda gynnande beslut inom perioden; antalet är skyddat av sekretess. Av dessa är vid rapporteringstillfället:`,
  statusItem: (status: string, n: number) => {
    const [one, many] = STATUS_PHRASES[status] ?? STATUS_PHRASES.ovrigt;
    return `${formatNumber(n)} ${n === 1 ? one : many}`;
  },
  statusItemHidden: (status: string, glyph: string) => {
    const [, many] = STATUS_PHRASES[status] ?? STATUS_PHRASES.ovrigt;
    return `${glyph} ${many} (sekretess)`;
  },
  listsHeading: 'Läget vid rapporteringstillfället',
  noLists: 'Läget vid rapporteringstillfället är inte redovisat per insats för kvartalet.',
  listHasHidden: 'I listan ingår antal som är skyddade av sekretess, så de antal som visas summerar inte till insatsens antal.',

  comparisonHeading: 'Jämförelse med de två föregående kvartalen',
  comparisonLead: (dates: string) =>
    `En jämförelse med de två föregående kvartalsrapporterna samt det aktuella läget (${dates}) visar följande:`,
  comparisonNone: 'Det finns inga tidigare kvartal att jämföra med.',

  hiddenTotalRef: ' (summan omfattar antal som är skyddade av sekretess)',
  hiddenNote: (marker: string) =>
    `${marker} Skyddad av sekretess: antal från 1 upp till gränsen för sekretess visas inte, och där det behövs döljs också andra uppgifter, så att de dolda inte kan räknas fram.`,
  hiddenTotalNote:
    '* Summan omfattar antal som är skyddade av sekretess: de antal som visas ovanför summerar inte till den. Summan är publicerad och korrekt.',
  missingNote: (marker: string) => `${marker} Uppgift saknas: kvartalets rapport har ingen uppgift om insatsen.`,
  nothingNote: (marker: string) => `${marker} Inget att redovisa.`,

  footer: (unit: string, quarter: string, date: string, source: string) =>
    `${unit} · ${quarter} · data publicerade ${date} · ${source}`,
  sourcePrefix: 'Källa',
  sourcesPrefix: 'Källor',
  invented: 'Påhittade siffror (demodata): rapporten visar hur det fungerar, inte verkliga förhållanden.',

  internalWarning: (threshold: number) =>
    `INTERN RAPPORT – FÅR INTE PUBLICERAS PÅ WEBBEN. Rapporten innehåller exakta antal, även antal under gränsen för sekretess (1–${threshold - 1}).`,
  internalFooter: 'Intern rapport med antal under gränsen för sekretess – får inte publiceras på webben.',
} as const;
