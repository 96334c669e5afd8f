// The form's names for the API's fields, to say which one an error is about.
import type { FieldErrors } from '../api/client';

const LABELS: Record<string, string> = {
  title: 'Tiêu đề',
  lead: 'Sapo',
  category: 'Chuyên mục',
  authors: 'Tác giả',
  published: 'Thời gian xuất bản',
  blocks: 'Nội dung bài',
  note: 'Ghi chú',
  at: 'Thời gian',
};

export function fieldLabel(field: string): string {
  const root = /^[a-z_]+/.exec(field)?.[0] ?? field;
  return LABELS[root] ?? field;
}

/** "Tiêu đề: Bài chưa có tiêu đề", one per field. */
export function fieldMessages(fields: FieldErrors): string[] {
  return Object.entries(fields).map(([f, m]) => `${fieldLabel(f)}: ${m}`);
}

/** The error of a form field, whichever path the server named it by (authors[2] → authors). */
export function errorFor(fields: FieldErrors, name: string): string | undefined {
  const hit = Object.keys(fields).find((f) => f === name || f.startsWith(`${name}[`) || f.startsWith(`${name}.`));
  return hit ? fields[hit] : undefined;
}
