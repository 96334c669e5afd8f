-- A photo no account uploaded: one an import took in from a figure's file, or one of the
-- demo's placeholders (importer/figure_photos.hpp, sample/). Its uploaded_by is NULL. The same
-- change as migrations/sqlite/0010_photos_without_uploader.sql.
ALTER TABLE photos ALTER COLUMN uploaded_by DROP NOT NULL;
