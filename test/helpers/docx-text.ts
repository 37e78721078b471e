// Reading a Word file back as a user's office suite would: its text (word/document.xml, paragraph by
// paragraph) with jszip, and LibreOffice's own rendering (soffice --headless --convert-to pdf) as text per page.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';

const run = promisify(execFile);

/** The document's paragraphs as text (runs joined, table cells one paragraph each). */
export async function docxParagraphs(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('no word/document.xml');
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => unescape([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
}

/** The text of each page of a PDF (pdftotext, pages split at form feeds); `layout`: as laid out, else in reading order. */
export async function pdfPages(pdf: string, layout = true): Promise<string[]> {
  const { stdout } = await run('pdftotext', [...(layout ? ['-layout'] : []), pdf, '-'], { maxBuffer: 20_000_000 });
  return stdout.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim());
}

/** The Word file converted by LibreOffice headless to PDF, as text per page. */
export async function libreOfficePages(bytes: Uint8Array): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'socialstatistik-docx-'));
  try {
    const file = path.join(dir, 'rapport.docx');
    await writeFile(file, bytes);
    // A profile of its own, so a LibreOffice already running elsewhere does not swallow the conversion.
    await run('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 120_000 });
    return await pdfPages(path.join(dir, 'rapport.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

