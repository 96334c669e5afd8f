// A figure (our "figure" block): a photo, its caption, its credit (who took it, or whose it is)
// and its alt text. An uploaded photo is shown by its 480 variant; an image that is none (a path
// an imported piece brought, an address) is named and kept as it is; no image yet is a box
// saying so. "Chọn ảnh" / "Đổi ảnh" asks the page for the library (onPickPhoto). The caption,
// credit and alt are inputs. A figure is an atom: its text lives in attributes, not in the
// document's text.
import { Node } from '@tiptap/core';
import { previewUrl } from '../../photos/figure_photo';
import { bindFields, inFields, labelledInput, showFields, type FieldBinding } from './field_view';

const size = (el: HTMLElement, name: string) => {
  const n = Number(el.getAttribute(name));
  return Number.isInteger(n) && n > 0 ? n : null;
};

// An image path a figure may carry: one under the media folder or an http(s) address.
export const allowedImage = (path: string) => !/^[a-z][a-z0-9+.-]*:/i.test(path) || /^https?:\/\//i.test(path);

export interface FigureOptions {
  /** The page opens the photo library for the figure at this position. */
  onPickPhoto: ((pos: number) => void) | null;
}

export const Figure = Node.create<FigureOptions>({
  name: 'figure',
  addOptions() {
    return { onPickPhoto: null };
  },
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes() {
    return {
      image: { default: '', parseHTML: (el) => el.getAttribute('data-image') ?? '', renderHTML: (a) => ({ 'data-image': a.image }) },
      caption: { default: '', parseHTML: (el) => el.getAttribute('data-caption') ?? '', renderHTML: (a) => ({ 'data-caption': a.caption }) },
      credit: { default: '', parseHTML: (el) => el.getAttribute('data-credit') ?? '', renderHTML: (a) => ({ 'data-credit': a.credit }) },
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
    const pick = this.options.onPickPhoto;
    return ({ node, view, getPos }) => {
      let current = node;
      const dom = document.createElement('figure');
      dom.className = 'body-figure';
      dom.contentEditable = 'false';
      const photo = document.createElement('div');
      photo.className = 'body-figure-photo';
      const caption = labelledInput('Chú thích ảnh', 'body-figure-caption');
      const credit = labelledInput('Tác giả ảnh / nguồn', 'body-figure-credit');
      const alt = labelledInput('Mô tả ảnh', 'body-figure-alt');
      const choose = document.createElement('button');
      choose.type = 'button';
      choose.className = 'button body-figure-choose';
      choose.addEventListener('click', () => {
        const pos = getPos();
        if (pick && pos !== undefined && view.editable) pick(pos);
      });
      dom.append(photo, ...(pick ? [choose] : []), caption.label, credit.label, alt.label);
      const fields: FieldBinding[] = [
        { attr: 'caption', input: caption.input },
        { attr: 'credit', input: credit.input },
        { attr: 'alt', input: alt.input },
      ];
      let shown: string | null = null;
      const showPhoto = (image: string, altText: string) => {
        choose.textContent = image ? 'Đổi ảnh' : 'Chọn ảnh';
        choose.disabled = !view.editable;
        const img = photo.querySelector('img');
        if (img) img.alt = altText;
        if (shown === image) return;
        shown = image;
        const src = previewUrl(image);
        photo.replaceChildren();
        if (src) {
          const el = document.createElement('img');
          el.src = src;
          el.alt = altText;
          el.decoding = 'async';
          photo.append(el);
        } else {
          photo.textContent = image ? `Ảnh: ${image}` : 'Chưa có ảnh';
        }
      };
      showPhoto(String(node.attrs.image), String(node.attrs.alt));
      showFields(node, fields);
      bindFields(view, getPos, fields, () => current);
      return {
        dom,
        update(next) {
          if (next.type !== current.type) return false;
          current = next;
          showPhoto(String(next.attrs.image), String(next.attrs.alt));
          showFields(next, fields);
          return true;
        },
        stopEvent: (event) => inFields(event, fields) || (event.target instanceof globalThis.Node && choose.contains(event.target)),
        ignoreMutation: () => true,
      };
    };
  },
});
