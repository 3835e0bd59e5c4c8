package io.newsflow.enrich.pipeline;

import io.newsflow.contracts.EnrichedArticle.Entity;
import io.newsflow.contracts.EnrichedArticle.Language;
import io.newsflow.contracts.EnrichedArticle.Topic;

import java.util.List;

/** What enrichment found in one article: the part of {@link io.newsflow.contracts.EnrichedArticle} it computes. */
public record Enrichment(Language language, List<Entity> entities, List<Topic> topics,
                         io.newsflow.contracts.EnrichedArticle.Fingerprint fingerprint) {
    public Enrichment {
        entities = List.copyOf(entities);
        topics = List.copyOf(topics);
    }
}
