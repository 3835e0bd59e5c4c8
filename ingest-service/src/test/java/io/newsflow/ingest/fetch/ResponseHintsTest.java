package io.newsflow.ingest.fetch;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseHintsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void retryAfterInSecondsOrAsHttpDate() {
        assertThat(ResponseHints.retryAfter("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(ResponseHints.retryAfter(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(ResponseHints.retryAfter("Fri, 20 Nov 2026 08:30:00 GMT", NOW)).contains(Duration.ofMinutes(30));
        assertThat(ResponseHints.retryAfter("Thu, 20 Nov 2026 08:30:00 GMT", NOW)).as("wrong day name").contains(Duration.ofMinutes(30));
        assertThat(ResponseHints.retryAfter("Thu, 20 Nov 2026 07:00:00 GMT", NOW)).as("past").contains(Duration.ZERO);
        assertThat(ResponseHints.retryAfter("soon", NOW)).isEmpty();
        assertThat(ResponseHints.retryAfter("99999999999999999999999", NOW)).isEmpty();
        assertThat(ResponseHints.retryAfter(null, NOW)).isEmpty();
    }

    @Test
    void maxAgeFromCacheControl() {
        assertThat(ResponseHints.maxAge("public, max-age=600")).contains(Duration.ofMinutes(10));
        assertThat(ResponseHints.maxAge("max-age=60, s-maxage=900")).contains(Duration.ofSeconds(60));
        assertThat(ResponseHints.maxAge("s-maxage=900")).contains(Duration.ofSeconds(900));
        assertThat(ResponseHints.maxAge("no-cache, max-age=600")).isEmpty();
        assertThat(ResponseHints.maxAge("private")).isEmpty();
        assertThat(ResponseHints.maxAge(null)).isEmpty();
    }
}
