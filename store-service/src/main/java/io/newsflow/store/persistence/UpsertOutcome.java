package io.newsflow.store.persistence;

/** What an upsert did to the stored article. */
public enum UpsertOutcome {
    /** First time this article id was seen. */
    INSERTED,
    /** A newer revision (or a newer enrichment of the same revision) replaced the stored one. */
    UPDATED,
    /** A redelivery or an older revision arriving late: the stored article is already as new or newer. */
    UNCHANGED
}
