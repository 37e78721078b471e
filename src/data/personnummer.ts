// Guard against personal data: Swedish personal identity numbers (personnummer) and co-ordination
// numbers (samordningsnummer, day + 60), with or without century, with the Luhn check digit. Pure (no
// Node APIs): the build checks every cell, header and file name with it, and the SQL page can run the same
// check on an analyst's own file in the browser.
//
// A number is found however a word processor, a spreadsheet or a web page spelled it: one normaliser
// (`normaliseForGuard`) first folds every spelling to ASCII digits and `-`, then the detector looks for ten
// or twelve digits whose separators stand where a date's parts and the serial number meet.
import { INVISIBLE } from './characters.ts';

/**
 * Dashes and minus signs (every Unicode dash, U+2010–U+2015, the minus U+2212, the small and full-width
 * hyphen-minus, the hyphen bullet …). NFKC has already turned U+2011 (non-breaking hyphen) into U+2010.
 */
const DASH_LIKE = /[\p{Pd}\u2212\u2043\u02d7\u2796\ufe63\uff0d]/gu;
/** Control characters (NUL and the like): nothing between two digits. Tab and line breaks are spaces. */
const CONTROL = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;
/** Decimal digits of any script, to be read as 0–9 (NFKC folds full-width and mathematical digits, not e.g. Arabic-Indic). */
const OTHER_DIGIT = /(?![0-9])\p{Nd}/gu;
const IS_DIGIT = /^\p{Nd}$/u;

/** Every digit of another script as its ASCII digit: a script's digits are ten consecutive code points from 0. */
function asciiDigit(char: string): string {
  let start = char.codePointAt(0) as number;
  while (start > 0 && IS_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return String(((char.codePointAt(0) as number) - start) % 10);
}

/**
 * The text as the guard reads it: Unicode NFKC (full-width and other compatibility digits become 0–9,
 * no-break spaces become spaces), every invisible, formatting or control character removed, every dash
 * and minus sign written `-`, and digits of other scripts as 0–9.
 */
export function normaliseForGuard(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(CONTROL, '').replace(DASH_LIKE, '-').replace(OTHER_DIGIT, asciiDigit);
}

/** Digit groups with what separates them: spaces, dots, dashes, `+` (a person over 100) and `_` (in file names). */
const DIGIT_RUN = /\d+(?:[\s._+-]+\d+)*/g;
const GROUP = /\d+/g;
/** Where, counted in digits from the start, a separator may stand inside a number: between the parts of the date and before the serial number. */
const SEPARATOR_AT: Record<number, ReadonlySet<number>> = { 10: new Set([2, 4, 6]), 12: new Set([2, 4, 6, 8]) };

function luhnOk(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = tenDigits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function validDate(yy: string, mm: string, dd: string): boolean {
  const month = Number(mm);
  let day = Number(dd);
  if (day > 60) day -= 60; // samordningsnummer
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(2000 + Number(yy), month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** Whether ten (YYMMDDNNNC) or twelve (CCYYMMDDNNNC) digits are a valid number. */
function isPersonalNumber(digits: string): boolean {
  let ten = digits;
  if (digits.length === 12) {
    const century = digits.slice(0, 2);
    if (century !== '18' && century !== '19' && century !== '20') return false;
    ten = digits.slice(2);
  }
  return validDate(ten.slice(0, 2), ten.slice(2, 4), ten.slice(4, 6)) && luhnOk(ten);
}

/** Whether a run of digit groups holds a number: whole groups, 10 or 12 digits, separators only where a number has them. */
function runHolds(run: string): boolean {
  const groups = run.match(GROUP) as string[];
  for (let i = 0; i < groups.length; i++) {
    let digits = '';
    const cuts: number[] = [];
    for (let j = i; j < groups.length && digits.length < 12; j++) {
      if (j > i) cuts.push(digits.length);
      digits += groups[j];
      const allowed = SEPARATOR_AT[digits.length];
      if (allowed && cuts.every((c) => allowed.has(c)) && isPersonalNumber(digits)) return true;
    }
  }
  return false;
}

/**
 * Text of ASCII and Latin letters (å, ä, ö, é: U+00C0–U+024F, none of which NFKC turns into a digit,
 * a dash or nothing) with fewer than ten digits cannot hold a number: most cells, read without normalising.
 */
function plainlyClean(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && (c < 0xc0 || c > 0x24f))) return false;
  }
  return digits < 10;
}

/**
 * True when the text holds a valid Swedish personal identity or co-ordination number in any spelling:
 * 19121212-1212, 121212-1212, 121212+1212, 191212121212, 1212121212, with en dashes, minus signs,
 * non-breaking or soft hyphens, spaces, dots, zero-width characters or full-width digits.
 */
export function containsPersonalNumber(text: string): boolean {
  if (plainlyClean(text)) return false;
  for (const [run] of normaliseForGuard(text).matchAll(DIGIT_RUN)) {
    if (run.length >= 10 && runHolds(run)) return true;
  }
  return false;
}

/** The text with every digit hidden (and read as the guard reads it), so a message never repeats the personal data it found. */
export function maskDigits(text: string): string {
  return normaliseForGuard(text).replace(/\d/g, '•');
}

/** Where a personal number is in a parsed table: the 1-based line, the row's index (null for the header) and the 0-based column. */
export interface PersonalNumberHit {
  line: number;
  row: number | null;
  column: number;
}

/** Every cell of a parsed table (the header included) that holds a personal number. */
export function findPersonalNumbers(table: { header: readonly string[]; rows: readonly { line: number; cells: readonly string[] }[] }): PersonalNumberHit[] {
  const hits: PersonalNumberHit[] = [];
  table.header.forEach((cell, column) => {
    if (containsPersonalNumber(cell)) hits.push({ line: 1, row: null, column });
  });
  table.rows.forEach(({ line, cells }, row) => {
    cells.forEach((cell, column) => {
      if (containsPersonalNumber(cell)) hits.push({ line, row, column });
    });
  });
  return hits;
}
