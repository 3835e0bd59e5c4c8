package io.newsflow.enrich.watch;

import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.enrich.entity.KbEntry;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An organisation, person, product … a user tracks. Its name and aliases are matched like knowledge-base aliases
 * (a capitalised alias word needs a capitalised word in the text, an all-caps one all caps), in every language.
 *
 * @param id      stable id, lower-case letters, digits and dashes (derived from the name when not given)
 * @param name    canonical name, reported as the entity's name
 * @param type    entity type
 * @param aliases other ways articles write it
 * @param qid     Wikidata id when the user knows it (the entity is then reported linked under that id), else null
 */
public record WatchedEntity(String id, String name, EntityType type, List<String> aliases, String qid) {

    public WatchedEntity {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** As a knowledge-base entry (tag "watched"), so the alias matcher finds it like any other. */
    public KbEntry toKbEntry() {
        Set<KbEntry.Alias> all = new LinkedHashSet<>();
        all.add(new KbEntry.Alias(name, null));
        for (String alias : aliases) {
            all.add(new KbEntry.Alias(alias, null));
        }
        return new KbEntry(qid, type, name, Set.of("watched"), List.copyOf(all));
    }
}
