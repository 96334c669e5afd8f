// A heading inside the body (our "heading" block): one level, shown as h2 (the page's h1 is the
// title), plain text only. Any h1–h6 parses into it, so a pasted document keeps its headings.
import { Node } from '@tiptap/core';

export const Heading = Node.create({
  name: 'heading',
  group: 'block',
  content: 'text*',
  marks: '',
  defining: true,
  parseHTML() {
    return ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((tag) => ({ tag }));
  },
  renderHTML() {
    return ['h2', 0];
  },
});
