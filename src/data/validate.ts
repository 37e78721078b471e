// One file of one dataset: header check, then every cell read into a typed record or an issue. Rows come
// one at a time (`FileValidator`), so a file of millions of rows is never held as an array of cells.
import { checkText, describeChar, visible } from './characters.ts';
import { type CsvTable, columnLetter, scanCsvChunks } from './csv.ts';
import { type DataIssue, IssueLog, clip, issue } from './errors.ts';
import { parseMarker } from './markers.ts';
import { type NumberProblem, readContractNumber } from './numbers.ts';
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

const PERSONAL_SV = 'ser ut som ett personnummer. Personuppgifter får aldrig finnas i indata; ta bort cellen.';
const PERSONAL_EN = 'looks like a Swedish personal identity number. Personal data must never be in the input; remove the cell.';

/** A message never repeats a personal number, whichever check it comes from (the header included). */
const safe = (text: string) => (containsPersonalNumber(text) ? maskDigits(text) : text);

/** The messages for a refused character (see characters.ts for why these are refused). */
export function refusedCharMessage(kind: 'bidi' | 'control', char: string): { sv: string; en: string } {
  return kind === 'bidi'
    ? {
      sv: `innehåller ett osynligt tecken för textriktning, ${describeChar(char, 'sv')}. Det kan få texten att visas i en annan ordning än den lagras; ta bort tecknet.`,
      en: `holds an invisible text-direction character, ${describeChar(char, 'en')}, which can make the text display in another order than it is stored; remove it.`,
    }
    : {
      sv: `innehåller styrtecknet ${describeChar(char, 'sv')}, som inte hör hemma i text. Filen kan vara skadad eller sparad i fel format; ta bort tecknet eller spara filen på nytt som CSV.`,
      en: `holds the control character ${describeChar(char, 'en')}, which does not belong in text. The file may be damaged or saved in the wrong format; remove the character or save the file again as CSV.`,
    };
}

/**
 * Validates one file as its rows arrive: `header` first, then `row` for each data row, then `finish`.
 * Issues go to the shared log (which keeps the first ones and counts the rest).
 */
export class FileValidator {
  readonly rows: DataRow[] = [];
  private readonly spec: DatasetSpec;
  private readonly file: string;
  private readonly log: IssueLog;
  private readonly index = new Map<string, number>();
  private width = 0;
  private headerCells: readonly string[] = [];
  private usable = false;
  private dataRows = 0;
  /** Per column: the first cell that lost invisible characters, and how many more did. */
  private readonly stripped = new Map<string, { line: number; letter: string; raw: string; char: string; more: number }>();
  /** The Excel letter of each contract column in the file. */
  private readonly letters = new Map<string, string>();
  /** Per index in the file: whether the column is one of the contract's (its cells are checked through `verdict`). */
  private contractColumn: boolean[] = [];
  // The checks of a cell are pure, and a column holds few distinct texts (periods, unit codes, forms):
  // judging each text once makes equal values one string in memory, which later grouping and key lookups
  // compare by reference. Bounded, so a column of free text cannot grow the cache without limit.
  private readonly caches = new Map<string, Map<string, Verdict>>();

  constructor(spec: DatasetSpec, file: string, log: IssueLog) {
    this.spec = spec;
    this.file = file;
    this.log = log;
    for (const c of spec.columns) this.caches.set(c.name, new Map());
  }

  private at(line: number, column = '', letter = '', value = '') {
    return { file: this.file, line, column: safe(column), columnLetter: letter, value: clip(safe(value)) };
  }

  /** The header row; false when the file has none (then its rows are not read). */
  header(header: readonly string[]): boolean {
    const { spec, log } = this;
    if (header.length === 0 || header.every((h) => h === '')) {
      log.add(issue('error', this.at(1), 'filen är tom eller saknar rubrikrad.', 'the file is empty or has no header row.'));
      return false;
    }
    this.width = header.length;
    this.headerCells = header;
    // Header: map each contract column to its index in the file.
    const known = new Set(spec.columns.map((c) => c.name));
    const contractList = spec.columns.map((c) => c.name).join(', ');
    for (let i = 0; i < header.length; i++) {
      const raw = header[i];
      if (containsPersonalNumber(raw)) {
        log.add(issue('error', this.at(1, '', columnLetter(i), raw),
          `rubriken ${PERSONAL_SV}`, `the header ${PERSONAL_EN}`));
        continue;
      }
      const chars = checkText(raw);
      if (chars.kind === 'bidi' || chars.kind === 'control') {
        const m = refusedCharMessage(chars.kind, chars.char);
        log.add(issue('error', this.at(1, '', columnLetter(i), visible(raw)), `rubriken ${m.sv}`, `the header ${m.en}`));
        continue;
      }
      const text = chars.kind === 'stripped' ? chars.text : raw;
      const name = text.trim().toLowerCase();
      if (chars.kind === 'stripped' && known.has(name)) this.noteStripped(name, 1, columnLetter(i), raw, chars.char);
      if (!known.has(name)) {
        log.addLazy('error', () => issue('error', this.at(1, text, columnLetter(i), text),
          `är ingen kolumn i ${spec.name}. Tillåtna kolumner: ${contractList}. Andra kolumner publiceras inte, så att inga personuppgifter följer med.`,
          `is not a column of ${spec.name}. Allowed columns: ${contractList}. Other columns are refused so that no personal data slips through.`));
      } else if (this.index.has(name)) {
        log.add(issue('error', this.at(1, name, columnLetter(i), raw), 'kolumnen finns två gånger.', 'the column appears twice.'));
      } else {
        this.index.set(name, i);
      }
    }
    for (const c of spec.columns) {
      if (!this.index.has(c.name) && !c.optional) {
        log.add(issue('error', this.at(1, c.name), `kolumnen ${c.name} saknas i rubrikraden.`, `the column ${c.name} is missing from the header row.`));
      }
    }
    this.contractColumn = header.map(() => false);
    for (const [name, i] of this.index) {
      this.contractColumn[i] = true;
      this.letters.set(name, columnLetter(i));
    }
    this.usable = true;
    return true;
  }

  row(line: number, cells: readonly string[]): void {
    if (!this.usable) return;
    const { spec, log, width } = this;
    this.dataRows++;
    // The personal-number guard reads every cell, also those of unknown columns (here; the contract's
    // columns below). A row holding one is never kept, so no later check (duplicates, unit codes) can
    // repeat it in a message.
    let personal = false;
    for (let i = 0; i < cells.length; i++) {
      if (!this.contractColumn[i] && containsPersonalNumber(cells[i])) {
        personal = true;
        log.addLazy('error', () => issue('error', this.at(line, this.headerName(i), columnLetter(i), maskDigits(cells[i])), PERSONAL_SV, PERSONAL_EN));
      }
    }
    if (cells.length > width && cells.slice(width).some((c) => c.trim() !== '')) {
      log.addLazy('error', () => issue('error', this.at(line, '', columnLetter(width), cells[width]),
        `raden har ${cells.length} fält men rubrikraden ${width}. Kontrollera avgränsare och citattecken.`,
        `the row has ${cells.length} fields but the header ${width}. Check the delimiter and quotes.`));
      return;
    }
    const row = { _file: this.file, _line: line } as DataRow;
    let ok = !personal;
    for (const c of spec.columns) {
      const i = this.index.get(c.name);
      if (i === undefined && !c.optional) {
        ok = false; // the missing column is reported once, for the header, not again on every row
        continue;
      }
      const raw = i === undefined ? '' : (cells[i] ?? '');
      const letter = i === undefined ? '' : (this.letters.get(c.name) as string);
      const v = this.verdict(c, raw);
      if (v.kind !== 'read' || 'error' in v.result) ok = false;
      if (v.kind === 'personal') {
        log.addLazy('error', () => issue('error', this.at(line, c.name, letter, maskDigits(raw)), PERSONAL_SV, PERSONAL_EN));
      } else if (v.kind === 'refused') {
        log.addLazy('error', () => issue('error', this.at(line, c.name, letter, raw), v.message.sv, v.message.en));
      } else {
        if (v.stripped) this.noteStripped(c.name, line, letter, raw, v.stripped);
        const r = v.result;
        if ('error' in r) {
          log.addLazy('error', () => issue('error', this.at(line, c.name, letter, v.text.trim()), r.error.sv, r.error.en));
        } else {
          row[c.name] = r.value;
          if (c.name === spec.valueColumn) row.markering = r.marker ?? null;
        }
      }
    }
    if (ok) this.rows.push(row);
  }

  /** The warnings that sum up the file (invisible characters removed, a file without data rows); the rows read. */
  finish(): DataRow[] {
    for (const [column, s] of this.stripped) {
      const more = s.more > 0 ? { sv: ` (även i ${s.more} ${s.more === 1 ? 'rad' : 'rader'} till i kolumnen)`, en: ` (also in ${s.more} more ${s.more === 1 ? 'row' : 'rows'} of the column)` } : { sv: '', en: '' };
      this.log.add(issue('warning', this.at(s.line, column, s.letter, s.raw),
        `innehåller ett osynligt tecken, ${describeChar(s.char, 'sv')}, som tas bort${more.sv}. Sådana tecken följer ofta med när text kopieras från Word eller en webbsida.`,
        `holds an invisible character, ${describeChar(s.char, 'en')}, which is removed${more.en}. Such characters often come along when text is copied from Word or a web page.`));
    }
    if (this.usable && this.dataRows === 0) {
      this.log.add(issue('warning', { file: this.file },
        'har en rubrikrad men inga rader med uppgifter, så filen bidrar inte med något. Var det rätt fil?',
        'has a header row but no rows of data, so the file adds nothing. Was it the right file?'));
    }
    return this.rows;
  }

  private headerName(i: number): string {
    return this.headerCells[i] ?? '';
  }

  private noteStripped(column: string, line: number, letter: string, raw: string, char: string): void {
    const seen = this.stripped.get(column);
    if (seen) seen.more++;
    else this.stripped.set(column, { line, letter, raw, char, more: 0 });
  }

  private verdict(c: ColumnSpec, raw: string): Verdict {
    const cache = this.caches.get(c.name) as Map<string, Verdict>;
    let v = cache.get(raw);
    if (v === undefined) {
      v = judge(c, raw);
      if (cache.size < CELL_CACHE_LIMIT) cache.set(raw, v);
    }
    return v;
  }
}

/**
 * What every check of one cell of a contract column concludes (a text always gets the same verdict, so
 * it is cached per column): a personal number, a refused character, or the value read from the text
 * without its invisible characters.
 */
type Verdict =
  | { kind: 'personal' }
  | { kind: 'refused'; message: { sv: string; en: string } }
  | { kind: 'read'; text: string; stripped: string | null; result: CellResult };

function judge(c: ColumnSpec, raw: string): Verdict {
  if (containsPersonalNumber(raw)) return { kind: 'personal' };
  const chars = checkText(raw);
  if (chars.kind === 'bidi' || chars.kind === 'control') return { kind: 'refused', message: refusedCharMessage(chars.kind, chars.char) };
  const text = chars.kind === 'stripped' ? chars.text : raw;
  return { kind: 'read', text, stripped: chars.kind === 'stripped' ? chars.char : null, result: readCell(c, text) };
}

/** Validates a parsed table (tests, and callers that have one). */
export function validateFile(spec: DatasetSpec, file: string, table: Pick<CsvTable, 'header' | 'rows'>, log = new IssueLog()): FileResult {
  const v = new FileValidator(spec, file, log);
  if (v.header(table.header)) for (const { line, cells } of table.rows) v.row(line, cells);
  return { rows: v.finish(), issues: log.list };
}

/** Validates decoded CSV text as it is parsed, row by row (the text may come in pieces: `decodeChunks`). */
export function validateCsvText(spec: DatasetSpec, file: string, text: string | Iterable<string>, log: IssueLog): DataRow[] {
  const v = new FileValidator(spec, file, log);
  let usable = false;
  scanCsvChunks(typeof text === 'string' ? [text] : text, (header) => { usable = v.header(header); }, (line, cells) => { if (usable) v.row(line, cells); });
  return v.finish();
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
      const read = readContractNumber(s);
      if ('problem' in read && read.problem !== 'not-a-number') return { error: numberMessage(read.problem, read.suggestion, 'count') };
      if ('problem' in read) return { error: { sv: 'är inget antal. Förväntat: ett heltal (mellanslag som tusentalsavgränsare går bra) eller en markering (*, x, U, <4, .., NA, -).', en: 'is not a count. Expected: a whole number (spaces as thousands separators are fine) or a marker (*, x, U, <4, .., NA, -).' } };
      const n = read.value;
      if (n < 0) return { error: { sv: 'är negativt. Ett antal kan inte vara mindre än 0.', en: 'is negative. A count cannot be less than 0.' } };
      if (!Number.isInteger(n)) return { error: { sv: 'har decimaler. Ett antal måste vara ett heltal.', en: 'has decimals. A count must be a whole number.' } };
      if (n > 2_147_483_647) return { error: { sv: 'är orimligt stort för ett antal.', en: 'is unreasonably large for a count.' } };
      return { value: n, marker: null };
    }
    case 'share': {
      const marker = parseMarker(s);
      if (marker) return { value: null, marker };
      const read = readContractNumber(s, { percent: true });
      if ('problem' in read && read.problem !== 'not-a-number') return { error: numberMessage(read.problem, read.suggestion, 'share') };
      if ('problem' in read) return { error: { sv: 'är ingen andel. Förväntat: procent, t.ex. 15,2 eller 15,2 %, eller en markering (*, .., -).', en: 'is not a share. Expected: a percentage, e.g. 15,2 or 15,2 %, or a marker (*, .., -).' } };
      const n = read.value;
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

/**
 * How to write a number the contract refuses. Thousands are written with a space (or nothing) and
 * decimals with a comma; a point, or a comma before exactly three digits, could mean either, so the
 * message says which spelling is meant for which reading.
 */
function numberMessage(problem: Exclude<NumberProblem, 'not-a-number'>, suggestion: string, kind: 'count' | 'share'): { sv: string; en: string } {
  const plain = suggestion.replace(/ /g, '');
  const thousands = { sv: `Skriv tusental med mellanslag eller utan avgränsare: ${suggestion} eller ${plain}.`, en: `Write thousands with a space or no separator: ${suggestion} or ${plain}.` };
  const share = { sv: 'Skriv andelen i procent med decimalkomma och en eller två decimaler, t.ex. 12,5.', en: 'Write the share in percent with a decimal comma and one or two decimals, e.g. 12,5.' };
  const how = kind === 'count' ? thousands : share;
  switch (problem) {
    case 'ambiguous-point':
      return { sv: `är tvetydigt: punkten kan vara en tusentalsavgränsare eller ett decimaltecken. ${how.sv}`, en: `is ambiguous: the point may be a thousands separator or a decimal point. ${how.en}` };
    case 'ambiguous-comma':
      return { sv: `är tvetydigt: kommat kan vara en tusentalsavgränsare eller ett decimalkomma. ${how.sv}`, en: `is ambiguous: the comma may be a thousands separator or a decimal comma. ${how.en}` };
    case 'point-grouping':
      return { sv: `har punkt som tusentalsavgränsare. ${thousands.sv}`, en: `has points as thousands separators. ${thousands.en}` };
    case 'comma-grouping':
      return { sv: `har komma som tusentalsavgränsare. ${thousands.sv}`, en: `has commas as thousands separators. ${thousands.en}` };
    case 'point-and-comma':
      return { sv: `har både punkt och komma. Skriv tusental med mellanslag och decimaler med komma: ${suggestion}.`, en: `has both a point and a comma. Write thousands with a space and decimals with a comma: ${suggestion}.` };
    case 'decimal-point':
      return kind === 'count'
        ? { sv: 'har punkt som decimaltecken, och ett antal måste vara ett heltal.', en: 'has a decimal point, and a count must be a whole number.' }
        : { sv: `har punkt som decimaltecken. Skriv decimaler med komma: ${suggestion}.`, en: `has a decimal point. Write decimals with a comma: ${suggestion}.` };
    case 'misplaced-space':
      return { sv: `har mellanslag på fel ställe. Mellanslag får bara stå som tusentalsavgränsare, före var tredje siffra räknat från slutet: ${suggestion}.`, en: `has a space in the wrong place. Spaces may only separate thousands, before every third digit from the end: ${suggestion}.` };
  }
}
