// The browser tab's title, one per screen: "Bài viết — Tòa soạn".
import { useEffect } from 'react';

export const PAPER_NAME = 'Tòa soạn';

export function pageTitle(screen: string): string {
  return screen ? `${screen} — ${PAPER_NAME}` : PAPER_NAME;
}

/** Sets the tab's title while the screen is shown. The shell sets a default per route in a
 *  layout effect, which runs before any screen's passive effect: a screen calling this
 *  (the editor, with the piece's own title) always has the last word. */
export function useTitle(screen: string): void {
  useEffect(() => {
    document.title = pageTitle(screen);
  }, [screen]);
}
