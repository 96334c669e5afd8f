-- The photo library (store/photos.hpp). The same tables, columns and indexes as
-- migrations/sqlite/0009_photos.sql (a store test compares the two schemas).
--
-- A photo is known by the SHA-256 of its original (hash, lowercase hex), so the same file
-- uploaded twice is one row. Ids only grow (a sequence): the newsroom's library, following
-- `photo <id>` in the change log, never takes a new photo for one that was removed.
CREATE TABLE photos (
  id           BIGSERIAL PRIMARY KEY,
  hash         TEXT NOT NULL UNIQUE,
  type         TEXT NOT NULL CHECK (type IN ('jpeg', 'png', 'webp', 'heic')),
  width        BIGINT NOT NULL,           -- pixels, after EXIF orientation
  height       BIGINT NOT NULL,
  bytes        BIGINT NOT NULL,           -- the original's size
  filename     TEXT NOT NULL DEFAULT '',  -- as the reporter's device named it
  caption      TEXT NOT NULL DEFAULT '',
  credit       TEXT NOT NULL DEFAULT '',
  alt          TEXT NOT NULL DEFAULT '',
  -- caption, credit and filename folded (text/fold.hpp): what search() finds a photo by.
  search_text  TEXT NOT NULL DEFAULT '',
  uploaded_by  BIGINT NOT NULL REFERENCES users(id),
  uploaded_at  BIGINT NOT NULL            -- Unix seconds
);
-- The library's pages, newest first, read in order without a sort.
CREATE INDEX photos_newest ON photos (uploaded_at DESC, id DESC);

-- The originals (bytea, as SQLite's BLOB), apart from their rows, so listing and searching
-- never read their bytes. A node that lacks a variant file remakes it from here.
CREATE TABLE photo_originals (
  photo_id  BIGINT PRIMARY KEY REFERENCES photos(id) ON DELETE CASCADE,
  data      BYTEA NOT NULL
);
