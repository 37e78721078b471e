// The SQL editor: CodeMirror 6 with @codemirror/lang-sql (kept libraries: a real editor's selection,
// undo, bracket matching, completion and screen-reader support are years of work). The dialect is
// DuckDB's as the engine in this page reports it (keywords from duckdb_keywords(), functions, types;
// sql-dialect.ts), names complete from the live schema with the analyst's own tables, DuckDB's error
// is marked at its line and column, Ctrl/⌘+Enter runs the query, Tab leaves the editor (no keyboard trap).
//
// It lives in a shadow root: CodeMirror's styles (style-mod) then go into a constructed stylesheet
// (adoptedStyleSheets), not a <style> element, so the page works under the README's Content-Security-
// Policy (style-src 'self', no inline styles). The <textarea id="sql"> the page is built with stays as
// the form's field, hidden, and always holds the editor's text.
//
// This module is loaded after the page has started (sql-field.ts: at the analyst's first touch of the
// field, or when the browser is idle) and the editor is built in a few short steps (SqlEditor.open), so
// no single task blocks the page; it takes over the textarea's text, selection, scroll and focus.

import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { sql, SQLDialect, PostgreSQL } from '@codemirror/lang-sql';
import { Compartment, EditorState, Prec, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, drawSelection, EditorView, highlightSpecialChars, keymap, lineNumbers, type DecorationSet } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import { completionNamespace, dialectSpec, type DialectWords } from './sql-dialect.ts';
import type { SchemaObject } from './schema.ts';
import { errorRange, glued } from './sql-field.ts';

export interface EditorOptions {
  /** Ctrl+Enter or Cmd+Enter. */
  onRun: () => void;
  /** Any change of the text (typing, insert, load). */
  onChange?: (text: string) => void;
  /** The editor got the keyboard focus (the page starts its engine then). */
  onFocus?: () => void;
  /** The accessible name and description (the label and hint outside the shadow root cannot be referenced by id). */
  label: string;
  description: string;
  /** An input method is composing text in the textarea (the editor waits for it before taking over). */
  composing?: () => boolean;
  /** DuckDB's words and the schema, when the engine has already said them (else set later). */
  words?: DialectWords | null;
  schema?: readonly SchemaObject[];
}

/** Lets the browser handle input and paint between two steps of building the editor. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

const setError = StateEffect.define<{ from: number; to: number } | null>();
const errorMark = Decoration.mark({ class: 'cm-sql-error', attributes: { 'aria-invalid': 'true' } });

/** The error's place: set by markError, gone with the next change of the text. */
const errorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    if (tr.docChanged) return Decoration.none;
    for (const e of tr.effects) {
      if (e.is(setError)) return e.value ? Decoration.set([errorMark.range(e.value.from, e.value.to)]) : Decoration.none;
    }
    return marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** The site's colours (src/styles/site.css) for CodeMirror's parts and the highlighter's token classes. */
const theme = EditorView.theme({
  '&': { background: '#fff', fontSize: '0.95rem', color: '#1a1a1a' },
  // The focus ring is the host's (explore.css, :focus-within), where the page's other fields have theirs.
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace', lineHeight: '1.5', minHeight: '11rem', maxHeight: '24rem' },
  '.cm-content': { padding: '0.5rem 0' },
  '.cm-gutters': { background: '#f4f4f4', color: '#595959', borderRight: '1px solid #d0d0d0' },
  '.cm-activeLine': { background: 'transparent' },
  '&.cm-focused .cm-matchingBracket': { background: '#d7e6f4', outline: '1px solid #1f4e79' },
  '&.cm-focused .cm-nonmatchingBracket': { background: '#f9d6d5' },
  // Token colours meet 4.5:1 on white.
  '.cm-sql-error': { background: '#fde8e8', textDecoration: 'underline wavy #a4161a', textDecorationThickness: '2px', textUnderlineOffset: '3px' },
  '.tok-keyword': { color: '#1f4e79' }, // 8.6:1
  '.tok-string, .tok-string2': { color: '#0b6623' }, // 6.9:1
  '.tok-number': { color: '#8a3b00' }, // 7.3:1
  '.tok-comment': { color: '#5c5c5c' }, // 6.7:1
  '.tok-typeName, .tok-standard': { color: '#6b2c91' }, // 8.3:1
  '.cm-tooltip-autocomplete': { border: '1px solid #6b6b6b', background: '#fff' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { background: '#1f4e79', color: '#fff' },
});

/** Before the engine has said its words: PostgreSQL's, which DuckDB's grammar follows. */
function dialectOf(words: DialectWords | null): SQLDialect {
  if (!words) return PostgreSQL;
  return SQLDialect.define({ ...dialectSpec(words), doubleDollarQuotedStrings: true, caseInsensitiveIdentifiers: true });
}

export class SqlEditor {
  private readonly textarea: HTMLTextAreaElement;
  private readonly language = new Compartment();
  private words: DialectWords | null = null;
  private schema: readonly SchemaObject[] = [];
  /** Set by open(), the only way to make one. */
  private view!: EditorView;

  /**
   * Builds the editor in place of the textarea, in steps with a pause between them (the language, the
   * state, the view). The textarea stays editable until the last step, which takes its text, selection,
   * scroll position and focus as they are then: nothing typed meanwhile is lost.
   */
  static async open(host: HTMLElement, textarea: HTMLTextAreaElement, options: EditorOptions): Promise<SqlEditor> {
    const editor = new SqlEditor(textarea, options);
    const extensions = editor.extensions(options, editor.languageExtension());
    await nextTask();
    let state = EditorState.create({ doc: textarea.value, extensions });
    await nextTask();
    // An input method's composition is finished in the textarea, not cut off by the change of field.
    while (options.composing?.()) await new Promise((resolve) => setTimeout(resolve, 50));
    // Typed meanwhile: the editor starts from that text (its undo history starts there too).
    if (textarea.value !== state.doc.toString()) state = EditorState.create({ doc: textarea.value, extensions });
    const length = state.doc.length;
    const [start, end] = [Math.min(textarea.selectionStart, length), Math.min(textarea.selectionEnd, length)];
    const backward = textarea.selectionDirection === 'backward';
    state = state.update({ selection: backward ? { anchor: end, head: start } : { anchor: start, head: end } }).state;
    const focused = document.activeElement === textarea;
    const [scrollTop, scrollLeft] = [textarea.scrollTop, textarea.scrollLeft];
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    editor.view = new EditorView({ state, parent: shadow, root: shadow });
    textarea.hidden = true;
    host.hidden = false;
    Object.assign(editor.view.scrollDOM, { scrollTop, scrollLeft });
    if (focused) editor.view.focus();
    return editor;
  }

  private constructor(textarea: HTMLTextAreaElement, options: EditorOptions) {
    this.textarea = textarea;
    this.words = options.words ?? null;
    this.schema = options.schema ?? [];
  }

  private extensions(options: EditorOptions, language: Extension): Extension[] {
    return [
      lineNumbers(),
      highlightSpecialChars(),
      history(),
      drawSelection(),
      indentOnInput(),
      bracketMatching(),
      closeBrackets(),
      autocompletion({ icons: false }),
      syntaxHighlighting(classHighlighter),
      errorField,
      theme,
      this.language.of(language),
      Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (options.onRun(), true) }])),
      keymap.of([...completionKeymap, ...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap]),
      EditorView.contentAttributes.of({
        'aria-label': options.label,
        'aria-description': options.description,
        'aria-multiline': 'true',
        spellcheck: 'false',
        autocapitalize: 'off',
        autocorrect: 'off',
        id: 'sql-editor-content',
        // Focusable as a control, not only as editable text (axe: a scrolling region needs focusable content).
        tabindex: '0',
      }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) {
          u.view.contentDOM.removeAttribute('aria-invalid');
          const text = u.state.doc.toString();
          this.textarea.value = text;
          options.onChange?.(text);
        }
        if (u.focusChanged && u.view.hasFocus) options.onFocus?.();
      }),
    ];
  }

  private languageExtension(): Extension {
    return sql({ dialect: dialectOf(this.words), schema: completionNamespace(this.schema) as never, upperCaseKeywords: true });
  }

  private reconfigure(): void {
    this.view.dispatch({ effects: this.language.reconfigure(this.languageExtension()) });
  }

  /** DuckDB's own keywords, functions and types (from the engine, once it runs). */
  setDialect(words: DialectWords): void {
    this.words = words;
    this.reconfigure();
  }

  /** The tables and columns to complete (after every change of the schema). */
  setSchema(objects: readonly SchemaObject[]): void {
    this.schema = objects;
    this.reconfigure();
  }

  get value(): string {
    return this.view.state.doc.toString();
  }

  /** Replaces the whole text (an example, a link, the history). */
  set value(text: string) {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text }, selection: { anchor: 0 } });
  }

  focus(): void {
    this.view.focus();
  }

  /**
   * Inserts `text` at the caret (replacing a selection) without taking the focus, so the analyst can pick
   * name after name from the table list. A space is put before it when it would run into the word before.
   */
  insert(text: string): void {
    const { from, to } = this.view.state.selection.main;
    const insert = glued(this.view.state.doc.sliceString(Math.max(0, from - 1), from), text);
    this.view.dispatch({ changes: { from, to, insert }, selection: { anchor: from + insert.length } });
  }

  /** Marks the token at `offset` (UTF-16, as DuckDB's place is read by sql-error.ts) and selects it; null removes the mark. */
  markError(offset: number | null): void {
    if (offset === null) return this.clearError();
    const { from, to } = errorRange(this.value, offset);
    this.view.dispatch({ effects: setError.of({ from, to }), selection: { anchor: from, head: to }, scrollIntoView: true });
    this.view.contentDOM.setAttribute('aria-invalid', 'true');
  }

  clearError(): void {
    this.view.dispatch({ effects: setError.of(null) });
    this.view.contentDOM.removeAttribute('aria-invalid');
  }
}
