package io.newsflow.store.persistence;

import io.newsflow.contracts.EventJson;
import io.newsflow.store.story.StoryChange;
import io.newsflow.store.story.StoryEvent;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Writes story events into the {@code story_outbox} table inside the articles' transaction, so an event exists exactly
 * when the change it announces is committed. Publishing is StoryOutboxRelay's job.
 */
final class StoryOutbox {

    static final String COPY_EVENTS = "story_outbox (story_id, payload)";

    private StoryOutbox() {
    }

    /** One COPY for the whole batch: the write path is the store's throughput limit. */
    static void append(Connection connection, List<StoryChange> changes, Instant now) throws SQLException {
        CopyRows rows = new CopyRows(COPY_EVENTS);
        for (StoryChange change : changes) {
            String payload = new String(EventJson.toBytes(StoryEvent.of(change, now)), StandardCharsets.UTF_8);
            rows.add(change.storyId()).add(payload).endRow();
        }
        rows.copyInto(connection);
    }
}
