// "Egen data": pick or drop a CSV file, name the table, read it in (csv-client.ts) with a progress bar,
// and say in Swedish which line is wrong and why when the file cannot be read.

import { formatBytes } from '../../i18n/sv.ts';
import { exploreWords } from '../../i18n/explore.ts';
import { CsvImportError, importCsv, MAX_FILE_BYTES, type ImportDone } from './csv-client.ts';
import type { CsvProblem } from './csv-import.ts';
import type { Workbench } from './engine.ts';
import { checkTableName, MAX_NAME_LENGTH, tableNameFromFile, type TableNameProblem } from './names.ts';
import type { OwnTableNote } from './schema.ts';

const w = exploreWords.import;

/** A problem of an own CSV file in Swedish, with its line. */
export function problemText(p: CsvProblem): string {
  const c = exploreWords.csv;
  const text: Record<CsvProblem['code'], string> = {
    empty: c.empty,
    binary: c.binary,
    noRows: c.noRows,
    noColumns: c.noColumns,
    tooMany: c.tooMany(p.got ?? 0, p.want ?? 0),
    missingQuote: c.missingQuote,
    invalidQuote: c.invalidQuote,
  };
  return p.line === null ? text[p.code] : c.line(p.line, text[p.code]);
}

export function tableNameText(problem: TableNameProblem, name: string, max: number): string {
  const t = exploreWords.tableName;
  switch (problem) {
    case 'empty':
      return t.empty;
    case 'invalid':
      return t.invalid;
    case 'tooLong':
      return t.tooLong(max);
    case 'reserved':
      return t.reserved(name);
    case 'published':
      return t.published(name);
    case 'taken':
      return t.taken(name);
  }
}

export interface ImportPanelOptions {
  /** The engine, started if it is not yet (null when it cannot start). */
  bench: () => Promise<Workbench | null>;
  /** A table was created: refresh the table list, remember what it came from. */
  onImported: (done: ImportDone, note: OwnTableNote) => Promise<void>;
  /** "Visa <tabell>": put a query in the editor and run it. */
  onShow: (sql: string) => void;
}

export class ImportPanel {
  private readonly root: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly input: HTMLInputElement;
  private readonly name: HTMLInputElement;
  private readonly nameError: HTMLElement;
  private readonly chosen: HTMLElement;
  private readonly submit: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly bar: HTMLProgressElement;
  private readonly status: HTMLElement;
  private readonly error: HTMLElement;
  private readonly result: HTMLElement;
  private readonly options: ImportPanelOptions;
  private file: File | null = null;
  private abort: AbortController | null = null;
  /** A name asked for by a shared query (prepare): kept when the file is chosen. */
  private askedName: string | null = null;

  constructor(root: HTMLElement, options: ImportPanelOptions) {
    this.root = root;
    this.options = options;
    const q = <T extends Element>(s: string) => root.querySelector(s) as T;
    this.form = q<HTMLFormElement>('form');
    this.input = q<HTMLInputElement>('input[type="file"]');
    this.name = q<HTMLInputElement>('input[name="table"]');
    this.nameError = q<HTMLElement>('.field-error');
    this.chosen = q<HTMLElement>('.import-chosen');
    this.submit = q<HTMLButtonElement>('button[type="submit"]');
    this.cancelButton = q<HTMLButtonElement>('.import-cancel');
    this.bar = q<HTMLProgressElement>('progress');
    this.status = q<HTMLElement>('.import-status');
    this.error = q<HTMLElement>('.import-error');
    this.result = q<HTMLElement>('.import-result');

    this.input.addEventListener('change', () => void this.choose(this.input.files?.[0] ?? null));
    this.name.addEventListener('input', () => this.showNameError(null));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.load();
    });
    this.cancelButton.addEventListener('click', () => this.abort?.abort());

    const zone = q<HTMLElement>('.dropzone');
    zone.addEventListener('dragover', (event) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      zone.classList.add('dropzone--over');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('dropzone--over'));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('dropzone--over');
      const file = event.dataTransfer?.files?.[0];
      if (file) void this.choose(file);
    });
    root.hidden = false;
  }

  /** Ready to read a file into the table `name` (a shared query needs it): the name set, the file input focused. */
  prepare(name: string): void {
    this.name.value = name;
    this.askedName = name;
    this.showNameError(null);
    this.root.scrollIntoView({ block: 'start' });
    this.input.focus();
  }

  /** Disables the panel when the engine cannot start. */
  setReady(ready: boolean): void {
    this.submit.disabled = !ready;
  }

  private async taken(): Promise<Set<string>> {
    const bench = await this.options.bench();
    return bench ? bench.ownNames() : new Set();
  }

  private async choose(file: File | null): Promise<void> {
    this.file = file;
    this.error.hidden = true;
    this.result.replaceChildren();
    if (!file) {
      this.chosen.textContent = '';
      return;
    }
    this.chosen.textContent = w.chosen(file.name, formatBytes(file.size));
    // The names already taken come from the engine, which may still be starting: a name the analyst types
    // meanwhile is theirs, and the suggestion from the file name must not overwrite or mix with it.
    const before = this.name.value;
    const suggested = tableNameFromFile(file.name, await this.taken());
    if (this.file !== file) return; // another file was chosen meanwhile
    if (this.name.value === before && this.name.value !== this.askedName) this.name.value = suggested;
    this.showNameError(null);
    this.root.dataset.state = 'chosen';
  }

  private showNameError(text: string | null): void {
    this.nameError.textContent = text ?? '';
    this.nameError.hidden = !text;
    if (text) this.name.setAttribute('aria-invalid', 'true');
    else this.name.removeAttribute('aria-invalid');
  }

  private showErrors(lines: string[], extra = 0): void {
    const doc = this.root.ownerDocument;
    const lead = doc.createElement('p');
    lead.textContent = w.failed;
    const list = doc.createElement('ul');
    for (const line of lines) {
      const li = doc.createElement('li');
      li.textContent = line;
      list.append(li);
    }
    this.error.replaceChildren(lead, list);
    if (extra > 0) {
      const more = doc.createElement('p');
      more.textContent = w.moreErrors(extra);
      this.error.append(more);
    }
    this.error.hidden = false;
  }

  private async load(): Promise<void> {
    if (this.abort || this.root.dataset.state === 'checking') return;
    this.root.dataset.state = 'checking';
    const bench = await this.options.bench();
    if (!bench) {
      this.root.dataset.state = 'invalid';
      return;
    }
    this.error.hidden = true;
    this.result.replaceChildren();
    const chosen = await this.chosenInput(bench);
    if (chosen) await this.importFile(bench, chosen.file, chosen.table);
  }

  /** The file and the table name, or null (with the reason shown) when either is missing or wrong. */
  private async chosenInput(bench: Workbench): Promise<{ file: File; table: string } | null> {
    const file = this.file ?? this.input.files?.[0] ?? null;
    if (!file) {
      this.showErrors([w.noFile]);
      this.root.dataset.state = 'invalid';
      return null;
    }
    const table = this.name.value.trim();
    const problem = checkTableName(table, await bench.ownNames());
    if (problem) {
      this.root.dataset.state = 'invalid';
      this.showNameError(tableNameText(problem, table, MAX_NAME_LENGTH));
      this.name.focus();
      return null;
    }
    return { file, table };
  }

  private async importFile(bench: Workbench, file: File, table: string): Promise<void> {
    this.abort = new AbortController();
    this.submit.disabled = true;
    this.cancelButton.hidden = false;
    this.bar.hidden = false;
    this.bar.value = 0;
    this.status.textContent = w.reading;
    this.root.dataset.state = 'loading';
    try {
      const done = await importCsv(file, table, bench.insertConnection, (p) => this.progress(p), this.abort.signal);
      const columns = done.plan.columns.reduce((n, c) => n + (c.markerColumn ? 2 : 1), 0);
      await this.options.onImported(done, tableNote(done, file.name));
      this.status.textContent = w.done(table, done.rows, columns, done.ms);
      this.showResult(done, table);
      this.root.dataset.state = 'done';
      this.askedName = null;
      this.file = null;
      this.input.value = '';
      this.chosen.textContent = '';
    } catch (error) {
      this.showFailure(error);
    } finally {
      this.abort = null;
      this.submit.disabled = false;
      this.cancelButton.hidden = true;
      this.bar.hidden = true;
    }
  }

  private progress(p: { fraction: number; phaseFraction: number; phase: string }): void {
    this.bar.value = p.fraction;
    const pct = Math.round(p.phaseFraction * 100);
    this.status.textContent = p.phase === 'read' ? w.reading : p.phase === 'scan' ? w.scanning(pct) : p.phase === 'convert' ? w.converting(pct) : w.storing;
  }

  private showFailure(error: unknown): void {
    this.root.dataset.state = 'error';
    this.status.textContent = '';
    if (!(error instanceof CsvImportError)) {
      this.showErrors([exploreWords.csv.unreadable, String((error as Error)?.message ?? error)]);
    } else if (error.kind === 'cancelled') {
      this.status.textContent = w.cancelled;
      this.root.dataset.state = 'cancelled';
    } else if (error.kind === 'problems') this.showErrors(error.problems.map(problemText), error.total - error.problems.length);
    else if (error.kind === 'tooLarge') this.showErrors([exploreWords.csv.tooLarge(formatBytes(MAX_FILE_BYTES))]);
    else this.showErrors([exploreWords.csv.unreadable, error.message]);
  }

  private showResult(done: ImportDone, table: string): void {
    const doc = this.root.ownerDocument;
    const personal = done.plan.personalNumbers;
    if (personal.total > 0 && personal.first) {
      const warning = doc.createElement('p');
      warning.className = 'note note--warning import-personal';
      warning.setAttribute('role', 'alert');
      warning.textContent = w.personalNumbers(personal.total, personal.first.line, personal.first.column);
      this.result.append(warning);
    }
    const notes = done.plan.columns.filter((c) => c.textBecause);
    if (notes.length) {
      const list = doc.createElement('ul');
      for (const c of notes) {
        const li = doc.createElement('li');
        li.textContent = w.asText(c.name, c.textBecause?.line ?? 0, c.textBecause?.value ?? '');
        list.append(li);
      }
      this.result.append(list);
    }
    const show = doc.createElement('button');
    show.type = 'button';
    show.className = 'button button--secondary';
    show.textContent = w.tryIt(table);
    show.addEventListener('click', () => this.options.onShow(`SELECT *\nFROM ${table}\nLIMIT 1000;`));
    this.result.append(show);
  }
}

/** What the table list says about an own table: the file it came from and each column's header there. */
function tableNote(done: ImportDone, fileName: string): OwnTableNote {
  return {
    description: exploreWords.schema.fromFile(fileName),
    columns: Object.fromEntries(
      done.plan.columns.flatMap((c) => [
        [c.name, exploreWords.schema.headerInFile(c.header || '–')],
        ...(c.markerColumn ? [[c.markerColumn, exploreWords.schema.markerColumn(c.name)]] : []),
      ]),
    ),
  };
}
