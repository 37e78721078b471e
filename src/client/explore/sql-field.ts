// The SQL field as the rest of the page sees it: the page's own <textarea id="sql"> until the CodeMirror
// editor (editor.ts, the page's largest piece of code) has taken its place, then that editor. The editor is
// loaded at the analyst's first touch of the field (pointer, focus, key) or when the browser is idle after
// the page has started, whichever comes first, and built in short steps: the page's start is not one long
// task. Until then the textarea is a real field with the same text, size and place: it can be read, typed
// in and run (Ctrl/⌘+Enter), and the editor takes over its text, selection and focus as they are.

import type { SqlEditor } from './editor.ts';
import type { SchemaObject } from './schema.ts';
import type { DialectWords } from './sql-dialect.ts';
import { tokenAt, tokenize } from './sql-tokens.ts';

export interface SqlFieldOptions {
  /** Ctrl+Enter or Cmd+Enter. */
  onRun: () => void;
  /** The field got the keyboard focus (the page starts its engine then). */
  onFocus: () => void;
  /** The editor's accessible name and description (the textarea has its label and hint in the page). */
  label: string;
  description: string;
  /** Longest wait for an idle moment before the editor is loaded anyway (ms). */
  idleTimeout?: number;
}

/** What the page does with its SQL field (the textarea, or the editor once it runs). */
export interface SqlText {
  value: string;
  focus(): void;
  insert(text: string): void;
  markError(offset: number | null): void;
  clearError(): void;
  setDialect(words: DialectWords): void;
  setSchema(objects: readonly SchemaObject[]): void;
}

/** Runs `work` at the browser's next idle moment, at the latest after `timeout` ms. */
function whenIdle(work: () => void, timeout: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout });
  else setTimeout(work, 200);
}

/** `text` to insert after `before`, with a space when it would run into the word before it. */
export function glued(before: string, text: string): string {
  return /[\p{L}\p{N}_"')\]]$/u.test(before) ? ` ${text}` : text;
}

/** The range to mark for an error at `offset` (UTF-16): its token, or at the very end the last character. */
export function errorRange(text: string, offset: number): { from: number; to: number } {
  const token = tokenAt(tokenize(text), offset);
  const [from, to] = [token?.start ?? offset, token?.end ?? offset];
  // At the very end (e.g. "syntax error at end of input"): the last character.
  return to > from ? { from, to } : { from: Math.max(0, text.length - 1), to: text.length };
}

export class SqlField implements SqlText {
  private editor: SqlEditor | null = null;
  private loading: Promise<SqlEditor | null> | null = null;
  private words: DialectWords | null = null;
  private schema: readonly SchemaObject[] = [];
  private composing = false;
  /** An error marked in the textarea, marked again in the editor when it takes over. */
  private error: number | null = null;

  private readonly host: HTMLElement;
  private readonly textarea: HTMLTextAreaElement;
  private readonly options: SqlFieldOptions;

  constructor(host: HTMLElement, textarea: HTMLTextAreaElement, options: SqlFieldOptions) {
    this.host = host;
    this.textarea = textarea;
    this.options = options;
    const load = () => void this.load();
    for (const type of ['pointerdown', 'keydown', 'focus'] as const) textarea.addEventListener(type, load, { once: true, passive: true });
    textarea.addEventListener('focus', () => {
      if (!this.editor) options.onFocus();
    });
    textarea.addEventListener('keydown', (event) => {
      if (this.editor || event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.isComposing) return;
      event.preventDefault();
      options.onRun();
    });
    textarea.addEventListener('input', () => textarea.removeAttribute('aria-invalid'));
    textarea.addEventListener('compositionstart', () => (this.composing = true));
    textarea.addEventListener('compositionend', () => (this.composing = false));
    whenIdle(load, options.idleTimeout ?? 2000);
  }

  /** Loads and builds the editor once; the textarea stays the field if that fails. */
  load(): Promise<SqlEditor | null> {
    this.loading ??= (async () => {
      try {
        const { SqlEditor } = await import('./editor.ts');
        const words = this.words;
        const schema = this.schema;
        const editor = await SqlEditor.open(this.host, this.textarea, {
          onRun: this.options.onRun,
          onFocus: this.options.onFocus,
          label: this.options.label,
          description: this.options.description,
          composing: () => this.composing,
          words,
          schema,
        });
        this.editor = editor;
        // Said by the engine while the editor was being built.
        if (this.words && this.words !== words) editor.setDialect(this.words);
        if (this.schema !== schema) editor.setSchema(this.schema);
        if (this.error !== null && this.textarea.getAttribute('aria-invalid') === 'true') editor.markError(this.error);
        return editor;
      } catch (error) {
        console.warn(error);
        return null;
      }
    })();
    return this.loading;
  }

  get value(): string {
    return this.editor ? this.editor.value : this.textarea.value;
  }

  /** Replaces the whole text (an example, a link, the history), the caret at its start. */
  set value(text: string) {
    if (this.editor) {
      this.editor.value = text;
      return;
    }
    this.textarea.value = text;
    this.textarea.setSelectionRange(0, 0);
    this.textarea.scrollTop = 0;
    this.textarea.removeAttribute('aria-invalid');
  }

  focus(): void {
    if (this.editor) this.editor.focus();
    else this.textarea.focus();
  }

  /** Inserts `text` at the caret (replacing a selection) without taking the focus (editor.ts insert). */
  insert(text: string): void {
    if (this.editor) return this.editor.insert(text);
    const { selectionStart: from, selectionEnd: to, value } = this.textarea;
    const insert = glued(value.slice(Math.max(0, from - 1), from), text);
    this.textarea.setRangeText(insert, from, to, 'end');
    this.textarea.removeAttribute('aria-invalid');
  }

  /** Marks the token at `offset` (in the editor; in the textarea by selecting it); null removes the mark. */
  markError(offset: number | null): void {
    if (this.editor) return this.editor.markError(offset);
    if (offset === null) return this.clearError();
    const { from, to } = errorRange(this.textarea.value, offset);
    this.error = offset;
    this.textarea.setSelectionRange(from, to);
    this.textarea.setAttribute('aria-invalid', 'true');
  }

  clearError(): void {
    if (this.editor) return this.editor.clearError();
    this.error = null;
    this.textarea.removeAttribute('aria-invalid');
  }

  setDialect(words: DialectWords): void {
    this.words = words;
    this.editor?.setDialect(words);
  }

  setSchema(objects: readonly SchemaObject[]): void {
    this.schema = objects;
    this.editor?.setSchema(objects);
  }
}
