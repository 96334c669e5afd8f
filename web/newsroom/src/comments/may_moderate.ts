// Who moderates readers' comments (docs/api.md, "Comments and moderation"): the moderator role,
// editors, secretaries and the chief. An admin alone does not (admins set the disallowed
// words). Kept apart from the screens so the navigation can ask without loading them.
import type { User } from '../api/types';
import { hasRole } from '../session/session';

export function mayModerate(user: User | null): boolean {
  return hasRole(user, 'moderator', 'editor', 'secretary', 'chief');
}
