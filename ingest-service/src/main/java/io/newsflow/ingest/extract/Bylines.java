package io.newsflow.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalises a byline to bare names: events carry "Jane Doe", not "By Jane Doe" or "Av Kari Nordmann". */
public final class Bylines {

    private static final Pattern PREFIX = Pattern.compile("^(?:written by|posted by|reported by|by|av|von|par|por|door|af|di)\\s*[:\\-–]?\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL_IN_PARENS = Pattern.compile("\\s*\\(?[\\w.+-]+@[\\w.-]+\\)?\\s*");
    /** Contact links and job titles that templates glue to the name. */
    private static final Pattern NOISE = Pattern.compile(
            "\\s*(?:[|,–-]\\s*)?(?:e-?mail (?:the )?author|contact (?:the )?(?:author|reporter)|follow(?: on)?(?: twitter| x)"
                    + "|view (?:all )?(?:posts|articles|stories)(?: by .*)?|more (?:articles|stories) by .*|@\\w+)\\s*$"
                    // A job title only after a separator or with its qualifier: "Pat Writer" is a name.
                    + "|\\s*[|,–-]\\s*(?:e-?mail|twitter|(?:senior |chief |staff |contributing )?(?:writer|reporter"
                    + "|correspondent|editor|columnist))\\s*$"
                    + "|\\s+(?:senior|chief|staff|contributing|associated press|ap) (?:writer|reporter|correspondent|editor"
                    + "|columnist)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern JOB_TITLE = Pattern.compile(
            "(?:senior |chief |staff |contributing |associated press |ap )?(?:writer|reporter|correspondent|editor"
                    + "|columnist|staff)s?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATORS = Pattern.compile("\\s*(?:,|;|&|\\band\\b|\\bog\\b|\\bund\\b|\\bet\\b|\\by\\b)\\s*");
    private static final int MAX_NAME_CHARS = 100;

    private Bylines() {
    }

    /** The name without prefix, e-mail or surrounding noise; null when nothing name-like is left. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String name = raw.replace('\u00a0', ' ').strip().replaceAll("\\s+", " ");
        name = PREFIX.matcher(name).replaceFirst("");
        // RSS <author> is "email (Name)"; keep the name.
        int open = name.indexOf('(');
        if (name.contains("@") && open >= 0 && name.endsWith(")")) {
            name = name.substring(open + 1, name.length() - 1);
        }
        name = EMAIL_IN_PARENS.matcher(name).replaceAll(" ").strip();
        for (String before = ""; !before.equals(name); ) {
            before = name;
            name = NOISE.matcher(name).replaceFirst("").strip();
        }
        name = name.replaceAll("^[\\s,;|·–-]+|[\\s,;|·–-]+$", "");
        if (name.isEmpty() || JOB_TITLE.matcher(name).matches() || name.length() > MAX_NAME_CHARS || name.toLowerCase(Locale.ROOT).startsWith("http")) {
            return null;
        }
        return name;
    }

    /** All names of a byline ("By Jane Doe and John Roe" → both), each {@link #clean cleaned}. */
    public static List<String> names(String raw) {
        List<String> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        String stripped = raw.replace('\u00a0', ' ').strip();
        String lower = stripped.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return out; // article:author is often a profile URL
        }
        stripped = PREFIX.matcher(stripped.replaceAll("\\s+", " ")).replaceFirst("");
        for (String part : SEPARATORS.split(stripped)) {
            String name = clean(part);
            if (name != null && !out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }
}
