package io.newsflow.ingest.dedup;

import io.newsflow.contracts.EventJson;
import io.newsflow.ingest.messaging.CompactedTopic;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Persists the {@link SeenLedger} in the compacted topic news.ingest.seen and loads it back at start, so dedup and
 * revisions survive restarts and any replica can take over.
 */
public final class SeenStateStore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SeenStateStore.class);

    private final CompactedTopic topic;

    public SeenStateStore(CompactedTopic topic) {
        this.topic = topic;
    }

    /** Reads the whole topic into the ledger; unreadable records are skipped with a warning. */
    public long loadInto(SeenLedger ledger) throws TimeoutException {
        return topic.readAll((key, value) -> {
            if (value == null) {
                ledger.apply(key, null);
                return;
            }
            try {
                ledger.apply(key, EventJson.mapper().readValue(value, SeenRecord.class));
            } catch (IOException e) {
                LOG.warnf("Skipping unreadable seen record %s in %s: %s", key, topic.topic(), e.getMessage());
            }
        });
    }

    /** A record's value; null for a tombstone or an unreadable value (logged). */
    public static SeenRecord decode(String key, byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return EventJson.mapper().readValue(value, SeenRecord.class);
        } catch (IOException e) {
            LOG.warnf("Skipping unreadable seen record %s: %s", key, e.getMessage());
            return null;
        }
    }

    /** Queues the record without waiting for the broker; {@code onFailure} hears of a write that failed. */
    public void saveInBackground(String key, SeenRecord record, Consumer<Exception> onFailure) {
        topic.writeInBackground(key, EventJson.toBytes(record), onFailure);
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
