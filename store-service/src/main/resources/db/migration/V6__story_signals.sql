-- Newsflow store schema v6: story signals that survive translation where words and, when the enricher misses a name,
-- entities differ: the specific figures each article reports (StoryNumbers: "58000", "3.2") and the characteristic
-- words enrich-service ranked for it (its fingerprint's keywords). Nullable and without a default, so adding them
-- rewrites nothing; rows stored before v6 have none and are compared by entities alone.
ALTER TABLE article ADD COLUMN story_numbers text[];
ALTER TABLE article ADD COLUMN story_keywords text[];
