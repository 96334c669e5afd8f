import { getSchema } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { readBlocks, type BodyBlock } from './blocks';
import { blocksToDoc, docToBlocks } from './convert';
import { bodyExtensions } from './schema';

const schema = getSchema(bodyExtensions());

// Through the schema, as the editor holds it: a document the schema refuses throws here.
const roundTrip = (blocks: BodyBlock[]) => docToBlocks(Node.fromJSON(schema, blocksToDoc(blocks)).toJSON());

describe('blocksToDoc and docToBlocks', () => {
  it('round-trip every kind of block exactly', () => {
    const body: BodyBlock[] = [
      {
        type: 'paragraph',
        runs: [
          { text: 'Theo ' },
          { text: 'Bộ Y tế', bold: true },
          { text: ', xem ' },
          { text: 'thông báo', italic: true, link: 'https://moh.gov.vn/thong-bao' },
          { text: ' và ' },
          { text: 'thư', bold: true, italic: true, link: 'mailto:toasoan@baodoimay.vn' },
          { text: '.' },
        ],
      },
      { type: 'heading', text: 'Những con số đáng chú ý' },
      { type: 'quote', text: '“Chúng tôi sẽ làm đến cùng”', cite: 'Bộ trưởng Bộ Y tế' },
      { type: 'quote', text: 'Không ghi nguồn', cite: '' },
      { type: 'list', ordered: false, items: [[{ text: 'Một' }], [{ text: 'Hai ' }, { text: 'đậm', bold: true }]] },
      { type: 'list', ordered: true, items: [[{ text: 'Bước một' }], [{ text: 'Bước hai', italic: true }]] },
      { type: 'figure', image: '', caption: 'Ảnh: Huy Thành', credit: '', alt: 'Quang cảnh hội nghị' },
      { type: 'figure', image: 'anh/3f/3fa9c2-1600.jpg', caption: 'Hội nghị', credit: 'Đỗ Hùng', alt: 'Hội trường', width: 2000, height: 1500 },
      { type: 'figure', image: '2022/12/hoi-nghi.jpg', caption: '', credit: '', alt: '', width: 1200, height: 800 },
      { type: 'paragraph', runs: [{ text: 'Chỉ\u00a0có khoảng trắng không ngắt' }] },
    ];
    expect(roundTrip(body)).toEqual(body);
  });

  it('joins neighbouring runs with the same marks', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Hà ', marks: [{ type: 'bold' }] },
            { type: 'text', text: 'Nội', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' hôm nay', marks: [{ type: 'link', attrs: { href: 'https://a.vn/' } }] },
            { type: 'text', text: ' và', marks: [{ type: 'link', attrs: { href: 'https://b.vn/' } }] },
          ],
        },
      ],
    };
    expect(docToBlocks(doc)).toEqual([
      {
        type: 'paragraph',
        runs: [
          { text: 'Hà Nội', bold: true },
          { text: ' hôm nay', link: 'https://a.vn/' },
          { text: ' và', link: 'https://b.vn/' },
        ],
      },
    ]);
  });

  it('leaves out what the server drops or refuses: blank paragraphs, items, lists, headings, quotes, empty figures', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph' },
        { type: 'paragraph', content: [{ type: 'text', text: '  \t ' }] },
        { type: 'heading' },
        { type: 'quote', attrs: { cite: 'Ai đó' }, content: [{ type: 'text', text: ' ' }] },
        { type: 'figure', attrs: { image: '', caption: ' ', alt: 'chỉ có mô tả' } },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph' }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'còn lại' }] }] },
          ],
        },
        { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
        { type: 'paragraph', content: [{ type: 'text', text: '\u00a0' }] },
      ],
    };
    expect(docToBlocks(doc)).toEqual([
      { type: 'list', ordered: false, items: [[{ text: 'còn lại' }]] },
      // A no-break space is text to the server, kept as it keeps it.
      { type: 'paragraph', runs: [{ text: '\u00a0' }] },
    ]);
  });

  it('gives an empty body one empty paragraph to type in, and reads it back as nothing', () => {
    expect(blocksToDoc([])).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(roundTrip([])).toEqual([]);
  });
});

describe('readBlocks', () => {
  it('reads the forms the server writes into the canonical form', () => {
    const server = [
      { type: 'paragraph', text: 'Chỉ có chữ' },
      {
        type: 'paragraph',
        text: 'Có đậm',
        runs: [{ text: 'Có ' }, { text: 'đậm', bold: true, italic: false }],
      },
      { type: 'heading', text: 'Tiêu đề phụ' },
      { type: 'quote', text: 'Câu nói' },
      { type: 'list', ordered: true, items: ['Một', [{ text: 'Hai', italic: true }]] },
      { type: 'figure', caption: 'Chú thích' },
      { type: 'figure', image: 'a.jpg', width: 640, height: 480 },
    ];
    expect(readBlocks(server)).toEqual([
      { type: 'paragraph', runs: [{ text: 'Chỉ có chữ' }] },
      { type: 'paragraph', runs: [{ text: 'Có ' }, { text: 'đậm', bold: true }] },
      { type: 'heading', text: 'Tiêu đề phụ' },
      { type: 'quote', text: 'Câu nói', cite: '' },
      { type: 'list', ordered: true, items: [[{ text: 'Một' }], [{ text: 'Hai', italic: true }]] },
      { type: 'figure', image: '', caption: 'Chú thích', credit: '', alt: '' },
      { type: 'figure', image: 'a.jpg', caption: '', credit: '', alt: '', width: 640, height: 480 },
    ]);
  });

  it('keeps the text of a heading or quote stored with marks', () => {
    expect(readBlocks([{ type: 'heading', text: 'A b', runs: [{ text: 'A ' }, { text: 'b', bold: true }] }])).toEqual([
      { type: 'heading', text: 'A b' },
    ]);
  });

  it('round-trips what it reads', () => {
    const blocks = readBlocks([
      { type: 'paragraph', text: 'Một' },
      { type: 'list', ordered: false, items: ['a', 'b'] },
    ]);
    expect(roundTrip(blocks)).toEqual(blocks);
  });
});
