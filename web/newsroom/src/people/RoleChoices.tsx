// The roles of an account as checkboxes, in the newsroom's words, with the error for the group.
import { useId } from 'react';
import { ROLE_LABELS } from '../api/labels';
import type { Role } from '../api/types';

const ROLES = Object.entries(ROLE_LABELS) as [Role, string][];

export interface RoleChoicesProps {
  legend: string;
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: string | null;
}

export function RoleChoices({ legend, value, onChange, error }: RoleChoicesProps) {
  const id = useId();
  const toggle = (role: Role, on: boolean) =>
    // Kept in the table's order, whatever order they were ticked in.
    onChange(ROLES.map(([r]) => r).filter((r) => (r === role ? on : value.includes(r))));
  return (
    <fieldset
      className={['choices', 'choices-inline', error ? 'field-invalid' : ''].filter(Boolean).join(' ')}
      aria-describedby={error ? `${id}-loi` : undefined}
    >
      <legend>{legend}</legend>
      {ROLES.map(([role, label]) => (
        <div className="choice" key={role}>
          <input
            type="checkbox"
            id={`${id}-${role}`}
            checked={value.includes(role)}
            onChange={(e) => toggle(role, e.target.checked)}
          />
          <label htmlFor={`${id}-${role}`}>{label}</label>
        </div>
      ))}
      {error && (
        <p className="field-error" id={`${id}-loi`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
