// Bullet and numbered lists (our "list" block): items hold one paragraph each and lists do not
// nest, since the format has neither. A numbered list always counts from one (the format has
// no start), so the editor keeps no start number either.
import { BulletList, ListItem, ListKeymap, OrderedList } from '@tiptap/extension-list';

export const Item = ListItem.extend({
  content: 'paragraph',
  addKeyboardShortcuts() {
    // No Tab/Shift-Tab: there is no deeper level to move an item to, and Tab stays the key
    // that leaves the editor.
    return { Enter: () => this.editor.commands.splitListItem(this.name) };
  },
});

export const Numbered = OrderedList.extend({
  addAttributes() {
    return {};
  },
  renderHTML() {
    return ['ol', 0];
  },
});

export const listExtensions = [BulletList, Numbered, Item, ListKeymap];
