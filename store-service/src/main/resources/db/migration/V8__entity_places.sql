-- Newsflow store schema v8: where a place entity is (WGS 84 degrees, as enrich-service sends them for the cities and
-- towns its knowledge base knows). Story clustering counts two places a few kilometres apart as the same place, because
-- outlets name the same event's location at different levels (a village, its municipality, the nearest town).
-- Nullable and without a default: adding them rewrites nothing, and rows stored before v8 have none.
ALTER TABLE article_entity ADD COLUMN latitude double precision, ADD COLUMN longitude double precision;
