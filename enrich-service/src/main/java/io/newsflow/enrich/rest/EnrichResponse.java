package io.newsflow.enrich.rest;

import io.newsflow.contracts.EnrichedArticle.Entity;
import io.newsflow.contracts.EnrichedArticle.Language;
import io.newsflow.contracts.EnrichedArticle.Topic;

import java.util.List;

/** What POST /api/enrich returns: the same shapes as in {@link io.newsflow.contracts.EnrichedArticle}. */
public record EnrichResponse(Language language, List<Entity> entities, List<Topic> topics,
                             io.newsflow.contracts.EnrichedArticle.Fingerprint fingerprint) {
}
