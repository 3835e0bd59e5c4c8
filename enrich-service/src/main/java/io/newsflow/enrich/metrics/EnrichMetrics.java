package io.newsflow.enrich.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** The stage counters every Newsflow service exports: newsflow_articles_{in,out,failed}_total{stage="enrich"}. */
@ApplicationScoped
public class EnrichMetrics {

    public static final String STAGE = "enrich";

    private final MeterRegistry registry;
    private final Counter in;
    private final Counter out;

    public EnrichMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.in = Counter.builder("newsflow.articles.in").tag("stage", STAGE)
                .description("Raw articles received by the enrich stage").register(registry);
        this.out = Counter.builder("newsflow.articles.out").tag("stage", STAGE)
                .description("Enriched articles produced").register(registry);
    }

    public void received() {
        in.increment();
    }

    public void enriched() {
        out.increment();
    }

    /** @param reason short, low-cardinality reason: invalid-event, enrich-error */
    public void failed(String reason) {
        Counter.builder("newsflow.articles.failed").tag("stage", STAGE).tag("reason", reason)
                .description("Messages the enrich stage dead-lettered").register(registry).increment();
    }
}
