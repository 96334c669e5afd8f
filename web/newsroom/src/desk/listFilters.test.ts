import { describe, expect, it } from 'vitest';
import { NO_FILTERS, isFiltered, listApiPath, listHref, listSearch, parseListFilters, type ListFilters } from './listFilters';

describe('article list filters and the address', () => {
  it('reads an empty address as no filters', () => {
    expect(parseListFilters('')).toEqual(NO_FILTERS);
    expect(listSearch(NO_FILTERS)).toBe('');
    expect(listHref(NO_FILTERS)).toBe('/toa-soan/bai');
  });

  it('goes to the address and back unchanged', () => {
    const f: ListFilters = { state: 'returned', author: '5', category: '12', q: 'nghị quyết ', sort: 'oldest', page: 3 };
    const search = listSearch(f);
    expect(search).toBe('?state=returned&author=5&category=12&q=ngh%E1%BB%8B+quy%E1%BA%BFt+&sort=oldest&page=3');
    expect(parseListFilters(search)).toEqual(f);
  });

  it('leaves the defaults out of the address', () => {
    expect(listSearch({ ...NO_FILTERS, state: 'draft' })).toBe('?state=draft');
    expect(listSearch({ ...NO_FILTERS, page: 1, sort: 'newest' })).toBe('');
  });

  it('drops what it does not know from a mangled link', () => {
    expect(parseListFilters('?state=lost&author=abc&category=-1&page=0&sort=sideways')).toEqual(NO_FILTERS);
    expect(parseListFilters('?page=2.5').page).toBe(1);
    expect(parseListFilters('?state=taken_down').state).toBe('taken_down');
  });

  it('asks the API with its own names, trimmed, 20 to a page', () => {
    expect(listApiPath(NO_FILTERS)).toBe('/api/v1/admin/articles?sort=-updated&page=1&per_page=20');
    expect(listApiPath({ ...NO_FILTERS, q: '  bão  ', sort: 'oldest', state: 'submitted', page: 2 })).toBe(
      '/api/v1/admin/articles?state=submitted&q=b%C3%A3o&sort=updated&page=2&per_page=20',
    );
  });

  it('knows when the list is narrowed', () => {
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, q: '   ' })).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, author: '3' })).toBe(true);
    expect(isFiltered({ ...NO_FILTERS, sort: 'oldest', page: 4 })).toBe(false);
  });
});
