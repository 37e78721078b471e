// Every word of the accessibility statement (src/pages/tillganglighet.astro), and the settings a
// publisher gives it at build time. What Digg asks a statement to hold: who stands behind the service,
// how far it complies, what is known not to work, how it was assessed and when, how to give feedback,
// and the route to the supervisory authority.

import { formatDate } from './format.ts';

/** When the site was last assessed (automated tests and the manual checks below). Update after a new review. */
export const ASSESSED = '2026-12-01';

/** Digg's page for reporting inaccessible public-sector digital services ("Anmäl bristande tillgänglighet"). */
export const DIGG_COMPLAINT_URL = 'https://www.digg.se/tdosanmalan';

/** The law, as Digg's model statement names it. */
const LAW = 'lagen (2018:1937) om tillgänglighet till digital offentlig service';

export interface PublisherSettings {
  /** The organisation behind the site (ORGANISATION_NAME), or null when the publisher has not set it. */
  organisation: string | null;
  /** Where feedback goes (CONTACT_EMAIL), or null when unset or not an e-mail address. */
  email: string | null;
}

const EMAIL = /^[^\s@<>"'()\\,;:]+@[^\s@<>"'()\\,;:]+\.[^\s@<>"'()\\,;:]+$/;

/** The publisher's settings from the build environment: ORGANISATION_NAME and CONTACT_EMAIL. */
export function publisherSettings(env: Record<string, string | undefined>): PublisherSettings {
  const organisation = env.ORGANISATION_NAME?.trim() || null;
  const email = env.CONTACT_EMAIL?.trim() ?? '';
  return { organisation, email: EMAIL.test(email) ? email : null };
}

export interface Shortcoming {
  /** What does not work, for whom, in plain Swedish. */
  text: string;
  /** The WCAG 2.1 success criteria it concerns, e.g. "1.1.1". */
  criteria: readonly string[];
}

export const publish = {
  title: 'Tillgänglighetsredogörelse',
  /** The h1, with a soft hyphen at the compound's joint so that it breaks well on a narrow screen. */
  heading: 'Tillgänglighets\u00adredogörelse',
  description: 'Hur webbplatsen Socialstatistik uppfyller lagen om tillgänglighet till digital offentlig service.',
  intro: (organisation: string | null) =>
    `${organisation ?? 'Kommunen som publicerar webbplatsen'} står bakom webbplatsen Socialstatistik. ` +
    'Vi vill att så många som möjligt ska kunna använda webbplatsen. Den här redogörelsen beskriver hur ' +
    `Socialstatistik uppfyller ${LAW}, vilka kända brister som finns och hur du kan rapportera brister till ` +
    'oss så att vi kan åtgärda dem.',
  organisationMissing:
    'Organisationens namn är inte angivet. Den som bygger webbplatsen anger det med miljövariabeln ' +
    'ORGANISATION_NAME.',
  serviceHeading: 'Om tjänsten',
  service:
    'Socialstatistik är en webbplats med sammanställd statistik om socialtjänsten: placerade barn och unga, ' +
    'placeringar i nätverkshem och gynnande beslut som inte verkställts inom tre månader. Alla tabeller och ' +
    'diagram finns på sidorna som vanlig HTML och fungerar utan JavaScript; varje diagram har en textsammanfattning ' +
    'och en tabell med samma siffror. Med JavaScript påslaget kan du också filtrera och räkna på data i webbläsaren.',

  feedbackHeading: 'Om du inte kan använda delar av webbplatsen',
  feedback:
    'Om du behöver innehåll från webbplatsen som inte är tillgängligt för dig, men som omfattas av lagen, kan du ' +
    'meddela oss. Om du upptäcker problem som inte är beskrivna på den här sidan, eller om du anser att vi inte ' +
    'uppfyller lagens krav, vill vi också gärna veta det.',
  contactLabel: 'E-post',
  contactMissing:
    'Kontaktuppgift saknas: den som publicerar webbplatsen anger en e-postadress med miljövariabeln CONTACT_EMAIL ' +
    'när webbplatsen byggs. Under tiden kan du vända dig till kommunens växel eller kontaktcenter.',

  superviseHeading: 'Tillsyn',
  supervise:
    `Myndigheten för digital förvaltning (Digg) har ansvaret för tillsynen över ${LAW}. Om du inte är nöjd ` +
    'med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det.',
  superviseLink: 'Anmäl bristande tillgänglighet till Digg',

  statusHeading: 'Teknisk information om webbplatsens tillgänglighet',
  status:
    `Den här webbplatsen är delvis förenlig med ${LAW}, på grund av de brister som beskrivs nedan. ` +
    'Kraven i lagen motsvarar nivå AA i Web Content Accessibility Guidelines (WCAG) 2.1, genom den europeiska ' +
    'standarden EN 301 549.',

  shortcomingsHeading: 'Innehåll som inte är tillgängligt',
  shortcomingsLead: 'Vi känner till följande brister i förenligheten med lagkraven:',
  criteriaLabel: 'WCAG 2.1',
  shortcomings: [
    {
      text:
        'Diagrammen är bilder (SVG) som bara delvis kan läsas av skärmläsare. Varje diagram har en ' +
        'textsammanfattning och en tabell med samma siffror, men detaljerna som visas när man pekar på eller ' +
        'fokuserar en punkt i diagrammet har inte testats med skärmläsare.',
      criteria: ['1.1.1', '4.1.2'],
    },
    {
      text:
        'Webbplatsen har inte testats med skärmläsare (till exempel NVDA, JAWS eller VoiceOver) eller ' +
        'tillsammans med användare med funktionsnedsättning. Bristerna som sådana tester kan hitta är därför inte kända.',
      criteria: ['1.3.1', '4.1.2'],
    },
    {
      text:
        'Att räkna på data i webbläsaren (filter som hämtar ny data, frågor i SQL) kräver JavaScript och ' +
        'WebAssembly. Utan dem visas sidornas förberäknade tabeller och diagram, men inte de egna urvalen.',
      criteria: ['4.1.2'],
    },
    {
      text:
        'Nedladdade CSV-filer och de källdokument som sidan Data och källor länkar till (ofta PDF-filer från ' +
        'andra organisationer) har inte granskats för tillgänglighet.',
      criteria: ['1.3.1'],
    },
  ] satisfies Shortcoming[],

  methodHeading: 'Hur vi testat webbplatsen',
  method: (date: string) =>
    `Vi har gjort en självskattning (intern testning) av webbplatsen. Senaste bedömningen gjordes ${formatDate(date)}.`,
  methodItems: [
    'Automatiska tester med axe-core på varje sida i webbläsaren Chromium, i 1 280 och 320 pixlars bredd, ' +
      'med och utan JavaScript. Testerna körs vid varje ändring av webbplatsen och får inte hitta några fel.',
    'Tangentbord: att länken ”Hoppa till innehållet” kommer först, att varje länk, knapp och formulärfält ' +
      'går att nå med tabbtangenten och att fokus syns tydligt.',
    'Förstoring: att sidorna går att läsa i 320 pixlars bredd, vilket motsvarar 400 % förstoring, utan att ' +
      'sidan behöver rullas i sidled.',
    'Att sidorna fungerar utan JavaScript och att inget hämtas från andra webbplatser.',
  ],
  updated: 'Redogörelsen uppdaterades senast',
};
