-- Newsflow store schema v7: the kinds of event each article's headline and lead report (StoryEvents: "strike",
-- "landslide"), the story signal that survives translation where no word does. Nullable and without a default, so
-- adding it rewrites nothing; rows stored before v7 have none and are compared without it.
ALTER TABLE article ADD COLUMN story_events text[];
