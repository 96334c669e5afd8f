// Between a library photo and a figure block. A figure names its photo by its widest JPEG
// variant's path under /media/ ("anh/3f/<hash>-1600.jpg") and carries the photo's own size, from
// which the article page makes its srcset; the editor shows the small variant of the same photo.
// An image that is no variant path (an old imported path, an address) is left as it is.
import type { Photo } from './api';

const VARIANT = /^anh\/([0-9a-f]{2})\/([0-9a-f]+)-(?:480|960|1600|social)\.(?:jpg|webp)$/;

/** The 480-pixel JPEG of a figure's photo, or null when its image is not an uploaded variant. */
export function previewUrl(image: string): string | null {
  const m = VARIANT.exec(image);
  return m ? `/media/anh/${m[1]}/${m[2]}-480.jpg` : null;
}

/** A photo's widest JPEG variant, as a figure's image (without the leading /media/). */
export function figureImage(photo: Photo): string {
  const jpegs = photo.variants.filter((v) => v.format === 'jpeg');
  const widest = jpegs.reduce<(typeof jpegs)[number] | null>((w, v) => (!w || v.width > w.width ? v : w), null);
  return widest ? widest.url.replace(/^\/media\//, '') : '';
}

export interface FigurePhotoAttrs {
  image: string;
  width: number | null;
  height: number | null;
  caption: string;
  credit: string;
  alt: string;
}

type FigureText = Pick<FigurePhotoAttrs, 'caption' | 'credit' | 'alt'>;

/**
 * The attributes a figure takes when `photo` is chosen for it: the photo, and the library's
 * caption, credit and alt as a start. What the writer already typed in a field the library has
 * nothing for stays (a word typed is never lost to a photo being chosen).
 */
export function figureFromPhoto(photo: Photo, typed: Partial<FigureText> = {}): FigurePhotoAttrs {
  const pick = (lib: string, own: string | undefined) => (lib.trim() ? lib : (own ?? ''));
  return {
    image: figureImage(photo),
    width: photo.width > 0 ? photo.width : null,
    height: photo.height > 0 ? photo.height : null,
    caption: pick(photo.caption ?? '', typed.caption),
    credit: pick(photo.credit ?? '', typed.credit),
    alt: pick(photo.alt ?? '', typed.alt),
  };
}

/** A photo's 480 JPEG for a thumbnail (the smallest JPEG there is). */
export function thumbnailUrl(photo: Photo): string {
  const jpegs = photo.variants.filter((v) => v.format === 'jpeg').sort((a, b) => a.width - b.width);
  return jpegs[0]?.url ?? '';
}
