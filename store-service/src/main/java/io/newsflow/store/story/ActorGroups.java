package io.newsflow.store.story;

import java.util.HashMap;
import java.util.Map;

/**
 * Entities that stand for one actor ({@code /story/actor-groups.tsv}: the European Union, its Commission and Brussels),
 * so that {@link StorySimilarity} counts what two articles share of them once. Without this an actor named three ways
 * is three shared entities, enough to join two different events it took part in.
 */
final class ActorGroups {

    static final String FILE = "/story/actor-groups.tsv";

    private static final Map<String, String> GROUP_OF = load();

    private ActorGroups() {
    }

    /** The group an entity id belongs to; null when it belongs to none. */
    static String groupOf(String entityId) {
        return GROUP_OF.get(entityId);
    }

    private static Map<String, String> load() {
        Map<String, String> groupOf = new HashMap<>();
        for (DataFile.Row row : DataFile.rows(FILE, 2)) {
            // A group name cannot be mistaken for an entity id: ids are QIDs or nf:TYPE:name.
            String group = "actor:" + row.columns()[0].strip();
            for (String id : row.columns()[1].split("\\|")) {
                String previous = groupOf.put(id.strip(), group);
                if (previous != null) {
                    throw new IllegalStateException(FILE + " line " + row.line() + ": " + id.strip()
                            + " is already in " + previous);
                }
            }
        }
        return Map.copyOf(groupOf);
    }
}
