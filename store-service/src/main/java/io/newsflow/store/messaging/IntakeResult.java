package io.newsflow.store.messaging;

import io.newsflow.store.persistence.UpsertOutcome;

/** What became of one message; decides between ack, nack (dead letter) and leaving it for redelivery. */
public sealed interface IntakeResult {

    /** Durably stored (or already current): acknowledge. */
    record Stored(String articleId, UpsertOutcome outcome) implements IntakeResult {
    }

    /** Can never be stored: dead-letter with this reason. {@code articleId} is null when the message was unreadable. */
    record Rejected(String reasonCode, String message, String articleId) implements IntakeResult {
    }

    /** Shutdown began while the database was unreachable: neither ack nor nack, so the message is redelivered. */
    record Abandoned(String articleId) implements IntakeResult {
    }
}
