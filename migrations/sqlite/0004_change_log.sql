-- The change log (store/change_log.hpp): every committed write as (seq, topic, key), appended
-- by the unit of work that made it, in the same transaction. SQLite has one writer at a time,
-- so AUTOINCREMENT hands out numbers in commit order; it also never gives a number twice, even
-- after the newest entries were purged, so a follower's position stays meaningful.
CREATE TABLE change_log (
  seq    INTEGER PRIMARY KEY AUTOINCREMENT,
  topic  TEXT NOT NULL,
  key    TEXT NOT NULL,
  at     INTEGER NOT NULL  -- Unix seconds of the commit
);
CREATE INDEX change_log_at ON change_log (at);
