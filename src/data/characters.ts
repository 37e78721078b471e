// Characters that do not belong in published text: what a cell, a header or a file name may hold.
//
// - Text-direction controls (bidi overrides, embeddings, isolates and marks) are refused: they make a
//   name display in another order than it is stored (`Göteborg` can show as something else), so the
//   publisher must look at the cell; stripping them could silently change what a name says.
// - Control characters (NUL and the other C0/C1 codes except tab and line breaks) are refused: they mean
//   a broken export or a binary file, and the database and the web pages cannot carry them.
// - Other invisible characters (zero-width space and joiners, soft hyphen, word joiner, a BOM inside the
//   text, variation selectors …) are removed with a warning: they come from copying text out of Word or a
//   web page, mean nothing in a name or a code, and would make `Solna` and `Sol\u200Bna` two units.
//
// Pure: used by the build for every cell and in messages, and by the browser alike.

/** Anything that needs a second look: control, formatting and other default-ignorable characters (tab and line breaks excepted). */
const SUSPECT = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const CONTROL = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/u;
/** Invisible characters: formatting (Cf) and the other default-ignorable code points. */
export const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
const ESCAPED = /[\0-\x08\x0b-\x1f\x7f-\x9f\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}]/gu;

export type TextCheck =
  | { kind: 'ok' }
  /** The text without its invisible characters, and the first of them. */
  | { kind: 'stripped'; text: string; char: string }
  | { kind: 'bidi' | 'control'; char: string };

/** Whether a text may be published as it is, must lose invisible characters, or is refused. */
export function checkText(text: string): TextCheck {
  if (!SUSPECT.test(text)) return { kind: 'ok' };
  const bidi = BIDI.exec(text);
  if (bidi) return { kind: 'bidi', char: bidi[0] };
  const control = CONTROL.exec(text);
  if (control) return { kind: 'control', char: control[0] };
  const char = (text.match(INVISIBLE) as RegExpMatchArray)[0];
  return { kind: 'stripped', text: text.replace(INVISIBLE, ''), char };
}

/** `U+200B`: a code point as the Unicode standard writes it. */
export function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;
}

const NAMES: Record<string, [sv: string, en: string]> = {
  '\0': ['NUL', 'NUL'],
  '\u00ad': ['mjukt bindestreck', 'soft hyphen'],
  '\u200b': ['nollbreddsmellanslag', 'zero-width space'],
  '\u200c': ['nollbredds icke-sammanfogare', 'zero-width non-joiner'],
  '\u200d': ['nollbreddssammanfogare', 'zero-width joiner'],
  '\u200e': ['vänster-till-höger-markering', 'left-to-right mark'],
  '\u200f': ['höger-till-vänster-markering', 'right-to-left mark'],
  '\u202d': ['vänster-till-höger-åsidosättning', 'left-to-right override'],
  '\u202e': ['höger-till-vänster-åsidosättning', 'right-to-left override'],
  '\u2060': ['ordsammanfogare', 'word joiner'],
  '\ufeff': ['BOM', 'BOM'],
};

/** `U+200B (nollbreddsmellanslag)`, for messages in Swedish or English. */
export function describeChar(char: string, lang: 'sv' | 'en'): string {
  const name = NAMES[char];
  return name ? `${codePoint(char)} (${name[lang === 'sv' ? 0 : 1]})` : codePoint(char);
}

/** The text with every invisible or control character written as `<U+200B>`, so a message shows what is there and a terminal or page never acts on it. */
export function visible(text: string): string {
  return text.replace(ESCAPED, (c) => `<${codePoint(c)}>`);
}
