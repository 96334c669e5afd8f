-- The change log (store/change_log.hpp): every committed write as (seq, topic, key), appended
-- by the unit of work that made it, in the same transaction. seq is not a BIGSERIAL: a
-- sequence gives numbers in the order transactions ask, not the order they commit, so a
-- follower reading "seq > last" could pass over a row committed later with a smaller number.
-- Each unit takes an advisory lock at commit and numbers its entries MAX(seq) + 1 under it
-- (store/postgres/unit_of_work.cpp).
CREATE TABLE change_log (
  seq    BIGINT PRIMARY KEY,
  topic  TEXT NOT NULL,
  key    TEXT NOT NULL,
  at     BIGINT NOT NULL  -- Unix seconds of the commit
);
CREATE INDEX change_log_at ON change_log (at);
