package io.newsflow.store.query;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A validated {@code GET /api/entities/trending} request: entities by mentions in the window ending at {@code until},
 * compared with the window just before it.
 *
 * @param window  length of each window, 1 minute .. {@value #MAX_WINDOW_DAYS} days
 * @param until   end of the current window (exclusive)
 * @param limit   1..{@value #MAX_LIMIT}
 * @param type    entity type filter, or null
 * @param buckets number of equal slices of the current window in each entity's {@code series}, 1..{@value #MAX_BUCKETS}
 */
public record TrendingQuery(Duration window, Instant until, int limit, String type, int buckets) {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_BUCKETS = 12;
    public static final int MAX_BUCKETS = 96;
    static final int MAX_WINDOW_DAYS = 90;
    private static final Pattern WINDOW = Pattern.compile("(\\d{1,6})([mhd])");

    public static TrendingQuery parse(String window, String until, String limit, String type, String buckets,
                                      Instant now) {
        Duration w = window(window == null || window.isBlank() ? "24h" : window.strip());
        Instant end = ArticleQuery.time("until", until);
        return new TrendingQuery(w, end == null ? now : end, bounded("limit", limit, DEFAULT_LIMIT, MAX_LIMIT),
                ArticleQuery.entityType(type), bounded("buckets", buckets, DEFAULT_BUCKETS, MAX_BUCKETS));
    }

    public Instant start() {
        return until.minus(window);
    }

    public Instant previousStart() {
        return until.minus(window.multipliedBy(2));
    }

    static Duration window(String value) {
        Matcher m = WINDOW.matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            if (!d.isZero() && d.compareTo(Duration.ofDays(MAX_WINDOW_DAYS)) <= 0) {
                return d;
            }
        }
        throw new InvalidQueryException("window must be a number with unit m, h or d (e.g. 24h, 7d), at most "
                + MAX_WINDOW_DAYS + "d, was '" + value + "'");
    }

    private static int bounded(String name, String value, int defaultValue, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v >= 1 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidQueryException(name + " must be an integer between 1 and " + max + ", was '" + value + "'");
    }
}
