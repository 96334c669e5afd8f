// The admin API's shapes, as docs/api.md ("The newsroom API") describes them.

export type Role = 'reporter' | 'editor' | 'secretary' | 'chief' | 'moderator' | 'admin';
export type State = 'draft' | 'submitted' | 'edited' | 'approved' | 'scheduled' | 'published' | 'taken_down';
export type ActionName =
  | 'submit' | 'pass' | 'return' | 'approve' | 'publish' | 'schedule' | 'unschedule'
  | 'correct' | 'take_down' | 'restore';

export interface User {
  id: number;
  username: string;
  display_name: string;
  roles: Role[];
  disabled: boolean;
  created?: string;
  password_changed?: string;
}

/** One stretch of a paragraph: plain, bold, italic, a link, or several of these. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
}

export type Block =
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'heading'; text: string }
  | { type: 'quote'; text: string; cite?: string }
  | { type: 'list'; ordered: boolean; items: Run[][] }
  | { type: 'figure'; image: string; caption: string; credit?: string; alt?: string };

/** What a writer edits: the fields PUT /articles/{id} takes besides `revision`. */
export interface Content {
  title: string;
  lead: string;
  blocks: Block[];
  authors: string[];
  category: string;
  published: string | null;
}

export interface Piece extends Content {
  id: number;
  external_id: string;
  state: State;
  state_label: string;
  returned: boolean;
  revision: number;
  published_revision: number | null;
  created_by: number | null;
  coauthors: number[];
  created: string;
  updated: string;
  updated_by: number | null;
  scheduled_at: string | null;
  slug: string;
  published_at: string | null;
  holder: { user_id?: number | null; roles?: Role[] } | null;
  actions: ActionName[];
  correction?: { note: string; at: string };
  /** Whether the newsroom closed readers' comments on this piece. */
  comments_closed?: boolean;
}

export interface Summary {
  id: number;
  title: string;
  state: State;
  state_label: string;
  returned: boolean;
  category: string;
  authors: string[];
  created_by: number | null;
  updated: string;
  updated_by: number | null;
  scheduled_at: string | null;
  published_at: string | null;
  revision: number;
}

export interface ArticleList {
  articles: Summary[];
  total: number;
  page: number;
  per_page: number;
}

export type QueueName = 'mine' | 'waiting' | 'returned' | 'scheduled' | 'published_today';
export interface Queues {
  queues: Record<QueueName, { count: number; first: Summary[] }>;
}

export interface Revision {
  id: number;
  article_id: number;
  based_on: number | null;
  user_id: number | null;
  username: string;
  at: string;
  kind: 'create' | 'save' | 'autosave' | 'action' | 'import' | 'restore';
  action: string;
  state: State;
  note: string;
  content?: Content;
}

export interface DiffRun {
  kind: 'equal' | 'inserted' | 'deleted';
  text: string;
}
export interface Diff {
  title: DiffRun[];
  lead: DiffRun[];
  blocks: DiffRun[][];
}

export interface Presence {
  present: { user_id: number; username: string; display_name: string; seen: string }[];
}

export interface AuditEntry {
  id: number;
  at: string;
  user_id: number | null;
  username: string;
  address: string;
  action: string;
  article_id: number | null;
  /** A state's name (draft, published…), or null for lines that are not about a piece's state. */
  state_before: string | null;
  state_after: string | null;
  note: string;
  /** What else the line records (e.g. the username a failed login tried), as an object. */
  detail: Record<string, unknown>;
}

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
  page: number;
  per_page: number;
}

export interface Category {
  id: number;
  name: string;
  slug: string;
}

/** A member of the newsroom as anyone on staff may see them (GET /api/v1/admin/people): enabled
 *  users only, for choosing an author or a co-author. */
export interface Person {
  id: number;
  username: string;
  display_name: string;
  roles: Role[];
}

export type Chain = 'full' | 'short';
export interface Settings {
  chain: Chain;
  /** Disallowed words and phrases in readers' comments (a comment holding one waits, flagged). */
  comment_words?: string[];
}

export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'spam';
/** The queue's status filter: a status, or `flagged` (pending with a flag). */
export type CommentStatusFilter = CommentStatus | 'flagged';
export type CommentFlag = 'links' | 'words' | 'reports';
export type CommentAction = 'approve' | 'reject' | 'spam' | 'pin' | 'unpin';
export type BulkCommentAction = 'approve' | 'reject' | 'spam';

/** A reader's comment as moderators see it (GET /api/v1/admin/comments). */
export interface AdminComment {
  id: number;
  article: { id: number; title: string };
  parent_id: number | null;
  name: string;
  email: string;
  address: string;
  /** Plain text as the reader typed it: always shown as text, never as HTML. */
  content: string;
  status: CommentStatus;
  flags: CommentFlag[];
  /** Written by the newsroom (a reply as the paper). */
  newsroom: boolean;
  pinned: boolean;
  edited: boolean;
  likes: number;
  reports: number;
  created: string;
  moderated: string | null;
}

export interface CommentPage {
  comments: AdminComment[];
  total: number;
}

export type BanKind = 'address' | 'email';
export interface CommentBan {
  id: number;
  kind: BanKind;
  value: string;
  until: string;
  reason: string;
  created: string;
}

/** The answer to a login (POST /api/v1/session) and to GET /api/v1/admin/me. */
export interface SignedIn {
  user: User;
  csrf: string;
}
