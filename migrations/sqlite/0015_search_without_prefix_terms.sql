-- The whole index again, without the first one and two letters of every word as terms of their
-- own (migration 3): since migration 14 suggestions, the only prefix searches, read
-- article_headline, which keeps them. In the whole index they were a third of every article's
-- terms, written by every import and merge and read by none: an import of 12,500 articles went
-- from 5.7 to 4.5 s and the file lost a tenth of its size.
-- Copied from the old table, in the migration's transaction: the stored text is indexed again,
-- so at a million articles this takes as long as `toasoan reindex` of the one table.
ALTER TABLE article_search RENAME TO article_search_with_prefixes;
CREATE VIRTUAL TABLE article_search USING fts5(title, lead, body, tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO article_search (rowid, title, lead, body)
  SELECT rowid, title, lead, body FROM article_search_with_prefixes ORDER BY rowid;
INSERT INTO article_search (article_search) VALUES ('optimize');
DROP TABLE article_search_with_prefixes;
