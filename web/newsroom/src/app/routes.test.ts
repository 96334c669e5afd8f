import { describe, expect, it } from 'vitest';
import { resolveRoute, routeTitle, screenKey } from './routes';

describe('resolveRoute', () => {
  it('names every screen', () => {
    expect(resolveRoute('/toa-soan/')).toEqual({ name: 'desk' });
    expect(resolveRoute('/toa-soan')).toEqual({ name: 'desk' });
    expect(resolveRoute('/toa-soan/bai?state=draft')).toEqual({ name: 'articles' });
    expect(resolveRoute('/toa-soan/bai/moi')).toEqual({ name: 'editor', id: null });
    expect(resolveRoute('/toa-soan/bai/41')).toEqual({ name: 'editor', id: 41 });
    expect(resolveRoute('/toa-soan/bai/41/lich-su')).toEqual({ name: 'history', id: 41 });
    expect(resolveRoute('/toa-soan/nguoi-dung')).toEqual({ name: 'users' });
    expect(resolveRoute('/toa-soan/cai-dat')).toEqual({ name: 'settings' });
    expect(resolveRoute('/toa-soan/nhat-ky')).toEqual({ name: 'audit' });
    expect(resolveRoute('/toa-soan/binh-luan?bai=41')).toEqual({ name: 'comments' });
    expect(resolveRoute('/toa-soan/binh-luan/chan')).toEqual({ name: 'comment_bans' });
    expect(resolveRoute('/toa-soan/binh-luan/ban-doc')).toEqual({ name: 'comment_reader' });
    expect(resolveRoute('/toa-soan/anh')).toEqual({ name: 'photos' });
    expect(resolveRoute('/toa-soan/anh/12')).toEqual({ name: 'photo', id: 12 });
    expect(resolveRoute('/toa-soan/anh/012')).toEqual({ name: 'not_found' });
  });

  it('finds no piece behind an id that is not one', () => {
    for (const bad of ['abc', '0', '041', '1e3', '-4', '4.5', '99999999999'])
      expect(resolveRoute(`/toa-soan/bai/${bad}`)).toEqual({ name: 'not_found' });
    expect(resolveRoute('/toa-soan/bai/abc/lich-su')).toEqual({ name: 'not_found' });
  });

  it('answers anything else with the not-found screen', () => {
    expect(resolveRoute('/toa-soan/khac')).toEqual({ name: 'not_found' });
    expect(resolveRoute('/toa-soan/bai/41/khac')).toEqual({ name: 'not_found' });
    expect(resolveRoute('/')).toEqual({ name: 'not_found' });
  });

  it('titles each screen', () => {
    expect(routeTitle({ name: 'articles' })).toBe('Bài viết');
    expect(routeTitle({ name: 'editor', id: null })).toBe('Viết bài mới');
    expect(routeTitle({ name: 'not_found' })).toBe('Không tìm thấy trang');
  });

  it('keeps the editor one screen from a new piece to its first saved address', () => {
    const before = resolveRoute('/toa-soan/bai/moi');
    const after = resolveRoute('/toa-soan/bai/42');
    expect(screenKey(before, '/toa-soan/bai/moi')).toBe(screenKey(after, '/toa-soan/bai/42'));
    const history = resolveRoute('/toa-soan/bai/42/lich-su');
    expect(screenKey(history, '/toa-soan/bai/42/lich-su')).not.toBe(screenKey(after, '/toa-soan/bai/42'));
  });
});
