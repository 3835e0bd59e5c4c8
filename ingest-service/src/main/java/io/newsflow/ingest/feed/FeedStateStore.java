package io.newsflow.ingest.feed;

import io.newsflow.contracts.EventJson;
import io.newsflow.ingest.messaging.CompactedTopic;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** {@link FeedPollState} per feed in the compacted topic news.ingest.feed-state (key = feed id). */
public final class FeedStateStore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FeedStateStore.class);

    private final CompactedTopic topic;

    public FeedStateStore(CompactedTopic topic) {
        this.topic = topic;
    }

    /** The latest state of every feed (tombstoned ones left out). */
    public Map<String, FeedPollState> loadAll() throws TimeoutException {
        Map<String, FeedPollState> states = new HashMap<>();
        topic.readAll((key, value) -> {
            FeedPollState state = decode(key, value);
            if (state == null) {
                states.remove(key);
            } else {
                states.put(key, state);
            }
        });
        return states;
    }

    /** A record's value as state; null for a tombstone or an unreadable value (logged). */
    public static FeedPollState decode(String key, byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return EventJson.mapper().readValue(value, FeedPollState.class);
        } catch (IOException e) {
            LOG.warnf("Skipping unreadable feed state %s: %s", key, e.getMessage());
            return null;
        }
    }

    /** Queues the state without waiting for the broker; {@code onFailure} hears of a write that failed. */
    public void saveInBackground(FeedPollState state, Consumer<Exception> onFailure) {
        topic.writeInBackground(state.feedId(), EventJson.toBytes(state), onFailure);
    }

    /** Forgets an unsubscribed feed's state. */
    public void delete(String feedId) throws TimeoutException {
        topic.write(feedId, null);
    }

    public String topic() {
        return topic.topic();
    }

    /** Where the last full load stopped: the state tail continues from here. */
    public java.util.Map<org.apache.kafka.common.TopicPartition, Long> endOffsets() {
        return topic.endOffsets();
    }

    @Override
    public void close() {
        topic.close();
    }
}
