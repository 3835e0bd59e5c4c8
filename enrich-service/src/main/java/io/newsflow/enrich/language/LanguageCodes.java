package io.newsflow.enrich.language;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** ISO 639-3 (what the OpenNLP model returns) to ISO 639-1 where a two-letter code exists. */
public final class LanguageCodes {

    private static final Map<String, String> TO_TWO_LETTER = build();

    private LanguageCodes() {
    }

    private static Map<String, String> build() {
        Map<String, String> map = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            try {
                String three = Locale.of(two).getISO3Language();
                if (!three.isEmpty()) {
                    map.put(three, two);
                }
            } catch (java.util.MissingResourceException e) {
                // No three-letter code known to this JDK: nothing to map.
            }
        }
        // Bibliographic codes and the individual languages the model uses for a macrolanguage.
        map.putAll(Map.ofEntries(
                Map.entry("ger", "de"), Map.entry("fre", "fr"), Map.entry("dut", "nl"), Map.entry("chi", "zh"),
                Map.entry("cmn", "zh"), Map.entry("yue", "zh"), Map.entry("wuu", "zh"), Map.entry("pes", "fa"),
                Map.entry("prs", "fa"), Map.entry("ekk", "et"), Map.entry("lvs", "lv"), Map.entry("arb", "ar"),
                Map.entry("swh", "sw"), Map.entry("zsm", "ms"), Map.entry("khk", "mn"), Map.entry("npi", "ne"),
                Map.entry("azj", "az"), Map.entry("uzn", "uz"), Map.entry("plt", "mg"), Map.entry("ydd", "yi"),
                Map.entry("als", "sq"), Map.entry("pbu", "ps"), Map.entry("gaz", "om"), Map.entry("quz", "qu"),
                Map.entry("nor", "no"), Map.entry("nob", "nb"), Map.entry("nno", "nn"), Map.entry("hbs", "sh"),
                Map.entry("ory", "or"), Map.entry("mvf", "mn"), Map.entry("lug", "lg")));
        return Map.copyOf(map);
    }

    /** The ISO 639-1 code for an ISO 639-3 (or 639-1) code when one exists, else the code lower-cased. */
    public static String toIso639_1(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String lower = code.strip().toLowerCase(Locale.ROOT);
        return TO_TWO_LETTER.getOrDefault(lower, lower);
    }

    /**
     * A declared language ("en-GB", "no", "nb_NO", "eng") as the code detection would report: primary subtag, two
     * letters where possible; Norwegian without a written standard counts as Bokmål, by far the more common one.
     */
    public static String normaliseHint(String hint) {
        if (hint == null || hint.isBlank()) {
            return null;
        }
        String primary = hint.strip().replace('_', '-').split("-", 2)[0].toLowerCase(Locale.ROOT);
        if (primary.length() < 2 || primary.length() > 3 || !primary.chars().allMatch(Character::isLetter)) {
            return null;
        }
        String code = toIso639_1(primary);
        return "no".equals(code) ? "nb" : code;
    }
}
