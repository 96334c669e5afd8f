import { describe, expect, it } from 'vitest';
import { fromVnInput, aMinuteAheadInput, toVnInput, vnClock, vnDateTime } from './vn_time';

describe('Vietnam time', () => {
  it('shows any offset in Vietnam time', () => {
    expect(vnClock('2026-12-05T03:32:10Z')).toBe('10:32');
    expect(vnClock('2026-12-05T10:32:00+07:00')).toBe('10:32');
    expect(vnDateTime('2026-12-04T20:05:00-02:00')).toBe('05:05 05/12/2026');
  });
  it('round-trips a datetime-local value at +07:00', () => {
    expect(toVnInput('2026-12-05T06:00:00+07:00')).toBe('2026-12-05T06:00');
    expect(fromVnInput('2026-12-05T06:00')).toBe('2026-12-05T06:00:00+07:00');
    expect(toVnInput(null)).toBe('');
    expect(fromVnInput('')).toBeNull();
  });
  it('puts the default schedule sixty seconds ahead, to the second', () => {
    expect(aMinuteAheadInput(new Date('2026-12-05T03:32:15.600Z'))).toBe('2026-12-05T10:33:15');
    expect(aMinuteAheadInput(new Date('2026-12-05T03:32:00Z'))).toBe('2026-12-05T10:33:00');
    expect(aMinuteAheadInput(new Date('2026-12-31T16:59:30Z'))).toBe('2027-01-01T00:00:30');
    expect(fromVnInput(aMinuteAheadInput(new Date('2026-12-05T03:32:15Z')))).toBe('2026-12-05T10:33:15+07:00');
  });
});
