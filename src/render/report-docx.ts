// The committee's quarterly statistikrapport (src/views/report/model.ts) as a Word file, for pasting into the
// committee's case system: the same headings, sentences, tables and lists as the page (src/render/report.ts).
// Written with the `docx` package (kept, widely used, runs in Node and in the browser) rather than by hand:
// a .docx is a zip of WordprocessingML that Word, LibreOffice and case systems must all accept.
// Each law starts on a new page; headings and table heads keep with what follows; every page's footer
// names the unit, quarter, data date and source (and, for the internal version, that it must not be published).

import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { periodEndDate } from '../data/period.ts';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { markerGlyph } from '../charts/theme.ts';
import { decisionsWords } from '../i18n/decisions.ts';
import { reportWords as w } from '../i18n/report.ts';
import type { ComparisonTable } from '../views/decisions/comparison.ts';
import { periodEndIso, type DetailTable, type LawReport, type ReportCell, type ReportModel } from '../views/report/model.ts';

const FONT = 'Arial';
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };
/** The id of the paragraph style of a table cell's text: 9 pt, kept with the next line (a table is not split from its head). */
const CELL = 'Tabelltext';

// The font is the document's default (its styles), not repeated on every run.
function text(t: string, options: { bold?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text: t, bold: options.bold, size: options.size });
}

function para(t: string, options: { bold?: boolean; keepNext?: boolean; size?: number; after?: number } = {}): Paragraph {
  return new Paragraph({ children: [text(t, options)], keepNext: options.keepNext, spacing: { after: options.after ?? 120 } });
}

/** A cell in a Word table: the number (with * when its parts include a hidden one) or the marker's glyph, explained in the notes. */
function cellText(c: Pick<ReportCell, 'antal' | 'markering' | 'text' | 'hiddenParts'>): string {
  if (c.antal === null) return markerGlyph(c.markering ?? 'saknas').text;
  return c.hiddenParts ? `${c.text}*` : c.text;
}

// A cell's borders and margins are its table's (tblBorders, tblCellMar) and its text's size is the
// CELL paragraph style's: written once per table and once per document instead of in every cell, which
// made the tables most of each file's XML and of the time docx takes to write it.
function cell(t: string, options: { bold?: boolean; right?: boolean; width?: number } = {}): TableCell {
  return new TableCell({
    width: options.width ? { size: options.width, type: WidthType.PERCENTAGE } : undefined,
    children: [new Paragraph({ style: CELL, alignment: options.right ? AlignmentType.RIGHT : undefined, children: [text(t, { bold: options.bold })] })],
  });
}

function table(header: readonly string[], rows: readonly { cells: string[]; bold: boolean }[], firstWidth: number): Table {
  const rest = (100 - firstWidth) / Math.max(1, header.length - 1);
  const head = new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, { bold: true, right: i > 0, width: i ? rest : firstWidth })) });
  const body = rows.map((r) => new TableRow({ cantSplit: true, children: r.cells.map((c, i) => cell(c, { bold: r.bold, right: i > 0, width: i ? rest : firstWidth })) }));
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: BORDERS, margins: { top: 40, bottom: 40, left: 80, right: 80 }, rows: [head, ...body] });
}

function detailTable(t: DetailTable): Table {
  const rows = t.groups.flat().map((r) => ({ cells: [r.label, cellText(r.women), cellText(r.men), cellText(r.sum)], bold: r.kind !== 'insats' }));
  return table(t.header, rows, 64);
}

function comparisonTable(t: ComparisonTable): Table {
  const header = [decisionsWords.comparison.insatsHeader(t.lag), ...t.periods.map(periodEndIso)];
  const rows = t.groups.flatMap((g) => g.rows.map((r) => ({ cells: [r.label, ...r.cells.map(cellText)], bold: r.kind !== 'insats' })));
  return table(header, rows, 64);
}

/** The comparison's notes, for the glyphs its Word table shows. */
function comparisonNotes(t: ComparisonTable): string[] {
  const cells = t.groups.flatMap((g) => g.rows.flatMap((r) => r.cells));
  const has = (code: string) => cells.some((c) => c.markering === code);
  const glyph = (code: string) => markerGlyph(code).text;
  return [
    ...(t.hasHidden ? [w.hiddenNote(glyph('sekretess'))] : []),
    ...(t.hasHiddenParts ? [w.hiddenTotalNote] : []),
    ...(t.hasMissing ? [w.missingNote(glyph('saknas'))] : []),
    ...(has('inget_att_redovisa') ? [w.nothingNote(glyph('inget_att_redovisa'))] : []),
  ];
}

function caption(t: string): Paragraph {
  return new Paragraph({ keepNext: true, spacing: { before: 120, after: 80 }, children: [text(t, { bold: true, size: 18 })] });
}

function lawSection(law: LawReport, m: ReportModel, first: boolean): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: !first, keepNext: true, spacing: { after: 160 }, children: [new TextRun({ text: law.heading, font: FONT, bold: true, size: 28 })] }),
    para(law.duty),
    para(law.summary, { bold: true }),
  ];
  if (law.intro) out.push(para(law.intro, { keepNext: true }));
  if (law.detail) out.push(caption(law.detail.caption), detailTable(law.detail));
  if (law.areaKey) out.push(para(law.areaKey, { size: 16 }));
  for (const n of law.notes) out.push(para(n, { size: 16 }));
  if (law.lists.length) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, spacing: { before: 200, after: 100 }, children: [new TextRun({ text: w.listsHeading, font: FONT, bold: true, size: 24 })] }));
    for (const l of law.lists) {
      out.push(para(l.intro, { keepNext: true, after: 60 }));
      l.items.forEach((i, k) => out.push(new Paragraph({ bullet: { level: 0 }, keepNext: k < l.items.length - 1, spacing: { after: 40 }, children: [text(i.text)] })));
    }
    if (law.listNote) out.push(para(law.listNote, { size: 16 }));
  }
  if (law.comparison) {
    out.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, spacing: { before: 200, after: 100 }, children: [new TextRun({ text: w.comparisonHeading, font: FONT, bold: true, size: 24 })] }),
      para(law.comparisonLead ?? '', { keepNext: true }),
      caption(decisionsWords.comparison.caption(law.lag, m.unitName)),
      comparisonTable(law.comparison),
      ...comparisonNotes(law.comparison).map((n) => para(n, { size: 16 })),
    );
  }
  out.push(para(law.source, { size: 16 }));
  return out;
}

/** The report as a Word document (docx's Document). */
export function reportDocument(m: ReportModel): Document {
  const footerLines: ParagraphChild[] = [text(m.footer, { size: 14 }), text(' · sida ', { size: 16 }), new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 16 })];
  const header = m.internal
    ? { default: new Header({ children: [new Paragraph({ children: [text(m.internal.footer, { bold: true, size: 18 })] })] }) }
    : undefined;
  const children: (Paragraph | Table)[] = [];
  if (m.internal) children.push(para(m.internal.warning, { bold: true }));
  if (m.invented) children.push(para(w.invented, { bold: true }));
  m.laws.forEach((law, i) => children.push(...lawSection(law, m, i === 0)));
  return new Document({
    creator: 'Socialstatistik',
    title: m.title,
    description: m.footer,
    styles: {
      default: { document: { run: { font: FONT, size: 21 } } },
      paragraphStyles: [{ id: CELL, name: w.docxCellStyle, basedOn: 'Normal', quickFormat: true, run: { size: 18 }, paragraph: { keepNext: true } }],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        headers: header,
        footers: { default: new Footer({ children: [new Paragraph({ children: footerLines })] }) },
        children,
      },
    ],
  });
}

/** The Word file's bytes (Node: build time and `npm run rapport`). */
export async function reportDocxBytes(m: ReportModel): Promise<Uint8Array<ArrayBuffer>> {
  const doc = reportDocument(m);
  const date = periodEndDate(m.period);
  const parts = compiledParts(doc);
  if (parts) return stableZip(parts, date);
  return stableZip(unzipSync(new Uint8Array(await Packer.toBuffer(doc))), date);
}

type Compiled = Map<string, string | Uint8Array>;

/**
 * The document's parts before docx zips them, from the compiler `Packer.pack` itself calls (docx 9:
 * `Packer.compiler.compile`, a static TypeScript marks private). Zipping them once, with the report's
 * dates, halves the Word files' share of the build (each was deflated by docx, inflated and deflated
 * again). Null if a later docx has no such compiler; the bytes are then made the slower way, the same.
 */
function compiledParts(doc: Document): Record<string, Uint8Array> | null {
  const compiler = (Packer as unknown as { compiler?: { compile?: (file: Document, prettify?: unknown, overrides?: unknown[]) => Compiled } }).compiler;
  if (typeof compiler?.compile !== 'function') return null;
  const files = compiler.compile(doc, undefined, []);
  if (!(files instanceof Map)) return null;
  return Object.fromEntries([...files].map(([name, data]) => [name, typeof data === 'string' ? strToU8(data) : data]));
}

/**
 * The same report gives the same bytes, whenever it is built: the document's created and modified dates
 * and the times of the package's parts (which docx takes from the clock) become the end of the
 * report's quarter. A build that differs only in hidden counts must give the same site, file for file.
 * fflate is the zip library docx itself uses.
 */
function stableZip(parts: Record<string, Uint8Array>, date: Date): Uint8Array<ArrayBuffer> {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = parts['docProps/core.xml'];
  if (core) parts['docProps/core.xml'] = strToU8(strFromU8(core).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${iso}`));
  const names = Object.keys(parts);
  return zipSync(Object.fromEntries(names.map((n) => [n, [parts[n], { mtime: date }]]))) as Uint8Array<ArrayBuffer>;
}

/** The Word file as a Blob (the browser: an earlier quarter's report). */
export function reportDocxBlob(m: ReportModel): Promise<Blob> {
  return Packer.toBlob(reportDocument(m));
}

