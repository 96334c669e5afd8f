-- The newsroom's accounts (store/accounts.hpp), its audit log (store/audit.hpp) and its
-- settings (store/settings.hpp). The same tables, columns, constraints and indexes as
-- migrations/sqlite/0006_accounts.sql (a store test compares the two schemas); flags are
-- BIGINT 0/1 as SQLite keeps them, so both engines' rows read alike.
CREATE TABLE users (
  id                   BIGSERIAL PRIMARY KEY,
  username             TEXT NOT NULL UNIQUE,    -- lower case, as the caller gives it
  display_name         TEXT NOT NULL,
  roles                TEXT NOT NULL,           -- "editor,admin" (newsroom::Roles::to_string)
  password_hash        TEXT NOT NULL DEFAULT '',  -- encoded Argon2id; '' for none
  disabled             BIGINT NOT NULL DEFAULT 0,
  created_at           BIGINT NOT NULL,         -- Unix seconds
  password_changed_at  BIGINT NOT NULL
);

-- A session is found by the hash of its cookie's token, never by the token itself, so a copy
-- of the database opens no session.
CREATE TABLE sessions (
  token_hash  TEXT NOT NULL PRIMARY KEY,
  user_id     BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at  BIGINT NOT NULL,
  last_seen   BIGINT NOT NULL,
  address     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed logins by key ("user:NAME", "address:IP"), counted over a window for throttling.
CREATE TABLE login_failures (
  id   BIGSERIAL PRIMARY KEY,
  key  TEXT NOT NULL,
  at   BIGINT NOT NULL
);
CREATE INDEX login_failures_key_at ON login_failures (key, at);

CREATE TABLE settings (
  name   TEXT NOT NULL PRIMARY KEY,
  value  TEXT NOT NULL
);

-- Who did what, when, from where. user_id has no foreign key: a line outlives anything it
-- names, and the username is kept as it was then.
CREATE TABLE audit_log (
  id            BIGSERIAL PRIMARY KEY,
  at            BIGINT NOT NULL,
  user_id       BIGINT,                  -- NULL: the system
  username      TEXT NOT NULL DEFAULT '',
  address       TEXT NOT NULL DEFAULT '',
  action        TEXT NOT NULL,
  article_id    BIGINT,
  state_before  TEXT NOT NULL DEFAULT '',
  state_after   TEXT NOT NULL DEFAULT '',
  note          TEXT NOT NULL DEFAULT '',
  detail        TEXT NOT NULL DEFAULT '{}'  -- JSON
);
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_user ON audit_log (user_id, id);
CREATE INDEX audit_log_article ON audit_log (article_id, id);
CREATE INDEX audit_log_action ON audit_log (action, id);

-- Append-only: the database itself refuses to change, delete or truncate a line, whoever
-- asks. A statement-level trigger, so even a DELETE that matches nothing is refused.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'nhật ký hoạt động chỉ được ghi thêm, không được sửa hay xoá (%)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
