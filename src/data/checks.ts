// Checks across rows and files of the whole data folder: duplicates, unknown units and sources,
// law/area consistency, and totals smaller than their parts.
import { type DataIssue, issue } from './errors.ts';
import { type DatasetName, type DatasetSpec, DATASETS, UNIT_LEVELS } from './schema.ts';
import type { DataRow } from './validate.ts';

export type Tables = Partial<Record<DatasetName, DataRow[]>>;

const where = (row: DataRow, column = '', value = '') => ({ file: row._file, line: row._line, column, value });
const keyOf = (row: DataRow, columns: readonly string[]) => columns.map((c) => String(row[c] ?? '')).join('\u0000');

export function findDuplicates(spec: DatasetSpec, rows: DataRow[]): DataIssue[] {
  const seen = new Map<string, DataRow>();
  const issues: DataIssue[] = [];
  for (const row of rows) {
    const k = keyOf(row, spec.key);
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
  const groups = new Map<string, { total: DataRow | null; parts: DataRow[] }>();
  for (const row of rows) {
    if (dimension.when && !dimension.when(row)) continue;
    const k = keyOf(row, rest);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { total: null, parts: [] }));
    if (row[dimension.column] === dimension.total) g.total = row;
    else g.parts.push(row);
  }
  return [...groups.values()].filter((g) => g.parts.length > 0);
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
        issues.push(issue('error', where(total, value, String(t)),
          `är mindre än summan ${sum} av delarna efter ${dim.column} (rad ${parts.map((p) => p._line).join(', ')}).`,
          `is smaller than the sum ${sum} of its parts by ${dim.column} (lines ${parts.map((p) => p._line).join(', ')}).`));
      }
    }
  }
  return issues;
}

export { DATASETS };
