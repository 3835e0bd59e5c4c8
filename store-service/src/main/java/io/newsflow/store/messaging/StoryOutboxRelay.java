package io.newsflow.store.messaging;

import io.newsflow.contracts.EventJson;
import io.newsflow.contracts.Topics;
import io.newsflow.store.story.StoryEvent;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Publishes the {@code story_outbox} rows to {@value Topics#STORIES} (key = story id), oldest first, and deletes each
 * only after the broker acknowledged it: at-least-once, nothing lost while Kafka or the process is down. Each chunk is
 * one transaction holding a PostgreSQL advisory lock, so of several replicas only one publishes at a time and a row is
 * sent once in the normal case; a send that fails or times out leaves its row (and every later one) for the next run,
 * which can repeat events the broker did take — consumers deduplicate by the event's {@code sequence}.
 */
public final class StoryOutboxRelay implements AutoCloseable {

    /** Advisory lock key of the relay ("outbox" in ASCII); distinct from the story-assignment lock. */
    static final long LOCK_KEY = 0x6f7574626f78L;

    static final String LOCK = "SELECT pg_advisory_xact_lock(?)";
    static final String NEXT_CHUNK = "SELECT sequence, story_id, payload FROM story_outbox ORDER BY sequence LIMIT ?";
    static final String DELETE_PUBLISHED = "DELETE FROM story_outbox WHERE sequence = ANY(?)";
    static final String BACKLOG = "SELECT count(*), min(created_at) FROM story_outbox";

    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(StoryOutboxRelay.class);

    /** Unpublished events and the time the oldest was written (null when there are none). */
    public record Backlog(long events, Instant oldest) {
        static final Backlog UNKNOWN = new Backlog(-1, null);
    }

    private record Row(long sequence, String storyId, String payload) {
    }

    private record ChunkResult(int read, int published) {
    }

    private final DataSource dataSource;
    private final Supplier<Producer<String, byte[]>> producers;
    private final StoreMetrics metrics;
    private final int chunkSize;
    private final Duration sendTimeout;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("story-outbox-relay").daemon().factory());
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile Backlog backlog = Backlog.UNKNOWN;
    private Producer<String, byte[]> producer; // only touched by the thread running publishPending

    /**
     * @param producers   creates the producer (idempotent, acks=all, delivery timeout = {@code sendTimeout}); called
     *                    again after a failed send, so no state from before an outage carries over
     * @param chunkSize   rows per transaction
     * @param sendTimeout longest wait for the acknowledgements of one chunk
     */
    public StoryOutboxRelay(DataSource dataSource, Supplier<Producer<String, byte[]>> producers, StoreMetrics metrics,
                            int chunkSize, Duration sendTimeout) {
        this.dataSource = dataSource;
        this.producers = producers;
        this.metrics = metrics;
        this.chunkSize = chunkSize;
        this.sendTimeout = sendTimeout;
    }

    /**
     * Asks for a run on the relay's own thread and returns at once. Wake-ups while a run is queued collapse into it,
     * so a burst of commits costs one run, and the writer never waits for Kafka.
     */
    public void wake() {
        if (wakePending.compareAndSet(false, true)) {
            try {
                worker.execute(this::runQuietly);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                wakePending.set(false); // closing: the rows stay for the next start
            }
        }
    }

    /** The backlog as of the last run; events = -1 before the first. */
    public Backlog backlog() {
        return backlog;
    }

    /**
     * Publishes until the outbox is empty or a send fails; blocks while another relay holds the lock.
     *
     * @return events published (acknowledged and deleted) by this call
     * @throws SQLException when PostgreSQL fails; unpublished rows stay
     */
    public synchronized int publishPending() throws SQLException {
        int total = 0;
        try {
            while (true) {
                ChunkResult chunk = publishChunk();
                total += chunk.published();
                if (chunk.published() < chunk.read() || chunk.read() < chunkSize) {
                    return total;
                }
            }
        } finally {
            refreshBacklog();
        }
    }

    private void runQuietly() {
        wakePending.set(false); // a commit after this point wakes another run, which reads its rows
        try {
            publishPending();
        } catch (SQLException e) {
            // The rows stay; the next wake-up or sweep tries again.
            LOG.warnf("Story outbox not published (SQLState %s): %s", e.getSQLState(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Story outbox run failed");
        }
    }

    private ChunkResult publishChunk() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // Held until commit: a second relay waits here and then reads only what this one did not delete.
                try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                    lock.setLong(1, LOCK_KEY);
                    lock.execute();
                }
                List<Row> rows = nextChunk(connection);
                int published = rows.isEmpty() ? 0 : send(rows);
                if (published > 0) {
                    try (PreparedStatement delete = connection.prepareStatement(DELETE_PUBLISHED)) {
                        delete.setArray(1, connection.createArrayOf("bigint",
                                rows.subList(0, published).stream().map(Row::sequence).toArray()));
                        delete.executeUpdate();
                    }
                }
                connection.commit();
                metrics.storyEventsPublished(published);
                return new ChunkResult(rows.size(), published);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private List<Row> nextChunk(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(NEXT_CHUNK)) {
            ps.setInt(1, chunkSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return rows;
    }

    /**
     * Sends the rows in order and waits for the acknowledgements.
     *
     * @return how many rows from the start were acknowledged: only that prefix may be deleted, so a story's events
     * are never taken out of the outbox after a later one failed
     */
    private int send(List<Row> rows) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        int acknowledged = 0;
        Exception failure = null;
        try {
            Producer<String, byte[]> sender = producer();
            for (Row row : rows) {
                acks.add(sender.send(new ProducerRecord<>(Topics.STORIES, row.storyId(), value(row))));
            }
            long deadline = System.nanoTime() + sendTimeout.toNanos();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } catch (ExecutionException e) {
            failure = e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException | RuntimeException e) { // RuntimeException: KafkaException from send, e.g. no metadata
            failure = e;
        }
        if (failure != null) {
            metrics.storyEventsFailed(rows.size() - acknowledged);
            LOG.warnf("Story events not acknowledged by Kafka (%d of %d in this chunk, from sequence %d); they stay in "
                    + "the outbox: %s", rows.size() - acknowledged, rows.size(), rows.get(acknowledged).sequence(),
                    failure.toString());
            discardProducer();
        }
        return acknowledged;
    }

    private static byte[] value(Row row) {
        StoryEvent event = EventJson.fromBytes(row.payload().getBytes(StandardCharsets.UTF_8), StoryEvent.class);
        return EventJson.toBytes(event.withSequence(row.sequence()));
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    /** A fresh producer after a failure: an idempotent one that timed out may hold sequence state the broker lost. */
    private void discardProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debugf("Closing the failed story producer: %s", e);
            }
            producer = null;
        }
    }

    private void refreshBacklog() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(BACKLOG);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            var oldest = rs.getObject(2, java.time.OffsetDateTime.class);
            backlog = new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
            metrics.outboxBacklog(backlog.events());
        } catch (SQLException e) {
            LOG.debugf("Outbox backlog not read: %s", e.getMessage()); // the database check reports the outage
        }
    }

    /**
     * Stops the relay thread and closes the producer. A chunk in flight gets a few seconds to be acknowledged, then is
     * interrupted and rolled back (its rows stay): shutdown must end within the pod's grace period even without Kafka.
     */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.shutdownNow();
        }
        synchronized (this) {
            discardProducer();
        }
    }
}
