-- The newsroom's desk (store/desk.hpp): a piece is an articles row. The row keeps what
-- readers see (status, the published content); the revisions hold what the newsroom wrote.
-- The same tables, columns and indexes as migrations/postgres/0007_desk.sql. User ids are
-- plain numbers with no foreign key, so the desk does not depend on the accounts' tables.
ALTER TABLE articles ADD COLUMN state TEXT NOT NULL DEFAULT 'published'
  CHECK (state IN ('draft', 'submitted', 'edited', 'approved', 'scheduled', 'published', 'taken_down'));
ALTER TABLE articles ADD COLUMN returned INTEGER NOT NULL DEFAULT 0;  -- 0 or 1
ALTER TABLE articles ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;  -- the newest revision, 0: none yet
ALTER TABLE articles ADD COLUMN published_revision INTEGER;
ALTER TABLE articles ADD COLUMN import_revision INTEGER;            -- what the last import wrote
ALTER TABLE articles ADD COLUMN created_by INTEGER;
ALTER TABLE articles ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN updated_by INTEGER;
ALTER TABLE articles ADD COLUMN scheduled_at INTEGER;
ALTER TABLE articles ADD COLUMN correction_note TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN corrected_at INTEGER NOT NULL DEFAULT 0;
-- text::fold of the newest revision's title and lead, for the desk's text filter (fold is not
-- SQL; the store writes it, and fills it for the rows below at start).
ALTER TABLE articles ADD COLUMN desk_text TEXT NOT NULL DEFAULT '';

UPDATE articles SET state = CASE WHEN status = 'published' THEN 'published' ELSE 'taken_down' END,
                    created_at = published_at;

CREATE INDEX articles_desk_state ON articles (state, updated_at);
CREATE INDEX articles_desk_updated ON articles (updated_at);
CREATE INDEX articles_created_by ON articles (created_by);
CREATE INDEX articles_scheduled ON articles (state, scheduled_at);

-- Ids only grow (AUTOINCREMENT): a revision's id orders it among all others.
CREATE TABLE revisions (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  based_on    INTEGER,
  user_id     INTEGER,                   -- none: the import or the scheduler
  at          INTEGER NOT NULL,
  kind        TEXT NOT NULL,             -- create, save, autosave, action, import, restore
  action      TEXT NOT NULL DEFAULT '',
  state       TEXT NOT NULL,             -- the piece's state after this revision
  note        TEXT NOT NULL DEFAULT '',
  content     TEXT NOT NULL              -- JSON: title, lead, blocks, authors, category, published
);
CREATE INDEX revisions_article ON revisions (article_id, id);

CREATE TABLE piece_coauthors (
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  user_id     INTEGER NOT NULL,
  PRIMARY KEY (article_id, user_id)
);
CREATE INDEX piece_coauthors_user ON piece_coauthors (user_id);

CREATE TABLE presence (
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  user_id     INTEGER NOT NULL,
  seen_at     INTEGER NOT NULL,
  PRIMARY KEY (article_id, user_id)
);

-- Every article already stored gets its first revision: what the imports wrote.
INSERT INTO revisions (article_id, based_on, user_id, at, kind, action, state, note, content)
SELECT a.id, NULL, NULL, a.updated_at, 'import', '', a.state, '',
       json_object('title', a.title, 'lead', a.lead, 'blocks', json(a.blocks), 'authors', json(a.authors),
                   'category', c.name, 'published', a.published_at)
FROM articles a JOIN categories c ON c.id = a.category_id ORDER BY a.id;
UPDATE articles SET revision = (SELECT MAX(r.id) FROM revisions r WHERE r.article_id = articles.id)
WHERE EXISTS (SELECT 1 FROM revisions r WHERE r.article_id = articles.id);
UPDATE articles SET import_revision = revision,
                    published_revision = CASE WHEN status = 'published' THEN revision END
WHERE revision <> 0;
