package io.newsflow.ingest.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/** Normalises a byline to a bare name: events carry "Jane Doe", not "By Jane Doe" or "Av Kari Nordmann". */
public final class Bylines {

    private static final Pattern PREFIX = Pattern.compile("^(?:by|av|von|par|por|door|af)\\s*[:\\-–]?\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL_IN_PARENS = Pattern.compile("\\s*\\(?[\\w.+-]+@[\\w.-]+\\)?\\s*");
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
        name = name.replaceAll("^[\\s,;|·–-]+|[\\s,;|·–-]+$", "");
        if (name.isEmpty() || name.length() > MAX_NAME_CHARS || name.toLowerCase(Locale.ROOT).startsWith("http")) {
            return null;
        }
        return name;
    }
}
