-- Categories and articles: what the reading site needs.
CREATE TABLE categories (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE,
  slug      TEXT NOT NULL UNIQUE,
  position  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
  id            INTEGER PRIMARY KEY,
  external_id   TEXT NOT NULL UNIQUE,
  title         TEXT NOT NULL,
  slug          TEXT NOT NULL,
  lead          TEXT NOT NULL DEFAULT '',
  blocks        TEXT NOT NULL DEFAULT '[]',  -- JSON array of blocks (articles/block_json.hpp)
  authors       TEXT NOT NULL DEFAULT '[]',  -- JSON array of names
  category_id   INTEGER NOT NULL REFERENCES categories(id),
  status        TEXT NOT NULL CHECK (status IN ('published', 'unpublished')),
  published_at  INTEGER NOT NULL,            -- Unix seconds
  updated_at    INTEGER NOT NULL,
  -- The first figure's photo, kept beside the row so lists need not parse blocks.
  image         TEXT NOT NULL DEFAULT '',
  image_width   INTEGER NOT NULL DEFAULT 0,
  image_height  INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX articles_newest ON articles (status, published_at DESC, id DESC);
CREATE INDEX articles_category_newest ON articles (category_id, status, published_at DESC, id DESC);
