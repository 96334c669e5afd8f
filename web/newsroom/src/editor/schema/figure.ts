// A figure (our "figure" block): a photo's place, its caption and its alt text. Until photos
// can be added, the photo is a box saying so (or naming the image a piece already has, whose
// path is kept as it is); the caption and alt are inputs. A figure is an atom: its text lives
// in attributes, not in the document's text.
import { Node } from '@tiptap/core';
import { bindFields, inFields, labelledInput, showFields, type FieldBinding } from './field_view';

const size = (el: HTMLElement, name: string) => {
  const n = Number(el.getAttribute(name));
  return Number.isInteger(n) && n > 0 ? n : null;
};

// An image path a figure may carry: one under the media folder or an http(s) address.
export const allowedImage = (path: string) => !/^[a-z][a-z0-9+.-]*:/i.test(path) || /^https?:\/\//i.test(path);

export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes() {
    return {
      image: { default: '', parseHTML: (el) => el.getAttribute('data-image') ?? '', renderHTML: (a) => ({ 'data-image': a.image }) },
      caption: { default: '', parseHTML: (el) => el.getAttribute('data-caption') ?? '', renderHTML: (a) => ({ 'data-caption': a.caption }) },
      alt: { default: '', parseHTML: (el) => el.getAttribute('data-alt') ?? '', renderHTML: (a) => ({ 'data-alt': a.alt }) },
      width: { default: null, parseHTML: (el) => size(el, 'data-width'), renderHTML: (a) => (a.width ? { 'data-width': a.width } : {}) },
      height: { default: null, parseHTML: (el) => size(el, 'data-height'), renderHTML: (a) => (a.height ? { 'data-height': a.height } : {}) },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'figure[data-figure]',
        getAttrs: (el) => (allowedImage(el.getAttribute('data-image') ?? '') ? null : false),
      },
    ];
  },
  renderHTML({ HTMLAttributes, node }) {
    return ['figure', { 'data-figure': '', ...HTMLAttributes }, ['figcaption', String(node.attrs.caption)]];
  },
  addNodeView() {
    return ({ node, view, getPos }) => {
      let current = node;
      const dom = document.createElement('figure');
      dom.className = 'body-figure';
      dom.contentEditable = 'false';
      const photo = document.createElement('div');
      photo.className = 'body-figure-photo';
      const caption = labelledInput('Chú thích ảnh', 'body-figure-caption');
      const alt = labelledInput('Mô tả ảnh', 'body-figure-alt');
      dom.append(photo, caption.label, alt.label);
      const fields: FieldBinding[] = [
        { attr: 'caption', input: caption.input },
        { attr: 'alt', input: alt.input },
      ];
      const showPhoto = (image: string) => {
        photo.textContent = image ? `Ảnh: ${image}` : 'Ảnh sẽ được thêm sau';
      };
      showPhoto(String(node.attrs.image));
      showFields(node, fields);
      bindFields(view, getPos, fields, () => current);
      return {
        dom,
        update(next) {
          if (next.type !== current.type) return false;
          current = next;
          showPhoto(String(next.attrs.image));
          showFields(next, fields);
          return true;
        },
        stopEvent: (event) => inFields(event, fields),
        ignoreMutation: () => true,
      };
    };
  },
});
