package io.newsflow.enrich.rest;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Ids of watched entities and rule topics: lower-case ASCII letters, digits and dashes, derived from a name. */
final class UserDataIds {

    static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private UserDataIds() {
    }

    /** "Kongsberg Gruppen ASA" → "kongsberg-gruppen-asa"; "Ørsted" → "orsted". */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name.replace("ø", "o").replace("Ø", "O").replace("æ", "ae")
                .replace("Æ", "AE").replace("ß", "ss"), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 64 ? slug.substring(0, 64).replaceAll("-+$", "") : slug;
    }
}
