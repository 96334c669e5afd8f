// Where uploaded photos land in the body: a figure after the paragraph the cursor is in (before
// it at its very start), the next one after that, the writer's text untouched and the place
// following what is typed meanwhile; a figure's "Đổi ảnh" takes the photo into that figure.
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { blocksToDoc, docToBlocks } from '../editor/convert';
import { bodyExtensions } from '../editor/schema';
import type { BodyBlock } from '../editor/blocks';
import { placePhoto, type PhotoTarget } from './use_photo_uploads';
import { photo } from './testing_photo';

const para = (text: string): BodyBlock => ({ type: 'paragraph', runs: [{ text }] });
const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((e) => e.destroy()));
function open(blocks: BodyBlock[]): Editor {
  const e = new Editor({ extensions: bodyExtensions(), content: blocksToDoc(blocks) });
  editors.push(e);
  return e;
}
const kinds = (e: Editor) => docToBlocks(e.getJSON()).map((b) => (b.type === 'figure' ? b.image : b.type === 'paragraph' ? b.runs[0].text : b.type));

describe('placing uploaded photos', () => {
  it('puts a pick’s photos after the cursor’s paragraph, in order, and follows the text typed meanwhile', () => {
    const e = open([para('Một'), para('Hai')]);
    const target: PhotoTarget = { pos: 2, intoFigure: false }; // inside "Một"
    placePhoto(e, target, photo(1));
    // The writer types at the start of "Hai" meanwhile: the place is not disturbed.
    e.commands.insertContentAt(e.state.doc.content.size - 4, 'Và ');
    placePhoto(e, target, photo(2));
    expect(kinds(e)).toEqual(['Một', 'anh/3f/3f000001-1600.jpg', 'anh/3f/3f000002-1600.jpg', 'Và Hai']);
    const fig = docToBlocks(e.getJSON())[1];
    expect(fig).toEqual({ type: 'figure', image: 'anh/3f/3f000001-1600.jpg', caption: '', credit: '', alt: '', width: 2000, height: 1500 });
  });

  it('puts it before a paragraph when the cursor is at its start', () => {
    const e = open([para('Một')]);
    placePhoto(e, { pos: 1, intoFigure: false }, photo(1));
    expect(kinds(e)).toEqual(['anh/3f/3f000001-1600.jpg', 'Một']);
  });

  it('gives a figure its photo, keeping the caption typed when the library has none', () => {
    const e = open([para('Một'), { type: 'figure', image: '', caption: 'Gõ sẵn', credit: '', alt: '' }]);
    const pos = e.state.doc.child(0).nodeSize;
    placePhoto(e, { pos, intoFigure: true }, photo(1, { credit: 'Đỗ Hùng' }));
    expect(docToBlocks(e.getJSON())[1]).toEqual({
      type: 'figure', image: 'anh/3f/3f000001-1600.jpg', caption: 'Gõ sẵn', credit: 'Đỗ Hùng', alt: '', width: 2000, height: 1500,
    });
  });
});
