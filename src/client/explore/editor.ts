// The SQL editor: a real <textarea> (labelled, with the browser's own editing, undo, spell-check off and
// screen-reader support) over a highlighted copy of the same text. The copy is decoration (aria-hidden);
// the textarea's own text is transparent so the colours show through, its caret and selection stay visible.
// No editor library: nothing injects styles, so the page works under a style-src 'self' policy.

import { tokenize, tokenAt, type Token } from './sql-tokens.ts';

export interface EditorOptions {
  /** Ctrl+Enter or Cmd+Enter. */
  onRun: () => void;
  /** Any change of the text (typing, insert, load). */
  onChange?: (text: string) => void;
}

export class SqlEditor {
  readonly textarea: HTMLTextAreaElement;
  private readonly code: HTMLElement;
  private readonly overlay: HTMLElement;
  private error: Token | null = null;
  private readonly options: EditorOptions;

  constructor(textarea: HTMLTextAreaElement, overlay: HTMLElement, options: EditorOptions) {
    this.textarea = textarea;
    this.overlay = overlay;
    this.code = overlay.querySelector('code') ?? overlay;
    this.options = options;
    textarea.addEventListener('input', () => {
      this.clearError();
      this.paint();
      this.options.onChange?.(this.value);
    });
    textarea.addEventListener('scroll', () => this.sync());
    textarea.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.options.onRun();
      }
    });
    // A resized textarea (the corner handle) keeps the copy in step.
    if (typeof ResizeObserver === 'function') new ResizeObserver(() => this.sync()).observe(textarea);
    overlay.closest('.editor')?.classList.add('editor--highlighted');
    this.paint();
  }

  get value(): string {
    return this.textarea.value;
  }

  /** Replaces the whole text (an example, a link, the history). */
  set value(text: string) {
    this.textarea.value = text;
    this.clearError();
    this.paint();
    this.options.onChange?.(text);
  }

  /**
   * Inserts `text` at the caret (replacing a selection) without taking the focus, so the analyst can pick
   * name after name from the table list without the page jumping to the editor. A space is put before it
   * when it would otherwise run into the word before.
   */
  insert(text: string): void {
    const t = this.textarea;
    const start = t.selectionStart;
    const before = t.value.slice(0, start);
    const glue = /[\p{L}\p{N}_"')\]]$/u.test(before) ? ' ' : '';
    t.setRangeText(glue + text, start, t.selectionEnd, 'end');
    t.dispatchEvent(new Event('input', { bubbles: true }));
  }

  /** Marks the token at `offset` as the error's place and selects it; null removes the mark. */
  markError(offset: number | null): void {
    if (offset === null) return this.clearError();
    const token = tokenAt(tokenize(this.value), offset);
    this.error = token ?? { kind: 'other', start: offset, end: offset, text: '' };
    this.textarea.setAttribute('aria-invalid', 'true');
    const end = Math.max(this.error.end, this.error.start);
    this.textarea.setSelectionRange(this.error.start, end);
    this.paint();
  }

  clearError(): void {
    if (!this.error && !this.textarea.hasAttribute('aria-invalid')) return;
    this.error = null;
    this.textarea.removeAttribute('aria-invalid');
    this.paint();
  }

  private paint(): void {
    const doc = this.code.ownerDocument;
    const text = this.value;
    const parts: Node[] = [];
    for (const token of tokenize(text)) {
      const isError = this.error !== null && token.start === this.error.start && token.end === this.error.end && token.kind !== 'space';
      if (token.kind === 'space' && !isError) {
        parts.push(doc.createTextNode(token.text));
        continue;
      }
      const span = doc.createElement('span');
      span.className = `tok-${token.kind}${isError ? ' tok-error' : ''}`;
      span.textContent = token.text;
      parts.push(span);
    }
    // An error at the very end (e.g. "syntax error at end of input"): a visible mark after the text.
    if (this.error && this.error.start >= text.length) {
      const span = doc.createElement('span');
      span.className = 'tok-error tok-error--end';
      span.textContent = ' ';
      parts.push(span);
    }
    // A final newline needs a character after it, or the copy is one line shorter than the textarea.
    parts.push(doc.createTextNode('\n '));
    this.code.replaceChildren(...parts);
    this.sync();
  }

  private sync(): void {
    this.overlay.scrollTop = this.textarea.scrollTop;
    this.overlay.scrollLeft = this.textarea.scrollLeft;
  }
}
