// One file of one dataset: header check, then every cell read into a typed record or an issue.
import { type CsvTable, columnLetter } from './csv.ts';
import { type DataIssue, clip, issue } from './errors.ts';
import { parseMarker } from './markers.ts';
import { parseNumber } from './numbers.ts';
import { parsePeriod } from './period.ts';
import { containsPersonalNumber, maskDigits } from './personnummer.ts';
import type { ColumnSpec, DatasetSpec } from './schema.ts';

/** A record of a dataset: the contract's columns (typed), `markering` when it has a figure, and where it came from. */
export type DataRow = Record<string, string | number | null> & { _file: string; _line: number };

export interface FileResult {
  rows: DataRow[];
  issues: DataIssue[];
}

const UNIT_CODE = /^(\d{2}|\d{4}|\d{4}-[0-9A-Za-zÅÄÖåäö]+)$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERIOD_FORMS_SV = '2025-Q3, 2025Q3, 2025K3, Q3 2025, kvartal 3 2025, 3:e kvartalet 2025, 2025-09-30 (kvartalets sista dag) eller 2020 (år)';
const PERIOD_FORMS_EN = '2025-Q3, 2025Q3, 2025K3, Q3 2025, kvartal 3 2025, 3:e kvartalet 2025, 2025-09-30 (last day of a quarter) or 2020 (year)';

export function validateFile(spec: DatasetSpec, file: string, table: Pick<CsvTable, 'header' | 'rows'>): FileResult {
  const issues: DataIssue[] = [];
  // A message never repeats a personal number, whichever check it comes from (the header included).
  const safe = (text: string) => (containsPersonalNumber(text) ? maskDigits(text) : text);
  const at = (line: number, column = '', letter = '', value = '') => ({ file, line, column: safe(column), columnLetter: letter, value: clip(safe(value)) });

  if (table.header.length === 0 || table.header.every((h) => h === '')) {
    issues.push(issue('error', at(1), 'filen är tom eller saknar rubrikrad.', 'the file is empty or has no header row.'));
    return { rows: [], issues };
  }

  // Header: map each contract column to its index in the file.
  const known = new Set(spec.columns.map((c) => c.name));
  const contractList = spec.columns.map((c) => c.name).join(', ');
  const index = new Map<string, number>();
  table.header.forEach((raw, i) => {
    const name = raw.replace(/^\uFEFF/, '').trim().toLowerCase();
    if (!known.has(name)) {
      issues.push(issue('error', at(1, raw, columnLetter(i), raw),
        `är ingen kolumn i ${spec.name}. Tillåtna kolumner: ${contractList}. Andra kolumner publiceras inte, så att inga personuppgifter följer med.`,
        `is not a column of ${spec.name}. Allowed columns: ${contractList}. Other columns are refused so that no personal data slips through.`));
    } else if (index.has(name)) {
      issues.push(issue('error', at(1, name, columnLetter(i), raw), 'kolumnen finns två gånger.', 'the column appears twice.'));
    } else {
      index.set(name, i);
    }
  });
  for (const c of spec.columns) {
    if (!index.has(c.name) && !c.optional) {
      issues.push(issue('error', at(1, c.name), `kolumnen ${c.name} saknas i rubrikraden.`, `the column ${c.name} is missing from the header row.`));
    }
  }

  const rows: DataRow[] = [];
  const width = table.header.length;
  // readCell is pure, and a column holds few distinct texts (periods, unit codes, forms): reading each
  // text once makes equal values one string in memory, which later grouping and key lookups compare by
  // reference. Bounded, so a column of free text cannot grow the cache without limit.
  const caches = new Map<string, Map<string, CellResult>>(spec.columns.map((c) => [c.name, new Map()]));
  const read = (c: ColumnSpec, raw: string): CellResult => {
    const cache = caches.get(c.name) as Map<string, CellResult>;
    let r = cache.get(raw);
    if (r === undefined) {
      r = readCell(c, raw);
      if (cache.size < CELL_CACHE_LIMIT) cache.set(raw, r);
    }
    return r;
  };
  for (const { line, cells } of table.rows) {
    // The personal-number guard reads every cell, also those of unknown columns. A row holding one is
    // never kept, so no later check (duplicates, unit codes) can repeat it in a message.
    let personal = false;
    cells.forEach((cell, i) => {
      if (containsPersonalNumber(cell)) {
        personal = true;
        const name = table.header[i] ?? '';
        issues.push(issue('error', at(line, name, columnLetter(i), maskDigits(cell)),
          'ser ut som ett personnummer. Personuppgifter får aldrig finnas i indata; ta bort cellen.',
          'looks like a Swedish personal identity number. Personal data must never be in the input; remove the cell.'));
      }
    });
    if (cells.length > width && cells.slice(width).some((c) => c.trim() !== '')) {
      issues.push(issue('error', at(line, '', columnLetter(width), cells[width]),
        `raden har ${cells.length} fält men rubrikraden ${width}. Kontrollera avgränsare och citattecken.`,
        `the row has ${cells.length} fields but the header ${width}. Check the delimiter and quotes.`));
      continue;
    }
    const row = { _file: file, _line: line } as DataRow;
    let ok = !personal;
    for (const c of spec.columns) {
      const i = index.get(c.name);
      if (i === undefined && !c.optional) {
        ok = false; // the missing column is reported once, for the header, not again on every row
        continue;
      }
      const raw = i === undefined ? '' : (cells[i] ?? '');
      const r = read(c, raw);
      if ('error' in r) {
        ok = false;
        issues.push(issue('error', at(line, c.name, i === undefined ? '' : columnLetter(i), raw.trim()), r.error.sv, r.error.en));
        continue;
      }
      row[c.name] = r.value;
      if (c.name === spec.valueColumn) row.markering = r.marker ?? null;
    }
    if (ok) rows.push(row);
  }
  return { rows, issues };
}

const CELL_CACHE_LIMIT = 50_000;

type CellResult = { value: string | number | null; marker?: string | null } | { error: { sv: string; en: string } };

function readCell(c: ColumnSpec, raw: string): CellResult {
  const s = raw.trim();
  if (s === '' && c.fallback !== undefined && c.kind !== 'count' && c.kind !== 'share') return { value: c.fallback };
  switch (c.kind) {
    case 'period': {
      const p = parsePeriod(s);
      if (p) return { value: p.canonical };
      return { error: { sv: `är ingen period som går att läsa. Använd t.ex. ${PERIOD_FORMS_SV}.`, en: `is not a period that can be read. Use e.g. ${PERIOD_FORMS_EN}.` } };
    }
    case 'unit': {
      const code = s.toLowerCase() === 'riket' ? '00' : s;
      if (UNIT_CODE.test(code)) return { value: code };
      const hint = /^\d{1,3}$/.test(code)
        ? { sv: ` Menade du ${code.padStart(code.length === 1 ? 2 : 4, '0')}? Excel tar bort inledande nollor om kolumnen inte är formaterad som text.`, en: ` Did you mean ${code.padStart(code.length === 1 ? 2 : 4, '0')}? Excel drops leading zeros unless the column is formatted as text.` }
        : { sv: '', en: '' };
      return { error: {
        sv: `är ingen enhetskod. Förväntat: 00 (riket), två siffror (län), fyra siffror (kommun, t.ex. 0180) eller kommunkod-nummer (t.ex. 0180-01).${hint.sv}`,
        en: `is not a unit code. Expected: 00 (the nation), two digits (county), four digits (municipality, e.g. 0180) or municipality code-number (e.g. 0180-01).${hint.en}`,
      } };
    }
    case 'text':
      if (s === '') return { error: { sv: `är tom, men ${c.name} måste anges.`, en: `is empty, but ${c.name} is required.` } };
      return { value: c.name === 'insats' && s.toLowerCase() === 'totalt' ? 'totalt' : s.replace(/\s+/g, ' ') };
    case 'enum': {
      const v = c.aliases?.[s.toLowerCase().replace(/\s+/g, ' ')] ?? (c.values?.includes(s) ? s : undefined);
      if (v !== undefined) return { value: v };
      const allowed = (c.values ?? []).filter((x) => x !== '').join(', ');
      return { error: { sv: `är inget tillåtet värde för ${c.name}. Tillåtna: ${allowed}.`, en: `is not an allowed value of ${c.name}. Allowed: ${allowed}.` } };
    }
    case 'count': {
      const marker = parseMarker(s);
      if (marker) return { value: null, marker };
      const n = parseNumber(s);
      if (n === null) return { error: { sv: 'är inget antal. Förväntat: ett heltal (mellanslag som tusentalsavgränsare går bra) eller en markering (*, x, U, <4, .., NA, -).', en: 'is not a count. Expected: a whole number (spaces as thousands separators are fine) or a marker (*, x, U, <4, .., NA, -).' } };
      if (n < 0) return { error: { sv: 'är negativt. Ett antal kan inte vara mindre än 0.', en: 'is negative. A count cannot be less than 0.' } };
      if (!Number.isInteger(n)) return { error: { sv: 'har decimaler. Ett antal måste vara ett heltal.', en: 'has decimals. A count must be a whole number.' } };
      if (n > 2_147_483_647) return { error: { sv: 'är orimligt stort för ett antal.', en: 'is unreasonably large for a count.' } };
      return { value: n, marker: null };
    }
    case 'share': {
      const marker = parseMarker(s);
      if (marker) return { value: null, marker };
      const n = parseNumber(s, { percent: true });
      if (n === null) return { error: { sv: 'är ingen andel. Förväntat: procent, t.ex. 15,2 eller 15,2 %, eller en markering (*, .., -).', en: 'is not a share. Expected: a percentage, e.g. 15,2 or 15,2 %, or a marker (*, .., -).' } };
      if (n < 0 || n > 100) return { error: { sv: 'ligger utanför 0–100 %.', en: 'is outside 0–100 %.' } };
      return { value: n, marker: null };
    }
    case 'date': {
      const m = s.match(ISO_DATE);
      const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
      if (m && d && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3]) return { value: s };
      return { error: { sv: 'är inget datum. Förväntat: ÅÅÅÅ-MM-DD, t.ex. 2025-07-01.', en: 'is not a date. Expected: YYYY-MM-DD, e.g. 2025-07-01.' } };
    }
    case 'url':
      if (/^https?:\/\/\S+$/i.test(s)) return { value: s };
      return { error: { sv: 'är ingen webbadress. Förväntat: http:// eller https:// följt av adressen, eller en tom cell.', en: 'is not a web address. Expected: http:// or https:// and the address, or an empty cell.' } };
  }
}
