-- The title and lead of each indexed article on their own (weights A and B, the same
-- positions as in document), and its publication time. Small enough to stay in the row, so a
-- search can test and order thousands of matches without decompressing their bodies: the
-- whole document is read only for the page of results it ranks (see docs/search.md).
-- Suggestions match titles here, under their own index.
-- Additive: nodes still running the previous release keep writing rows without these columns
-- during a rolling upgrade (NULL for a new article, the old headline after an edit). Searches
-- treat NULL as "not in the headline" and as no date; a new node that starts and finds NULLs
-- rebuilds the index, and `toasoan reindex` after the rollout mends the edited ones (see
-- docs/operations.md).
ALTER TABLE article_search ADD COLUMN headline TSVECTOR, ADD COLUMN published_at BIGINT;
UPDATE article_search s SET headline = ts_filter(s.document, '{a,b}'), published_at = a.published_at
  FROM articles a WHERE a.id = s.article_id;
CREATE INDEX article_search_headline ON article_search USING GIN (headline);
