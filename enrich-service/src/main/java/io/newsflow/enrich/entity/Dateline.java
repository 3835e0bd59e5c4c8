package io.newsflow.enrich.entity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credit in a wire story's dateline: "OSLO, June 13 (APW) -", "LONDON (Reuters) —", "BERLIN, 13. Juni (dpa) –",
 * "OSLO (NTB):". The agency in brackets says who wrote the copy, not what it is about, and every story of that agency
 * carries it: reported as an entity it would be the most salient name of each (it opens the lead) and a name all of
 * its stories share, which story grouping would read as evidence. The place before it is kept: it is where the news
 * was filed, usually where it happened.
 */
final class Dateline {

    /**
     * At the very start of the body: a capitalised place (up to four words), an optional date or other detail after
     * a comma, the credit in brackets, then a dash or a colon.
     */
    private static final Pattern CREDIT = Pattern.compile(
            "\\A\\s*\\p{Lu}[\\p{L}\\p{M}.'’-]*(?: [\\p{L}\\p{M}.'’-]+){0,3}(?:,[^()\\n]{1,40})?\\s*"
                    + "\\(([^()\\n]{1,30})\\)\\s*[-–—:]");

    /**
     * At the very start of the body: a place in capitals (up to four words of three or more letters first, as
     * "BALLSTAD", "SAN SEBASTIÁN", "KÖTSCHACH-MAUTHEN"), an optional detail after a comma or a credit in brackets,
     * then a dash or a colon.
     */
    private static final Pattern PLACE = Pattern.compile(
            "\\A\\s*(\\p{Lu}{3}[\\p{Lu}\\p{M}.'’-]*(?: \\p{Lu}[\\p{Lu}\\p{M}.'’-]*){0,3})"
                    + "(?:,[^()\\n]{1,40})?\\s*(?:\\([^()\\n]{1,30}\\))?\\s*[-–—:]\\s");

    private Dateline() {
    }

    /** Where the capitalised place opening a dateline is in {@code text} ({start, end}), or null. */
    static int[] placeSpan(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Matcher m = PLACE.matcher(text);
        return m.lookingAt() ? new int[] {m.start(1), m.end(1)} : null;
    }

    /** Where the credit's text is in {@code text} ({start, end}), or null when the body opens with no dateline. */
    static int[] creditSpan(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Matcher m = CREDIT.matcher(text);
        return m.lookingAt() ? new int[] {m.start(1), m.end(1)} : null;
    }
}
