-- How many published articles each category has in each month (Vietnam time), kept by triggers
-- in the same transaction as every write to articles, whatever wrote it. At a million articles
-- a count, the sitemap's months or the place of a deep list page would otherwise read every
-- row: they read this table instead (a few thousand rows at most: categories × months) and
-- subtract the few articles scheduled for later (store/published_tally.hpp).
--
-- last_modified only moves forward: the newest of the month's articles' changes, and the
-- moment one left the month (unpublished, moved, deleted), which changes the month's sitemap
-- as much as an edit does.
CREATE TABLE published_tally (
  category_id    INTEGER NOT NULL,
  month          INTEGER NOT NULL,  -- yyyymm, Vietnam time (+07:00)
  articles       INTEGER NOT NULL,
  last_modified  INTEGER NOT NULL,  -- Unix seconds
  PRIMARY KEY (category_id, month)
) WITHOUT ROWID;

INSERT INTO published_tally (category_id, month, articles, last_modified)
SELECT category_id, CAST(strftime('%Y%m', published_at + 25200, 'unixepoch') AS INTEGER) AS month, count(*),
       max(max(updated_at, published_at))
FROM articles WHERE status = 'published' GROUP BY category_id, month;

CREATE TRIGGER published_tally_insert AFTER INSERT ON articles WHEN NEW.status = 'published'
BEGIN
  INSERT INTO published_tally (category_id, month, articles, last_modified)
  VALUES (NEW.category_id, CAST(strftime('%Y%m', NEW.published_at + 25200, 'unixepoch') AS INTEGER), 1,
          max(NEW.updated_at, NEW.published_at))
  ON CONFLICT (category_id, month) DO UPDATE
    SET articles = articles + 1, last_modified = max(last_modified, excluded.last_modified);
END;

CREATE TRIGGER published_tally_delete AFTER DELETE ON articles WHEN OLD.status = 'published'
BEGIN
  UPDATE published_tally SET articles = articles - 1, last_modified = max(last_modified, unixepoch())
  WHERE category_id = OLD.category_id
    AND month = CAST(strftime('%Y%m', OLD.published_at + 25200, 'unixepoch') AS INTEGER);
END;

-- An update is the old row leaving its month and the new one entering its own (often the same
-- month: the two cancel out and only last_modified moves).
CREATE TRIGGER published_tally_update_leave AFTER UPDATE OF status, category_id, published_at, updated_at ON articles
WHEN OLD.status = 'published'
BEGIN
  UPDATE published_tally SET articles = articles - 1, last_modified = max(last_modified, NEW.updated_at)
  WHERE category_id = OLD.category_id
    AND month = CAST(strftime('%Y%m', OLD.published_at + 25200, 'unixepoch') AS INTEGER);
END;

CREATE TRIGGER published_tally_update_enter AFTER UPDATE OF status, category_id, published_at, updated_at ON articles
WHEN NEW.status = 'published'
BEGIN
  INSERT INTO published_tally (category_id, month, articles, last_modified)
  VALUES (NEW.category_id, CAST(strftime('%Y%m', NEW.published_at + 25200, 'unixepoch') AS INTEGER), 1,
          max(NEW.updated_at, NEW.published_at))
  ON CONFLICT (category_id, month) DO UPDATE
    SET articles = articles + 1, last_modified = max(last_modified, excluded.last_modified);
END;
