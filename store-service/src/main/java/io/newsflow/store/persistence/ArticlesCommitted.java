package io.newsflow.store.persistence;

import io.newsflow.store.story.StoryChange;

import java.util.List;

/**
 * Fired (as a CDI event) after a write transaction commits, never before: story events and the live stream only ever
 * announce what is durably stored. Unchanged articles (redeliveries, late older revisions) are not included.
 */
public record ArticlesCommitted(List<StoredArticle> articles, List<StoryChange> stories) {
    public ArticlesCommitted {
        articles = List.copyOf(articles);
        stories = List.copyOf(stories);
    }

    /** Receives commits; CDI wiring turns it into an event, tests and the benchmark pass their own. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = committed -> { };

        void committed(ArticlesCommitted committed);
    }
}
