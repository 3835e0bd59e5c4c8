package io.newsflow.enrich.entity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Country and territory names in many languages, taken from the JDK's CLDR data so they need no hand-maintained
 * translation table: {@code Locale.of("", "NO").getDisplayCountry(Locale.of("nb"))} is "Norge".
 */
public final class CountryNames {

    /** Languages whose country names are generated; matching uses a name only for articles in its language or English. */
    public static final List<String> LANGUAGES = List.of(
            "en", "nb", "nn", "da", "sv", "fi", "is", "de", "nl", "fr", "es", "pt", "it", "ca", "pl", "cs", "sk", "hu",
            "ro", "bg", "hr", "sr", "sl", "el", "tr", "ru", "uk", "be", "lt", "lv", "et", "ar", "fa", "he", "hi", "zh",
            "ja", "ko", "vi", "id", "ms", "sw");

    private CountryNames() {
    }

    /** The English display name ("Norway"), or null when the JDK does not know the code. */
    public static String englishName(String code) {
        String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() || name.equals(code) ? null : clean(name).getFirst();
    }

    /** Every generated alias of a code, as (name, language) pairs. */
    public static List<KbEntry.Alias> aliases(String code) {
        Set<KbEntry.Alias> aliases = new LinkedHashSet<>();
        Locale region = Locale.of("", code);
        for (String language : LANGUAGES) {
            String name = region.getDisplayCountry(Locale.of(language));
            if (name.isEmpty() || name.equals(code)) {
                continue;
            }
            for (String variant : clean(name)) {
                aliases.add(new KbEntry.Alias(variant, language));
            }
        }
        return List.copyOf(aliases);
    }

    /**
     * CLDR display names carry qualifiers a news text does not: "Myanmar (Burma)" → Myanmar, Burma;
     * "Hong Kong SAR China" → Hong Kong; "Congo - Kinshasa" → kept whole (the bare "Congo" is ambiguous).
     */
    static List<String> clean(String name) {
        Set<String> variants = new LinkedHashSet<>();
        String n = name.strip();
        int paren = n.indexOf(" (");
        if (paren > 0 && n.endsWith(")")) {
            variants.add(n.substring(0, paren).strip());
            variants.add(n.substring(paren + 2, n.length() - 1).strip());
        } else {
            variants.add(n);
        }
        int sar = n.indexOf(" SAR");
        if (sar > 0) {
            variants.clear();
            variants.add(n.substring(0, sar).strip());
        }
        if (n.contains(" & ")) {
            variants.add(n.replace(" & ", " and "));
        }
        if (n.startsWith("St. ")) {
            variants.add("Saint " + n.substring(4).replace(" & ", " and "));
        }
        return List.copyOf(variants);
    }
}
