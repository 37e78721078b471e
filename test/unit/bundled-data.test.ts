// The bundled real figures (data/) reproduce the source documents' own numbers.
// Every expected value below is typed from the documents in ../shared/sources/ (never computed from
// the CSV files): 002 = Luleå kommun's Q4 2025 reports on unexecuted decisions (SoL and LSS) with their
// three-quarter comparison tables, 003 = Solna stad's zero report for Q3 2022, 004 = Stockholms stad's
// "Stöd till placerade barn och unga" (2021-11-12) with the 2020 table by stadsdel.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDataDir } from '../../scripts/lib/read-data-dir.ts';

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

describe('bundled data: Solna, zero report Q3 2022 (003)', () => {
  it('has the SoL report with no unexecuted decisions', () => {
    // "Socialnämnden har inga ej verkställda beslut att rapportera till IVO"
    const r = decision({ period: '2022-Q3', lag: 'SoL', enhetskod: SOLNA });
    expect(r.antal).toBe(0);
    expect(r.markering).toBeNull();
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
  it('has the national share of about 15 % for 2022 and the missing units as markers', () => {
    // 002 (Ds 2026:5): "De flesta placeringar (70 %) sker i familjehem varav en tredjedel i jourhem och drygt 15 procent i nätverkshem"
    expect(one('natverkshemsandel', { period: '2022', enhetskod: '00' }).andel).toBe(15);
    // 001: "Uppgift saknas för Härryda och Partille på grund av sekretess samt för Öckerö på grund av bortfall."
    expect(one('natverkshemsandel', { enhetskod: '1401' }).markering).toBe('sekretess');
    expect(one('natverkshemsandel', { enhetskod: '1402' }).markering).toBe('sekretess');
    const ockero = one('natverkshemsandel', { enhetskod: '1407' });
    expect(ockero.andel).toBeNull();
    expect(ockero.markering).toBe('saknas');
  });
});
