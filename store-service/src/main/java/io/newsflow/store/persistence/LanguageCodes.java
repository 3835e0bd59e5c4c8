package io.newsflow.store.persistence;

import io.newsflow.contracts.EnrichedArticle;

import java.util.Locale;

/** One spelling of a language code for storage and filtering: lower case, region dropped ("en-GB" → "en"). */
public final class LanguageCodes {

    private LanguageCodes() {
    }

    public static String normalise(String code) {
        if (code == null || code.isBlank()) {
            return EnrichedArticle.Language.UNDETERMINED;
        }
        String base = code.strip().toLowerCase(Locale.ROOT);
        int cut = indexOfRegion(base);
        return cut > 0 ? base.substring(0, cut) : base;
    }

    private static int indexOfRegion(String code) {
        int dash = code.indexOf('-');
        int underscore = code.indexOf('_');
        if (dash < 0) {
            return underscore;
        }
        return underscore < 0 ? dash : Math.min(dash, underscore);
    }
}
