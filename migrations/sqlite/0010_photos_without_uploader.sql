-- A photo no account uploaded: one an import took in from a figure's file, or one of the
-- demo's placeholders (importer/figure_photos.hpp, sample/). Its uploaded_by is NULL. The same
-- change as migrations/postgres/0010_photos_without_uploader.sql.
--
-- SQLite cannot drop a NOT NULL, so both tables are made again and filled from the old ones.
-- Renaming a table carries the references to it along, so the originals are moved to the new
-- photos before the old ones go: dropping a table the originals still referred to would take
-- them with it (ON DELETE CASCADE).
ALTER TABLE photos RENAME TO photos_0009;
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
  uploaded_by  INTEGER REFERENCES users(id),  -- NULL: taken in by an import or the demo
  uploaded_at  INTEGER NOT NULL           -- Unix seconds
);
INSERT INTO photos SELECT * FROM photos_0009;
-- Ids only grow: the new table goes on from where the old one's counter stood.
DELETE FROM sqlite_sequence WHERE name = 'photos';
INSERT INTO sqlite_sequence (name, seq) SELECT 'photos', seq FROM sqlite_sequence WHERE name = 'photos_0009';

ALTER TABLE photo_originals RENAME TO photo_originals_0009;
CREATE TABLE photo_originals (
  photo_id  INTEGER PRIMARY KEY REFERENCES photos(id) ON DELETE CASCADE,
  data      BLOB NOT NULL
);
INSERT INTO photo_originals SELECT * FROM photo_originals_0009;
DROP TABLE photo_originals_0009;
DROP TABLE photos_0009;
CREATE INDEX photos_newest ON photos (uploaded_at DESC, id DESC);
