-- Newsflow store schema v1: one row per article (latest revision wins), its entities and topics normalised for
-- filtering, and a language-aware full-text vector. Owned by store-service; applied by Flyway at start.

-- Which PostgreSQL text-search configuration stems each language. Seeded only with configurations this server has
-- (PostgreSQL 16 added several), so the migration runs on any supported version; unknown languages use 'simple'.
CREATE TABLE text_search_config (
    language text PRIMARY KEY,             -- ISO 639-1 or ISO 639-3 code, lower case, no region
    config   regconfig NOT NULL
);

INSERT INTO text_search_config (language, config)
SELECT v.language, v.config::regconfig
FROM (VALUES
        ('ar', 'arabic'), ('ara', 'arabic'),
        ('hy', 'armenian'), ('hye', 'armenian'),
        ('eu', 'basque'), ('eus', 'basque'),
        ('ca', 'catalan'), ('cat', 'catalan'),
        ('da', 'danish'), ('dan', 'danish'),
        ('nl', 'dutch'), ('nld', 'dutch'),
        ('en', 'english'), ('eng', 'english'),
        ('fi', 'finnish'), ('fin', 'finnish'),
        ('fr', 'french'), ('fra', 'french'),
        ('de', 'german'), ('deu', 'german'),
        ('el', 'greek'), ('ell', 'greek'),
        ('hi', 'hindi'), ('hin', 'hindi'),
        ('hu', 'hungarian'), ('hun', 'hungarian'),
        ('id', 'indonesian'), ('ind', 'indonesian'),
        ('ga', 'irish'), ('gle', 'irish'),
        ('it', 'italian'), ('ita', 'italian'),
        ('lt', 'lithuanian'), ('lit', 'lithuanian'),
        ('ne', 'nepali'), ('nep', 'nepali'),
        ('no', 'norwegian'), ('nor', 'norwegian'),
        ('nb', 'norwegian'), ('nob', 'norwegian'),
        ('nn', 'norwegian'), ('nno', 'norwegian'),
        ('pt', 'portuguese'), ('por', 'portuguese'),
        ('ro', 'romanian'), ('ron', 'romanian'),
        ('ru', 'russian'), ('rus', 'russian'),
        ('sr', 'serbian'), ('srp', 'serbian'),
        ('es', 'spanish'), ('spa', 'spanish'),
        ('sv', 'swedish'), ('swe', 'swedish'),
        ('ta', 'tamil'), ('tam', 'tamil'),
        ('tr', 'turkish'), ('tur', 'turkish'),
        ('yi', 'yiddish'), ('yid', 'yiddish')
     ) AS v(language, config)
WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_ts_config c WHERE c.cfgname = v.config);

CREATE TABLE article (
    id                  text PRIMARY KEY,        -- ArticleIds.idFor(canonical URL); also the Kafka key
    url                 text,
    canonical_url       text NOT NULL,
    source              text,
    feed_url            text,
    title               text NOT NULL,
    text                text NOT NULL,
    summary             text,
    authors             text[] NOT NULL DEFAULT '{}',
    published_at        timestamptz,
    fetched_at          timestamptz,
    enriched_at         timestamptz,
    stored_at           timestamptz NOT NULL DEFAULT now(),   -- when the current revision was written
    language            text NOT NULL,           -- lower-case base code as enrichment detected it ("und" if unknown)
    language_confidence double precision,
    ts_config           regconfig NOT NULL DEFAULT 'simple',  -- stemming used for this row's search vector
    content_hash        text,
    revision            integer NOT NULL CHECK (revision >= 1),
    entities            jsonb NOT NULL DEFAULT '[]',  -- full entity list with mentions, as enrichment sent it
    topics              jsonb NOT NULL DEFAULT '[]',
    -- Newest-first order key: publication time when the feed gave one, else fetch time.
    sort_at             timestamptz GENERATED ALWAYS AS (coalesce(published_at, fetched_at)) STORED,
    -- Stemmed lexemes in the article's language (title > summary > text) plus unstemmed 'simple' lexemes, so a
    -- query matches either way. Text beyond 200k characters is not indexed (bounds tsvector size and write cost).
    search              tsvector GENERATED ALWAYS AS (
                            setweight(to_tsvector(ts_config, coalesce(title, '')), 'A')
                         || setweight(to_tsvector(ts_config, coalesce(summary, '')), 'B')
                         || setweight(to_tsvector(ts_config, left(text, 200000)), 'C')
                         || setweight(to_tsvector('simple'::regconfig,
                                coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || left(text, 200000)), 'D')
                        ) STORED
);

CREATE INDEX article_search_idx ON article USING gin (search);
CREATE INDEX article_sort_idx ON article (sort_at DESC NULLS LAST, id DESC);
CREATE INDEX article_language_idx ON article (language, sort_at DESC NULLS LAST);
CREATE INDEX article_source_idx ON article (lower(source), sort_at DESC NULLS LAST);

CREATE TABLE article_entity (
    article_id text NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    entity_id  text NOT NULL,                -- Wikidata QID when linked, else "nf:<type>:<name>"
    name       text NOT NULL,
    type       text NOT NULL,                -- PERSON, ORGANIZATION, LOCATION, PRODUCT, EVENT
    linked     boolean NOT NULL,
    count      integer NOT NULL,
    salience   double precision NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);

CREATE INDEX article_entity_entity_idx ON article_entity (entity_id);
CREATE INDEX article_entity_name_idx ON article_entity (lower(name));

CREATE TABLE article_topic (
    article_id text NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    code       text NOT NULL,                -- IPTC Media Topic, e.g. medtop:11000000
    label      text,
    score      double precision NOT NULL,
    PRIMARY KEY (article_id, code)
);

CREATE INDEX article_topic_code_idx ON article_topic (code);
