package io.newsflow.store.messaging;

/**
 * The nack cause of a dead-lettered message. Its message becomes the {@code dead-letter-reason} header, so it starts
 * with the reason code and says what was wrong.
 */
public final class RejectedMessageException extends RuntimeException {

    private final String reasonCode;

    public RejectedMessageException(IntakeResult.Rejected rejected) {
        super(rejected.reasonCode() + ": " + rejected.message(), null, false, false);
        this.reasonCode = rejected.reasonCode();
    }

    public String reasonCode() {
        return reasonCode;
    }
}
