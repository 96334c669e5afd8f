// A library photo as a figure: its widest JPEG, its own size, the library's words where it has
// some and the writer's own where it has none; and the small variant the editor shows.
import { describe, expect, it } from 'vitest';
import { figureFromPhoto, figureImage, previewUrl, thumbnailUrl } from './figure_photo';
import { photo } from './testing_photo';

describe('a photo as a figure', () => {
  it('names the widest JPEG without /media/ and carries the photo’s own size', () => {
    const p = photo(1, { caption: 'Quang cảnh hội nghị', credit: 'Đỗ Hùng', alt: 'Hội trường đông người' });
    expect(figureFromPhoto(p)).toEqual({
      image: 'anh/3f/3f000001-1600.jpg',
      width: 2000,
      height: 1500,
      caption: 'Quang cảnh hội nghị',
      credit: 'Đỗ Hùng',
      alt: 'Hội trường đông người',
    });
  });

  it('takes a small photo’s one variant', () => {
    const p = photo(2, { width: 300, height: 200, variants: [{ slot: '480', format: 'jpeg', width: 300, height: 200, url: '/media/anh/3f/ab-480.jpg' }] });
    expect(figureImage(p)).toBe('anh/3f/ab-480.jpg');
  });

  it('keeps what the writer typed where the library has nothing, and takes the library’s words elsewhere', () => {
    const p = photo(3, { caption: 'Chú thích thư viện', credit: '', alt: '' });
    const a = figureFromPhoto(p, { caption: 'Chú thích gõ', credit: 'Huy Thành', alt: '' });
    expect([a.caption, a.credit, a.alt]).toEqual(['Chú thích thư viện', 'Huy Thành', '']);
  });
});

describe('the editor’s preview of a figure', () => {
  it('is the 480 JPEG of an uploaded variant, whichever variant the figure names', () => {
    expect(previewUrl('anh/3f/3fa9c2-1600.jpg')).toBe('/media/anh/3f/3fa9c2-480.jpg');
    expect(previewUrl('anh/3f/3fa9c2-960.webp')).toBe('/media/anh/3f/3fa9c2-480.jpg');
  });

  it('is none for an imported path or an address, which are shown as they are', () => {
    expect(previewUrl('2022/12/hoi-nghi.jpg')).toBeNull();
    expect(previewUrl('https://example.com/anh/3f/3fa9c2-1600.jpg')).toBeNull();
    expect(previewUrl('anh/3f/../../etc-1600.jpg')).toBeNull();
  });

  it('thumbnails a library photo by its smallest JPEG', () => {
    expect(thumbnailUrl(photo(4))).toBe('/media/anh/3f/3f000004-480.jpg');
  });
});
