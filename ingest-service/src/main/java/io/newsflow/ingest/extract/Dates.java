package io.newsflow.ingest.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the date formats pages put in meta tags, JSON-LD, &lt;time datetime&gt; and URLs; unknown formats give null. */
final class Dates {

    /** ISO date-time with an offset written "+01:00", "+0100", "+01" or "Z". */
    private static final DateTimeFormatter OFFSET_LENIENT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendPattern("HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT);
    private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})(?:T?(\\d{2})(\\d{2})(\\d{2})?)?Z?$");
    /** /2019/11/20/ or /2019-11-20/ or /20191120/ in a path. */
    private static final Pattern IN_URL = Pattern.compile(
            "/((?:19|20)\\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\\d|3[01])(?:/|-|$)|/((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])/");

    private Dates() {
    }

    static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String raw = value.strip();
        if (Character.isLetter(raw.charAt(0))) {
            try {
                return ZonedDateTime.parse(raw.replaceAll("\\s+", " "), RFC_1123).toInstant();
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
        Matcher compact = COMPACT.matcher(raw);
        if (compact.matches()) {
            try {
                return LocalDateTime.of(Integer.parseInt(compact.group(1)), Integer.parseInt(compact.group(2)),
                        Integer.parseInt(compact.group(3)), compact.group(4) == null ? 0 : Integer.parseInt(compact.group(4)),
                        compact.group(5) == null ? 0 : Integer.parseInt(compact.group(5)),
                        compact.group(6) == null ? 0 : Integer.parseInt(compact.group(6))).toInstant(ZoneOffset.UTC);
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        String s = raw.replaceFirst("^(\\d{4}-\\d{2}-\\d{2})\\s+", "$1T").replace(" ", "");
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(s, OFFSET_LENIENT).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            // No zone given: UTC is the least surprising reading.
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    /** The date in a URL path ("/2019/11/20/slug"), at midnight UTC; null when there is none. */
    static Instant fromUrl(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = IN_URL.matcher(url);
        if (!m.find()) {
            return null;
        }
        int base = m.group(1) != null ? 1 : 4;
        try {
            return LocalDate.of(Integer.parseInt(m.group(base)), Integer.parseInt(m.group(base + 1)),
                    Integer.parseInt(m.group(base + 2))).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
