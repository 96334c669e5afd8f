-- The full-text index: one row per published article, its title (weight A), lead (B) and body
-- (D) folded by text::fold (lower case, no tone marks, đ → d) and parsed by the 'simple'
-- configuration (no stemming: Vietnamese has none). Filled by every upsert in the same
-- transaction; rebuilt from the articles by reindex().
CREATE TABLE article_search (
  article_id  BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  document    TSVECTOR NOT NULL
);
CREATE INDEX article_search_document ON article_search USING GIN (document);
