-- Readers' comments (store/comments.hpp). The same tables, columns and indexes as
-- migrations/postgres/0008_comments.sql (a store test compares the two schemas); flags and
-- 0-or-1 columns are stored alike on both, so both engines read them alike.
--
-- Each article keeps how many approved comments it has (replies included), so lists show the
-- count without counting; the store moves it with every comment that enters or leaves approved.
ALTER TABLE articles ADD COLUMN comment_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN comments_closed INTEGER NOT NULL DEFAULT 0;  -- 0 or 1

-- Ids only grow (AUTOINCREMENT): an erased reader's ids are never given again, so a reader's
-- open page or live stream never takes a new comment for one it showed.
CREATE TABLE comments (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  parent_id     INTEGER REFERENCES comments(id) ON DELETE CASCADE,  -- NULL: top level
  name          TEXT NOT NULL,
  email         TEXT NOT NULL DEFAULT '',   -- lower case; '' when none given, or erased
  address       TEXT NOT NULL DEFAULT '',   -- '' when erased
  content       TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'spam')),
  flags         TEXT NOT NULL DEFAULT '',   -- "links,reports": why a moderator should look
  newsroom      INTEGER NOT NULL DEFAULT 0, -- 0 or 1: the newspaper's reply
  user_id       INTEGER,                    -- the newsroom's writer; no foreign key, as the desk's
  pinned        INTEGER NOT NULL DEFAULT 0, -- 0 or 1
  edited        INTEGER NOT NULL DEFAULT 0, -- 0 or 1
  likes         INTEGER NOT NULL DEFAULT 0,
  reports       INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL,           -- Unix seconds
  moderated_at  INTEGER NOT NULL DEFAULT 0,
  moderated_by  INTEGER
);
-- The article's page: its approved threads, pinned first, newest or most liked, read in order
-- from one of these without a sort. Partial, on top-level comments only: PostgreSQL does not
-- take "parent_id IS NULL" as fixing a key column, so with parent_id among the keys it sorts.
CREATE INDEX comments_shown_newest ON comments (article_id, status, pinned DESC, created_at DESC, id DESC)
  WHERE parent_id IS NULL;
CREATE INDEX comments_shown_liked ON comments (article_id, status, pinned DESC, likes DESC, created_at DESC, id DESC)
  WHERE parent_id IS NULL;
-- A thread's replies, and the cascade when its parent goes.
CREATE INDEX comments_parent ON comments (parent_id, created_at);
-- The moderation queue and the other lists, newest first.
CREATE INDEX comments_queue ON comments (status, id DESC);
-- The same text on the same article lately (post's duplicate check).
CREATE INDEX comments_article_created ON comments (article_id, created_at);
-- A reader's request for their data; the erasure of personal data by age.
CREATE INDEX comments_email ON comments (email);
CREATE INDEX comments_created ON comments (created_at);

-- One like and one report per voter (a hash of the browser's token) and comment.
CREATE TABLE comment_votes (
  comment_id  INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('like', 'report')),
  voter       TEXT NOT NULL,
  PRIMARY KEY (comment_id, kind, voter)
);

CREATE TABLE comment_bans (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('address', 'email')),
  value       TEXT NOT NULL,              -- the address, or the email in lower case
  until       INTEGER NOT NULL,           -- Unix seconds
  reason      TEXT NOT NULL DEFAULT '',
  created_by  INTEGER,
  created_at  INTEGER NOT NULL
);
CREATE INDEX comment_bans_value ON comment_bans (kind, value, until);

-- What post() counted against its limits ("a:<address>", "r:<article id>"), kept in the
-- database so the limits hold across every node.
CREATE TABLE comment_rate (
  id   INTEGER PRIMARY KEY,
  key  TEXT NOT NULL,
  at   INTEGER NOT NULL
);
CREATE INDEX comment_rate_key_at ON comment_rate (key, at);
CREATE INDEX comment_rate_at ON comment_rate (at);
