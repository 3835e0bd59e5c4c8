-- Newsflow store schema v5: each entity row carries its article's sort_at, so the story clusterer reads the rows of an
-- entity nearest in time to a new article from one index instead of every row the entity ever had, each joined to its
-- article for the date (see StoryClusterer.ENTITY_CANDIDATES_SQL). The writer sets it with the same value it sends for
-- the article, in the same COPY as the rest of the row; a revision replaces the rows, so they follow its date.

ALTER TABLE article_entity ADD COLUMN sort_at timestamptz;   -- = article.sort_at (null when that is null)

-- The (entity_id) index goes first so that the backfill does not maintain it; the new index leads with entity_id and
-- serves those lookups too.
DROP INDEX article_entity_entity_idx;
UPDATE article_entity e SET sort_at = a.sort_at FROM article a WHERE a.id = e.article_id AND a.sort_at IS NOT NULL;
CREATE INDEX article_entity_entity_time_idx ON article_entity (entity_id, sort_at) INCLUDE (article_id, salience);
