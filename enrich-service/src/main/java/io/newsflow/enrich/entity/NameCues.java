package io.newsflow.enrich.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The word lists of {@code lexicon/name-cues.txt} that {@link NameFinder} uses to find and type names. */
public record NameCues(Set<String> functionWords, Set<String> titles, List<String> titleSuffixes,
                       Set<String> sayingVerbs, Set<String> personNouns, Set<String> orgNouns, Set<String> orgSuffixes,
                       List<String> orgCompoundSuffixes, Set<String> orgHeads, Set<String> locationSuffixes,
                       Set<String> locationPrefixes, Set<String> locationPrepositions, Set<String> placeNouns,
                       Set<String> personHeads, Set<String> demonyms, Set<String> givenNames,
                       List<String> placeCompoundSuffixes) {

    public static final String RESOURCE = "lexicon/name-cues.txt";

    public static NameCues builtIn() {
        Map<String, Set<String>> sections = read(RESOURCE);
        return new NameCues(get(sections, "function"), get(sections, "title"), List.copyOf(get(sections, "title-suffix")),
                get(sections, "saying-verb"), get(sections, "person-noun"), get(sections, "org-noun"),
                get(sections, "org-suffix"), List.copyOf(get(sections, "org-suffix-nb")), get(sections, "org-head"),
                get(sections, "location-suffix"), get(sections, "location-prefix"),
                get(sections, "location-preposition"), get(sections, "place-noun"), get(sections, "person-head"),
                get(sections, "demonym"), get(sections, "given-name"), List.copyOf(get(sections, "location-suffix-nb")));
    }

    /** A title or a compound ending in one: "president", "forsvarsminister". */
    public boolean isTitle(String norm) {
        if (titles.contains(norm)) {
            return true;
        }
        for (String suffix : titleSuffixes) {
            if (norm.length() > suffix.length() + 2 && norm.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** A Norwegian organisation compound: "Utenriksdepartementet", "Arbeiderpartiet". */
    public boolean isOrgCompound(String norm) {
        for (String suffix : orgCompoundSuffixes) {
            if (norm.length() > suffix.length() + 2 && norm.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** A Scandinavian body noun, alone or as a compound's end: "sjukehus", "universitetssykehus", "kommune". */
    public boolean isBodyNoun(String norm) {
        return orgCompoundSuffixes.contains(norm) || isOrgCompound(norm);
    }

    /** A Scandinavian place compound: "Hardangervidda", "Sognefjorden", "Vestvågøy". */
    public boolean isPlaceCompound(String norm) {
        for (String suffix : placeCompoundSuffixes) {
            if (norm.length() > suffix.length() + 2 && norm.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** A word that makes a name an organisation's: a head ("Universidad"), or a Scandinavian form ("Universitetet"). */
    public boolean isOrgWord(String norm) {
        return orgHeads.contains(norm) || isOrgCompound(norm) || orgCompoundSuffixes.contains(norm);
    }

    private static Set<String> get(Map<String, Set<String>> sections, String name) {
        Set<String> words = sections.get(name);
        if (words == null) {
            throw new IllegalStateException(RESOURCE + " has no [" + name + "] section");
        }
        return Set.copyOf(words);
    }

    private static Map<String, Set<String>> read(String resource) {
        Map<String, Set<String>> sections = new HashMap<>();
        try (InputStream in = NameCues.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Set<String> current = null;
            String line;
            while ((line = reader.readLine()) != null) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                if (l.startsWith("[") && l.endsWith("]")) {
                    current = sections.computeIfAbsent(l.substring(1, l.length() - 1), k -> new HashSet<>());
                    continue;
                }
                if (current == null) {
                    throw new IllegalStateException(resource + ": words before the first [section]");
                }
                for (String word : l.split("\\s+")) {
                    // Same normalisation as the tokenizer, so "Nicolás" in the list meets "nicolas" in a text.
                    current.add(io.newsflow.contracts.text.Tokenizer.normalise(word.endsWith(".") ? word.substring(0, word.length() - 1) : word));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return sections;
    }
}
