import { Editor } from '@tiptap/core';
import { Slice } from '@tiptap/pm/model';
import { afterEach, describe, expect, it } from 'vitest';
import type { Run } from '../api/types';
import type { BodyBlock } from './blocks';
import { bodyEditorOptions } from './body_options';
import { blocksToDoc, docToBlocks } from './convert';
import googleDocs from './fixtures/google-docs.html?raw';
import newsSite from './fixtures/news-site.html?raw';
import word from './fixtures/word.html?raw';

const editors: Editor[] = [];
afterEach(() => {
  editors.splice(0).forEach((e) => e.destroy());
});

function open(body: BodyBlock[] = []): Editor {
  const editor = new Editor({ ...bodyEditorOptions({ content: blocksToDoc(body) }), element: document.createElement('div') });
  editors.push(editor);
  return editor;
}

// Pastes through the editor's own paste path (transformPastedHTML, then the schema's clipboard
// parser) and reads the body back as the server would be sent it.
function paste(html: string, into: BodyBlock[] = []): BodyBlock[] {
  const editor = open(into);
  // jsdom has no ClipboardEvent; a plain paste event stands in (its clipboardData is not read).
  editor.view.pasteHTML(html, new Event('paste') as ClipboardEvent);
  return docToBlocks(editor.getJSON());
}

const p = (...runs: Run[]): BodyBlock => ({ type: 'paragraph', runs });
const t = (text: string): Run => ({ text });
const items = (...texts: (string | Run[])[]) => texts.map((x) => (typeof x === 'string' ? [t(x)] : x));

describe('pasting from Word', () => {
  it('keeps headings, paragraphs, marks, links and lists; drops styles, bullets, <o:p>, images', () => {
    expect(paste(word)).toEqual([
      { type: 'heading', text: 'Hà Nội mở thêm ba tuyến xe buýt điện' },
      p(
        { text: 'Từ ngày 1/3, người dân Thủ đô có thêm ba tuyến xe buýt điện', bold: true },
        t(' nối trung tâm với các khu đô thị phía tây, theo '),
        { text: 'Sở Giao thông vận tải', italic: true },
        t('.'),
      ),
      p(
        t('Mỗi tuyến dài khoảng 20 km, giá vé 7.000 đồng/lượt. Chi tiết xem tại '),
        { text: 'trang thông báo', link: 'https://baodoimay.vn/giao-thong/xe-buyt-dien' },
        t(' của Sở.'),
      ),
      { type: 'heading', text: 'Lộ trình các tuyến' },
      {
        type: 'list',
        ordered: false,
        items: items(
          'Tuyến E01: Cầu Giấy – Xuân Mai',
          [t('Tuyến E02: Kim Mã – '), { text: 'Hòa Lạc', bold: true }],
          'Tuyến E03: Hà Đông – Sơn Tây',
        ),
      },
      p(t('Hành khách đi xe cần:')),
      {
        type: 'list',
        ordered: true,
        items: items('Chuẩn bị thẻ hoặc tiền lẻ;', [t('Lên xe ở cửa trước, '), { text: 'xuống ở cửa sau', italic: true }, t('.')]),
      },
      // The table's cells, as paragraphs.
      p({ text: 'Tuyến', bold: true }),
      p(t('Giờ chạy')),
      p(t('Ảnh: Huy Thành')),
    ]);
  });
});

describe('pasting from Google Docs', () => {
  it('does not make everything bold, keeps span bold and italic, flattens the nested list', () => {
    expect(paste(googleDocs)).toEqual([
      { type: 'heading', text: 'Mùa mận hậu ở Mộc Châu' },
      p(
        { text: 'Mộc Châu', bold: true },
        t(' vào mùa thu hoạch mận hậu, '),
        { text: 'sản lượng năm nay ước đạt 40.000 tấn', italic: true },
        t('.'),
      ),
      p(
        t('Theo '),
        { text: 'Sở Nông nghiệp Sơn La', link: 'https://sonla.gov.vn/nong-nghiep/man-hau-2026' },
        t(', giá mận tại vườn dao động '),
        { text: '15.000–25.000 đồng/kg', bold: true, italic: true },
        t('.'),
      ),
      { type: 'heading', text: 'Những điều du khách cần biết' },
      {
        type: 'list',
        ordered: false,
        items: items('Đường lên bản Nà Ka có nhiều khúc cua', 'nên đi xe số', [
          { text: 'Mua mận', bold: true },
          t(' tại vườn để được giá tốt'),
        ]),
      },
      { type: 'list', ordered: true, items: items('Hái mận', 'Cân và đóng thùng') },
      p(t('Bà Lò Thị Hoa kể: '), { text: '“Năm nay mận được giá”', italic: true }, t('.')),
      p(t('Loại mận')),
      p(t('Giá')),
    ]);
  });
});

describe('pasting from a news site', () => {
  it('keeps the article’s text and structure, drops scripts, ads, images, buttons and unsafe links', () => {
    expect(paste(newsSite)).toEqual([
      p(t('Trang chủ › Kinh tế')),
      { type: 'heading', text: 'Cảng Cái Mép đón tàu container lớn nhất từ trước đến nay' },
      p(t('Minh Tâm · 20/11/2026 08:15')),
      p(
        { text: 'Con tàu dài gần 400 m', bold: true },
        t(' cập cảng sáng 20/11, mở ra tuyến vận tải thẳng từ Bà Rịa – Vũng Tàu đi châu Âu.'),
      ),
      p(
        t('Theo '),
        { text: 'ban quản lý cảng', link: 'https://portcoast.vn/tin-tuc' },
        t(', tàu có sức chở '),
        { text: '24.000 TEU', bold: true },
        t('.'),
      ),
      // A relative link and a javascript: one leave their text only.
      p(t('Xem thêm: quy hoạch cảng biển và chia sẻ.')),
      { type: 'heading', text: 'Hạ tầng theo kịp' },
      { type: 'quote', text: '“Luồng tàu đã được nạo vét đủ độ sâu 15 m.”', cite: 'Ông Nguyễn Văn Bình, giám đốc cảng' },
      { type: 'list', ordered: false, items: items([t('Độ sâu luồng: '), { text: '15 m', bold: true }], 'Cầu cảng dài 600 m') },
      // No line breaks in the format: a <br> starts a new paragraph.
      p(t('Tổng vốn đầu tư')),
      p(t('hơn 5.000 tỷ đồng.')),
      p(t('Năm')),
      p(t('Sản lượng')),
      p(t('2026')),
      p(t('5,2 triệu TEU')),
      p(t('Minh Tâm')),
    ]);
  });
});

describe('pasting', () => {
  it('into a heading keeps the text and drops the marks', () => {
    const editor = open([{ type: 'heading', text: 'Tiêu đề ' }]);
    editor.commands.setTextSelection(editor.state.doc.child(0).nodeSize - 1);
    editor.view.pasteHTML('<b>đậm</b> và <a href="https://a.vn/">liên kết</a>', new Event('paste') as ClipboardEvent);
    expect(docToBlocks(editor.getJSON())).toEqual([{ type: 'heading', text: 'Tiêu đề đậm và liên kết' }]);
  });

  it('takes only allowed links, whatever the markup', () => {
    expect(
      paste('<p><a href="javascript:alert(1)">một</a> <a href=" https://a.vn/x ">hai</a> <a href="data:text/html,x">ba</a></p>'),
    ).toEqual([p(t('một '), { text: 'hai', link: 'https://a.vn/x' }, t(' ba'))]);
  });

  it('moves the editor’s own copy whole: quote source, figure, marks, list', () => {
    const body: BodyBlock[] = [
      p(t('Mở đầu '), { text: 'đậm', bold: true }),
      { type: 'quote', text: 'Câu nói', cite: 'Ông A' },
      { type: 'figure', image: '2026/11/anh.jpg', caption: 'Chú thích', credit: 'Đỗ Hùng', alt: 'Mô tả' },
      { type: 'list', ordered: true, items: items('một', 'hai') },
    ];
    const from = open(body);
    const { dom } = from.view.serializeForClipboard(new Slice(from.state.doc.content, 0, 0));
    expect(paste(dom.innerHTML)).toEqual(body);
  });

  it('from another editor keeps no figure it did not make', () => {
    expect(paste('<figure><img src="https://a.vn/x.jpg"><figcaption>Chú thích</figcaption></figure><p>Chữ</p>')).toEqual([
      p(t('Chữ')),
    ]);
  });
});
