-- Newsflow store schema v10: the specific figures of each article that reports at least three of them (StoryNumbers),
-- one row per figure with the article's time, so the story clusterer finds the stored articles sharing a newcomer's
-- figures from one index, nearest in time first, as it finds those sharing an entity
-- (StoryClusterer.FIGURE_CANDIDATES_SQL). Translations that share no entity at all still report an event's figures
-- (StorySimilarity.figuresAlone); an article with fewer than three figures gets no rows, as it cannot share three.
-- A revision replaces the rows with the article's other child rows; deleting the article deletes them.
CREATE TABLE article_number (
    number     text NOT NULL,
    sort_at    timestamptz,   -- = article.sort_at
    article_id text NOT NULL REFERENCES article (id) ON DELETE CASCADE
);
CREATE INDEX article_number_time_idx ON article_number (number, sort_at) INCLUDE (article_id);
CREATE INDEX article_number_article_idx ON article_number (article_id);

INSERT INTO article_number (number, sort_at, article_id)
SELECT n.number, a.sort_at, a.id
FROM article a CROSS JOIN LATERAL unnest(a.story_numbers) AS n(number)
WHERE cardinality(a.story_numbers) >= 3;
