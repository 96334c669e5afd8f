-- The photo library (store/photos.hpp). The same tables, columns and indexes as
-- migrations/postgres/0009_photos.sql (a store test compares the two schemas).
--
-- A photo is known by the SHA-256 of its original (hash, lowercase hex), so the same file
-- uploaded twice is one row. Ids only grow (AUTOINCREMENT): the newsroom's library, following
-- `photo <id>` in the change log, never takes a new photo for one that was removed.
CREATE TABLE photos (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  hash         TEXT NOT NULL UNIQUE,
  type         TEXT NOT NULL CHECK (type IN ('jpeg', 'png', 'webp', 'heic')),
  width        INTEGER NOT NULL,          -- pixels, after EXIF orientation
  height       INTEGER NOT NULL,
  bytes        INTEGER NOT NULL,          -- the original's size
  filename     TEXT NOT NULL DEFAULT '',  -- as the reporter's device named it
  caption      TEXT NOT NULL DEFAULT '',
  credit       TEXT NOT NULL DEFAULT '',
  alt          TEXT NOT NULL DEFAULT '',
  -- caption, credit and filename folded (text/fold.hpp): what search() finds a photo by.
  search_text  TEXT NOT NULL DEFAULT '',
  uploaded_by  INTEGER NOT NULL REFERENCES users(id),
  uploaded_at  INTEGER NOT NULL           -- Unix seconds
);
-- The library's pages, newest first, read in order without a sort.
CREATE INDEX photos_newest ON photos (uploaded_at DESC, id DESC);

-- The originals, apart from their rows, so listing and searching never read their bytes. A
-- node that lacks a variant file remakes it from here.
CREATE TABLE photo_originals (
  photo_id  INTEGER PRIMARY KEY REFERENCES photos(id) ON DELETE CASCADE,
  data      BLOB NOT NULL
);
