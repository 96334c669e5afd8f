import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { BodyBlock } from '../blocks';
import { bodyEditorOptions } from '../body_options';
import { blocksToDoc, docToBlocks } from '../convert';

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

function open(body: BodyBlock[]): Editor {
  const host = document.createElement('div');
  document.body.append(host);
  editor = new Editor({ ...bodyEditorOptions({ content: blocksToDoc(body) }), element: host });
  return editor;
}

// A real key press on the editable element, through ProseMirror's keymaps.
const press = (e: Editor, key: string, shiftKey = false) =>
  e.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, cancelable: true }));

const endOf = (e: Editor, index: number) => {
  let pos = 0;
  for (let i = 0; i <= index; i++) pos += e.state.doc.child(i).nodeSize;
  return pos - 1;
};

describe('the body schema in an editor', () => {
  it('makes Shift+Enter a new paragraph, as Enter (the format has no line break)', () => {
    const e = open([{ type: 'paragraph', runs: [{ text: 'Một hai' }] }]);
    e.commands.setTextSelection(4);
    press(e, 'Enter', true);
    expect(docToBlocks(e.getJSON())).toEqual([
      { type: 'paragraph', runs: [{ text: 'Một' }] },
      { type: 'paragraph', runs: [{ text: ' hai' }] },
    ]);
  });

  it('makes Shift+Enter a new item in a list', () => {
    const e = open([{ type: 'list', ordered: false, items: [[{ text: 'một' }]] }]);
    e.commands.setTextSelection(endOf(e, 0) - 2);
    press(e, 'Enter', true);
    e.commands.insertContent('hai');
    expect(docToBlocks(e.getJSON())).toEqual([{ type: 'list', ordered: false, items: [[{ text: 'một' }], [{ text: 'hai' }]] }]);
  });

  it('keeps a figure’s caption, credit and alt typed in its inputs in the document', () => {
    const e = open([{ type: 'paragraph', runs: [{ text: 'Trước' }] }]);
    e.commands.setTextSelection(endOf(e, 0) - 1);
    e.commands.insertContent({ type: 'figure' });
    const [caption, credit, alt] = [...e.view.dom.querySelectorAll<HTMLInputElement>('.body-figure input')];
    expect(e.view.dom.querySelector('.body-figure-photo')!.textContent).toBe('Chưa có ảnh');
    caption.value = 'Chú thích';
    caption.dispatchEvent(new Event('input', { bubbles: true }));
    credit.value = 'Đỗ Hùng';
    credit.dispatchEvent(new Event('input', { bubbles: true }));
    alt.value = 'Mô tả';
    alt.dispatchEvent(new Event('input', { bubbles: true }));
    expect(docToBlocks(e.getJSON())).toContainEqual({ type: 'figure', image: '', caption: 'Chú thích', credit: 'Đỗ Hùng', alt: 'Mô tả' });
  });

  it('shows an uploaded photo by its 480 variant and an imported image by its path', () => {
    const e = open([
      { type: 'figure', image: 'anh/3f/3fa9c2-1600.jpg', caption: '', credit: '', alt: 'Hội trường', width: 2000, height: 1500 },
      { type: 'figure', image: '2022/12/hoi-nghi.jpg', caption: 'Cũ', credit: '', alt: '' },
    ]);
    const [first, second] = [...e.view.dom.querySelectorAll('.body-figure-photo')];
    expect(first.querySelector('img')!.getAttribute('src')).toBe('/media/anh/3f/3fa9c2-480.jpg');
    expect(first.querySelector('img')!.getAttribute('alt')).toBe('Hội trường');
    expect(second.querySelector('img')).toBeNull();
    expect(second.textContent).toBe('Ảnh: 2022/12/hoi-nghi.jpg');
  });

  it('keeps a quote’s source typed in its input', () => {
    const e = open([{ type: 'quote', text: 'Câu nói', cite: '' }]);
    const cite = e.view.dom.querySelector<HTMLInputElement>('.body-quote-cite input')!;
    cite.value = 'Ông A';
    cite.dispatchEvent(new Event('input', { bubbles: true }));
    expect(docToBlocks(e.getJSON())).toEqual([{ type: 'quote', text: 'Câu nói', cite: 'Ông A' }]);
  });

  it('holds no mark inside a heading', () => {
    const e = open([{ type: 'heading', text: 'Tiêu đề' }]);
    e.commands.selectAll();
    e.commands.toggleBold();
    expect(docToBlocks(e.getJSON())).toEqual([{ type: 'heading', text: 'Tiêu đề' }]);
  });
});
