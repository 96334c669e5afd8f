import { describe, expect, it } from 'vitest';
import { belongsIn, parseQueueFilters, queueHref, QUEUE_DEFAULTS } from './queue_filters';

describe('the queue address', () => {
  it('opens on what waits, and reads a shared filtered view back', () => {
    expect(parseQueueFilters('')).toEqual(QUEUE_DEFAULTS);
    const f = parseQueueFilters('trang-thai=flagged&bai=41&co=words&page=3');
    expect(f).toEqual({ status: 'flagged', article: 41, flag: 'words', page: 3 });
    expect(queueHref(f)).toBe('/toa-soan/binh-luan?trang-thai=flagged&bai=41&co=words&page=3');
    expect(queueHref(QUEUE_DEFAULTS)).toBe('/toa-soan/binh-luan');
  });

  it('drops what it does not know, so a mangled link still opens the queue', () => {
    expect(parseQueueFilters('trang-thai=all&bai=041&co=x&page=-2')).toEqual(QUEUE_DEFAULTS);
  });

  it('lets a comment leave the queue once it no longer matches', () => {
    const c = { status: 'approved' as const, flags: [], article: { id: 41, title: '' } };
    expect(belongsIn(c, QUEUE_DEFAULTS)).toBe(false);
    expect(belongsIn(c, { ...QUEUE_DEFAULTS, status: 'approved' })).toBe(true);
    expect(belongsIn({ ...c, status: 'pending', flags: ['links'] }, { ...QUEUE_DEFAULTS, status: 'flagged' })).toBe(true);
    expect(belongsIn({ ...c, status: 'pending' }, { ...QUEUE_DEFAULTS, status: 'flagged' })).toBe(false);
  });
});
