// One change to an account (PATCH /api/v1/admin/users/{id}) with its own outcome, so each of
// the editor's small forms says what happened to it and nothing else.
import { useState } from 'react';
import { patch, type ApiError, type FieldErrors } from '../api/client';
import type { Role, User } from '../api/types';
import { asApiError } from '../ui/errors';
import { formFieldErrors } from './userRules';

export interface UserChange {
  display_name?: string;
  roles?: Role[];
  disabled?: boolean;
  password?: string;
}

export interface UserPatch {
  sending: boolean;
  /** "Đã lưu…" after a change went through. */
  done: string;
  /** A refusal tied to no field (403, a conflict, offline). */
  error: ApiError | null;
  /** The server's sentences by field: display_name, roles, disabled, password. */
  fields: FieldErrors;
  /** Refuses locally with `fields` (the form's own checks), clearing what came before. */
  refuse: (fields: FieldErrors) => void;
  send: (change: UserChange, doneText: string) => Promise<boolean>;
}

export function useUserPatch(id: number, onSaved: (user: User) => void): UserPatch {
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});

  const refuse = (f: FieldErrors) => {
    setDone('');
    setError(null);
    setFields(f);
  };

  const send = async (change: UserChange, doneText: string) => {
    if (sending) return false;
    setSending(true);
    refuse({});
    try {
      const user = await patch<User>(`/api/v1/admin/users/${id}`, change);
      setDone(doneText);
      onSaved(user);
      return true;
    } catch (err) {
      const e = asApiError(err);
      const f = formFieldErrors(e.fields);
      setFields(f);
      if (Object.keys(f).length === 0) setError(e);
      return false;
    } finally {
      setSending(false);
    }
  };

  return { sending, done, error, fields, refuse, send };
}
