-- Categories made before the site kept its own first path segments from them
-- (articles/reserved_slugs.hpp) may hold one: a category "Media" at /media/, whose pages the
-- site answered as files, so every link to it was a 404. Each such slug takes the suffix two
-- names folding to one slug get: the first of "-2", "-3", … that no category holds. Old URLs
-- answered 404 anyway, so nothing that worked is broken. The list is the one this release
-- shipped; a slug reserved later gets a migration of its own.
UPDATE categories SET slug = (
  WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
  SELECT categories.slug || '-' || n.i FROM n
  WHERE NOT EXISTS (SELECT 1 FROM categories taken WHERE taken.slug = categories.slug || '-' || n.i)
  ORDER BY n.i LIMIT 1)
WHERE slug IN ('media', 'static', 'rss', 'api', 'tim-kiem', 'toa-soan', 'metrics', 'feeds', 'tin-moi-nhat',
               'sitemap', 'sitemaps', 'tag', 'tac-gia', 'healthz', 'admin', 'login');
