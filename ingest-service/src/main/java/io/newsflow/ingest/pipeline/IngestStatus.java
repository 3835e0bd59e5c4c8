package io.newsflow.ingest.pipeline;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether the start-up work is done: state topics exist, subscriptions and the seen state are loaded. */
@ApplicationScoped
public class IngestStatus {

    private volatile boolean stateLoaded;
    private volatile String problem = "loading state from Kafka";
    private volatile long seenArticles;

    public boolean stateLoaded() {
        return stateLoaded;
    }

    public String problem() {
        return problem;
    }

    public long seenArticles() {
        return seenArticles;
    }

    void loaded(long seenArticles) {
        this.seenArticles = seenArticles;
        this.problem = null;
        this.stateLoaded = true;
    }

    void loading(String problem) {
        this.problem = problem;
    }
}
