package io.newsflow.store.story;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The specific numbers an article reports, written alike whatever its language: outlets that rewrite or translate a
 * story keep its figures (58,000 homes, a 3.2 km fissure, 729 feet) where they share few words and, when the enricher
 * misses a name, few entities. Thousands separators (70,000 / 70.000 / 70 000) are dropped and a decimal comma is a
 * point (9,6 → 9.6), so the same figure compares equal across conventions. Numbers that many unrelated articles carry
 * are left out: below 100 when a multiple of five or a day of the month, years 1900–2100, and 100, 1,000 and
 * 1,000,000 themselves.
 */
public final class StoryNumbers {

    /** More numbers than this in one article are a table or a results list; the first ones are the story's. */
    static final int MAX_NUMBERS = 40;

    // A run of digits, optionally grouped by thousands (".", ",", space, no-break or narrow no-break space), with an
    // optional decimal part; not inside a word, a longer number or a code such as "7-X" or "A320".
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,])(\\d{1,3}(?:[.,\\u00a0\\u202f ]\\d{3})+|\\d+)(?:[.,](\\d+))?(?![\\p{L}\\p{N}]|[.,]\\d)");

    private StoryNumbers() {
    }

    /** The specific numbers of the given texts (title, summary, body; nulls skipped), normalised, sorted. */
    public static Set<String> of(String... texts) {
        Set<String> numbers = new TreeSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher m = NUMBER.matcher(text);
            while (m.find() && numbers.size() < MAX_NUMBERS) {
                String normalised = normalise(m.group(1), m.group(2));
                if (normalised != null) {
                    numbers.add(normalised);
                }
            }
        }
        return numbers;
    }

    /** The canonical form of one number, or null when it is too common to tell stories apart. */
    static String normalise(String integerPart, String fraction) {
        String digits = integerPart.replaceAll("[.,\\u00a0\\u202f ]", "");
        if (digits.length() > 15) {
            return null; // an id or a phone number, not a figure
        }
        long value = Long.parseLong(digits);
        // "1,500" is fifteen hundred in English, "1,5" one and a half in German: three digits after the mark is
        // grouping, anything else a decimal part.
        if (fraction != null && fraction.length() != 3) {
            String decimals = fraction.replaceAll("0+$", "");
            return decimals.isEmpty() ? common(value) ? null : Long.toString(value) : value + "." + decimals;
        }
        if (fraction != null) {
            value = value * 1000 + Long.parseLong(fraction);
        }
        return common(value) ? null : Long.toString(value);
    }

    private static boolean common(long value) {
        return value <= 31 // single digits, days of the month, ages of children, "the 24 hours"
                || (value < 100 && value % 5 == 0)
                || (value >= 1900 && value <= 2100)
                || value == 100 || value == 1000 || value == 1_000_000;
    }
}
