package io.newsflow.enrich.entity;

import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.contracts.EnrichedArticle.Geo;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One knowledge-base entity.
 *
 * @param qid     Wikidata id, or null when the entry is typed but not verified against Wikidata
 * @param type    entity type
 * @param name    canonical name
 * @param tags    signals for topic scoring ("weapon", "head_of_state", …)
 * @param aliases surface forms, each with the languages it is valid in
 * @param geo     where a city or town is (GeoNames); null for every other entry
 */
public record KbEntry(String qid, EntityType type, String name, Set<String> tags, List<Alias> aliases, Geo geo) {

    public KbEntry {
        tags = Set.copyOf(tags);
        aliases = List.copyOf(aliases);
    }

    /** An entry without coordinates. */
    public KbEntry(String qid, EntityType type, String name, Set<String> tags, List<Alias> aliases) {
        this(qid, type, name, tags, aliases, null);
    }

    public KbEntry withGeo(Geo place) {
        return new KbEntry(qid, type, name, tags, aliases, place);
    }

    /** The id reported on the event: the QID when linked, else "nf:TYPE:name" like any unlinked name. */
    public String id() {
        return qid != null ? qid : unlinkedId(type, name);
    }

    public boolean linked() {
        return qid != null;
    }

    /** "nf:PERSON:nicolas maduro": type plus the name's words normalised as the matcher compares them. */
    public static String unlinkedId(EntityType type, String name) {
        StringBuilder id = new StringBuilder("nf:").append(type.name()).append(':');
        List<io.newsflow.contracts.text.Token> words = io.newsflow.contracts.text.Tokenizer.tokenizeName(name);
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                id.append(words.get(i).hyphenBefore() ? '-' : ' ');
            }
            id.append(words.get(i).norm());
        }
        return words.isEmpty() ? id.append(name.toLowerCase(Locale.ROOT)).toString() : id.toString();
    }

    /**
     * @param text         the alias as written
     * @param language     ISO 639-1 code it is valid in, or null for every language
     * @param needsSupport an ambiguous alias ("Meta", "Fed"): it links only when the same article also names the
     *                     entity by an unambiguous alias ("Meta Platforms", "Federal Reserve")
     */
    public record Alias(String text, String language, boolean needsSupport) {
        public Alias(String text, String language) {
            this(text, language, false);
        }
    }
}
