package io.newsflow.enrich.entity;

import io.newsflow.contracts.EnrichedArticle.Entity;

import java.util.Set;

/** An entity as published, plus the knowledge-base tags topic scoring reads ("weapon", "head_of_state"). */
public record ExtractedEntity(Entity entity, Set<String> tags) {
    public ExtractedEntity {
        tags = Set.copyOf(tags);
    }
}
