// The one way markup is made from data, after Observable Framework's `html` tag (src/html.ts): every value
// interpolated into an `html` template is escaped unless it is already markup (an `Html`), so escaping is
// the default and not a habit. The same renderers run at build time (Astro's `set:html`) and in the browser
// (`innerHTML`), so the two can never drift apart.
//
//   html`<p class="note">${text}</p>`            text escaped
//   html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`   arrays joined, nested markup kept
//   html`<td${attrs({ class: 'num', 'data-markering': code })}>`   attributes, escaped, left out when null
//
// Why not the kept library `htl`: it builds DOM nodes, which need a document; the pages are rendered to
// strings at build time without one, and the browser sets the same strings. This is its 40-line string form.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escape(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A string that is markup: interpolated into an `html` template as it is. */
export class Html {
  readonly html: string;

  private constructor(markup: string) {
    this.html = markup;
  }

  /** Markup made elsewhere and known to be safe (a chart's SVG from Plot). */
  static unsafe(markup: string): Html {
    return new Html(markup);
  }

  toString(): string {
    return this.html;
  }
}

/** null, undefined and false write nothing; an array writes each item; an Html writes itself; the rest is escaped. */
function part(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.html;
  if (Array.isArray(value)) return value.map(part).join('');
  return escape(value);
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1];
  return Html.unsafe(out);
}

/** Markup joined by a separator (e.g. '\n' between a figure's parts). */
export function joinHtml(parts: readonly Html[], separator: string): Html {
  return Html.unsafe(parts.map((p) => p.html).join(separator));
}

/** ` name="value"` pairs, escaped; null, undefined and false leave the attribute out, true writes it bare. */
export function attrs(map: Record<string, string | number | boolean | null | undefined>): Html {
  let out = '';
  for (const [name, value] of Object.entries(map)) {
    if (value === null || value === undefined || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escape(value)}"`;
  }
  return Html.unsafe(out);
}

/** A safe id fragment from any text: 'placeringar-trend'. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}
