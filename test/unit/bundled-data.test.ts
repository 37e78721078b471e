// The bundled real figures (data/) reproduce the source documents' own numbers.
// Every expected value below is typed from the documents in ../shared/sources/ (never computed from
// the CSV files): 001 = Göteborgsregionen's slides with network-home shares, 002 = Luleå kommun's Q4 2025
// reports on unexecuted decisions (SoL and LSS) with their three-quarter comparison tables (and Ds 2026:5),
// 003 = Solna stad's zero report for Q3 2022, 004 = Stockholms stad's "Stöd till placerade barn och unga"
// (2021-11-12) with the 2020 table by stadsdel.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataDir } from '../../scripts/lib/read-data-dir.ts';
import { NodeRunner } from '../../src/queries/node-runner.ts';
import { publishFixture } from './helpers/publish-fixture.ts';

type Row = Record<string, unknown>;

const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
const LULEA = '2580';
const SOLNA = '0184';
const STOCKHOLM = '0180';

let tables: Record<string, Row[]>;
let errors: Awaited<ReturnType<typeof readDataDir>>['errors'];

beforeAll(async () => {
  const result = await readDataDir(DATA_DIR);
  tables = result.tables as Record<string, Row[]>;
  errors = result.errors;
});

/** The one row matching `where`; fails unless exactly one row matches. */
function one(table: string, where: Row): Row {
  const rows = (tables[table] ?? []).filter((r) => Object.entries(where).every(([k, v]) => r[k] === v));
  expect(rows, `${table} ${JSON.stringify(where)}`).toHaveLength(1);
  return rows[0];
}

function decision(where: { period: string; lag: 'SoL' | 'LSS'; verksamhet?: string; insats?: string; kon?: string; status?: string; enhetskod?: string }): Row {
  return one('ej_verkstallda_beslut', {
    enhetskod: LULEA, verksamhet: where.lag === 'LSS' ? '' : 'totalt', insats: 'totalt', kon: 'totalt', status: 'totalt', ...where,
  });
}

const count = (r: Row) => r.antal;

describe('bundled data: reading', () => {
  it('reads every bundled file without errors', () => {
    expect(errors).toEqual([]);
    for (const name of ['ej_verkstallda_beslut', 'placeringar', 'natverkshemsandel', 'enheter', 'kallor', 'handelser']) {
      expect(tables[name]?.length ?? 0, name).toBeGreaterThan(0);
    }
  });
});

describe('bundled data: Luleå, ej verkställda gynnande beslut 2025 (002)', () => {
  it('reproduces the SoL grand totals 83, 109 and 111', () => {
    // "Total samtliga verksamheter 83 109 111"; "Socialnämnden rapporterar 111 gynnande beslut"
    expect(count(decision({ period: '2025-Q2', lag: 'SoL' }))).toBe(83);
    expect(count(decision({ period: '2025-Q3', lag: 'SoL' }))).toBe(109);
    expect(count(decision({ period: '2025-Q4', lag: 'SoL' }))).toBe(111);
  });

  it('reproduces the LSS totals 51, 48 and 36', () => {
    // "Summa total 51 48 36"; "Socialnämnden rapporterar 36 gynnande beslut enligt 9 § LSS"
    expect(count(decision({ period: '2025-Q2', lag: 'LSS' }))).toBe(51);
    expect(count(decision({ period: '2025-Q3', lag: 'LSS' }))).toBe(48);
    expect(count(decision({ period: '2025-Q4', lag: 'LSS' }))).toBe(36);
  });

  // "Totalt ÄO 62 84 80", "Totalt OF 4 6 7", "Total IFO 17 19 24", "Total samtliga verksamheter 83 109 111"
  const areaTotals: Array<[string, number, number, number, number]> = [
    ['2025-Q2', 62, 4, 17, 83],
    ['2025-Q3', 84, 6, 19, 109],
    ['2025-Q4', 80, 7, 24, 111],
  ];
  it.each(areaTotals)('%s: the SoL area totals ÄO, OF and IFO are the published ones and add up to the grand total', (period, ao, of, ifo, total) => {
    const got = ['ÄO', 'OF', 'IFO'].map((verksamhet) => count(decision({ period, lag: 'SoL', verksamhet })));
    expect(got).toEqual([ao, of, ifo]);
    expect((got as number[]).reduce((a, b) => a + b, 0)).toBe(count(decision({ period, lag: 'SoL' })));
    expect(ao + of + ifo).toBe(total);
  });

  // Q4 tables by sex, as printed: SoL columns Kvinnor, Män, Summa total; LSS columns Män, Kvinnor, Summa total
  // (reordered here to kvinnor, män, totalt).
  const bySex: Array<[string, 'SoL' | 'LSS', string, string, number, number, number]> = [
    ['SoL ÄO Särskilt boende', 'SoL', 'ÄO', 'Särskilt boende', 43, 23, 66],
    ['SoL ÄO Dagverksamhet/sysselsättning', 'SoL', 'ÄO', 'Dagverksamhet/sysselsättning', 2, 6, 8],
    ['SoL ÄO Kontaktperson', 'SoL', 'ÄO', 'Kontaktperson', 3, 3, 6],
    ['SoL Total ÄO', 'SoL', 'ÄO', 'totalt', 48, 32, 80],
    ['SoL OF Särskilt boende', 'SoL', 'OF', 'Särskilt boende', 1, 0, 1],
    ['SoL OF Dagverksamhet/sysselsättning', 'SoL', 'OF', 'Dagverksamhet/sysselsättning', 0, 1, 1],
    ['SoL OF Kontaktperson', 'SoL', 'OF', 'Kontaktperson', 3, 2, 5],
    ['SoL Total OF', 'SoL', 'OF', 'totalt', 4, 3, 7],
    ['SoL IFO Bostad', 'SoL', 'IFO', 'Bostad', 4, 8, 12],
    ['SoL IFO Kontaktperson', 'SoL', 'IFO', 'Kontaktperson', 4, 2, 6],
    ['SoL IFO Kontaktfamilj', 'SoL', 'IFO', 'Kontaktfamilj', 3, 2, 5],
    ['SoL IFO Öppenvården', 'SoL', 'IFO', 'Öppenvården', 0, 1, 1],
    ['SoL Total IFO', 'SoL', 'IFO', 'totalt', 11, 13, 24],
    ['SoL Totalt samtliga verksamheter', 'SoL', 'totalt', 'totalt', 63, 48, 111],
    ['LSS 9.4', 'LSS', '', '9.4 Biträde av kontaktperson', 4, 9, 13],
    ['LSS 9.9', 'LSS', '', '9.9 Bostad med särskild service för vuxna eller annan särskild anpassad bostad för vuxna', 5, 13, 18],
    ['LSS 9.10', 'LSS', '', '9.10 Daglig verksamhet', 1, 3, 4],
    ['LSS Summa total', 'LSS', '', 'totalt', 11, 25, 36],
  ];
  it.each(bySex)('2025-Q4 %s: kvinnor + män = totalt, as published', (_label, lag, verksamhet, insats, kvinnor, man, totalt) => {
    const get = (kon: string) => count(decision({ period: '2025-Q4', lag, verksamhet, insats, kon }));
    expect([get('kvinnor'), get('män'), get('totalt')]).toEqual([kvinnor, man, totalt]);
    expect(kvinnor + man).toBe(totalt);
  });

  it('keeps "-" cells as markers, not as 0', () => {
    // LSS "9.1 Rådgivning eller annat personligt stöd - - -"; SoL "Korttidsboende, ÄO - - -"
    const lss = decision({ period: '2025-Q4', lag: 'LSS', insats: '9.1 Rådgivning eller annat personligt stöd' });
    expect(lss.antal).toBeNull();
    expect(lss.markering).toBe('inget_att_redovisa');
    const sol = decision({ period: '2025-Q4', lag: 'SoL', verksamhet: 'ÄO', insats: 'Korttidsboende', kon: 'kvinnor' });
    expect(sol.antal).toBeNull();
    expect(sol.markering).toBe('inget_att_redovisa');
  });

  it('reproduces the status at the reporting date for Särskilt boende (ÄO)', () => {
    // "21 beslut verkställda", "10 ... tackat nej", "30 ... saknas plats", "1 beslut tackat ja, ännu ej verkställda",
    // "4 st beslut återtagna på den enskildes begäran" (of 66)
    const status = (s: string) => count(decision({ period: '2025-Q4', lag: 'SoL', verksamhet: 'ÄO', insats: 'Särskilt boende', status: s }));
    expect(status('verkstallt')).toBe(21);
    expect(status('tackat_nej')).toBe(10);
    expect(status('saknar_plats')).toBe(30);
    expect(status('tackat_ja_ej_verkstallt')).toBe(1);
    expect(status('avslutat_pa_begaran')).toBe(4);
    expect(21 + 10 + 30 + 1 + 4).toBe(66);
  });

  it('reproduces the LSS comparison table for 9.4 and 9.9', () => {
    // "9.4 Biträde av kontaktperson 18 18 13"; "9.9 ... 27 24 18"
    const ins94 = '9.4 Biträde av kontaktperson';
    const ins99 = '9.9 Bostad med särskild service för vuxna eller annan särskild anpassad bostad för vuxna';
    expect(['2025-Q2', '2025-Q3', '2025-Q4'].map((period) => count(decision({ period, lag: 'LSS', insats: ins94 })))).toEqual([18, 18, 13]);
    expect(['2025-Q2', '2025-Q3', '2025-Q4'].map((period) => count(decision({ period, lag: 'LSS', insats: ins99 })))).toEqual([27, 24, 18]);
  });
});

describe('bundled data: Luleå, the two tables of the Q4 2025 reports (002)', () => {
  const QUARTERS = ['2025-Q2', '2025-Q3', '2025-Q4'];
  /** A cell as the source prints it: the number, "-" (inget att redovisa) or ".." (not in the source). */
  const printed = (r: Row) => (r.markering === 'inget_att_redovisa' ? '-' : r.markering === 'saknas' ? '..' : r.antal);
  const row3 = (lag: 'SoL' | 'LSS', verksamhet: string, insats: string) =>
    QUARTERS.map((period) => printed(decision({ period, lag, verksamhet, insats })));

  // "Jämförelse med de två föregående kvartalsrapporterna …", columns 2025-06-30, 2025-09-30, 2025-12-31
  // (source 002, lines 1940–1975). Where the table by insats and sex (lines 1819–1847) says "-" and the
  // comparison 0 for 2025-12-31, the table by insats and sex is followed (data/README.md): those cells are "-".
  const sol: Array<[string, string, Array<number | string>]> = [
    ['ÄO', 'Särskilt boende', [48, 69, 66]],
    ['ÄO', 'Korttidsboende', [0, 0, '-']], // comparison "0 0 0", table by sex "- - -"
    ['ÄO', 'Dagverksamhet/sysselsättning', [6, 10, 8]],
    ['ÄO', 'Kontaktperson', [8, 5, 6]],
    ['ÄO', 'totalt', [62, 84, 80]],
    ['OF', 'Särskilt boende', [1, 2, 1]],
    ['OF', 'Kontaktperson', [3, 4, 5]],
    ['OF', 'Boendestöd', [0, 0, '-']], // comparison "0 0 0", table by sex "Boendestöd - - -"
    ['OF', 'Dagverksamhet/sysselsättning', [0, 0, 1]],
    ['OF', 'Övrigt', [0, 0, '-']], // comparison "Övrigt 0 0 0", table by sex "Övrigt, OF - - -"
    ['OF', 'totalt', [4, 6, 7]],
    // "Bostad IFO /Fyren 1 1 2", "Bostad IFO/Krongyllen 2 1 1", "Bostad IFO/ Övergångslägenhet 9 11 9";
    // Bostad as a whole only in the table by sex, for 2025-12-31: "Bostad IFO 4 8 12".
    ['IFO', 'Bostad/Fyren', [1, 1, 2]],
    ['IFO', 'Bostad/Krongyllen', [2, 1, 1]],
    ['IFO', 'Bostad/Övergångslägenhet', [9, 11, 9]],
    ['IFO', 'Bostad', ['..', '..', 12]],
    ['IFO', 'Kontaktperson', [3, 2, 6]],
    ['IFO', 'Kontaktfamilj', [2, 4, 5]],
    ['IFO', 'Familjehem', [0, 0, 0]],
    ['IFO', 'Öppenvården', [0, 0, 1]],
    ['IFO', 'Externt skyddat boende', [0, 0, 0]],
    ['IFO', 'Behandlingshem', [0, 0, '-']], // comparison "0 0 0", table by sex "Behandlingshem, IFO - - -"
    ['IFO', 'totalt', [17, 19, 24]],
    ['totalt', 'totalt', [83, 109, 111]],
  ];
  it.each(sol)('SoL %s %s: the comparison of three quarters', (verksamhet, insats, expected) => {
    expect(row3('SoL', verksamhet, insats)).toEqual(expected);
  });

  // "Typ av insats enligt 9 § p. 1–10 LSS 2025-06-30 2025-09-30 2025-12-31" (source 002, lines 1727–1765).
  const lss: Array<[string, Array<number | string>]> = [
    ['9.1 Rådgivning eller annat personligt stöd', ['-', '-', '-']],
    ['9.2 Biträde av personlig assistans', [1, 1, 1]],
    ['9.3 Ledsagarservice', ['-', '-', '-']],
    ['9.4 Biträde av kontaktperson', [18, 18, 13]],
    ['9.5 Avlösarservice i hemmet', ['-', '-', '-']],
    ['9.6 Korttidsvistelse utanför det egna hemmet', ['-', '-', '-']],
    ['9.7 Korttidstillsyn för skolungdom över 12 år', ['-', '-', '-']],
    ['9.8 Boende i familjehem eller bostad med särskild service för barn eller ungdomar', ['-', '-', '-']],
    ['9.9 Bostad med särskild service för vuxna eller annan särskild anpassad bostad för vuxna', [27, 24, 18]],
    ['9.10 Daglig verksamhet', [5, 5, 4]],
    ['totalt', [51, 48, 36]],
  ];
  it.each(lss)('LSS %s: the comparison of three quarters', (insats, expected) => {
    expect(row3('LSS', '', insats)).toEqual(expected);
  });

  it('Bostad\'s parts add up to Bostad in Q4: Fyren 2 + Krongyllen 1 + Övergångslägenhet 9 = 12', () => {
    const parts = (tables.ej_verkstallda_beslut ?? []).filter((r) => r.enhetskod === LULEA && r.period === '2025-Q4' && r.overordnad_insats === 'Bostad');
    expect(parts.map((r) => [r.insats, r.kon, r.status, r.antal])).toEqual([
      ['Bostad/Fyren', 'totalt', 'totalt', 2], ['Bostad/Krongyllen', 'totalt', 'totalt', 1], ['Bostad/Övergångslägenhet', 'totalt', 'totalt', 9],
    ]);
    expect(count(decision({ period: '2025-Q4', lag: 'SoL', verksamhet: 'IFO', insats: 'Bostad' }))).toBe(12);
    expect(2 + 1 + 9).toBe(12);
    // Every quarter's parts name Bostad as their parent, and Bostad has none.
    for (const period of QUARTERS) {
      for (const insats of ['Bostad/Fyren', 'Bostad/Krongyllen', 'Bostad/Övergångslägenhet']) {
        expect(decision({ period, lag: 'SoL', verksamhet: 'IFO', insats }).overordnad_insats, `${period} ${insats}`).toBe('Bostad');
      }
      expect(decision({ period, lag: 'SoL', verksamhet: 'IFO', insats: 'Bostad' }).overordnad_insats).toBe('');
    }
  });

  it('counts a sub-insats once: IFO 24 is Bostad 12 + Kontaktperson 6 + Kontaktfamilj 5 + Öppenvården 1, without the parts', () => {
    const ifo = (tables.ej_verkstallda_beslut ?? []).filter((r) => r.enhetskod === LULEA && r.period === '2025-Q4' && r.lag === 'SoL'
      && r.verksamhet === 'IFO' && r.kon === 'totalt' && r.status === 'totalt' && r.insats !== 'totalt');
    const topLevel = ifo.filter((r) => r.overordnad_insats === '');
    expect(Object.fromEntries(topLevel.filter((r) => typeof r.antal === 'number' && (r.antal as number) > 0).map((r) => [r.insats, r.antal])))
      .toEqual({ Bostad: 12, Kontaktperson: 6, Kontaktfamilj: 5, Öppenvården: 1 });
    const sum = (rows: Row[]) => rows.reduce((a, r) => a + (typeof r.antal === 'number' ? r.antal : 0), 0);
    expect(sum(topLevel)).toBe(24);
    expect(sum(ifo)).toBe(24 + 2 + 1 + 9); // every row, parts as well: Bostad's 12 twice
    expect(count(decision({ period: '2025-Q4', lag: 'SoL', verksamhet: 'IFO' }))).toBe(24);
  });

  // "… har N ej verkställda gynnande beslut inom perioden. Av dessa är vid rapporteringstillfället: • …"
  // (source 002, SoL lines 1854–1935, LSS lines 1690–1721), as status → count; N is the insats' total.
  const lists: Array<['SoL' | 'LSS', string, string, number, Record<string, number>]> = [
    ['SoL', 'ÄO', 'Särskilt boende', 66, { verkstallt: 21, tackat_nej: 10, saknar_plats: 30, tackat_ja_ej_verkstallt: 1, avslutat_pa_begaran: 4 }],
    ['SoL', 'ÄO', 'Dagverksamhet/sysselsättning', 8, { halsotillstand: 1, ej_medverkan: 3, avslutat_pa_begaran: 1, avliden: 1, onskemal: 2 }],
    ['SoL', 'ÄO', 'Kontaktperson', 6, { personalskal: 6 }],
    ['SoL', 'OF', 'Särskilt boende', 1, { saknar_plats: 1 }],
    ['SoL', 'OF', 'Kontaktperson', 5, { personalskal: 4, halsotillstand: 1 }],
    ['SoL', 'OF', 'Dagverksamhet/sysselsättning', 1, { ej_medverkan: 1 }],
    ['SoL', 'IFO', 'Bostad', 12, { saknar_plats: 5, verkstallt: 5, tackat_nej: 2 }],
    ['SoL', 'IFO', 'Kontaktperson', 6, { personalskal: 3, avslutat_pa_begaran: 2, ej_medverkan: 1 }],
    ['SoL', 'IFO', 'Kontaktfamilj', 5, { saknar_plats: 3, verkstallt: 1, avslutat_pa_begaran: 1 }],
    ['SoL', 'IFO', 'Öppenvården', 1, { verksamhetsskal: 1 }],
    ['LSS', '', '9.2 Biträde av personlig assistans', 1, { verkstallt: 1 }],
    ['LSS', '', '9.4 Biträde av kontaktperson', 13, { personalskal: 8, rekrytering: 3, ej_medverkan: 2 }],
    ['LSS', '', '9.9 Bostad med särskild service för vuxna eller annan särskild anpassad bostad för vuxna', 18, { verkstallt: 6, tackat_nej: 4, saknar_plats: 7, tackat_ja_ej_verkstallt: 1 }],
    ['LSS', '', '9.10 Daglig verksamhet', 4, { ej_medverkan: 2, onskemal: 2 }],
  ];
  it.each(lists)('%s %s %s: the list at the reporting date', (lag, verksamhet, insats, n, statuses) => {
    const rows = (tables.ej_verkstallda_beslut ?? []).filter((r) => r.enhetskod === LULEA && r.period === '2025-Q4' && r.lag === lag
      && r.verksamhet === verksamhet && r.insats === insats && r.kon === 'totalt' && r.status !== 'totalt');
    expect(Object.fromEntries(rows.map((r) => [r.status, r.antal]))).toEqual(statuses);
    expect(count(decision({ period: '2025-Q4', lag, verksamhet, insats }))).toBe(n);
  });

  it('has no status list for an insats the report lists none for', () => {
    const listed = new Set(lists.map(([lag, verksamhet, insats]) => `${lag}|${verksamhet}|${insats}`));
    const others = (tables.ej_verkstallda_beslut ?? []).filter((r) => r.enhetskod === LULEA && r.status !== 'totalt' && !listed.has(`${r.lag}|${r.verksamhet}|${r.insats}`));
    expect(others).toEqual([]);
  });
});

describe('bundled data: Solna, zero report Q3 2022 (003)', () => {
  it('has the SoL report with no unexecuted decisions', () => {
    // "Socialnämnden har inga ej verkställda beslut att rapportera till IVO"
    const r = decision({ period: '2022-Q3', lag: 'SoL', enhetskod: SOLNA });
    expect(r.antal).toBe(0);
    expect(r.markering).toBeNull();
  });

  it('has nothing else for the quarter: one SoL total of 0, no insats, no LSS', () => {
    // "… och inte heller några tidigare ej verkställda beslut att återrapportera." The report is under SoL only.
    const rows = (tables.ej_verkstallda_beslut ?? []).filter((r) => r.enhetskod === SOLNA);
    expect(rows.map((r) => [r.period, r.lag, r.verksamhet, r.insats, r.kon, r.status, r.antal])).toEqual([
      ['2022-Q3', 'SoL', 'totalt', 'totalt', 'totalt', 'totalt', 0],
    ]);
  });
});

describe('bundled data: Stockholm, placed children 2020 (004)', () => {
  const placed = (enhetskod: string, placeringsform: string) =>
    one('placeringar', { period: '2020', enhetskod, placeringsform, kon: 'totalt', aldersgrupp: '0-20', avser: 'under_perioden' });

  it('has Stockholm\'s city-wide figures: 2 044 in total, 817 in jourhem, 622 in familjehem', () => {
    expect(placed(STOCKHOLM, 'totalt').antal).toBe(2044);
    expect(placed(STOCKHOLM, 'jourhem').antal).toBe(817);
    expect(placed(STOCKHOLM, 'familjehem').antal).toBe(622);
  });

  it('has the district cells as published', () => {
    // "Rinkeby-Kista 25 57 115 94 * 35 326" (0180-01); "Enskede-Årsta-Vantör 14 41 138 79 * 16 288" (0180-09);
    // "Skärholmen * 10 97 55 * 7 169" (0180-13)
    expect(placed('0180-01', 'sis').antal).toBe(25);
    expect(placed('0180-01', 'jourhem').antal).toBe(115);
    expect(placed('0180-01', 'totalt').antal).toBe(326);
    expect(placed('0180-09', 'jourhem').antal).toBe(138);
    expect(placed('0180-13', 'familjehem').antal).toBe(55);
    expect(placed('0180-13', 'totalt').antal).toBe(169);
  });

  it('keeps the "*" cells as suppressed markers', () => {
    // Rinkeby-Kista, Skyddat boende: "*"; Östermalm "* * 13 11 0 5 29" (0180-07)
    for (const [unit, form] of [['0180-01', 'skyddat_boende'], ['0180-07', 'sis'], ['0180-07', 'hvb']]) {
      const r = placed(unit, form);
      expect(r.antal, `${unit} ${form}`).toBeNull();
      expect(r.markering, `${unit} ${form}`).toBe('sekretess');
    }
    // A printed 0 stays 0: "Spånga-Tensta 17 31 75 56 0 25 204" (0180-02)
    expect(placed('0180-02', 'skyddat_boende').antal).toBe(0);
    expect(placed('0180-02', 'skyddat_boende').markering).toBeNull();
  });

  it('has the thirteen stadsdelar of the table under Stockholm', () => {
    const districts = (tables.enheter ?? []).filter((r) => r.overordnad === STOCKHOLM);
    expect(districts.map((r) => r.enhetsnamn)).toEqual([
      'Rinkeby-Kista', 'Spånga-Tensta', 'Hässelby-Vällingby', 'Bromma', 'Kungsholmen', 'Norrmalm', 'Östermalm',
      'Södermalm', 'Enskede-Årsta-Vantör', 'Skarpnäck', 'Farsta', 'Hägersten-Älvsjö', 'Skärholmen',
    ]);
    expect(districts.every((r) => r.niva === 'stadsdel')).toBe(true);
    expect(districts.map((r) => r.enhetskod)).toEqual(Array.from({ length: 13 }, (_, i) => `0180-${String(i + 1).padStart(2, '0')}`));
  });
});

describe('bundled data: reported network-home shares (001, 002)', () => {
  it('has the national share "drygt 15 procent" for 2022: 15, with its qualifier', () => {
    // 002 (Ds 2026:5) line 4023: "… och drygt 15 procent i nätverkshem", footnote 21 (line 4054):
    // "Socialstyrelsen (2023). Statistik om socialtjänstinsatser till barn och unga 2022"
    const riket = one('natverkshemsandel', { period: '2022', enhetskod: '00' });
    expect(riket.andel).toBe(15);
    expect(riket.kvalificering).toBe('drygt');
  });

  it('has the missing Göteborgsregionen units as markers, for 2022', () => {
    // 001 lines 93–95: "Uppgift saknas för Härryda och Partille på grund av sekretess samt för Öckerö på grund
    // av bortfall." The figures are of children placed "någon gång under året" (line 81), received
    // 2023-09-25 (line 103) and cited "(Socialstyrelsen, 2023)" (lines 77–78), the publication year of the
    // statistics for 2022 (002, footnote 21): the year they describe is 2022.
    expect(one('natverkshemsandel', { enhetskod: '1401', period: '2022' }).markering).toBe('sekretess');
    expect(one('natverkshemsandel', { enhetskod: '1402', period: '2022' }).markering).toBe('sekretess');
    const ockero = one('natverkshemsandel', { enhetskod: '1407', period: '2022' });
    expect(ockero.andel).toBeNull();
    expect(ockero.markering).toBe('saknas');
    for (const code of ['1401', '1402', '1407']) {
      expect((tables.natverkshemsandel ?? []).filter((r) => r.enhetskod === code).map((r) => [r.period, r.kvalificering])).toEqual([['2022', '']]);
    }
  });
});

describe('bundled data: the new columns are published (the build\'s tables, after suppression)', () => {
  let runner: NodeRunner;
  beforeAll(async () => {
    const real = (name: string) => readFileSync(path.join(DATA_DIR, name), 'utf8');
    const { dir } = await publishFixture(Object.fromEntries(
      ['ej_verkstallda_beslut.csv', 'natverkshemsandel.csv', 'enheter.csv', 'kallor.csv'].map((f) => [f, real(f)])));
    runner = await NodeRunner.open(dir);
  });
  afterAll(() => runner?.close());

  it('ej_verkstallda_beslut has overordnad_insats: Bostad\'s parts, the small ones hidden', async () => {
    const rows = await runner.run(`SELECT period, insats, overordnad_insats, antal, markering FROM ej_verkstallda_beslut
      WHERE enhetskod = '2580' AND overordnad_insats <> '' ORDER BY insats, period`);
    // 1 1 2, 2 1 1 are below the threshold; Övergångslägenhet 9 11 is shown.
    const hidden = { antal: null, markering: 'sekretess' };
    expect(rows).toEqual([
      ...['2025-Q2', '2025-Q3', '2025-Q4'].map((period) => ({ period, insats: 'Bostad/Fyren', overordnad_insats: 'Bostad', ...hidden })),
      ...['2025-Q2', '2025-Q3', '2025-Q4'].map((period) => ({ period, insats: 'Bostad/Krongyllen', overordnad_insats: 'Bostad', ...hidden })),
      { period: '2025-Q2', insats: 'Bostad/Övergångslägenhet', overordnad_insats: 'Bostad', antal: 9, markering: null },
      { period: '2025-Q3', insats: 'Bostad/Övergångslägenhet', overordnad_insats: 'Bostad', antal: 11, markering: null },
      // Q4's 9 is shown: with Bostad (12) published, Fyren and Krongyllen sum to 3, which leaves each of
      // them 0 to 3 (four values; zeros are hidden too, as the cheapest complements).
      { period: '2025-Q4', insats: 'Bostad/Övergångslägenhet', overordnad_insats: 'Bostad', antal: 9, markering: null },
    ]);
  });

  it('natverkshemsandel has kvalificering', async () => {
    expect(await runner.run(`SELECT period, enhetskod, andel, markering, kvalificering FROM natverkshemsandel WHERE enhetskod = '00'`)).toEqual([
      { period: '2022', enhetskod: '00', andel: 15, markering: null, kvalificering: 'drygt' },
    ]);
  });
});
