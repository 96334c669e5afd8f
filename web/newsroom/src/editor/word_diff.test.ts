import { describe, expect, it } from 'vitest';
import type { Content } from '../api/types';
import type { BodyBlock } from './blocks';
import { diffContent, diffWords, tokens } from './word_diff';

describe('tokens', () => {
  it('splits into words and spaces that join back', () => {
    const s = ' Hà\u00a0Nội  –\n2026 ';
    expect(tokens(s)).toEqual([' ', 'Hà', '\u00a0', 'Nội', '  ', '–', '\n', '2026', ' ']);
    expect(tokens(s).join('')).toBe(s);
  });
});

describe('diffWords', () => {
  it('finds nothing between equal texts', () => {
    expect(diffWords('Hà Nội mưa to', 'Hà Nội mưa to')).toEqual([{ kind: 'equal', text: 'Hà Nội mưa to' }]);
  });
  it('finds an inserted word', () => {
    expect(diffWords('Hà Nội mưa', 'Hà Nội mưa to')).toEqual([
      { kind: 'equal', text: 'Hà Nội mưa' },
      { kind: 'inserted', text: ' to' },
    ]);
  });
  it('finds a deleted word', () => {
    expect(diffWords('Chiều nay Hà Nội mưa', 'Hà Nội mưa')).toEqual([
      { kind: 'deleted', text: 'Chiều nay ' },
      { kind: 'equal', text: 'Hà Nội mưa' },
    ]);
  });
  it('reads a replaced phrase whole, deletion first', () => {
    expect(diffWords('Mưa ở Hà Nội hôm nay', 'Mưa ở TP Hồ Chí Minh hôm nay')).toEqual([
      { kind: 'equal', text: 'Mưa ở ' },
      { kind: 'deleted', text: 'Hà Nội' },
      { kind: 'inserted', text: 'TP Hồ Chí Minh' },
      { kind: 'equal', text: ' hôm nay' },
    ]);
  });
  it('treats a changed mark as a changed word', () => {
    expect(diffWords('nghị quyết', 'nghị quyêt')).toEqual([
      { kind: 'equal', text: 'nghị ' },
      { kind: 'deleted', text: 'quyết' },
      { kind: 'inserted', text: 'quyêt' },
    ]);
  });
  it('handles empty sides', () => {
    expect(diffWords('', 'Tin mới')).toEqual([{ kind: 'inserted', text: 'Tin mới' }]);
    expect(diffWords('Tin mới', '')).toEqual([{ kind: 'deleted', text: 'Tin mới' }]);
    expect(diffWords('', '')).toEqual([]);
  });
  it('gives both texts back from its runs', () => {
    const a = 'Một hai ba bốn năm sáu bảy';
    const b = 'Một ba bốn sáu mươi bảy tám';
    const d = diffWords(a, b);
    expect(d.filter((r) => r.kind !== 'inserted').map((r) => r.text).join('')).toBe(a);
    expect(d.filter((r) => r.kind !== 'deleted').map((r) => r.text).join('')).toBe(b);
  });
});

describe('diffContent', () => {
  const content = (title: string, blocks: BodyBlock[]): Content & { blocks: BodyBlock[] } => ({
    title,
    lead: 'Sapo',
    blocks,
    authors: [],
    category: '',
    published: null,
  });
  const para = (text: string): BodyBlock => ({ type: 'paragraph', runs: [{ text }] });

  it('aligns blocks on the unchanged ones and pairs the changed', () => {
    const d = diffContent(
      content('Tiêu đề', [para('Một'), para('Hai cũ'), para('Ba')]),
      content('Tiêu đề mới', [para('Mở đầu'), para('Một'), para('Hai mới'), para('Ba')]),
    );
    expect(d.title).toEqual([
      { kind: 'equal', text: 'Tiêu đề' },
      { kind: 'inserted', text: ' mới' },
    ]);
    expect(d.lead).toEqual([{ kind: 'equal', text: 'Sapo' }]);
    expect(d.blocks).toEqual([
      [{ kind: 'inserted', text: 'Mở đầu' }],
      [{ kind: 'equal', text: 'Một' }],
      [
        { kind: 'equal', text: 'Hai ' },
        { kind: 'deleted', text: 'cũ' },
        { kind: 'inserted', text: 'mới' },
      ],
      [{ kind: 'equal', text: 'Ba' }],
    ]);
  });

  it('shows a removed block as deleted', () => {
    const d = diffContent(content('T', [para('Một'), { type: 'heading', text: 'Bỏ đi' }]), content('T', [para('Một')]));
    expect(d.blocks).toEqual([[{ kind: 'equal', text: 'Một' }], [{ kind: 'deleted', text: 'Bỏ đi' }]]);
  });
});
