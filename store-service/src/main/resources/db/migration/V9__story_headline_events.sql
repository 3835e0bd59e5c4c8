-- Newsflow store schema v9: the kinds of event each article's headline alone reports (StoryEvents on the title), what
-- the article is about where its lead also names other events in passing. Two articles whose headlines report
-- different kinds, one of them absent from the other's whole lead, are two events (StorySimilarity.DIFFERENT_EVENTS).
-- Nullable and without a default, so adding it rewrites nothing; rows stored before v9 have none.
ALTER TABLE article ADD COLUMN story_headline_events text[];
