// Ready example queries on the SQL page, each answering a real question about the published data. They
// name the published tables with their catalog (pub_placeringar.placeringar), so a table the analyst creates
// with the same bare name in memory can never change what an example answers. The page runs them in the
// browser; at build time the same SQL runs once in Node so the answers are on the page without JavaScript.

import type { DatasetName } from '../../data/schema.ts';

export interface ChartHint {
  kind: 'line' | 'bar';
  x: string;
  y: string;
  series?: string;
}

export interface Example {
  id: string;
  title: string;
  /** The question, in words. */
  question: string;
  sql: string;
  /** The published datasets the SQL reads: the example is offered only when every one of them is published. */
  datasets: readonly DatasetName[];
  /** The quick chart drawn for the answer. */
  chart?: ChartHint;
}

export const EXAMPLES: readonly Example[] = [
  {
    id: 'natverkshem-per-ar',
    title: 'Andel i nätverkshem per enhet och år',
    question:
      'Hur stor andel av barnen i familjehem av något slag var placerade i nätverkshem, per enhet och år? ' +
      'Beräknad ur placeringarna (för kvartalsuppgifter läget vid årets slut) och, där enheten bara har en ' +
      'publicerad andel, den rapporterade.',
    sql: `-- Andel placerade i nätverkshem av alla placerade i någon typ av familjehem,
-- per enhet och år. Kvartalsuppgifter: läget vid årets slut (kvartal 4).
SELECT
  enhetsnamn,
  enhetskod,
  left(period, 4) AS ar,
  andel,
  markering,
  'beräknad' AS ursprung
FROM pub_placeringar.natverkshemsandel_beraknad
WHERE period NOT LIKE '%-Q%' OR period LIKE '%-Q4'
UNION ALL
-- Andelar som bara finns publicerade som andelar (t.ex. riket).
SELECT enhetsnamn, enhetskod, left(period, 4), andel, markering, 'rapporterad'
FROM pub_natverkshemsandel.natverkshemsandel
WHERE typ = 'utfall' AND (period NOT LIKE '%-Q%' OR period LIKE '%-Q4')
ORDER BY enhetskod, ar, ursprung;`,
    datasets: ['placeringar', 'natverkshemsandel'],
    chart: { kind: 'line', x: 'ar', y: 'andel', series: 'enhetsnamn' },
  },
  {
    id: 'beslut-vantar-langst',
    title: 'Beslut som väntar längst, per insats',
    question:
      'Vilka insatser har beslut som inte verkställts för att plats saknas, eller där den enskilde tackat ja ' +
      'men ännu inte fått insatsen, kvartal efter kvartal? Räknat över de fyra senaste kvartalen.',
    sql: `-- Gynnande beslut som väntar: plats saknas, eller tackat ja men ännu inte verkställt.
-- Per insats under de fyra senaste kvartalen: hur många kvartal det fanns sådana beslut
-- och antalet det senaste kvartalet. Ett dolt antal (sekretess) räknas aldrig som en siffra.
WITH kvartal AS (
  SELECT DISTINCT period
  FROM pub_ej_verkstallda_beslut.ej_verkstallda_beslut
  WHERE period LIKE '%-Q%'
  ORDER BY period DESC
  LIMIT 4
)
SELECT
  enhetsnamn,
  lag,
  verksamhet,
  insats,
  status,
  count(*) FILTER (WHERE antal > 0) AS kvartal_med_beslut,
  count(*) FILTER (WHERE markering = 'sekretess') AS kvartal_dolda,
  max(antal) FILTER (WHERE period = (SELECT max(period) FROM kvartal)) AS antal_senaste_kvartalet,
  max(markering) FILTER (WHERE period = (SELECT max(period) FROM kvartal)) AS markering
FROM pub_ej_verkstallda_beslut.ej_verkstallda_beslut
WHERE period IN (SELECT period FROM kvartal)
  AND kon = 'totalt'
  AND insats <> 'totalt'
  AND status IN ('saknar_plats', 'tackat_ja_ej_verkstallt')
GROUP BY enhetsnamn, lag, verksamhet, insats, status
ORDER BY kvartal_med_beslut DESC, antal_senaste_kvartalet DESC NULLS LAST, insats, enhetsnamn, lag, verksamhet, status;`,
    datasets: ['ej_verkstallda_beslut'],
  },
  {
    id: 'placeringar-per-kvartal',
    title: 'Placeringar per kvartal och placeringsform',
    question:
      'Hur många barn och unga var placerade vid varje kvartals slut, per placeringsform? ' +
      'Demokommunen Exempelstad, vars siffror är påhittade.',
    sql: `-- Placerade barn och unga 0–20 år vid kvartalets slut, per placeringsform.
-- Exempelstad (kod 9999) är en demokommun med påhittade siffror.
-- Totalt räknar varje barn en gång och är inte summan av formerna.
SELECT
  period,
  placeringsform,
  antal,
  markering
FROM pub_placeringar.placeringar
WHERE enhetskod = '9999'
  AND kon = 'totalt'
  AND aldersgrupp = '0-20'
  AND avser = 'vid_periodens_slut'
  AND period LIKE '%-Q%'
ORDER BY period, placeringsform;`,
    datasets: ['placeringar'],
    chart: { kind: 'line', x: 'period', y: 'antal', series: 'placeringsform' },
  },
];

/** The examples whose every dataset is published (a site built from a subset of the data offers the rest). */
export function examplesFor(datasets: readonly string[]): Example[] {
  return EXAMPLES.filter((e) => e.datasets.every((d) => datasets.includes(d)));
}

export function exampleById(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}

/**
 * The query the editor holds when the page opens: a real one that answers something at once when the
 * analyst presses Kör (not a placeholder, which looks like a query and runs nothing).
 */
export function defaultQuery(datasets: readonly string[]): string {
  if (datasets.includes('placeringar')) {
    return `-- Placerade barn och unga 0–20 år (alla placeringsformer) per enhet och period, senaste först.
-- Ändra frågan och kör den med Kör eller Ctrl+Enter.
SELECT enhetsnamn, enhetskod, period, avser, antal, markering
FROM placeringar
WHERE placeringsform = 'totalt' AND kon = 'totalt' AND aldersgrupp = '0-20'
ORDER BY period DESC, enhetsnamn, avser
LIMIT 100;`;
  }
  const first = datasets[0];
  return first ? `SELECT *\nFROM ${first}\nLIMIT 100;` : 'SELECT 1 AS svar;';
}
