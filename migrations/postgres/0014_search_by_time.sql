-- A search of a common word reads the newest months' matches alone (docs/search.md, "A million
-- articles"). Additive: an index and a function.
--
-- The search index by publication time: the planner ANDs a range of it with the GIN index's
-- matches before it visits a row (BitmapAnd), so a common word's hundreds of thousands of
-- older matches cost their bits in the bitmap, not a visit each.
CREATE INDEX article_search_published ON article_search (published_at);

-- How many index rows the planner expects a query to match, in the document or in the
-- headline: from the words' frequencies that ANALYZE keeps, without reading a row. A search
-- asks it first, to tell a common word, worth a window, from a rare one, cheaper counted whole.
-- Volatile, as PostgreSQL requires of a function that runs EXPLAIN.
CREATE FUNCTION article_search_expected(q TSQUERY, headline BOOLEAN) RETURNS BIGINT
LANGUAGE plpgsql AS $$
DECLARE
  plan JSON;
BEGIN
  EXECUTE format('EXPLAIN (FORMAT JSON) SELECT 1 FROM article_search WHERE %I @@ %L::tsquery',
                 CASE WHEN headline THEN 'headline' ELSE 'document' END, q::text) INTO plan;
  RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::BIGINT;
END
$$;
