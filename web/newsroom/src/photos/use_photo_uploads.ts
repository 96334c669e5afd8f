// The editor's photo uploads: an UploadQueue whose photos become figures in the body. A pick
// (or a drop) remembers where it goes; that place follows the document as the writer goes on
// typing (mapped through every change), and the batch's figures go there one after the other,
// in the order picked. The writer's cursor is not moved by a figure arriving.
import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { announceExpired } from '../api/client';
import { whenSignedIn } from '../session/session';
import { uploadPhoto, type Photo } from './api';
import { figureFromPhoto } from './figure_photo';
import { UploadQueue, type UploadLine } from './upload_queue';

/** Where a batch's photos go: before or after the block at `pos`, or into the figure there. */
export interface PhotoTarget {
  pos: number;
  /** The figure at pos takes the photo (its "Đổi ảnh"), instead of a new figure. */
  intoFigure: boolean;
}

/** The top-level position a figure for `pos` goes to: before the block when at its very start,
 *  else after it (a figure is a block of the body, never inside a paragraph or a list). */
export function figureSlot(editor: Editor, pos: number): number {
  const doc = editor.state.doc;
  const $p = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)));
  if ($p.depth === 0) return $p.pos;
  const atStart = $p.parent.isTextblock && $p.parentOffset === 0 && $p.depth === 1;
  return atStart ? $p.before(1) : $p.after(1);
}

/** Puts `photo` into the figure at `pos`, keeping what was typed where the library has nothing. */
export function setFigurePhoto(editor: Editor, pos: number, photo: Photo): boolean {
  const node = editor.state.doc.nodeAt(pos);
  if (!node || node.type.name !== 'figure') return false;
  const attrs = { ...node.attrs, ...figureFromPhoto(photo, node.attrs) };
  editor.view.dispatch(editor.state.tr.setNodeMarkup(pos, undefined, attrs));
  return true;
}

/** Adds a figure for `photo` at `target` and moves the target past it, for the next one. */
export function placePhoto(editor: Editor, target: PhotoTarget, photo: Photo): void {
  if (editor.isDestroyed) return;
  if (target.intoFigure) {
    target.intoFigure = false;
    if (setFigurePhoto(editor, target.pos, photo)) {
      target.pos += editor.state.doc.nodeAt(target.pos)!.nodeSize;
      return;
    }
  }
  const at = figureSlot(editor, target.pos);
  const node = editor.schema.nodes.figure.create(figureFromPhoto(photo));
  editor.view.dispatch(editor.state.tr.insert(at, node));
  target.pos = at + node.nodeSize;
}

export interface PhotoUploads {
  lines: UploadLine[];
  busy: boolean;
  upload: (files: File[], target: PhotoTarget) => void;
  retry: (key: number) => void;
  clearFinished: () => void;
}

export function usePhotoUploads(editor: Editor): PhotoUploads {
  const [lines, setLines] = useState<UploadLine[]>([]);
  const targets = useRef(new Set<PhotoTarget>());
  const queue = useRef<UploadQueue<PhotoTarget> | null>(null);
  if (!queue.current) {
    queue.current = new UploadQueue<PhotoTarget>(
      {
        send: (file, onProgress) => uploadPhoto(file, onProgress),
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
        signedIn: whenSignedIn,
        expired: announceExpired,
      },
      setLines,
      (target, photo) => placePhoto(editor, target, photo),
    );
  }

  useEffect(() => {
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean; mapping: { map: (p: number, assoc?: number) => number } } }) => {
      if (!transaction.docChanged) return;
      // Anything put in exactly at a waiting place pushes it on: a new figure goes after what
      // was typed there, and a figure being given its photo is still found at its start.
      for (const t of targets.current) t.pos = transaction.mapping.map(t.pos, 1);
    };
    editor.on('transaction', onTransaction);
    return () => {
      editor.off('transaction', onTransaction);
    };
  }, [editor]);

  const upload = useCallback((files: File[], target: PhotoTarget) => {
    if (!queue.current!.busy()) targets.current.clear();
    targets.current.add(target);
    queue.current!.add(files, target);
  }, []);

  return {
    lines,
    busy: lines.some((l) => l.status !== 'done' && l.status !== 'failed'),
    upload,
    retry: useCallback((key: number) => queue.current!.retry(key), []),
    clearFinished: useCallback(() => queue.current!.clearFinished(), []),
  };
}
