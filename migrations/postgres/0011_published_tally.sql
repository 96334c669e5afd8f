-- How many published articles each category has in each month (Vietnam time), kept by a
-- trigger in the same transaction as every write to articles, whatever wrote it. At a million
-- articles a count, the sitemap's months or the place of a deep list page would otherwise read
-- every row: they read this table instead (a few thousand rows at most: categories × months)
-- and subtract the few articles scheduled for later (store/published_tally.hpp).
--
-- last_modified only moves forward: the newest of the month's articles' changes, and the
-- moment one left the month (unpublished, moved, deleted), which changes the month's sitemap
-- as much as an edit does.
CREATE TABLE published_tally (
  category_id    BIGINT NOT NULL,
  month          INTEGER NOT NULL,  -- yyyymm, Vietnam time (+07:00)
  articles       BIGINT NOT NULL,
  last_modified  BIGINT NOT NULL,   -- Unix seconds
  PRIMARY KEY (category_id, month)
);

-- yyyymm of a Unix time in Vietnam time.
CREATE FUNCTION published_tally_month(at BIGINT) RETURNS INTEGER LANGUAGE sql IMMUTABLE AS $$
  SELECT to_char(to_timestamp(at + 25200) AT TIME ZONE 'UTC', 'YYYYMM')::integer
$$;

INSERT INTO published_tally (category_id, month, articles, last_modified)
SELECT category_id, published_tally_month(published_at) AS month, count(*), max(greatest(updated_at, published_at))
FROM articles WHERE status = 'published' GROUP BY category_id, month;

-- An update is the old row leaving its month and the new one entering its own (often the same
-- month: the two cancel out and only last_modified moves).
CREATE FUNCTION published_tally_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status = 'published' THEN
      UPDATE published_tally
        SET articles = articles - 1, last_modified = greatest(last_modified, extract(epoch FROM now())::bigint)
        WHERE category_id = OLD.category_id AND month = published_tally_month(OLD.published_at);
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status = 'published' THEN
    UPDATE published_tally SET articles = articles - 1, last_modified = greatest(last_modified, NEW.updated_at)
      WHERE category_id = OLD.category_id AND month = published_tally_month(OLD.published_at);
  END IF;
  IF NEW.status = 'published' THEN
    INSERT INTO published_tally (category_id, month, articles, last_modified)
      VALUES (NEW.category_id, published_tally_month(NEW.published_at), 1, greatest(NEW.updated_at, NEW.published_at))
      ON CONFLICT (category_id, month) DO UPDATE
        SET articles = published_tally.articles + 1,
            last_modified = greatest(published_tally.last_modified, EXCLUDED.last_modified);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER published_tally_follow AFTER INSERT OR DELETE OR UPDATE OF status, category_id, published_at, updated_at
  ON articles FOR EACH ROW EXECUTE FUNCTION published_tally_follow();
