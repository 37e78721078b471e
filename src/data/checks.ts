// Checks across rows and files of the whole data folder: duplicates, unknown units and sources,
// law/area consistency, and totals smaller than their parts.
import { type DataIssue, issue } from './errors.ts';
import { periodEndDate } from './period.ts';
import { type DatasetName, type DatasetSpec, DATASETS, UNIT_LEVELS } from './schema.ts';
import type { DataRow } from './validate.ts';

export type Tables = Partial<Record<DatasetName, DataRow[]>>;

const where = (row: DataRow, column = '', value = '') => ({ file: row._file, line: row._line, column, value });

/**
 * One key per row that is equal for rows with equal values in `columns` (a value compared as text, an
 * empty cell as ''). Each value gets a small number per column and the numbers are combined into one:
 * a million rows are grouped several times, and joining their values into strings made the build spend
 * most of its time hashing and collecting those strings. Falls back to strings of the numbers when the
 * combination would not fit exactly in a double.
 */
export function rowKeys(rows: readonly DataRow[], columns: readonly string[]): (number | string)[] {
  const ids = columns.map(() => new Int32Array(rows.length));
  const sizes: number[] = [];
  columns.forEach((c, j) => {
    const seen = new Map<string, number>();
    const column = ids[j];
    for (let i = 0; i < rows.length; i++) {
      const v = rows[i][c];
      const text = typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
      let id = seen.get(text);
      if (id === undefined) seen.set(text, (id = seen.size));
      column[i] = id;
    }
    sizes.push(Math.max(1, seen.size));
  });
  const product = sizes.reduce((a, b) => a * b, 1);
  const keys: (number | string)[] = new Array(rows.length);
  if (product <= Number.MAX_SAFE_INTEGER) {
    for (let i = 0; i < rows.length; i++) {
      let k = 0;
      for (let j = 0; j < columns.length; j++) k = k * sizes[j] + ids[j][i];
      keys[i] = k;
    }
  } else {
    for (let i = 0; i < rows.length; i++) keys[i] = ids.map((column) => column[i]).join(',');
  }
  return keys;
}

export function findDuplicates(spec: DatasetSpec, rows: DataRow[]): DataIssue[] {
  const seen = new Map<number | string, DataRow>();
  const issues: DataIssue[] = [];
  const keys = rowKeys(rows, spec.key);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const k = keys[i];
    const first = seen.get(k);
    if (first) {
      const what = spec.key.map((c) => `${c}=${row[c]}`).join(', ');
      issues.push(issue('error', where(row),
        `raden är en dubblett av ${first._file} rad ${first._line} (${what}).`,
        `the row duplicates ${first._file} line ${first._line} (${what}).`));
    } else {
      seen.set(k, row);
    }
  }
  return issues;
}

/** The level of a unit from the form of its code, for data folders without enheter.csv. */
export function levelOfCode(code: string): (typeof UNIT_LEVELS)[number] {
  if (code === '00') return 'riket';
  if (/^\d{2}$/.test(code)) return 'lan';
  if (/^\d{4}$/.test(code)) return 'kommun';
  return 'enhet';
}

/** Units named by the figures, as an `enheter` table, when the folder has no enheter.csv. */
export function deriveUnits(tables: Tables): DataRow[] {
  const units = new Map<string, DataRow>();
  for (const name of ['placeringar', 'ej_verkstallda_beslut', 'natverkshemsandel'] as const) {
    for (const row of tables[name] ?? []) {
      const code = String(row.enhetskod);
      if (!units.has(code)) {
        const level = levelOfCode(code);
        const parent = level === 'enhet' ? code.slice(0, 4) : level === 'kommun' || level === 'lan' ? '' : '';
        units.set(code, { enhetskod: code, enhetsnamn: String(row.enhetsnamn || code), niva: level, overordnad: parent, _file: row._file, _line: row._line } as DataRow);
      }
    }
  }
  for (const u of units.values()) if (u.overordnad && !units.has(String(u.overordnad))) u.overordnad = '';
  return [...units.values()].sort((a, b) => String(a.enhetskod).localeCompare(String(b.enhetskod)));
}

/** Unit codes and sources must exist; unit names are taken from enheter. Mutates enhetsnamn. */
export function checkReferences(tables: Tables): DataIssue[] {
  const issues: DataIssue[] = [];
  const units = tables.enheter ? new Map(tables.enheter.map((u) => [String(u.enhetskod), u])) : null;
  const sources = tables.kallor ? new Set(tables.kallor.map((k) => String(k.kalla))) : null;

  if (units) {
    for (const u of tables.enheter ?? []) {
      const parent = String(u.overordnad ?? '');
      if (parent && !units.has(parent)) {
        issues.push(issue('error', where(u, 'overordnad', parent), 'finns inte som enhetskod i enheter.', 'is not a unit code in enheter.'));
      }
    }
    for (const i of checkUnitCycles(tables.enheter ?? [])) issues.push(i);
  }
  const renamed = new Set<string>();
  const missingSource = new Set<string>();
  for (const name of ['placeringar', 'ej_verkstallda_beslut', 'natverkshemsandel', 'handelser'] as const) {
    for (const row of tables[name] ?? []) {
      const code = String(row.enhetskod ?? '');
      if (units && code !== '') {
        const unit = units.get(code);
        if (!unit) {
          issues.push(issue('error', where(row, 'enhetskod', code),
            'finns inte i enheter.csv. Lägg till enheten där eller rätta koden.',
            'is not in enheter.csv. Add the unit there or correct the code.'));
        } else if (name !== 'handelser') {
          if (row.enhetsnamn && row.enhetsnamn !== unit.enhetsnamn && !renamed.has(`${row._file}\u0000${code}`)) {
            renamed.add(`${row._file}\u0000${code}`);
            issues.push(issue('warning', where(row, 'enhetsnamn', String(row.enhetsnamn)),
              `skiljer sig från namnet i enheter.csv ("${unit.enhetsnamn}"), som används.`,
              `differs from the name in enheter.csv ("${unit.enhetsnamn}"), which is used.`));
          }
          row.enhetsnamn = unit.enhetsnamn;
        }
      }
      const source = String(row.kalla ?? '');
      if (source === '') {
        if (!missingSource.has(row._file)) {
          missingSource.add(row._file);
          issues.push(issue('warning', { file: row._file, line: row._line, column: 'kalla' },
            'raden (och kanske fler i filen) saknar källa. Varje uppgift bör ha en källa i kallor.csv.',
            'the row (and perhaps more in the file) has no source. Every figure should name a source in kallor.csv.'));
        }
      } else if (sources && !sources.has(source)) {
        issues.push(issue('error', where(row, 'kalla', source), 'finns inte i kallor.csv.', 'is not in kallor.csv.'));
      } else if (!sources) {
        issues.push(issue('error', where(row, 'kalla', source), 'hänvisar till en källa, men kallor.csv saknas.', 'names a source, but there is no kallor.csv.'));
      }
    }
  }
  return issues;
}

/** SoL decisions belong to an area (ÄO, OF, IFO or totalt); LSS decisions to none. */
export function checkLawAreas(rows: DataRow[]): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const row of rows) {
    if (row.lag === 'LSS' && row.verksamhet !== '') {
      issues.push(issue('error', where(row, 'verksamhet', String(row.verksamhet)),
        'ska vara tom för LSS (verksamhet ÄO, OF och IFO gäller SoL).', 'must be empty for LSS (the areas ÄO, OF and IFO apply to SoL).'));
    } else if (row.lag === 'SoL' && row.verksamhet === '') {
      issues.push(issue('error', where(row, 'verksamhet'),
        'saknas: ett SoL-beslut hör till ÄO, OF, IFO eller totalt.', 'is missing: a SoL decision belongs to ÄO, OF, IFO or totalt.'));
    }
  }
  return issues;
}

/**
 * Groups of rows whose parts add up to a published total, for one additive dimension of a dataset:
 * rows that agree on every other key column form one group.
 */
export function additiveGroups(spec: DatasetSpec, rows: DataRow[], dimension: NonNullable<DatasetSpec['additive']>[number]): { total: DataRow | null; parts: DataRow[] }[] {
  const rest = spec.key.filter((c) => c !== dimension.column);
  const groups = new Map<number | string, { total: DataRow | null; parts: DataRow[] }>();
  const taking = dimension.when ? rows.filter((row) => dimension.when?.(row)) : rows;
  const keys = rowKeys(taking, rest);
  for (let i = 0; i < taking.length; i++) {
    const row = taking[i];
    const k = keys[i];
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { total: null, parts: [] }));
    if (row[dimension.column] === dimension.total) g.total = row;
    else g.parts.push(row);
  }
  return [...groups.values()].filter((g) => g.parts.length > 0);
}

/**
 * The lines of rows for a message: all of a real group's parts (13 statuses, a report's insatser), but
 * for a group of thousands (a hostile file) the first 30 and how many more.
 */
function lineList(rows: readonly DataRow[], shown = 30): { sv: string; en: string } {
  const first = rows.slice(0, shown).map((r) => r._line).join(', ');
  const rest = rows.length - shown;
  if (rest <= 0) return { sv: first, en: first };
  return { sv: `${first} och ${String(rest).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} till`, en: `${first} and ${rest} more` };
}

/** Where parts are additive, no part and no sum of parts may exceed the total. */
export function checkTotals(spec: DatasetSpec, rows: DataRow[]): DataIssue[] {
  const issues: DataIssue[] = [];
  const value = spec.valueColumn;
  if (!value || !spec.additive) return issues;
  for (const dim of spec.additive) {
    for (const { total, parts } of additiveGroups(spec, rows, dim)) {
      if (!total || typeof total[value] !== 'number') continue;
      const t = total[value] as number;
      let sum = 0;
      let tooLarge = false;
      for (const p of parts) {
        if (typeof p[value] !== 'number') continue;
        sum += p[value] as number;
        if ((p[value] as number) > t) {
          tooLarge = true;
          issues.push(issue('error', where(p, value, String(p[value])),
            `är större än totalen ${t} (${dim.column}=${dim.total}) på ${total._file} rad ${total._line}.`,
            `is larger than the total ${t} (${dim.column}=${dim.total}) at ${total._file} line ${total._line}.`));
        }
      }
      if (!tooLarge && sum > t) {
        const lines = lineList(parts);
        issues.push(issue('error', where(total, value, String(t)),
          `är mindre än summan ${sum} av delarna efter ${dim.column} (rad ${lines.sv}).`,
          `is smaller than the sum ${sum} of its parts by ${dim.column} (lines ${lines.en}).`));
      }
    }
  }
  return issues;
}

/** A unit cannot be part of itself: `overordnad` must not lead back to where it started. One error per loop. */
export function checkUnitCycles(units: readonly DataRow[]): DataIssue[] {
  const parent = new Map(units.map((u) => [String(u.enhetskod), String(u.overordnad ?? '')]));
  const byCode = new Map(units.map((u) => [String(u.enhetskod), u]));
  const reported = new Set<string>();
  const issues: DataIssue[] = [];
  for (const u of units) {
    const start = String(u.enhetskod);
    const chain = [start];
    for (let p = parent.get(start); p && chain.length <= parent.size; p = parent.get(p)) {
      if (p === start) {
        const key = [...chain].sort().join(' ');
        if (!reported.has(key)) {
          reported.add(key);
          const loop = [...chain, start].join(' → ');
          issues.push(issue('error', where(byCode.get(start) as DataRow, 'overordnad', String(u.overordnad)),
            `gör att enheterna bildar en slinga (${loop}): en enhet kan inte ingå i sig själv.`,
            `makes the units form a loop (${loop}): a unit cannot be part of itself.`));
        }
        break;
      }
      if (chain.includes(p)) break; // a loop further up, reported from its own units
      chain.push(p);
    }
  }
  return issues;
}

/** How far up `overordnad` is followed (riket, län, kommun, stadsdel, enhet: five levels). */
const MAX_LEVELS = 16;

/**
 * A unit's count cannot exceed the count of the unit it is part of (`overordnad` in enheter): a district
 * cannot have more children placed in HVB than its municipality, a municipality no more than its county,
 * for the same period, form, sex, age group and measure. Compared with the nearest unit above that has a
 * number for the same key. (Only single units are compared: districts may add up to more than their
 * municipality, since a child who moved within the period is counted in each district it lived in.)
 */
export function checkUnitHierarchy(spec: DatasetSpec, rows: DataRow[], units: readonly DataRow[] | undefined): DataIssue[] {
  const issues: DataIssue[] = [];
  if (spec.valueColumn !== 'antal' || !units || rows.length === 0) return issues;
  const parent = new Map<string, string>();
  const names = new Map<string, string>();
  for (const u of units) {
    parent.set(String(u.enhetskod), String(u.overordnad ?? ''));
    names.set(String(u.enhetskod), String(u.enhetsnamn ?? ''));
  }
  const keys = rowKeys(rows, spec.key.filter((c) => c !== 'enhetskod'));
  const byUnit = new Map<string, Map<number | string, DataRow>>();
  for (let i = 0; i < rows.length; i++) {
    const code = String(rows[i].enhetskod);
    let m = byUnit.get(code);
    if (!m) byUnit.set(code, (m = new Map()));
    m.set(keys[i], rows[i]);
  }
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const n = row.antal;
    if (typeof n !== 'number') continue;
    let p = parent.get(String(row.enhetskod));
    for (let level = 0; p && level < MAX_LEVELS; level++, p = parent.get(p)) {
      const whole = byUnit.get(p)?.get(keys[i]);
      if (!whole || typeof whole.antal !== 'number') continue;
      if (n > whole.antal) {
        const unit = `${p} ${names.get(p) ?? ''}`.trim();
        issues.push(issue('error', where(row, 'antal', String(n)),
          `är större än ${whole.antal} för ${unit}, som enheten ${row.enhetskod} ingår i (${whole._file} rad ${whole._line}). En del kan inte vara större än helheten: kontrollera enhetskoderna och talen.`,
          `is larger than ${whole.antal} for ${unit}, which the unit ${row.enhetskod} is part of (${whole._file} line ${whole._line}). A part cannot be larger than its whole: check the unit codes and the figures.`));
      }
      break;
    }
  }
  return issues;
}

/** The canonical quarter after the one that holds `day`: 2026-12-01 → 2027-Q1. */
function nextQuarter(day: Date): { label: string; end: Date } {
  const index = day.getUTCFullYear() * 4 + Math.floor(day.getUTCMonth() / 3) + 1;
  const year = Math.floor(index / 4);
  const q = (index % 4) + 1;
  return { label: `${year}-Q${q}`, end: new Date(Date.UTC(year, q * 3, 0)) };
}

/**
 * A period that ends after the quarter following `today` has not happened yet: most often a typo
 * (2052 for 2025) or a wrong date format. A warning, once per file, at its first such row.
 */
export function checkFuturePeriods(rows: readonly DataRow[], today: Date): DataIssue[] {
  const limit = nextQuarter(today);
  const future = new Map<string, boolean>();
  const byFile = new Map<string, { first: DataRow; more: number }>();
  for (const row of rows) {
    const period = row.period;
    if (typeof period !== 'string') continue;
    let after = future.get(period);
    if (after === undefined) future.set(period, (after = periodEndDate(period) > limit.end));
    if (!after) continue;
    const seen = byFile.get(row._file);
    if (seen) seen.more++;
    else byFile.set(row._file, { first: row, more: 0 });
  }
  const day = today.toISOString().slice(0, 10);
  return [...byFile.values()].map(({ first, more }) => issue('warning', where(first, 'period', String(first.period)),
    `ligger i framtiden: efter ${limit.label}, kvartalet efter i dag (${day})${more ? `, liksom ${more} ${more === 1 ? 'rad' : 'rader'} till i filen` : ''}. Kontrollera perioden.`,
    `lies in the future: after ${limit.label}, the quarter after today (${day})${more ? `, as do ${more} more ${more === 1 ? 'row' : 'rows'} of the file` : ''}. Check the period.`));
}

export { DATASETS };
