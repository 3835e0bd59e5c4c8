package io.newsflow.ingest.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The counters every stage exposes (newsflow.articles.in/out/failed with stage=ingest) plus ingest's own poll counter.
 * "in" counts feed items taken into processing (new, or newer than last time); "out" counts published articles.
 * Two gauges show admission control: the downstream backlog last measured and whether new polls are held back.
 */
@ApplicationScoped
public class IngestMetrics {

    static final String STAGE = "ingest";
    static final List<String> ITEM_OUTCOMES = List.of("new", "revised", "duplicate");

    private final MeterRegistry registry;
    private final Counter in;
    private final Counter out;
    /** NaN until measured, and while it cannot be measured (admission control off, or Kafka not answering). */
    private volatile double downstreamLag = Double.NaN;
    private volatile double admissionPaused;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.in = Counter.builder("newsflow.articles.in").tag("stage", STAGE)
                .description("Feed items taken into processing").register(registry);
        this.out = Counter.builder("newsflow.articles.out").tag("stage", STAGE)
                .description("Articles published to news.articles.raw").register(registry);
        Gauge.builder("newsflow.ingest.downstream.lag", this, metrics -> metrics.downstreamLag)
                .description("Records of news.articles.raw the downstream consumer group has not committed, "
                        + "as of the last admission check (NaN: unknown)").register(registry);
        Gauge.builder("newsflow.ingest.admission.paused", this, metrics -> metrics.admissionPaused)
                .description("1 while no new feed poll starts because the downstream backlog is too long")
                .register(registry);
        // Exported at 0 from the start, so rate() and alerts over an outcome work before its first occurrence.
        ITEM_OUTCOMES.forEach(this::itemCounter);
    }

    /** @param lag records behind, or NaN when the last check could not measure it */
    public void downstreamLag(double lag) {
        downstreamLag = lag;
    }

    public void admissionPaused(boolean paused) {
        admissionPaused = paused ? 1 : 0;
    }

    public void itemIn() {
        in.increment();
    }

    public void articleOut() {
        out.increment();
    }

    /** @param reason a low-cardinality code such as timeout, http-status, feed-parse-error, no-main-text */
    public void failed(String reason) {
        Counter.builder("newsflow.articles.failed").tag("stage", STAGE).tag("reason", reason)
                .description("Feeds, pages and items that could not be processed").register(registry).increment();
    }

    /**
     * @param result ok, not-modified or failed
     * @param status the HTTP status, or "none" when no response arrived
     */
    public void poll(String result, String status) {
        pollCounter(result, status);
    }

    private void pollCounter(String result, String status) {
        Counter.builder("newsflow.ingest.polls").tag("result", result).tag("status", status)
                .description("Feed polls by outcome").register(registry).increment();
    }

    /**
     * Bytes transferred (before decompression).
     *
     * @param kind feed or page
     */
    public void bytes(String kind, long bytes) {
        Counter.builder("newsflow.ingest.fetch.bytes").tag("kind", kind).baseUnit("bytes")
                .description("Bytes fetched from publishers, as transferred").register(registry).increment(bytes);
    }

    /**
     * How long a fetch took, redirects and any wait for the host's turn (politeness) included.
     *
     * @param kind   feed or page
     * @param result ok or failed
     */
    public void fetchLatency(String kind, String result, java.time.Duration took) {
        io.micrometer.core.instrument.Timer.builder("newsflow.ingest.fetch.latency").tag("kind", kind).tag("result", result)
                .description("Feed and page fetch latency").register(registry).record(took);
    }

    /** @param outcome one of {@link #ITEM_OUTCOMES} */
    public void items(String outcome, int count) {
        if (count > 0) {
            itemCounter(outcome).increment(count);
        }
    }

    private Counter itemCounter(String outcome) {
        return Counter.builder("newsflow.ingest.items").tag("outcome", outcome)
                .description("Feed items by outcome: new article, new revision, already known").register(registry);
    }
}
