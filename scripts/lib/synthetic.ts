// Invented figures with a fixed seed: the demo municipality bundled in data/, and (at national scale)
// the benchmark's data. The figures follow the contract's arithmetic (sex and age groups add up to
// their totals, statuses to the decisions) so they pass the same validation as real data.
import { AREAS, DECISION_STATUSES, PLACEMENT_FORMS } from '../../src/data/schema.ts';

/** mulberry32: a small, fast PRNG; the same seed gives the same figures on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticUnit {
  code: string;
  name: string;
  /** Scales every count (about the number of children placed at a time). */
  size: number;
}

export interface SyntheticOptions {
  seed: number;
  units: SyntheticUnit[];
  /** First quarter as year and number, and how many quarters. */
  firstYear: number;
  quarters: number;
  source: string;
  /**
   * Leave out an insats with no unexecuted decisions (as a municipality's report does), instead of
   * writing its zero rows. The totals per area and law are written either way.
   */
  omitEmptyInsatser?: boolean;
  /**
   * Where splitting a count leaves a remainder, give it to the parts with the largest remainders
   * (Hamilton's method) instead of to the first parts. The demo files in data/ were written the first
   * way and stay as published; at national scale that way put a 1 into the first part of nearly every
   * small count (stödboende for 0–12-year-olds in most small municipalities), cells real data never has.
   */
  largestRemainder?: boolean;
}

const SOL_INSATSER: Record<'ÄO' | 'OF' | 'IFO', string[]> = {
  ÄO: ['Särskilt boende', 'Dagverksamhet/sysselsättning', 'Kontaktperson'],
  OF: ['Särskilt boende', 'Kontaktperson', 'Dagverksamhet/sysselsättning'],
  IFO: ['Bostad', 'Kontaktperson', 'Kontaktfamilj'],
};
const LSS_INSATSER = ['9.4 Biträde av kontaktperson', '9.9 Bostad med särskild service för vuxna', '9.10 Daglig verksamhet', '9.6 Korttidsvistelse utanför det egna hemmet'];
const STATUSES = DECISION_STATUSES.filter((s) => s !== 'totalt');

/** A CSV line with `;` and quotes where needed. */
const line = (cells: (string | number)[]) => cells.map((c) => (/[;"\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(';');

function periods(o: SyntheticOptions): string[] {
  return Array.from({ length: o.quarters }, (_, i) => `${o.firstYear + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
}

/** Splits a whole number into `n` random whole parts that add up to it. */
function split(total: number, weights: number[], rnd: () => number, largestRemainder = false): number[] {
  const w = weights.map((x) => x * (0.75 + rnd() * 0.5));
  const sum = w.reduce((a, b) => a + b, 0);
  const exact = w.map((x) => (total * x) / sum);
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [largestRemainder ? x - parts[i] : 0, i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % parts.length, rest--) parts[order[k][1]]++;
  return parts;
}

/** Placements at the end of each quarter, by form, sex and age group. */
export function placementsCsv(o: SyntheticOptions): string {
  const rnd = random(o.seed);
  const out = [line(['period', 'enhetskod', 'enhetsnamn', 'placeringsform', 'kon', 'aldersgrupp', 'avser', 'antal', 'kalla'])];
  const forms = PLACEMENT_FORMS.filter((f) => f !== 'totalt');
  const ps = periods(o);
  for (const u of o.units) {
    const phase = rnd() * Math.PI * 2;
    ps.forEach((p, i) => {
      const t = i / Math.max(1, ps.length - 1);
      const season = 1 + 0.04 * Math.sin(phase + i * 1.3);
      // Network homes grow from about 10 % to 25 % of family-home placements; HVB shrinks a little.
      const level: Record<string, number> = {
        familjehem: 0.42 - 0.1 * t,
        natverkshem: 0.06 + 0.1 * t,
        jourhem: 0.12,
        hvb: 0.2 - 0.04 * t,
        sis: 0.03,
        stodboende: 0.1 + 0.02 * t,
        skyddat_boende: 0.015,
        ovrigt: 0.02,
      };
      const byForm: Record<string, number> = {};
      for (const f of forms) byForm[f] = Math.max(0, Math.round(u.size * level[f] * season * (0.9 + rnd() * 0.2)));
      // Some children have two forms in a quarter, so the total is less than the sum of the forms.
      const sum = Object.values(byForm).reduce((a, b) => a + b, 0);
      byForm.totalt = sum - Math.round(sum * 0.03 * rnd());
      for (const f of PLACEMENT_FORMS) {
        const total = byForm[f];
        const [girls, boys] = split(total, [0.47, 0.53], rnd, o.largestRemainder);
        const [young, teen, adult] = split(total, f === 'stodboende' ? [0.01, 0.45, 0.54] : [0.45, 0.4, 0.15], rnd, o.largestRemainder);
        const rows: [string, string, number][] = [
          ['totalt', '0-20', total], ['flickor', '0-20', girls], ['pojkar', '0-20', boys],
          ['totalt', '0-12', young], ['totalt', '13-17', teen], ['totalt', '18-20', adult],
        ];
        for (const [sex, age, n] of rows) out.push(line([p, u.code, u.name, f, sex, age, 'vid_periodens_slut', n, o.source]));
      }
    });
  }
  return `${out.join('\n')}\n`;
}

/** Unexecuted decisions per quarter by law, area, insats, sex and status at the reporting date. */
export function decisionsCsv(o: SyntheticOptions): string {
  const rnd = random(o.seed + 1);
  const out = [line(['period', 'enhetskod', 'enhetsnamn', 'lag', 'verksamhet', 'insats', 'kon', 'status', 'antal', 'kalla'])];
  const ps = periods(o);
  /** Writes one insats's rows; returns its [women, men] so totals can add up the parts exactly. */
  const emit = (p: string, u: SyntheticUnit, lag: string, area: string, insats: string, sexes: [number, number], withDetail: boolean): [number, number] => {
    const [women, men] = sexes;
    const total = women + men;
    if (withDetail && total === 0 && o.omitEmptyInsatser) return sexes;
    out.push(line([p, u.code, u.name, lag, area, insats, 'totalt', 'totalt', total, o.source]));
    out.push(line([p, u.code, u.name, lag, area, insats, 'kvinnor', 'totalt', women, o.source]));
    out.push(line([p, u.code, u.name, lag, area, insats, 'män', 'totalt', men, o.source]));
    if (withDetail && total > 0) {
      const weights = STATUSES.map((s) => (s === 'verkstallt' ? 6 : s === 'saknar_plats' ? 5 : s === 'tackat_nej' ? 2 : 0.6));
      const parts = split(total, weights, rnd, o.largestRemainder);
      STATUSES.forEach((s, k) => { if (parts[k] > 0) out.push(line([p, u.code, u.name, lag, area, insats, 'totalt', s, parts[k], o.source])); });
    }
    return sexes;
  };
  const add = (a: [number, number], b: [number, number]): [number, number] => [a[0] + b[0], a[1] + b[1]];
  const draw = (n: number) => split(n, [0.58, 0.42], rnd, o.largestRemainder) as [number, number];
  for (const u of o.units) {
    const scale = u.size / 300;
    ps.forEach((p, i) => {
      const wave = 1 + 0.35 * Math.sin(i / 3 + u.size);
      let solTotal: [number, number] = [0, 0];
      for (const area of AREAS.filter((a): a is 'ÄO' | 'OF' | 'IFO' => a === 'ÄO' || a === 'OF' || a === 'IFO')) {
        let areaTotal: [number, number] = [0, 0];
        for (const insats of SOL_INSATSER[area]) {
          const base = area === 'ÄO' && insats === 'Särskilt boende' ? 40 : 5;
          const n = Math.max(0, Math.round(base * scale * wave * (0.7 + rnd() * 0.6)));
          areaTotal = add(areaTotal, emit(p, u, 'SoL', area, insats, draw(n), true));
        }
        solTotal = add(solTotal, emit(p, u, 'SoL', area, 'totalt', areaTotal, false));
      }
      emit(p, u, 'SoL', 'totalt', 'totalt', solTotal, false);
      let lssTotal: [number, number] = [0, 0];
      for (const insats of LSS_INSATSER) {
        const n = Math.max(0, Math.round(8 * scale * wave * (0.6 + rnd() * 0.8)));
        lssTotal = add(lssTotal, emit(p, u, 'LSS', '', insats, draw(n), true));
      }
      emit(p, u, 'LSS', '', 'totalt', lssTotal, false);
    });
  }
  return `${out.join('\n')}\n`;
}
