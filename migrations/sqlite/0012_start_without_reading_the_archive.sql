-- What a start checks, found without reading the archive: the articles whose text filter is
-- still to fill (store/sql_desk.hpp, fill_desk_text) are a range of this partial index, empty
-- once filled, instead of a scan of every article at every start.
CREATE INDEX articles_desk_text_missing ON articles (id) WHERE desk_text = '';
