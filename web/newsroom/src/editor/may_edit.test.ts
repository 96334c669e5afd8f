import { describe, expect, it } from 'vitest';
import type { Role, State, User } from '../api/types';
import { mayEdit } from './may_edit';

const user = (id: number, ...roles: Role[]): User => ({ id, username: 'u', display_name: 'U', roles, disabled: false });
const piece = (state: State, created_by = 5, coauthors: number[] = []) => ({ state, created_by, coauthors });

describe('mayEdit', () => {
  it('follows the table of docs/newsroom.md', () => {
    expect(mayEdit(piece('draft'), user(5, 'reporter'))).toBe(true);
    expect(mayEdit(piece('draft', 6, [5]), user(5, 'reporter'))).toBe(true);
    expect(mayEdit(piece('draft'), user(6, 'reporter'))).toBe(false);
    expect(mayEdit(piece('draft'), user(6, 'editor'))).toBe(false);
    expect(mayEdit(piece('draft'), user(6, 'chief'))).toBe(true);
    expect(mayEdit(piece('submitted'), user(5, 'reporter'))).toBe(false);
    expect(mayEdit(piece('submitted'), user(6, 'editor'))).toBe(true);
    expect(mayEdit(piece('approved'), user(6, 'editor'))).toBe(false);
    expect(mayEdit(piece('approved'), user(6, 'secretary'))).toBe(true);
    expect(mayEdit(piece('published'), user(6, 'secretary'))).toBe(false);
    expect(mayEdit(piece('published'), user(6, 'chief'))).toBe(true);
    expect(mayEdit(piece('draft'), user(5, 'admin'))).toBe(false);
    expect(mayEdit(piece('submitted'), user(6, 'admin', 'editor'))).toBe(true);
    expect(mayEdit(piece('draft'), null)).toBe(false);
  });
});
