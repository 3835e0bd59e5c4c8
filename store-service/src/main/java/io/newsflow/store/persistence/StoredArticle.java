package io.newsflow.store.persistence;

import io.newsflow.contracts.EnrichedArticle;

/** An article whose write has committed, with the story it belongs to and what the write did. */
public record StoredArticle(EnrichedArticle event, String storyId, UpsertOutcome outcome) {
}
