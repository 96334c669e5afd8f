import { describe, expect, it } from 'vitest';
import { bodyCounts, countChars, countWords } from './count';

describe('countChars', () => {
  // The server's cases (src/text/count_test.cpp): a reader's letters, whatever the form typed.
  it.each([
    ['empty', '', 0],
    ['ascii', 'Tin moi', 7],
    ['precomposed', 'Bạn còn', 7],
    ['decomposed', 'Ba\u0323n co\u0300n', 7],
    ['mixed forms', 'Nghi\u0323 quyết', 10],
    ['heading', 'BÌNH LUẬN', 9],
    ['astral code point is one', 'vui \u{1F600}', 5],
    ['mark with no precomposed form stays separate', 'q\u0323', 2],
    ['hangul jamo compose', '\u1109\u1165\u110B\u116E\u11AF', 2],
    ['ệ decomposed twice over', 'e\u0323\u0302', 1],
  ])('%s', (_name, input, expected) => {
    expect(countChars(input)).toBe(expected);
  });
});

describe('countWords', () => {
  it.each([
    ['empty', '', 0],
    ['only spaces', '   \n\t', 0],
    ['a dash is no word', 'Hà Nội – 2026', 3],
    ['decomposed marks', 'Ha\u0300 No\u0323\u0302i', 2],
    ['no-break space separates', 'Thủ\u00a0tướng\u00a0Chính phủ', 4],
    ['other Unicode spaces separate', 'một\u2009hai\u3000ba\u202fbốn\u0085năm', 5],
    ['punctuation alone is no word', '« … » - — !', 0],
    ['punctuation around words stays with them', '“Xin chào,” ông nói.', 4],
    ['numbers are words', '12,5 % và 3', 3],
    ['a byte-order mark is not a space', 'một\ufeffhai', 1],
    ['leading and trailing spaces', '  Tin mới  ', 2],
  ])('%s', (_name, input, expected) => {
    expect(countWords(input)).toBe(expected);
  });
});

describe('bodyCounts', () => {
  it('counts paragraphs, headings, quotes without cite, list items and captions', () => {
    const counts = bodyCounts([
      { type: 'paragraph', runs: [{ text: 'Hà ' }, { text: 'Nội', bold: true }, { text: ' – 2026' }] },
      { type: 'heading', text: 'Tiêu đề phụ' },
      { type: 'quote', text: 'Trích dẫn', cite: 'Người nói rất dài' },
      { type: 'list', ordered: false, items: [[{ text: 'một' }], [{ text: 'hai ' }, { text: 'ba', italic: true }]] },
      { type: 'figure', image: '', caption: 'Chú thích ảnh', alt: 'không đếm' },
    ]);
    // Words: 3 + 3 + 2 + (1 + 2) + 3; chars: 13 + 11 + 9 + (3 + 6) + 13.
    expect(counts).toEqual({ words: 14, chars: 55 });
  });

  it('joins runs before splitting, so a word split by a mark counts once', () => {
    expect(bodyCounts([{ type: 'paragraph', runs: [{ text: 'Việt', bold: true }, { text: 'Nam' }] }])).toEqual({
      words: 1,
      chars: 7,
    });
  });

  it('counts an empty body as nothing', () => {
    expect(bodyCounts([])).toEqual({ words: 0, chars: 0 });
  });

  it('counts decomposed text as the server does after NFC', () => {
    expect(bodyCounts([{ type: 'heading', text: 'Nghi\u0323 quyê\u0301t' }])).toEqual({ words: 2, chars: 10 });
  });
});
