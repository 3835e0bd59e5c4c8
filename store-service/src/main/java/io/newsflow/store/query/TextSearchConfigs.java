package io.newsflow.store.query;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The language → text-search configuration table ({@code text_search_config}), which also decided each article's
 * stemming when it was stored. A free-text query is run once per configuration so that it is stemmed the same way as
 * the articles it should find.
 */
public record TextSearchConfigs(Map<String, String> byLanguage) {

    /** Unstemmed configuration: the fallback for unknown languages, and always searched too. */
    public static final String SIMPLE = "simple";

    public TextSearchConfigs {
        byLanguage = Map.copyOf(byLanguage);
    }

    /**
     * Configurations a query must use: the one of {@code language} when the caller filters by language, else every
     * configuration any language maps to; never {@link #SIMPLE}, which the query always adds.
     */
    public SortedSet<String> stemmingConfigsFor(String language) {
        var configs = new TreeSet<String>();
        if (language != null) {
            String config = byLanguage.get(language);
            if (config != null) {
                configs.add(config);
            }
        } else {
            configs.addAll(byLanguage.values());
        }
        configs.remove(SIMPLE);
        return configs;
    }
}
