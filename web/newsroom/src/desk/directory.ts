// The newsroom's people and categories, for filters' choices (GET /api/v1/admin/people and
// /categories, open to all staff). A list that fails to load leaves its filter with "all" only:
// the screen still works, it only narrows less.
import type { Category, Person } from '../api/types';
import { useApi } from '../ui/useApi';

export function usePeople(): Person[] {
  return useApi<{ people: Person[] }>('/api/v1/admin/people').data?.people ?? [];
}

export function useCategories(): Category[] {
  return useApi<{ categories: Category[] }>('/api/v1/admin/categories').data?.categories ?? [];
}

/** Options for a select of ids: the known ones by name, plus the chosen id when it is not
 *  among them (a disabled author in a shared link), so the select shows what filters the list. */
export function idOptions<T extends { id: number }>(
  items: T[],
  name: (item: T) => string,
  chosen: string,
  unknown: (id: string) => string,
): { value: string; label: string }[] {
  const out = items.map((i) => ({ value: String(i.id), label: name(i) }));
  if (chosen && !out.some((o) => o.value === chosen)) out.push({ value: chosen, label: unknown(chosen) });
  return out;
}
