-- The full-text index: one row per published article (rowid = articles.id), holding its
-- title, lead and body folded by text::fold (lower case, no tone marks, đ → d), so a reader
-- who types "nghi quyet" finds "Nghị quyết". Filled by every upsert in the same transaction;
-- rebuilt from the articles by reindex().
CREATE VIRTUAL TABLE article_search USING fts5(title, lead, body, tokenize = 'unicode61 remove_diacritics 0');
