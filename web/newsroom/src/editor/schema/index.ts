// The body's schema: exactly the blocks and marks of docs/import-format.md (paragraph, heading,
// quote, bullet and numbered list, figure; bold, italic, link) and nothing else, so whatever is
// typed or pasted can be saved as it is shown. No strike, underline, code, images, tables or
// line breaks: the format has none and a reader would never see them.
import type { AnyExtension } from '@tiptap/core';
import Bold from '@tiptap/extension-bold';
import Document from '@tiptap/extension-document';
import Italic from '@tiptap/extension-italic';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { Gapcursor, TrailingNode, UndoRedo } from '@tiptap/extensions';
import { Figure } from './figure';
import { Heading } from './heading';
import { Link } from './link';
import { listExtensions } from './lists';
import { OneBreak } from './one_break';
import { Quote } from './quote';

export interface BodySchemaOptions {
  /** Called for Mod-K: the page asks for an address. */
  onRequestLink?: () => void;
  /** A figure's "Chọn ảnh" / "Đổi ảnh": the page opens the photo library for it. */
  onPickPhoto?: (pos: number) => void;
  /** Undo history and the cursor beside figures: for the editor, not for parsing in tests. */
  interactive?: boolean;
}

export function bodyExtensions(options: BodySchemaOptions = {}): AnyExtension[] {
  const schema: AnyExtension[] = [
    Document,
    Text,
    Paragraph,
    Heading,
    Quote,
    Figure.configure({ onPickPhoto: options.onPickPhoto ?? null }),
    ...listExtensions,
    Bold,
    Italic,
    Link.configure({ onRequestLink: options.onRequestLink ?? (() => {}) }),
    OneBreak,
  ];
  if (options.interactive) schema.push(UndoRedo, Gapcursor, TrailingNode);
  return schema;
}
