// What the link dialog does to the body: link the selection (or insert the address as linked
// text where nothing is selected), or unlink the link under the cursor.
import type { Editor } from '@tiptap/core';

/** The address of the link under the cursor, or ''. */
export const currentLink = (e: Editor) => String(e.getAttributes('link').href ?? '');

export function applyLink(e: Editor, href: string): void {
  if (e.state.selection.empty && !e.isActive('link'))
    e.chain().focus().insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
  else e.chain().focus().extendMarkRange('link').setMark('link', { href }).run();
}

export function removeLink(e: Editor): void {
  e.chain().focus().extendMarkRange('link').unsetMark('link').run();
}
