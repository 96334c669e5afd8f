// The piece's fields above the body: title, lead, category, byline, publication time.
// Title, lead and byline are uncontrolled: React never writes their value while the writer
// types, so an input method's composition is never rewritten (NFC is applied only when
// sending). The page remounts them (a new key) when it replaces the content as a whole.
import { useId } from 'react';
import type { FieldErrors } from '../api/client';
import type { Category } from '../api/types';
import { fromVnInput, toVnInput } from '../text/vn_time';
import { errorFor } from './field_labels';

export interface FieldValues {
  title: string;
  lead: string;
  /** The byline as typed: names separated by commas. */
  byline: string;
  category: string;
  published: string | null;
}

export interface PieceFieldsProps {
  initial: FieldValues;
  category: string;
  published: string | null;
  categories: Category[];
  readOnly: boolean;
  errors: FieldErrors;
  onText: (patch: Partial<Pick<FieldValues, 'title' | 'lead' | 'byline'>>) => void;
  onCategory: (name: string) => void;
  onPublished: (iso: string | null) => void;
}

/** The byline's names: comma-separated, trimmed, none empty. */
export const parseByline = (s: string) =>
  s
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);

function Problem({ id, text }: { id: string; text?: string }) {
  return text ? (
    <span id={id} className="editor-field-error">
      {text}
    </span>
  ) : null;
}

export function PieceFields(p: PieceFieldsProps) {
  const id = useId();
  const err = (name: string) => errorFor(p.errors, name);
  const described = (name: string, hint?: string) =>
    [err(name) ? `${id}-${name}-error` : '', hint ?? ''].filter(Boolean).join(' ') || undefined;
  // The piece's category stays choosable even when the list is not (yet) there.
  const names = p.categories.map((c) => c.name);
  if (p.category && !names.includes(p.category)) names.unshift(p.category);

  return (
    <div className="piece-fields">
      <div className="editor-field">
        <label htmlFor={`${id}-title`}>Tiêu đề</label>
        <input
          id={`${id}-title`}
          className="piece-title"
          defaultValue={p.initial.title}
          readOnly={p.readOnly}
          lang="vi"
          aria-invalid={err('title') ? true : undefined}
          aria-describedby={described('title')}
          onChange={(e) => p.onText({ title: e.currentTarget.value })}
        />
        <Problem id={`${id}-title-error`} text={err('title')} />
      </div>
      <div className="editor-field">
        <label htmlFor={`${id}-lead`}>Sapo</label>
        <textarea
          id={`${id}-lead`}
          className="piece-lead"
          rows={3}
          defaultValue={p.initial.lead}
          readOnly={p.readOnly}
          lang="vi"
          aria-invalid={err('lead') ? true : undefined}
          aria-describedby={described('lead')}
          onChange={(e) => p.onText({ lead: e.currentTarget.value })}
        />
        <Problem id={`${id}-lead-error`} text={err('lead')} />
      </div>
      <div className="piece-fields-row">
        <div className="editor-field">
          <label htmlFor={`${id}-category`}>Chuyên mục</label>
          <select
            id={`${id}-category`}
            value={p.category}
            disabled={p.readOnly}
            aria-invalid={err('category') ? true : undefined}
            aria-describedby={described('category')}
            onChange={(e) => p.onCategory(e.currentTarget.value)}
          >
            <option value="">— Chọn chuyên mục —</option>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <Problem id={`${id}-category-error`} text={err('category')} />
        </div>
        <div className="editor-field">
          <label htmlFor={`${id}-byline`}>Tác giả</label>
          <input
            id={`${id}-byline`}
            defaultValue={p.initial.byline}
            readOnly={p.readOnly}
            lang="vi"
            aria-invalid={err('authors') ? true : undefined}
            aria-describedby={described('authors', `${id}-byline-hint`)}
            onChange={(e) => p.onText({ byline: e.currentTarget.value })}
          />
          <span id={`${id}-byline-hint`} className="editor-field-hint">
            Nhiều tác giả: cách nhau bằng dấu phẩy
          </span>
          <Problem id={`${id}-authors-error`} text={err('authors')} />
        </div>
        <div className="editor-field">
          <label htmlFor={`${id}-published`}>Thời gian xuất bản</label>
          <input
            id={`${id}-published`}
            type="datetime-local"
            value={toVnInput(p.published)}
            readOnly={p.readOnly}
            aria-invalid={err('published') ? true : undefined}
            aria-describedby={described('published', `${id}-published-hint`)}
            onChange={(e) => p.onPublished(fromVnInput(e.currentTarget.value))}
          />
          <span id={`${id}-published-hint`} className="editor-field-hint">
            Giờ Việt Nam; để trống: lúc xuất bản
          </span>
          <Problem id={`${id}-published-error`} text={err('published')} />
        </div>
      </div>
    </div>
  );
}
