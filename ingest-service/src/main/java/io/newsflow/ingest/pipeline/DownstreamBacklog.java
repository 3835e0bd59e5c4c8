package io.newsflow.ingest.pipeline;

import io.newsflow.contracts.Topics;
import io.newsflow.ingest.config.IngestConfig;
import io.newsflow.ingest.config.KafkaClients;
import io.newsflow.ingest.messaging.IngestMetrics;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Admission control for feed polls: measures how far the downstream consumer group
 * ({@code newsflow.ingest.admission.consumer-group}) is behind on news.articles.raw, and while that backlog is above
 * {@code max-lag} the poller starts no new poll. Offered more than the pipeline can take, pages fetched and extracted
 * now would only wait in Kafka, and the CPU spent on them is taken from the stages that drain it.
 *
 * <p>Hysteresis: paused above max-lag, resumed below half of it, so polls do not flap at the limit. Fails open: a
 * partition the group has no committed offset on counts as 0 (a fresh deployment whose enrich has not started yet
 * still ingests; Kafka is the buffer), and a check that fails or times out never pauses.
 */
@Singleton
public final class DownstreamBacklog {

    private static final Logger LOG = Logger.getLogger(DownstreamBacklog.class);
    /** Longest one check waits for the broker, both admin calls together; the check after a failure tries again. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Supplier<Admin> admin;
    private final String topic;
    private final String group;
    private final long maxLag;
    private final boolean enabled;
    private final IngestMetrics metrics;
    private volatile boolean paused;
    /** The last check could not measure the backlog; logged once when this changes, not at every check. */
    private boolean unmeasurable;

    @Inject
    DownstreamBacklog(KafkaClients kafka, IngestConfig config, IngestMetrics metrics) {
        this(kafka::admin, Topics.ARTICLES_RAW, config.admission().consumerGroup(), config.admission().maxLag(),
                config.admission().enabled(), metrics);
    }

    /** Watches {@code group} on {@code topic}; {@link #check()} measures once. */
    public DownstreamBacklog(Supplier<Admin> admin, String topic, String group, long maxLag, IngestMetrics metrics) {
        this(admin, topic, group, maxLag, true, metrics);
    }

    private DownstreamBacklog(Supplier<Admin> admin, String topic, String group, long maxLag, boolean enabled,
                              IngestMetrics metrics) {
        this.admin = admin;
        this.topic = topic;
        this.group = group;
        this.maxLag = maxLag;
        this.enabled = enabled;
        this.metrics = metrics;
        metrics.admissionPaused(false);
    }

    /** True while no new feed poll should start. */
    public boolean paused() {
        return paused;
    }

    @Scheduled(every = "${newsflow.ingest.admission.check-interval:2s}", delay = 1, delayUnit = TimeUnit.SECONDS,
            identity = "downstream-backlog", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void check() {
        if (!enabled) {
            return;
        }
        try {
            measured(lag());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unmeasured(e);
        } catch (ExecutionException e) {
            unmeasured(e.getCause() == null ? e : e.getCause());
        } catch (Exception e) {
            unmeasured(e);
        }
    }

    /** Σ over the topic's partitions the group has committed on of (end offset − committed offset). */
    private long lag() throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Admin client = admin.get();
        Map<TopicPartition, OffsetAndMetadata> committed = client
                .listConsumerGroupOffsets(group, new ListConsumerGroupOffsetsOptions().timeoutMs(remainingMs(deadline)))
                .partitionsToOffsetAndMetadata().get(remainingMs(deadline), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null && partition.topic().equals(topic)) {
                latest.put(partition, OffsetSpec.latest());
            }
        });
        if (latest.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends = client
                .listOffsets(latest, new ListOffsetsOptions().timeoutMs(remainingMs(deadline)))
                .all().get(remainingMs(deadline), TimeUnit.MILLISECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
            // Below 0 only when the topic was recreated under the group's old offsets: nothing waits there.
            lag += Math.max(0, end.getValue().offset() - committed.get(end.getKey()).offset());
        }
        return lag;
    }

    private static int remainingMs(long deadline) {
        return (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    /** One reading: pause above max-lag, resume below half of it, keep the state in between. */
    void measured(long lag) {
        metrics.downstreamLag(lag);
        if (unmeasurable) {
            unmeasurable = false;
            LOG.infof("Backlog of consumer group %s on %s measured again: %d records", group, topic, lag);
        }
        if (!paused && lag > maxLag) {
            paused(true);
            LOG.warnf("Consumer group %s is %d records behind on %s (limit %d): no new feed polls until it is below %d",
                    group, lag, topic, maxLag, (maxLag + 1) / 2);
        } else if (paused && lag * 2 < maxLag) {
            paused(false);
            LOG.infof("Consumer group %s is %d records behind on %s: feed polls resume", group, lag, topic);
        }
    }

    /** A check that failed or timed out: fail open, so an unreachable broker or a missing ACL never stops ingest. */
    void unmeasured(Throwable cause) {
        metrics.downstreamLag(Double.NaN);
        if (!unmeasurable) {
            unmeasurable = true;
            LOG.warnf("Cannot measure the backlog of consumer group %s on %s (%s); feed polls are admitted until it "
                    + "can be measured", group, topic, cause.toString());
        }
        if (paused) {
            paused(false);
        }
    }

    private void paused(boolean value) {
        paused = value;
        metrics.admissionPaused(value);
    }
}
