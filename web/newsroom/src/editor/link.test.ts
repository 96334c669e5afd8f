import { describe, expect, it } from 'vitest';
import { allowedLink } from './link';

describe('allowedLink', () => {
  it.each([
    'https://baodoimay.vn/thoi-su/',
    'HTTP://example.com',
    'mailto:toasoan@baodoimay.vn',
    'https://vi.wikipedia.org/wiki/Hà_Nội',
  ])('takes %s', (href) => expect(allowedLink(href)).toBe(true));

  it.each([
    ['javascript:alert(1)'],
    ['data:text/html,x'],
    ['/thoi-su/bai-viet.html'],
    ['https://'],
    ['mailto:'],
    ['https://a.vn/có khoảng trắng'],
    ['https://a.vn/\u200bẩn'],
    [' https://a.vn/'],
    ['https://a.vn/' + 'a'.repeat(2000)],
  ])('refuses %s', (href) => expect(allowedLink(href)).toBe(false));
});
