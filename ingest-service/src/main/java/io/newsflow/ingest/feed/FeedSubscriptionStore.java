package io.newsflow.ingest.feed;

import io.newsflow.contracts.EventJson;
import io.newsflow.ingest.messaging.CompactedTopic;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/** Feed subscriptions made through the API, kept in the compacted topic news.ingest.feeds so they survive restarts. */
public final class FeedSubscriptionStore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FeedSubscriptionStore.class);

    private final CompactedTopic topic;

    public FeedSubscriptionStore(CompactedTopic topic) {
        this.topic = topic;
    }

    /** Every current subscription (tombstoned ones left out), in the order they were first written. */
    public Collection<Feed> loadAll() throws TimeoutException {
        Map<String, Feed> feeds = new LinkedHashMap<>();
        topic.readAll((key, value) -> {
            if (value == null) {
                feeds.remove(key);
                return;
            }
            try {
                feeds.put(key, EventJson.mapper().readValue(value, Feed.class));
            } catch (IOException e) {
                LOG.warnf("Skipping unreadable feed subscription %s: %s", key, e.getMessage());
            }
        });
        return feeds.values();
    }

    /** A record's value as a subscription; null for a tombstone or an unreadable value (logged). */
    public static Feed decode(String key, byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return EventJson.mapper().readValue(value, Feed.class);
        } catch (IOException e) {
            LOG.warnf("Skipping unreadable feed subscription %s: %s", key, e.getMessage());
            return null;
        }
    }

    public void save(Feed feed) throws TimeoutException {
        topic.write(feed.id(), EventJson.toBytes(feed));
    }

    public void delete(String feedId) throws TimeoutException {
        topic.write(feedId, null);
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
