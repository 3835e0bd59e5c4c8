package io.newsflow.store.persistence;

import io.newsflow.contracts.EnrichedArticle;

import java.util.Optional;

/**
 * Contract rules the store relies on beyond what the event records enforce. An article breaking one can never be
 * stored, so it is dead-lettered instead of retried.
 */
public final class ArticleValidation {

    /** Ids are 32 hex characters today; the bound only keeps a corrupt key from becoming a primary key. */
    static final int MAX_ID_LENGTH = 200;

    private ArticleValidation() {
    }

    /** The first rule the article breaks, or empty when it can be stored. */
    public static Optional<String> problem(EnrichedArticle event) {
        var article = event.article();
        if (article.id().isBlank() || article.id().length() > MAX_ID_LENGTH) {
            return Optional.of("article id must be 1.." + MAX_ID_LENGTH + " characters");
        }
        if (article.canonicalUrl().isBlank()) {
            return Optional.of("article " + article.id() + " has a blank canonicalUrl");
        }
        if (article.revision() < 1) {
            return Optional.of("article " + article.id() + " has revision " + article.revision() + " (must be >= 1)");
        }
        for (EnrichedArticle.Entity entity : event.entities()) {
            if (entity == null || isBlank(entity.id()) || isBlank(entity.name()) || entity.type() == null) {
                return Optional.of("article " + article.id() + " has an entity without id, name or type");
            }
            if (entity.count() < 0 || !Double.isFinite(entity.salience())) {
                return Optional.of("article " + article.id() + " entity " + entity.id() + " has a negative count"
                        + " or a non-finite salience");
            }
        }
        for (EnrichedArticle.Topic topic : event.topics()) {
            if (topic == null || isBlank(topic.code()) || !Double.isFinite(topic.score())) {
                return Optional.of("article " + article.id() + " has a topic without code or with a non-finite score");
            }
        }
        return Optional.empty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
