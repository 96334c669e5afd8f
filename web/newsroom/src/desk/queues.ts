// The front page's five queues: their headings, what each piece line shows, and the full list
// each opens (as list filters).
import type { QueueName, Role, State, User } from '../api/types';
import type { ListFilters } from './listFilters';

export interface QueueView {
  name: QueueName;
  heading: string;
  /** The link to the whole queue in the list; its text names the queue so links stay distinct. */
  more: { text: string; filters: Partial<ListFilters> }[];
  /** Which time a line shows besides the last change. */
  when?: 'scheduled' | 'published';
}

// Whose turn each state is, as src/newsroom/permissions.cpp (waiting_on) decides it: the
// lowest role that may take the piece's next step forward. Under either chain. The server
// counts "waiting" over all of them at once; the list filters one state at a time.
const WAITS_ON: { role: Role; state: State }[] = [
  { role: 'editor', state: 'submitted' },
  { role: 'secretary', state: 'edited' },
  { role: 'chief', state: 'approved' },
];

/** The states of pieces waiting on one of `roles`. */
export function waitingStates(roles: Role[]): State[] {
  return WAITS_ON.filter((w) => roles.includes(w.role)).map((w) => w.state);
}

const WAITING_LINK: Partial<Record<State, string>> = {
  submitted: 'Xem tất cả bài chờ biên tập',
  edited: 'Xem tất cả bài chờ thư ký duyệt',
  approved: 'Xem tất cả bài chờ xuất bản',
};

export function queueViews(user: User): QueueView[] {
  const me = String(user.id);
  return [
    {
      name: 'mine',
      heading: 'Bài của tôi',
      more: [{ text: 'Xem tất cả bài của tôi', filters: { state: 'draft', author: me } }],
    },
    {
      name: 'waiting',
      heading: 'Chờ tôi xử lý',
      more: waitingStates(user.roles).map((state) => ({ text: WAITING_LINK[state]!, filters: { state } })),
    },
    {
      name: 'returned',
      heading: 'Bị trả lại',
      more: [{ text: 'Xem tất cả bài bị trả lại', filters: { state: 'returned', author: me } }],
    },
    {
      name: 'scheduled',
      heading: 'Đã hẹn giờ',
      more: [{ text: 'Xem tất cả bài đã hẹn giờ', filters: { state: 'scheduled' } }],
      when: 'scheduled',
    },
    {
      name: 'published_today',
      heading: 'Xuất bản hôm nay',
      more: [{ text: 'Xem tất cả bài đã xuất bản', filters: { state: 'published' } }],
      when: 'published',
    },
  ];
}
