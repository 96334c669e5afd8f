// The newsroom's people and categories (GET /api/v1/admin/people and /categories, open to all
// staff), fetched once per app load and shared by every screen: the filters' choices, the
// editor's categories, the names beside revisions and notes. A list the server will not give
// (no connection) is empty and asked for again by the next screen: names then fall back to
// usernames and ids, and a filter offers "all" only.
import { useEffect, useState } from 'react';
import { get } from '../api/client';
import type { Category, Person } from '../api/types';

const listPeople = () => get<{ people: Person[] }>('/api/v1/admin/people');
const listCategories = () => get<{ categories: Category[] }>('/api/v1/admin/categories');

let people: Promise<Person[]> | null = null;
let categories: Promise<Category[]> | null = null;

function cached<T>(get: () => Promise<T[]>, slot: 'people' | 'categories'): Promise<T[]> {
  const p = get().catch(() => {
    // Not kept: the next screen asks again (the connection may be back).
    if (slot === 'people') people = null;
    else categories = null;
    return [] as T[];
  });
  return p;
}

export function usePeople(): Person[] {
  const [list, setList] = useState<Person[]>([]);
  useEffect(() => {
    let live = true;
    people ??= cached(() => listPeople().then((r) => r.people), 'people');
    void people.then((l) => live && setList(l));
    return () => {
      live = false;
    };
  }, []);
  return list;
}

export function useCategories(): Category[] {
  const [list, setList] = useState<Category[]>([]);
  useEffect(() => {
    let live = true;
    categories ??= cached(() => listCategories().then((r) => r.categories), 'categories');
    void categories.then((l) => live && setList(l));
    return () => {
      live = false;
    };
  }, []);
  return list;
}

/** A person's name by id: their display name, else "người dùng #id". */
export function nameById(list: Person[], id: number | null | undefined): string {
  if (id === null || id === undefined) return 'không rõ';
  return list.find((p) => p.id === id)?.display_name || `người dùng #${id}`;
}

/** A person's name by username: their display name, else the username. */
export function nameByUsername(list: Person[], username: string): string {
  return list.find((p) => p.username === username)?.display_name || username;
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
