package io.newsflow.store.story;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    /** The group an entity id belongs to, or the id itself when it belongs to none. */
    static String actorOf(String entityId) {
        return GROUP_OF.getOrDefault(entityId, entityId);
    }

    private static Map<String, String> load() {
        Map<String, String> groupOf = new HashMap<>();
        try (InputStream in = ActorGroups.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 2) {
                    throw new IllegalStateException(FILE + " line " + number + ": expected 2 columns");
                }
                // A group name cannot be mistaken for an entity id: ids are QIDs or nf:TYPE:name.
                String group = "actor:" + columns[0].strip();
                for (String id : columns[1].split("\\|")) {
                    String previous = groupOf.put(id.strip(), group);
                    if (previous != null) {
                        throw new IllegalStateException(FILE + " line " + number + ": " + id.strip()
                                + " is already in " + previous);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(groupOf);
    }
}
