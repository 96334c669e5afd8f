// Text inputs inside the body (a quote's source, a figure's caption and alt): an input bound to
// one attribute of its node. ProseMirror must leave the input's events and DOM alone, and the
// input's value is never rewritten while it has focus, so an input method composing a
// Vietnamese letter there is not broken by the document updating around it.
import type { Node as PmNode } from '@tiptap/pm/model';
import type { EditorView } from '@tiptap/pm/view';

export interface FieldBinding {
  attr: string;
  input: HTMLInputElement;
}

/** A labelled text input (the label is the visible text, and so its accessible name). */
export function labelledInput(labelText: string, className: string): { label: HTMLLabelElement; input: HTMLInputElement } {
  const label = document.createElement('label');
  label.className = className;
  const span = document.createElement('span');
  span.textContent = labelText;
  const input = document.createElement('input');
  input.type = 'text';
  input.spellcheck = true;
  label.append(span, input);
  return { label, input };
}

/**
 * Writes each input into its node attribute as it changes (not while composing; at the end of
 * the composition), so what is typed there is in the document, saved and kept locally like the
 * rest of the body.
 */
export function bindFields(
  view: EditorView,
  getPos: () => number | undefined,
  fields: FieldBinding[],
  current: () => PmNode,
): void {
  for (const { attr, input } of fields) {
    const write = () => {
      const pos = getPos();
      if (pos === undefined) return;
      const node = current();
      if (node.attrs[attr] === input.value) return;
      view.dispatch(view.state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, [attr]: input.value }));
    };
    input.addEventListener('input', (e) => {
      if (!(e as InputEvent).isComposing) write();
    });
    input.addEventListener('compositionend', write);
    input.addEventListener('change', write);
  }
}

/** Puts the node's attributes into inputs that are not being typed in. */
export function showFields(node: PmNode, fields: FieldBinding[]): void {
  for (const { attr, input } of fields) {
    const value = String(node.attrs[attr] ?? '');
    if (input.value !== value && input.ownerDocument.activeElement !== input) input.value = value;
  }
}

/** True for an event that happened in one of the inputs: ProseMirror leaves it alone. */
export function inFields(event: Event, fields: FieldBinding[]): boolean {
  return fields.some(({ input }) => event.target instanceof globalThis.Node && input.parentElement!.contains(event.target));
}
