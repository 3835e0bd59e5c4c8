-- Newsflow store schema v6: the specific figures each article reports (StoryNumbers: "58000", "3.2"), a story signal
-- that survives translation where words and, when the enricher misses a name, entities differ. Nullable and without a
-- default, so adding it rewrites nothing; rows stored before it have none and are compared by entities alone.
ALTER TABLE article ADD COLUMN story_numbers text[];
