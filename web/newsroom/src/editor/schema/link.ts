// A link (a run's "link"): only http, https and mailto addresses, the ones the server keeps;
// a pasted <a> with any other href (javascript:, a relative path) parses as plain text.
// Mod-K asks the page for an address (the page's own dialog) through onRequestLink.
import { Mark } from '@tiptap/core';
import { allowedLink } from '../link';

export interface LinkOptions {
  onRequestLink: () => void;
}

export const Link = Mark.create<LinkOptions>({
  name: 'link',
  inclusive: false,
  excludes: 'link',
  addOptions() {
    return { onRequestLink: () => {} };
  },
  addAttributes() {
    return { href: { default: '' } };
  },
  parseHTML() {
    return [
      {
        tag: 'a[href]',
        getAttrs: (el) => {
          const href = (el as HTMLElement).getAttribute('href')?.trim() ?? '';
          return allowedLink(href) ? { href } : false;
        },
      },
    ];
  },
  renderHTML({ HTMLAttributes }) {
    // rel: a link in the editor is never followed from it, but one copied out should not
    // carry the newsroom's address as referrer.
    return ['a', { href: HTMLAttributes.href, rel: 'noopener noreferrer nofollow' }, 0];
  },
  addKeyboardShortcuts() {
    return {
      'Mod-k': () => {
        this.options.onRequestLink();
        return true;
      },
    };
  },
});
