package io.newsflow.store.query;

/** A request parameter out of range or malformed; the API answers 400 with this message. */
public final class InvalidQueryException extends RuntimeException {
    public InvalidQueryException(String message) {
        super(message, null, false, false);
    }
}
