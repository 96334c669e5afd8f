// The article list's filters. Each change goes to the address (a choice adds a history entry,
// so back undoes it; typing replaces the entry, so back does not replay every letter) and
// the list follows the address.
import { useEffect, useState } from 'react';
import { STATE_LABELS } from '../api/labels';
import type { State } from '../api/types';
import { navigate } from '../app/router';
import { Field } from '../ui/Field';
import { idOptions, useCategories, usePeople } from '../ui/directory';
import { isFiltered, listHref, NO_FILTERS, type ListFilters, type StateFilter } from './listFilters';

const STATES = Object.entries(STATE_LABELS) as [State, string][];

export function ListFilterForm({ filters }: { filters: ListFilters }) {
  const people = usePeople();
  const categories = useCategories();
  // The field keeps its own text while typing; the address catches up on each keystroke and
  // sets it back when it changes by itself (back, a link).
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);

  const go = (change: Partial<ListFilters>, replace = false) =>
    navigate(listHref({ ...filters, ...change, page: 1 }), replace);

  const authors = idOptions(people, (p) => p.display_name, filters.author, (id) => `Người dùng số ${id}`);
  const cats = idOptions(categories, (c) => c.name, filters.category, (id) => `Chuyên mục số ${id}`);

  return (
    <form className="filters" role="search" aria-label="Lọc bài viết" onSubmit={(e) => e.preventDefault()}>
      <Field label="Tìm trong tiêu đề và sapo" className="filters-wide">
        {(control) => (
          <input
            {...control}
            type="search"
            name="q"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              go({ q: e.target.value }, true);
            }}
          />
        )}
      </Field>
      <Field label="Trạng thái">
        {(control) => (
          <select {...control} value={filters.state} onChange={(e) => go({ state: e.target.value as StateFilter | '' })}>
            <option value="">Tất cả trạng thái</option>
            {STATES.map(([state, label]) => (
              <option key={state} value={state}>
                {label}
              </option>
            ))}
            <option value="returned">Bị trả lại</option>
          </select>
        )}
      </Field>
      <Field label="Tác giả">
        {(control) => (
          <select {...control} value={filters.author} onChange={(e) => go({ author: e.target.value })}>
            <option value="">Tất cả tác giả</option>
            {authors.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Chuyên mục">
        {(control) => (
          <select {...control} value={filters.category} onChange={(e) => go({ category: e.target.value })}>
            <option value="">Tất cả chuyên mục</option>
            {cats.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Sắp xếp">
        {(control) => (
          <select
            {...control}
            value={filters.sort}
            onChange={(e) => go({ sort: e.target.value === 'oldest' ? 'oldest' : 'newest' })}
          >
            <option value="newest">Mới cập nhật trước</option>
            <option value="oldest">Cập nhật cũ trước</option>
          </select>
        )}
      </Field>
      {isFiltered(filters) && (
        <div className="filters-actions">
          <button type="button" className="button" onClick={() => navigate(listHref({ ...NO_FILTERS, sort: filters.sort }))}>
            Xóa bộ lọc
          </button>
        </div>
      )}
    </form>
  );
}
