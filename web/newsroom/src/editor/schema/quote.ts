// A quote (our "quote" block): its text, plain, edited in place, and its source (cite) in a
// small input below it. Parsed from <blockquote>, whose data-cite (the form this node is
// copied as) gives the source.
import { Node } from '@tiptap/core';
import { bindFields, inFields, labelledInput, showFields, type FieldBinding } from './field_view';

export const Quote = Node.create({
  name: 'quote',
  group: 'block',
  content: 'text*',
  marks: '',
  defining: true,
  addAttributes() {
    return {
      cite: {
        default: '',
        parseHTML: (el) => el.getAttribute('data-cite') ?? '',
        renderHTML: (attrs) => (attrs.cite ? { 'data-cite': attrs.cite } : {}),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'blockquote' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['blockquote', HTMLAttributes, 0];
  },
  addNodeView() {
    return ({ node, view, getPos }) => {
      let current = node;
      const dom = document.createElement('blockquote');
      dom.className = 'body-quote';
      const text = document.createElement('p');
      text.className = 'body-quote-text';
      const { label, input } = labelledInput('Nguồn trích dẫn', 'body-quote-cite');
      label.contentEditable = 'false';
      dom.append(text, label);
      const fields: FieldBinding[] = [{ attr: 'cite', input }];
      showFields(node, fields);
      bindFields(view, getPos, fields, () => current);
      return {
        dom,
        contentDOM: text,
        update(next) {
          if (next.type !== current.type) return false;
          current = next;
          showFields(next, fields);
          return true;
        },
        stopEvent: (event) => inFields(event, fields),
        ignoreMutation: (m) => m.type !== 'selection' && label.contains(m.target),
      };
    };
  },
});
