import { describe, expect, it } from 'vitest';
import type { Content } from '../api/types';
import { cleanRuns, cleanText, nfcContent } from './nfc';

describe('cleanText', () => {
  it('composes decomposed Vietnamese', () => {
    expect(cleanText('Nghi\u0323 quyê\u0301t')).toBe('Nghị quyết');
  });
  it('takes out controls as the server does, keeping tab and newline', () => {
    expect(cleanText('a\u0001b\r\nc\td\ufffe')).toBe('ab\nc\td');
  });
  it('takes a control out before composing, so the mark joins its letter', () => {
    expect(cleanText('e\u0007\u0301')).toBe('é');
  });
});

describe('cleanRuns', () => {
  it('moves a mark that starts a run onto the letter ending the run before', () => {
    expect(cleanRuns([{ text: 'Vie\u0323', bold: true }, { text: '\u0302t Nam' }])).toEqual([
      { text: 'Việ', bold: true },
      { text: 't Nam' },
    ]);
  });
  it('drops a run left empty and joins the runs it separated', () => {
    expect(cleanRuns([{ text: 'a' }, { text: '\u0301', italic: true }, { text: 'b' }])).toEqual([{ text: 'áb' }]);
  });
  it('joins neighbours left with the same marks', () => {
    expect(cleanRuns([{ text: 'a' }, { text: '\u0007', bold: true }, { text: 'b' }])).toEqual([{ text: 'ab' }]);
  });
  it('leaves runs whose boundary composes nothing', () => {
    const runs = [{ text: 'Hà ', bold: true }, { text: 'Nội' }];
    expect(cleanRuns(runs)).toEqual(runs);
  });
  it('gives text whose joined form is NFC', () => {
    const runs = cleanRuns([{ text: 'o' }, { text: '\u031b', bold: true }, { text: '\u0301', italic: true }]);
    const joined = runs.map((r) => r.text).join('');
    expect(joined).toBe(joined.normalize('NFC'));
    expect(joined).toBe('ớ');
  });
});

describe('nfcContent', () => {
  it('cleans every string of a piece', () => {
    const c: Content = {
      title: 'Ha\u0300 No\u0323\u0302i',
      lead: 'Sapo\u0008',
      blocks: [
        { type: 'paragraph', runs: [{ text: 'Vie\u0323\u0302t', link: 'https://baodoimay.vn/' }] },
        { type: 'heading', text: 'Đe\u0302\u0300 mu\u0323c' },
        { type: 'quote', text: 'Tri\u0301ch', cite: 'Ông A\u0300' },
        { type: 'list', ordered: true, items: [[{ text: 'mo\u0323\u0302t' }]] },
        { type: 'figure', image: 'anh.jpg', caption: 'Chu\u0301 thi\u0301ch', alt: '' },
      ],
      authors: ['Huy Tha\u0300nh'],
      category: 'Thơ\u0300i sự',
      published: null,
    };
    expect(nfcContent(c)).toEqual({
      title: 'Hà Nội',
      lead: 'Sapo',
      blocks: [
        { type: 'paragraph', runs: [{ text: 'Việt', link: 'https://baodoimay.vn/' }] },
        { type: 'heading', text: 'Đề mục' },
        { type: 'quote', text: 'Trích', cite: 'Ông À' },
        { type: 'list', ordered: true, items: [[{ text: 'một' }]] },
        { type: 'figure', image: 'anh.jpg', caption: 'Chú thích', credit: '', alt: '' },
      ],
      authors: ['Huy Thành'],
      category: 'Thời sự',
      published: null,
    });
  });
});
