package io.newsflow.ingest.pipeline;

import io.newsflow.ingest.feed.FeedRegistry;
import io.newsflow.ingest.feed.FeedState;
import io.newsflow.ingest.messaging.FeedAssignment;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * What a change of feed ownership means for this replica's registry: feeds taken over resume from the state their
 * previous owner persisted; feeds handed over are let go only once their in-flight polls are done, so the next owner
 * never polls a feed this replica is still polling.
 */
public final class FeedOwnership implements FeedAssignment.Listener {

    private static final Logger LOG = Logger.getLogger(FeedOwnership.class);

    private final FeedRegistry registry;
    private final ToIntFunction<String> partitionOf;
    private final Duration maxHandOverWait;

    /**
     * @param partitionOf     the subscription-topic partition of a feed id
     * @param maxHandOverWait how long a hand-over waits for in-flight polls (keep it below the consumer's
     *                        max.poll.interval)
     */
    public FeedOwnership(FeedRegistry registry, ToIntFunction<String> partitionOf, Duration maxHandOverWait) {
        this.registry = registry;
        this.partitionOf = partitionOf;
        this.maxHandOverWait = maxHandOverWait;
    }

    @Override
    public void assigned(Set<Integer> partitions) {
        List<String> gained = registry.all().stream().map(f -> f.feed().id())
                .filter(id -> partitions.contains(partitionOf.applyAsInt(id))).toList();
        registry.takeOver(gained);
        LOG.debugf("Took over %d feeds", gained.size());
    }

    @Override
    public void revoked(Set<Integer> partitions) {
        long deadline = System.nanoTime() + maxHandOverWait.toNanos();
        while (true) {
            List<FeedState> busy = registry.all().stream()
                    .filter(f -> f.isPolling() && partitions.contains(partitionOf.applyAsInt(f.feed().id()))).toList();
            if (busy.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                LOG.warnf("Handing over %d feeds still being polled after %s: %s", busy.size(), maxHandOverWait,
                        busy.stream().map(f -> f.feed().url()).toList());
                return;
            }
            try {
                Thread.sleep(50); // runs on the assignment thread, inside the rebalance
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
