// The benchmark's national-scale data folder: the nation, its 21 counties (län) and 290 municipalities
// with invented figures for 40 quarters, generated with a fixed seed by the same generator as the demo
// municipality (scripts/lib/synthetic.ts), so it passes the same validation and suppression as real data.
// Only the municipalities are generated; each county's figures are the sums of its municipalities' and
// the nation's the sums of its counties', as in real statistics (a unit never has more than the unit it
// is part of, which the build checks).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decisionsCsv, placementsCsv, random, type SyntheticOptions, type SyntheticUnit } from './synthetic.ts';

/** County codes with how many municipalities each has (Sweden's 21 län and 290 kommuner). */
export const COUNTIES: readonly (readonly [code: string, municipalities: number])[] = [
  ['01', 26], ['03', 8], ['04', 9], ['05', 13], ['06', 13], ['07', 8], ['08', 12], ['09', 1], ['10', 5], ['12', 33],
  ['13', 6], ['14', 49], ['17', 16], ['18', 12], ['19', 10], ['20', 15], ['21', 10], ['22', 7], ['23', 8], ['24', 15],
  ['25', 14],
];

export const BENCH_SOURCE = 'bench';

export interface BenchOptions {
  seed: number;
  /** Municipalities per county are cut to this many (for a small, fast variant in tests). */
  maxMunicipalitiesPerCounty?: number;
  /** Only the first `counties` counties (default all 21). */
  counties?: number;
  firstYear: number;
  quarters: number;
}

export const NATIONAL: BenchOptions = { seed: 20260601, firstYear: 2016, quarters: 40 };

export interface BenchUnit extends SyntheticUnit {
  level: 'riket' | 'lan' | 'kommun';
  parent: string;
}

/**
 * The units with their sizes (about the number of children placed at a time). Municipal sizes are
 * log-normal like Sweden's (a few large cities, many small towns): the median about 45 and the largest
 * about 2 000; a county is the sum of its municipalities and the nation the sum of all.
 */
export function benchUnits(o: BenchOptions): BenchUnit[] {
  const rnd = random(o.seed);
  const counties = COUNTIES.slice(0, o.counties ?? COUNTIES.length);
  const municipalities: BenchUnit[] = [];
  const countyUnits: BenchUnit[] = [];
  for (const [county, n] of counties) {
    const own: BenchUnit[] = [];
    for (let i = 1; i <= Math.min(n, o.maxMunicipalitiesPerCounty ?? n); i++) {
      // Box–Muller: a normal deviate from two uniform ones.
      const z = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
      const size = Math.max(8, Math.min(2500, Math.round(45 * Math.exp(0.95 * z))));
      const code = `${county}${String(i * 2).padStart(2, '0')}`;
      own.push({ code, name: `Kommun ${code} (påhittade siffror)`, size, level: 'kommun', parent: county });
    }
    countyUnits.push({ code: county, name: `Län ${county} (påhittade siffror)`, size: sum(own), level: 'lan', parent: '00' });
    municipalities.push(...own);
  }
  const nation: BenchUnit = { code: '00', name: 'Riket (påhittade siffror)', size: sum(countyUnits), level: 'riket', parent: '' };
  return [nation, ...countyUnits, ...municipalities];
}

const sum = (units: SyntheticUnit[]) => units.reduce((a, u) => a + u.size, 0);

/** The files of the data folder, by name. */
export function benchFiles(o: BenchOptions): Record<string, string> {
  const units = benchUnits(o);
  const synthetic: SyntheticOptions = {
    seed: o.seed,
    firstYear: o.firstYear,
    quarters: o.quarters,
    source: BENCH_SOURCE,
    units,
    // A municipality reports the insatser it has unexecuted decisions for, not every insats with zero.
    omitEmptyInsatser: true,
    largestRemainder: true,
  };
  const municipal: SyntheticOptions = { ...synthetic, units: units.filter((u) => u.level === 'kommun') };
  return {
    'kallor.csv': 'kalla;titel;utgivare;datum;url;pahittad\n' +
      `${BENCH_SOURCE};Påhittade siffror i nationell skala för att mäta webbplatsens hastighet;socialstatistik;2026-06-01;;ja\n`,
    // befolkning (inhabitants 0–20): about 40 per child placed at a time, for the rates per 1 000.
    'enheter.csv': 'enhetskod;enhetsnamn;niva;overordnad;befolkning\n' +
      units.map((u) => `${u.code};${u.name};${u.level};${u.parent};${u.size * 40}`).join('\n') + '\n',
    'placeringar.csv': withTotalsAbove(placementsCsv(municipal), units),
    'ej_verkstallda_beslut.csv': withTotalsAbove(decisionsCsv(municipal), units),
    'natverkshemsandel.csv': sharesCsv(o, units),
    'handelser.csv': 'datum;enhetskod;rubrik;beskrivning;kalla\n' +
      `${o.firstYear + 2}-07-01;;Ny föreskrift (påhittad);Påhittad händelse för prestandamätningen.;${BENCH_SOURCE}\n` +
      `${o.firstYear + 6}-01-01;;Nationell satsning på nätverkshem (påhittad);Påhittad händelse för prestandamätningen.;${BENCH_SOURCE}\n`,
  };
}

/**
 * The generated municipal rows with the rows of every county and the nation in front: for each key (all
 * columns but the unit and the count) the sum of the units below. Sums of rows whose parts add up to
 * their totals add up too, so the county and national rows pass the same checks.
 */
function withTotalsAbove(text: string, units: BenchUnit[]): string {
  const [header, ...lines] = text.trimEnd().split('\n');
  const columns = header.split(';');
  const code = columns.indexOf('enhetskod');
  const name = columns.indexOf('enhetsnamn');
  const count = columns.indexOf('antal');
  const parent = new Map(units.map((u) => [u.code, u.parent]));
  const above = units.filter((u) => u.level !== 'kommun');
  const sums = new Map<string, Map<string, { cells: string[]; n: number }>>(above.map((u) => [u.code, new Map()]));
  for (const l of lines) {
    if (l.includes('"')) throw new Error('withTotalsAbove: quoted cells are not expected in generated rows');
    const cells = l.split(';');
    const key = cells.filter((_, i) => i !== code && i !== name && i !== count).join(';');
    for (let p = parent.get(cells[code]); p; p = parent.get(p)) {
      const m = sums.get(p) as Map<string, { cells: string[]; n: number }>;
      const s = m.get(key);
      if (s) s.n += Number(cells[count]);
      else m.set(key, { cells, n: Number(cells[count]) });
    }
  }
  const out = [header];
  for (const u of above) {
    for (const { cells, n } of (sums.get(u.code) as Map<string, { cells: string[]; n: number }>).values()) {
      out.push(cells.map((c, i) => (i === code ? u.code : i === name ? u.name : i === count ? String(n) : c)).join(';'));
    }
  }
  return `${[...out, ...lines].join('\n')}\n`;
}

/** The nation's share in network homes as published each year, and a target for every tenth municipality. */
function sharesCsv(o: BenchOptions, units: BenchUnit[]): string {
  const rnd = random(o.seed + 7);
  const out = ['period;enhetskod;enhetsnamn;andel;typ;kalla'];
  const years = Math.ceil(o.quarters / 4);
  for (let y = 0; y < years; y++) {
    const share = (12 + (13 * y) / Math.max(1, years - 1) + rnd()).toFixed(1).replace('.', ',');
    out.push(`${o.firstYear + y};00;${units[0].name};${share};utfall;${BENCH_SOURCE}`);
  }
  const last = o.firstYear + years - 1;
  units.filter((u) => u.level === 'kommun').forEach((u, i) => {
    if (i % 10 === 0) out.push(`${last};${u.code};${u.name};${20 + Math.floor(rnd() * 16)};mal;${BENCH_SOURCE}`);
  });
  return `${out.join('\n')}\n`;
}

/** Data rows of a CSV text (lines after the header). */
export function dataRows(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n - 1;
}

/** Writes the data folder; returns the rows per file. */
export async function writeBenchData(dir: string, o: BenchOptions = NATIONAL): Promise<Record<string, number>> {
  await mkdir(dir, { recursive: true });
  const rows: Record<string, number> = {};
  for (const [name, text] of Object.entries(benchFiles(o))) {
    await writeFile(path.join(dir, name), text);
    rows[name] = dataRows(text);
  }
  return rows;
}
