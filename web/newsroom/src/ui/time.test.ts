// The browser's zone must not leak into what the newsroom reads: these run in Los Angeles
// (UTC−8 in December), fifteen hours behind Hà Nội, so a day boundary falls between them.
process.env.TZ = 'America/Los_Angeles';

import { describe, expect, it } from 'vitest';
import { formatAgo, formatVnDate, formatVnDateTime, formatVnTime, vnDateValue } from './time';

describe('Vietnam time', () => {
  it('runs in a zone far from Vietnam (else these tests prove nothing)', () => {
    expect(new Date('2026-12-05T00:30:00Z').getTimezoneOffset()).toBe(480);
  });

  it('formats a UTC time as Vietnam sees it', () => {
    expect(formatVnDateTime('2026-12-05T03:32:00Z')).toBe('05/12/2026 10:32');
    expect(formatVnTime('2026-12-05T03:32:00Z')).toBe('10:32');
  });

  it('keeps a time the server wrote at +07:00 as written', () => {
    expect(formatVnDateTime('2026-12-05T10:32:00+07:00')).toBe('05/12/2026 10:32');
    expect(formatVnDate('2026-12-05T10:32:00+07:00')).toBe('05/12/2026');
  });

  it('moves to the next Vietnam day when the browser is still on the day before', () => {
    // 18:30 on the 4th in Los Angeles is 09:30 on the 5th in Hà Nội.
    expect(formatVnDateTime('2026-12-04T18:30:00-08:00')).toBe('05/12/2026 09:30');
    expect(vnDateValue('2026-12-04T18:30:00-08:00')).toBe('2026-12-05');
  });

  it('writes midnight as 00, not 24', () => {
    expect(formatVnTime('2026-12-04T17:00:00Z')).toBe('00:00');
  });

  it('adds seconds when asked', () => {
    expect(formatVnDateTime('2026-12-05T10:32:07+07:00', true)).toBe('05/12/2026 10:32:07');
  });

  it('shows nothing for no time and the text itself for a broken one', () => {
    expect(formatVnDateTime(null)).toBe('');
    expect(formatVnDateTime('')).toBe('');
    expect(formatVnDateTime('hôm qua')).toBe('hôm qua');
  });

  it('says how long ago, whatever the zone', () => {
    const now = Date.parse('2026-12-05T03:32:00Z');
    expect(formatAgo('2026-12-05T10:31:40+07:00', now)).toBe('vừa xong');
    expect(formatAgo('2026-12-05T10:27:00+07:00', now)).toBe('5 phút trước');
    expect(formatAgo('2026-12-05T07:32:00+07:00', now)).toBe('3 giờ trước');
    expect(formatAgo('2026-12-03T10:32:00+07:00', now)).toBe('2 ngày trước');
  });
});
