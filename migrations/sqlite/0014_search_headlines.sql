-- The titles and leads of the full-text index again, in a table of their own: their lists of
-- places are about a tenth of the whole index's, so suggestions (titles) and the headline
-- phrases of a query (a run of words from a title or a lead) read short lists, where the
-- whole index holds a common syllable ("trong", "người") in most of a million articles.
-- Filled here from article_search, in the migration's transaction (about a minute a million
-- articles); every article write keeps both tables in step from then on (search_index.cpp).
CREATE VIRTUAL TABLE article_headline USING fts5(title, lead, tokenize = 'unicode61 remove_diacritics 0',
                                                 prefix = '1 2');
INSERT INTO article_headline (rowid, title, lead) SELECT rowid, title, lead FROM article_search;
INSERT INTO article_headline (article_headline) VALUES ('optimize');
