// A modal dialog: the page behind stays mounted exactly as it was but cannot be reached (it is
// made inert), focus moves into the dialog and Tab cycles inside it, and when the dialog closes
// focus goes back to where it was — into the editor's text, mid-sentence, if that is where
// the writer was.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export interface DialogProps {
  title: ReactNode;
  children: ReactNode;
  /** Escape closes the dialog only when given; a dialog that must be answered leaves it out. */
  onClose?: () => void;
  className?: string;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]):not([hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

// Dialogs open over each other (the editor's, then the expired session's): only the top one
// traps the keyboard, and the app stays inert until the last one closes.
const stack: HTMLElement[] = [];

function setAppInert(inert: boolean) {
  const root = document.getElementById('root');
  if (root) root.inert = inert;
}

export function Dialog({ title, children, onClose, className }: DialogProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  // Read while rendering, before the commit makes the app inert and the browser drops focus.
  const [returnTo] = useState(() => document.activeElement as HTMLElement | null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const box = ref.current!;
    stack.push(box);
    setAppInert(true);
    const first = box.querySelector<HTMLElement>('[data-autofocus]') ?? box.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? box).focus();

    const onKey = (e: KeyboardEvent) => {
      if (stack[stack.length - 1] !== box) return;
      if (e.key === 'Escape' && onCloseRef.current) {
        e.preventDefault();
        onCloseRef.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = Array.from(box.querySelectorAll<HTMLElement>(FOCUSABLE));
      if (items.length === 0) {
        e.preventDefault();
        return;
      }
      const head = items[0];
      const tail = items[items.length - 1];
      const here = document.activeElement;
      if (e.shiftKey && (here === head || !box.contains(here))) {
        e.preventDefault();
        tail.focus();
      } else if (!e.shiftKey && (here === tail || !box.contains(here))) {
        e.preventDefault();
        head.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      stack.splice(stack.indexOf(box), 1);
      if (stack.length === 0) setAppInert(false);
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, [returnTo]);

  return createPortal(
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className={['dialog', className ?? ''].filter(Boolean).join(' ')}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
