// A library photo for the tests, as the server answers one (docs/api.md, "Photos"). Test code only.
import type { Photo } from './api';

export function photo(id: number, over: Partial<Photo> = {}): Photo {
  const hash = `3f${String(id).padStart(6, '0')}`;
  const v = (slot: string, width: number, format: 'jpeg' | 'webp') => ({
    slot,
    format,
    width,
    height: (width * 3) / 4,
    url: `/media/anh/3f/${hash}-${slot}.${format === 'jpeg' ? 'jpg' : 'webp'}`,
  });
  return {
    id,
    hash,
    type: 'jpeg',
    width: 2000,
    height: 1500,
    bytes: 841263,
    filename: `anh-${id}.jpg`,
    caption: '',
    credit: '',
    alt: '',
    uploaded: '2026-12-05T03:32:00Z',
    uploaded_by: { id: 3, name: 'Phóng Viên Một' },
    variants: [v('480', 480, 'webp'), v('480', 480, 'jpeg'), v('960', 960, 'jpeg'), v('1600', 1600, 'webp'), v('1600', 1600, 'jpeg')],
    social: `/media/anh/3f/${hash}-social.jpg`,
    ...over,
  };
}
