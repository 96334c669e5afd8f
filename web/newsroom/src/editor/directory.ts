// The people and categories the editor names, fetched once per app load and shared by every
// screen of the editor. A list the server will not give (a role without the right, no
// connection) is empty: names then fall back to usernames and ids.
import { useEffect, useState } from 'react';
import type { Category } from '../api/types';
import { listCategories, listPeople, type Person } from './api';

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
