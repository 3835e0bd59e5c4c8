package io.newsflow.store.messaging;

import java.util.List;

/** Short codes for why a message was dead-lettered: the {@code reason} tag of newsflow.articles.failed. */
final class RejectReason {
    /** Not JSON, not an EnrichedArticle, unknown schemaVersion, or an empty (tombstone) value. */
    static final String INVALID_EVENT = "invalid-event";
    /** Readable, but breaks a rule the store relies on (see ArticleValidation). */
    static final String INVALID_ARTICLE = "invalid-article";
    /** PostgreSQL refused the data itself (constraint, encoding, size limit); retrying cannot help. */
    static final String DATABASE_REJECTED = "database-rejected";
    /** An unexpected error while storing this one message. */
    static final String STORE_ERROR = "store-error";

    static final List<String> CODES = List.of(INVALID_EVENT, INVALID_ARTICLE, DATABASE_REJECTED, STORE_ERROR);

    private RejectReason() {
    }
}
