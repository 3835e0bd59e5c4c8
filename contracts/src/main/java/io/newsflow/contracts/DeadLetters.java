package io.newsflow.contracts;

/** Header names every stage writes on a dead-lettered record, so one tool can read all the *.dlq topics. */
public final class DeadLetters {
    /** Human-readable reason the record was rejected. */
    public static final String REASON = "dead-letter-reason";
    /** Exception class (or short error code) behind the rejection. */
    public static final String CAUSE = "dead-letter-cause";
    /** Stage that rejected it: ingest, enrich or store. */
    public static final String STAGE = "dead-letter-stage";
    /** Where the record came from: topic-partition@offset, or the feed/page URL. */
    public static final String ORIGIN = "dead-letter-origin";

    private DeadLetters() {
    }
}
