package io.newsflow.ingest.messaging;

import java.time.Instant;

/**
 * The value on news.ingest.dlq (key = {@code url}).
 *
 * @param url     the feed or page that could not be read
 * @param feedUrl the feed it belongs to (equal to url for feed failures)
 * @param reason  short code, also the metric tag: timeout, http-status, feed-parse-error, no-main-text, …
 * @param detail  what happened, for a human
 * @param stage   always "ingest"
 * @param at      when it failed
 */
public record DeadLetter(String url, String feedUrl, String reason, String detail, String stage, Instant at) {
}
