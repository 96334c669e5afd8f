-- A month of the article sitemaps read from one index alone (an index-only scan): articles_newest
-- again, holding the address (category, slug) and the last change of each article beside its
-- order, so a month of 10,000 URLs reads a few contiguous index pages instead of 10,000 article
-- rows. Every list that read the old index reads this one the same way.
DROP INDEX articles_newest;
CREATE INDEX articles_newest ON articles (status, published_at DESC, id DESC) INCLUDE (category_id, slug, updated_at);
