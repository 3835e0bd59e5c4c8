package io.newsflow.ingest.feed;

/** The body is not a feed Rome can read (malformed XML, unknown format, a refused DOCTYPE). */
public final class FeedParseException extends Exception {
    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
