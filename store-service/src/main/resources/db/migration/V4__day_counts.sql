-- Newsflow store schema v4: per-day article counts, overall and per entity, for the story clusterer's rarity (an
-- inverse document frequency over a ±4-day window). Counting article_entity rows across the window on every batch
-- cost more the fuller the window (30-minute soak at 50/s: PostgreSQL CPU 51 → 81 s per minute, that count running
-- nearly all the time); from these tables a batch reads at most ~10 rows per entity. The writer (ArticleWriter) and
-- the retention job keep them in their own transactions, under the story-assignment lock (see DayCounts).
-- Derived data: both tables always equal the recount below, which also rebuilds them if ever needed.

-- Stored articles per UTC day of sort_at; articles without a sort_at are in no window and are not counted.
CREATE TABLE article_day (
    day      date PRIMARY KEY,           -- (sort_at AT TIME ZONE 'UTC')::date
    articles integer NOT NULL
);

-- Of those, the articles naming each entity (one article_entity row each).
CREATE TABLE entity_day (
    entity_id text NOT NULL,
    day       date NOT NULL,
    articles  integer NOT NULL,
    PRIMARY KEY (entity_id, day)
);

INSERT INTO article_day (day, articles)
SELECT (sort_at AT TIME ZONE 'UTC')::date, count(*) FROM article WHERE sort_at IS NOT NULL GROUP BY 1;

INSERT INTO entity_day (entity_id, day, articles)
SELECT e.entity_id, (a.sort_at AT TIME ZONE 'UTC')::date, count(*)
FROM article_entity e JOIN article a ON a.id = e.article_id
WHERE a.sort_at IS NOT NULL
GROUP BY 1, 2;
