// The article list's filters live in the address ("/toa-soan/bai?state=submitted&q=bão"), so a
// filtered list can be shared, reloaded and returned to with the back button. This converts
// between the address, the filters and the API's query.
import type { State } from '../api/types';
import { STATE_LABELS } from '../api/labels';
import { query } from '../api/client';
import { paths } from '../app/paths';

/** A state, or "returned" (drafts sent back to their author), as the API's `state` filter. */
export type StateFilter = State | 'returned';
export type SortOrder = 'newest' | 'oldest';

export interface ListFilters {
  state: StateFilter | '';
  /** A user id (created or co-authored), as text: it only goes back into addresses. */
  author: string;
  /** A category id, as text. */
  category: string;
  /** As typed (spaces and all): the search field shows exactly this. */
  q: string;
  sort: SortOrder;
  page: number;
}

export const PER_PAGE = 20;

export const NO_FILTERS: ListFilters = { state: '', author: '', category: '', q: '', sort: 'newest', page: 1 };

const STATE_FILTERS = new Set<string>([...Object.keys(STATE_LABELS), 'returned']);
const ID = /^[1-9][0-9]{0,9}$/;

/** Reads the filters from an address's query ("?state=draft&page=2" or without the "?").
 *  Anything unknown or malformed is dropped, so a mangled link still opens a list. */
export function parseListFilters(search: string): ListFilters {
  const p = new URLSearchParams(search);
  const state = p.get('state') ?? '';
  const author = p.get('author') ?? '';
  const category = p.get('category') ?? '';
  const page = Number(p.get('page') ?? '1');
  return {
    state: STATE_FILTERS.has(state) ? (state as StateFilter) : '',
    author: ID.test(author) ? author : '',
    category: ID.test(category) ? category : '',
    q: p.get('q') ?? '',
    sort: p.get('sort') === 'oldest' ? 'oldest' : 'newest',
    page: Number.isInteger(page) && page >= 1 && page <= 100000 ? page : 1,
  };
}

/** The address's query for `f`, leaving out what is the default: "?state=draft&page=2". */
export function listSearch(f: Partial<ListFilters>): string {
  return query({
    state: f.state,
    author: f.author,
    category: f.category,
    q: f.q,
    sort: f.sort === 'oldest' ? 'oldest' : undefined,
    page: f.page && f.page > 1 ? f.page : undefined,
  });
}

/** The list's address for `f`: "/toa-soan/bai?state=draft". */
export function listHref(f: Partial<ListFilters>): string {
  return paths.articles + listSearch(f);
}

/** GET /api/v1/admin/articles for `f`, PER_PAGE to a page. */
export function listApiPath(f: ListFilters): string {
  return (
    '/api/v1/admin/articles' +
    query({
      state: f.state,
      author: f.author,
      category: f.category,
      q: f.q.trim(),
      sort: f.sort === 'oldest' ? 'updated' : '-updated',
      page: f.page,
      per_page: PER_PAGE,
    })
  );
}

/** Whether anything narrows the list (the empty state then offers to clear the filters). */
export function isFiltered(f: ListFilters): boolean {
  return f.state !== '' || f.author !== '' || f.category !== '' || f.q.trim() !== '';
}
