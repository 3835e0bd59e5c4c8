package io.newsflow.ingest.fetch;

/**
 * A fetch that did not yield a usable body. {@link Kind#code()} is low-cardinality (a metric tag and the dead-letter
 * reason); the message says what happened to which URL.
 */
public final class FetchException extends Exception {

    /** Why a fetch failed; {@link #retriable()} tells whether the next poll may succeed without anyone acting. */
    public enum Kind {
        INVALID_URL("invalid-url", false),
        BLOCKED_ADDRESS("blocked-address", false),
        UNKNOWN_HOST("unknown-host", true),
        CONNECT_FAILED("connect-failed", true),
        TIMEOUT("timeout", true),
        /** Not sent: the host asked us to wait (Retry-After) or its queue is long; try again later. */
        HOST_THROTTLED("host-throttled", true),
        HTTP_STATUS("http-status", true),
        TOO_LARGE("too-large", false),
        TOO_MANY_REDIRECTS("too-many-redirects", false),
        BAD_ENCODING("bad-encoding", false),
        IO_ERROR("io-error", true);

        private final String code;
        private final boolean retriable;

        Kind(String code, boolean retriable) {
            this.code = code;
            this.retriable = retriable;
        }

        public String code() {
            return code;
        }

        public boolean retriable() {
            return retriable;
        }
    }

    private final Kind kind;
    private final int status;
    private final java.time.Duration retryAfter;

    public FetchException(Kind kind, String message) {
        this(kind, message, 0, null);
    }

    public FetchException(Kind kind, String message, Throwable cause) {
        this(kind, message, 0, cause);
    }

    public FetchException(Kind kind, String message, int status, Throwable cause) {
        this(kind, message, status, cause, null);
    }

    /** @param retryAfter what the server's Retry-After asked for (429/503), null when it gave none */
    public FetchException(Kind kind, String message, int status, Throwable cause, java.time.Duration retryAfter) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The wait the server asked for with Retry-After, if any. */
    public java.util.Optional<java.time.Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status behind an {@link Kind#HTTP_STATUS} failure, else 0. */
    public int status() {
        return status;
    }
}
