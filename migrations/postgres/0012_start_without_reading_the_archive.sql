-- What a start checks, found without reading the archive: the articles whose text filter is
-- still to fill (store/sql_desk.hpp, fill_desk_text) and the index rows a previous release wrote
-- without their headline are ranges of these partial indexes, empty once filled, instead of
-- scans of every article and every index row at every start.
CREATE INDEX articles_desk_text_missing ON articles (id) WHERE desk_text = '';
CREATE INDEX article_search_incomplete ON article_search (article_id) WHERE headline IS NULL OR published_at IS NULL;
