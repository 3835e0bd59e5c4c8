-- Newsflow store schema v2: stories. Every article belongs to exactly one story; syndicated copies, rewrites and
-- translations of one event share it. Clustering state lives here so every store replica agrees (writers serialise
-- the assignment with a transaction-scoped advisory lock, see StoryClusterer).

CREATE TABLE story (
    id            text PRIMARY KEY,          -- "st-" + id of the article that founded it: stable across replays
    title         text NOT NULL,             -- representative title: the founding article's
    first_seen    timestamptz,               -- earliest sort_at of its articles
    last_seen     timestamptz,               -- latest sort_at of its articles
    article_count integer NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX story_activity_idx ON story (article_count DESC, last_seen DESC, id);
CREATE INDEX story_last_seen_idx ON story (last_seen DESC);

ALTER TABLE article
    ADD COLUMN story_id      text,
    -- MinHash signature (64 × 32 bit) of title+text word 3-shingles and the SimHash; see
    -- io.newsflow.contracts.fingerprint. The signature's LSH band keys are in article_band.
    ADD COLUMN minhash       integer[],
    ADD COLUMN simhash       bigint,
    ADD COLUMN word_count    integer;

-- Articles stored before stories existed each found their own story, so every article has one.
INSERT INTO story (id, title, first_seen, last_seen, article_count)
SELECT 'st-' || id, title, sort_at, sort_at, 1 FROM article;
UPDATE article SET story_id = 'st-' || id;

ALTER TABLE article ALTER COLUMN story_id SET NOT NULL;
ALTER TABLE article ADD CONSTRAINT article_story_fk FOREIGN KEY (story_id) REFERENCES story (id);

CREATE INDEX article_story_idx ON article (story_id, sort_at DESC NULLS LAST, id DESC);

-- The 16 LSH band keys of each article's MinHash signature: articles sharing a key are candidate copies. A plain
-- B-tree table, so a batch looks up all its keys in one index join.
CREATE TABLE article_band (
    band       bigint NOT NULL,
    article_id text NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    PRIMARY KEY (band, article_id)
);
CREATE INDEX article_band_article_idx ON article_band (article_id);

-- Topic filters match narrower IPTC codes by prefix (code LIKE 'medtop:16%'); text_pattern_ops lets LIKE use an index.
CREATE INDEX article_topic_code_prefix_idx ON article_topic (code text_pattern_ops);
