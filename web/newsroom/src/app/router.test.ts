import { describe, expect, it } from 'vitest';
import { match } from './router';

describe('match', () => {
  it('matches a fixed path, with or without its trailing slash', () => {
    expect(match('/toa-soan/bai', '/toa-soan/bai')).toEqual({});
    expect(match('/toa-soan/bai', '/toa-soan/bai/')).toEqual({});
    expect(match('/toa-soan/', '/toa-soan')).toEqual({});
    expect(match('/toa-soan/', '/toa-soan/')).toEqual({});
  });

  it('takes parameters from their segments', () => {
    expect(match('/toa-soan/bai/:id', '/toa-soan/bai/41')).toEqual({ id: '41' });
    expect(match('/toa-soan/bai/:id/lich-su', '/toa-soan/bai/41/lich-su')).toEqual({ id: '41' });
  });

  it('ignores the query', () => {
    expect(match('/toa-soan/bai', '/toa-soan/bai?state=draft&page=2')).toEqual({});
    expect(match('/toa-soan/bai/:id', '/toa-soan/bai/7?revision=3')).toEqual({ id: '7' });
  });

  it('decodes a parameter', () => {
    expect(match('/toa-soan/x/:name', '/toa-soan/x/th%E1%BB%9Di-s%E1%BB%B1')).toEqual({ name: 'thời-sự' });
  });

  it('refuses other lengths, other words and empty parameters', () => {
    expect(match('/toa-soan/bai/:id', '/toa-soan/bai')).toBeNull();
    expect(match('/toa-soan/bai/:id', '/toa-soan/bai/41/lich-su')).toBeNull();
    expect(match('/toa-soan/bai', '/toa-soan/nguoi-dung')).toBeNull();
    expect(match('/toa-soan/bai/:id/lich-su', '/toa-soan/bai//lich-su')).toBeNull();
  });
});
