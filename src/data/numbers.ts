// Numbers as Swedish Excel and statistics offices write them: decimal comma, spaces (also no-break and
// narrow no-break) as thousands separators, `%` after a share.
//
// Two readers. `readContractNumber` is the data contract's: it accepts exactly what data/README.md lists
// and says, for anything else that looks like a number, how to write it (12.000 could be twelve thousand
// or twelve; 1,000 could be a thousand or one: guessing would publish a wrong figure). `parseNumber` is
// the lenient reader the SQL page uses to guess column types of an analyst's own file.

const SPACES = /[\s\u00a0\u202f\u2007\u2009]/g;
const MINUS = /^[\u2212\u2013]/; // a real minus sign or an en dash used as one

/** Parses a number; null when the text is not a number. Accepts `2 044`, `15,2`, `15,2 %`, `-3`, `1.5`. */
export function parseNumber(cell: string, { percent = false } = {}): number | null {
  let s = cell.trim().replace(SPACES, '');
  if (percent) s = s.replace(/%$/, '');
  s = s.replace(MINUS, '-');
  if (s.includes(',') && s.includes('.')) return null; // 1.234,5: ambiguous, refuse rather than guess
  s = s.replace(',', '.');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Thousands separators the contract accepts: space, no-break space U+00A0, narrow no-break space U+202F, thin space U+2009 and figure space U+2007. */
const GROUP_SEPARATOR = '[ \\u00a0\\u202f\\u2009\\u2007]';
const PLAIN = /^\d+(?:,\d+)?$/;
const GROUPED = new RegExp(`^\\d{1,3}(?:${GROUP_SEPARATOR}\\d{3})+(?:,\\d+)?$`);
/** A comma before exactly three digits, after one to three: 1,000 is a thousand in English and one in Swedish. */
const AMBIGUOUS_COMMA = /^[1-9]\d{0,2},\d{3}$/;
const SIGN = /^[-\u2212\u2013]/;
const PERCENT = /[\s\u00a0\u202f]*%$/;

/** Why a text that looks like a number is not read as one. */
export type NumberProblem =
  | 'ambiguous-point' // 12.000: a thousand separator or a decimal point
  | 'ambiguous-comma' // 1,000: a thousand separator or a decimal comma
  | 'point-grouping' // 1.234.567
  | 'comma-grouping' // 1,234,567
  | 'point-and-comma' // 1.234,5 or 1,234.5
  | 'decimal-point' // 15.2
  | 'misplaced-space' // 20 44
  | 'not-a-number';

export type ContractNumber = { value: number } | { problem: NumberProblem; suggestion: string };

/** `12000` → `12 000`: the contract's own spelling of a whole number. */
function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/**
 * A number as the data contract accepts it: digits, optionally grouped by spaces in threes, an optional
 * decimal comma, an optional minus sign, and (for shares) an optional `%`. Otherwise the problem and the
 * number written as the contract wants it (`suggestion`, '' when there is none).
 */
export function readContractNumber(cell: string, { percent = false } = {}): ContractNumber {
  let s = cell.trim();
  if (percent) s = s.replace(PERCENT, '');
  let sign = '';
  if (SIGN.test(s)) {
    sign = '-';
    s = s.slice(1).trimStart();
  }
  if ((PLAIN.test(s) && !AMBIGUOUS_COMMA.test(s)) || GROUPED.test(s)) {
    const n = Number(sign + s.replace(new RegExp(GROUP_SEPARATOR, 'g'), '').replace(',', '.'));
    if (Number.isFinite(n)) return { value: n };
  }
  const problem = numberProblem(s);
  return { problem, suggestion: problem === 'not-a-number' ? '' : suggestion(s) };
}

function numberProblem(s: string): NumberProblem {
  if (/^[\d.,]+$/.test(s) && s.includes('.') && s.includes(',')) return 'point-and-comma';
  if (/^[1-9]\d{0,2}\.\d{3}$/.test(s)) return 'ambiguous-point';
  if (/^[1-9]\d{0,2}(?:\.\d{3}){2,}$/.test(s)) return 'point-grouping';
  if (AMBIGUOUS_COMMA.test(s)) return 'ambiguous-comma';
  if (/^[1-9]\d{0,2}(?:,\d{3}){2,}$/.test(s)) return 'comma-grouping';
  if (/^\d+\.\d+$/.test(s)) return 'decimal-point';
  if (new RegExp(`^\\d+(?:${GROUP_SEPARATOR}+\\d+)+(?:,\\d+)?$`).test(s)) return 'misplaced-space';
  return 'not-a-number';
}

/** The number in the contract's spelling, read the way its last separator suggests; '' when it is no number at all. */
function suggestion(s: string): string {
  if (!/^[\d.,\s\u00a0\u202f\u2009\u2007]+$/.test(s) || !/\d/.test(s)) return '';
  const compact = s.replace(/[\s\u00a0\u202f\u2009\u2007]/g, '');
  const last = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
  // One separator followed by exactly three digits reads as a thousands separator; so do repeated ones.
  const separators = compact.replace(/\d/g, '');
  const asGrouping = last === -1 || (/^(\.+|,+)$/.test(separators) && /^[1-9]\d{0,2}([.,]\d{3})+$/.test(compact));
  if (asGrouping) return grouped(compact.replace(/[.,]/g, ''));
  const whole = compact.slice(0, last).replace(/[.,]/g, '');
  const decimals = compact.slice(last + 1);
  return `${grouped(whole || '0')},${decimals}`;
}
