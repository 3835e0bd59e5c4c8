-- Newsflow store schema v3: the story-event outbox. The write transaction that changes a story inserts its event here,
-- so the event commits or rolls back with the articles; StoryOutboxRelay publishes the rows to news.stories in
-- sequence order and deletes each only after the broker acknowledged it. No foreign key to story or article: the
-- retention job deleting an article or an emptied story must never take an unpublished event with it.

CREATE TABLE story_outbox (
    -- Assigned inside the writers' story-assignment lock, so it increases in commit order; published as the event's
    -- `sequence`, the id consumers deduplicate and order by.
    sequence   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    story_id   text NOT NULL,                      -- the Kafka key
    payload    text NOT NULL,                      -- StoryEvent JSON without its sequence (added when published)
    created_at timestamptz NOT NULL DEFAULT now()  -- backlog age for readiness and operators
);
