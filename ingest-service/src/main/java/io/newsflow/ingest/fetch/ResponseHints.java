package io.newsflow.ingest.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a publisher's response headers say about when to come back: Retry-After and Cache-Control max-age. */
public final class ResponseHints {

    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])(?:s-maxage|max-age)\\s*=\\s*\"?(\\d{1,10})");
    private static final Pattern NO_CACHE = Pattern.compile("(?:^|[,\\s])(?:no-cache|no-store)(?:$|[,\\s=])");

    private static final DateTimeFormatter WITHOUT_DAY_NAME =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss zzz", Locale.ENGLISH);

    private ResponseHints() {
    }

    /**
     * Retry-After as delta-seconds or an HTTP-date (RFC 9110 §10.2.3), relative to {@code now}; empty when absent or
     * unreadable. A date in the past is zero.
     */
    public static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException e) {
                return Optional.empty(); // more seconds than a long holds: nonsense
            }
        }
        Instant at = httpDate(v);
        if (at == null) {
            return Optional.empty();
        }
        return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    }

    /** An HTTP-date; a wrong day name (common) is ignored rather than failing the date. */
    static Instant httpDate(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return ZonedDateTime.parse(value.replaceFirst("^[A-Za-z]+,\\s*", ""), WITHOUT_DAY_NAME).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** The freshness lifetime Cache-Control gives (s-maxage or max-age); empty when absent or no-cache/no-store. */
    public static Optional<Duration> maxAge(String cacheControl) {
        if (cacheControl == null || cacheControl.isBlank()) {
            return Optional.empty();
        }
        String lower = cacheControl.toLowerCase(Locale.ROOT);
        if (NO_CACHE.matcher(lower).find()) {
            return Optional.empty();
        }
        Matcher m = MAX_AGE.matcher(lower);
        return m.find() ? Optional.of(Duration.ofSeconds(Long.parseLong(m.group(1)))) : Optional.empty();
    }
}
