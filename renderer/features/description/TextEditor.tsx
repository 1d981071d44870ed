/**
 * A long-text editor for structured text: a plain textarea (fast, spell-checked, undo works) with a small
 * toolbar that inserts the markup for headings, lists, tables, bold and italic, and a live preview of
 * how the report will show it. Ctrl+B / Ctrl+I work as in a word processor.
 */
import { useId, useRef, useState } from 'react';
import { StructuredText } from '../../components/StructuredText';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  readOnly: boolean;
  outline?: string | undefined;
  error?: string | undefined;
  placeholder?: string;
  rows?: number;
}

type Edit = (text: string, start: number, end: number) => { text: string; start: number; end: number };

const wrap =
  (marker: string): Edit =>
  (text, start, end) => {
    const selected = text.slice(start, end) || 'text';
    const next = `${text.slice(0, start)}${marker}${selected}${marker}${text.slice(end)}`;
    return { text: next, start: start + marker.length, end: start + marker.length + selected.length };
  };

/** Prefixes every line touched by the selection (lists, headings). */
const prefixLines =
  (prefix: (index: number) => string): Edit =>
  (text, start, end) => {
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const lineEndIndex = text.indexOf('\n', end);
    const lineEnd = lineEndIndex === -1 ? text.length : lineEndIndex;
    const lines = text.slice(lineStart, lineEnd).split('\n');
    const replaced = lines
      .map((l, i) => `${prefix(i)}${l.replace(/^(#{1,3}\s+|[-*•]\s+|\d{1,3}[.)]\s+)/u, '')}`)
      .join('\n');
    const next = text.slice(0, lineStart) + replaced + text.slice(lineEnd);
    // The caret goes to the end of the changed lines, so typing continues the heading or list item.
    return { text: next, start: lineStart + replaced.length, end: lineStart + replaced.length };
  };

const insertBlock =
  (block: string): Edit =>
  (text, start) => {
    const before = text.slice(0, start);
    const gap = before.length === 0 || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
    const next = `${before}${gap}${block}\n${text.slice(start)}`;
    // The caret lands in the block's first empty cell or line, ready to type (never selecting the markup).
    const caret = before.length + gap.length;
    const cell = block.indexOf('|  |');
    const lineEnd = block.indexOf('\n');
    const at = caret + (cell >= 0 ? cell + 2 : lineEnd >= 0 ? lineEnd : block.length);
    return { text: next, start: at, end: at };
  };

const TABLE = '| Column | Column |\n| --- | --- |\n|  |  |';

export function TextEditor({
  label,
  value,
  onChange,
  readOnly,
  outline,
  error,
  placeholder,
  rows = 16,
}: Props) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [preview, setPreview] = useState(true);

  function apply(edit: Edit) {
    const el = ref.current;
    if (!el || readOnly) return;
    const result = edit(el.value, el.selectionStart, el.selectionEnd);
    onChange(result.text);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(result.start, result.end);
    });
  }

  const tools: { label: string; title: string; edit: Edit }[] = [
    { label: 'H', title: 'Heading', edit: prefixLines(() => '### ') },
    { label: 'B', title: 'Bold (Ctrl+B)', edit: wrap('**') },
    { label: 'I', title: 'Italic (Ctrl+I)', edit: wrap('*') },
    { label: '• Bulleted list', title: 'Bulleted list', edit: prefixLines(() => '- ') },
    { label: '1. Numbered list', title: 'Numbered list', edit: prefixLines((i) => `${i + 1}. `) },
    { label: 'Table', title: 'Insert a table', edit: insertBlock(TABLE) },
  ];

  return (
    <div className={error ? 'field field-invalid text-editor' : 'field text-editor'}>
      <div className="text-editor-bar">
        <label htmlFor={id}>{label}</label>
        {readOnly ? null : (
          <div className="text-tools" role="toolbar" aria-label={`${label} formatting`}>
            {tools.map((t) => (
              <button
                key={t.title}
                type="button"
                className="tool-button"
                title={t.title}
                aria-label={t.label.length <= 1 ? t.title : undefined}
                onClick={() => apply(t.edit)}
              >
                {t.label}
              </button>
            ))}
            {outline ? (
              <button
                type="button"
                className="tool-button"
                title="Insert the suggested headings"
                onClick={() => apply(insertBlock(outline.trimEnd()))}
              >
                Insert outline
              </button>
            ) : null}
          </div>
        )}
        <button
          type="button"
          className="link-button"
          aria-pressed={preview}
          onClick={() => setPreview(!preview)}
        >
          {preview ? 'Hide preview' : 'Show preview'}
        </button>
      </div>
      <div className={preview ? 'text-editor-split' : undefined}>
        <textarea
          ref={ref}
          id={id}
          rows={rows}
          value={value}
          readOnly={readOnly}
          placeholder={placeholder}
          spellCheck
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if ((e.ctrlKey || e.metaKey) && (e.key === 'b' || e.key === 'i')) {
              e.preventDefault();
              apply(wrap(e.key === 'b' ? '**' : '*'));
            }
          }}
        />
        {preview ? (
          <div className="text-preview" aria-label={`${label} preview`} role="region" tabIndex={0}>
            <StructuredText source={value} />
          </div>
        ) : null}
      </div>
      {readOnly ? null : (
        <p className="field-hint">
          Leave an empty line between paragraphs. Start a line with <code>###</code> for a heading,{' '}
          <code>-</code> for a bullet, <code>1.</code> for a numbered item; <code>**bold**</code> and{' '}
          <code>*italic*</code> work inside text.
        </p>
      )}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
