-- Categories and articles: what the reading site needs. The same tables, columns, meanings,
-- constraints and indexes as migrations/sqlite/0001_articles.sql (a store test compares the
-- two schemas); every integer is BIGINT because SQLite's INTEGER is 64-bit, and blocks and
-- authors stay TEXT holding JSON so that store/row_codec reads both engines' rows alike.
CREATE TABLE categories (
  id        BIGSERIAL PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE,
  slug      TEXT NOT NULL UNIQUE,
  position  BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE articles (
  id            BIGSERIAL PRIMARY KEY,
  external_id   TEXT NOT NULL UNIQUE,
  title         TEXT NOT NULL,
  slug          TEXT NOT NULL,
  lead          TEXT NOT NULL DEFAULT '',
  blocks        TEXT NOT NULL DEFAULT '[]',  -- JSON array of blocks (articles/block_json.hpp)
  authors       TEXT NOT NULL DEFAULT '[]',  -- JSON array of names
  category_id   BIGINT NOT NULL REFERENCES categories(id),
  status        TEXT NOT NULL CHECK (status IN ('published', 'unpublished')),
  published_at  BIGINT NOT NULL,             -- Unix seconds
  updated_at    BIGINT NOT NULL,
  -- The first figure's photo, kept beside the row so lists need not parse blocks.
  image         TEXT NOT NULL DEFAULT '',
  image_width   BIGINT NOT NULL DEFAULT 0,
  image_height  BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX articles_newest ON articles (status, published_at DESC, id DESC);
CREATE INDEX articles_category_newest ON articles (category_id, status, published_at DESC, id DESC);

-- Storage only, invisible to queries: an article's blocks (a few KB of JSON) are compressed
-- with lz4 rather than the default pglz, which made importing the corpus ~20% faster here.
-- A server built without lz4 keeps pglz.
DO $$
BEGIN
  ALTER TABLE articles ALTER COLUMN blocks SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  NULL;
END
$$;
