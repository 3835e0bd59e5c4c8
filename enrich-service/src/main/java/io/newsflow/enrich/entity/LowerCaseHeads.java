package io.newsflow.enrich.entity;

import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.contracts.text.Token;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Names whose head word Romance typography writes lower case, capitalising only the word that says which one:
 * public bodies ("le ministère de la Culture", "la procura di Palermo", "le parquet de Gap", "l'académie de
 * Limoges") and streets, squares, landforms and sanctuaries ("piazza del Plebiscito", "calle Príncipe", "valle del
 * Colca", "la basilique de l'Immaculée-Conception"). The capitals alone find "Culture" or "Plebiscito"; the head word
 * and its particle say where the name starts.
 */
final class LowerCaseHeads {

    /** "and" between two of a body's remits, each with its particle: "ministerio de Cultura y de Deporte". */
    private static final Set<String> COORDINATORS = Set.of("e", "y", "et");

    /** Articles after "de" that the parsing below skips ("de la", "de los", "de l'"): Romance grammar. */
    private static final Set<String> ARTICLES = Set.of("la", "los", "las");

    /** Head words in any language. */
    private final Set<String> heads;
    /** Head words of one language only: "it=via" in the list (French "via" is a preposition). */
    private final Map<String, Set<String>> headsByLanguage = new HashMap<>();
    /** The particles between the head and the name ("de", "du", "della", "dell'" …). */
    private final Set<String> particles;
    private final EntityType type;
    /**
     * Heads of places: the name may follow the head without a particle ("piazza San Giovanni", "corso Agnelli"), and
     * a place the knowledge base knows after the head is no name of its own ("la piazza di Acri" is Acri's square;
     * "le parquet de Gap" is still the body of Gap).
     */
    private final boolean places;
    /** Heads of places after which a known place is the name all the same (NameCues.RomanceHeads#isFeatureHead). */
    private final BiPredicate<String, String> featureHead;

    /**
     * @param heads    plain words, or "language=word" for a head of that language only
     * @param featureHead (language, head) → a head of a place whose name may be a known place ("lac Tanganyika")
     */
    LowerCaseHeads(Set<String> heads, Set<String> particles, EntityType type, boolean places,
                   BiPredicate<String, String> featureHead) {
        Set<String> plain = new HashSet<>();
        for (String head : heads) {
            int eq = head.indexOf('=');
            if (eq < 0) {
                plain.add(head);
            } else {
                headsByLanguage.computeIfAbsent(head.substring(0, eq), k -> new HashSet<>()).add(head.substring(eq + 1));
            }
        }
        this.heads = Set.copyOf(plain);
        this.particles = particles;
        this.type = type;
        this.places = places;
        this.featureHead = featureHead;
    }

    /** Adds the names of the fields that open with a lower-case head and drops the names found inside them. */
    void apply(List<NameFinder.Field> fields, List<NameFinder.FoundName> found, String language) {
        Set<String> own = language == null ? Set.of() : headsByLanguage.getOrDefault(language, Set.of());
        if (heads.isEmpty() && own.isEmpty()) {
            return;
        }
        for (NameFinder.Field field : fields) {
            if (field.titleCase()) {
                continue;
            }
            List<Token> tokens = field.tokens();
            for (int i = 0; i + 1 < tokens.size(); i++) {
                Token head = tokens.get(i);
                // "L'académie de Limoges" opening a sentence is one token (the tokenizer splits only lower-case "l'")
                int elided = head.surface().startsWith("L'") || head.surface().startsWith("L’") ? 2 : 0;
                boolean feature = featureHead.test(language, head.norm());
                int end = isHead(head, elided, own) ? nameEnd(tokens, field.covered(), i + 1, places && !feature) : -1;
                if (end < 0) {
                    continue;
                }
                int from = head.start() + elided;
                int to = tokens.get(end).end();
                StringBuilder key = new StringBuilder(head.norm().substring(elided));
                for (int k = i + 1; k <= end; k++) {
                    key.append(' ').append(tokens.get(k).norm());
                }
                found.removeIf(name -> name.field().equals(field.name()) && name.start() >= from && name.end() <= to);
                found.add(new NameFinder.FoundName(field.name(), from, to, field.text().substring(from, to), type,
                        key.toString(), head.paragraph()));
                i = end;
            }
        }
    }

    /** @param own the heads of the text's language */
    private boolean isHead(Token head, int elided, Set<String> own) {
        String norm = elided == 0 ? head.norm() : head.norm().substring(elided);
        if (!heads.contains(norm) && !own.contains(norm)) {
            return false;
        }
        String word = head.surface().substring(elided);
        return word.equals(word.toLowerCase(Locale.ROOT));
    }

    /**
     * The last token of the name after the head, or -1: a particle ("de la", "du", "del", "dell'" …) or, where the
     * heads allow it, nothing, and a capitalised word, then more capitalised words or a particle and another ("musée
     * des Beaux-Arts de Lyon", "abbazia di San Martino delle Scale").
     */
    private int nameEnd(List<Token> tokens, boolean[] covered, int at, boolean places) {
        int k = nameStart(tokens, at);
        if (k < 0 || places && covered[k]) {
            return -1; // "la piazza di Acri", "la rambla de Montevideo": a known place's square or promenade
        }
        if (k < 0) {
            return -1;
        }
        int end = k;
        while (end + 1 < tokens.size()) {
            Token next = tokens.get(end + 1);
            if ((next.spaceBefore() || next.hyphenBefore()) && next.capitalised() && !(places && covered[end + 1])) {
                end++;
                continue;
            }
            int more = particles(tokens, end + 1);
            if (more < 0 && end + 2 < tokens.size() && COORDINATORS.contains(tokens.get(end + 1).surface())
                    && tokens.get(end + 1).spaceBefore()) {
                more = particles(tokens, end + 2); // "ministero dell'Università e della Ricerca"
            }
            if (more < 0 || !tokens.get(more).capitalised() || places && covered[more]) {
                break;
            }
            end = more;
        }
        return end;
    }

    /** The first, capitalised, token of the name right after a head at {@code at - 1}, or -1. */
    private int nameStart(List<Token> tokens, int at) {
        int k = particles(tokens, at);
        if (k < 0 && places && at < tokens.size() && tokens.get(at).spaceBefore()) {
            k = at;
        }
        return k >= 0 && tokens.get(k).capitalised() ? k : -1;
    }

    /**
     * After a particle with a blank before it, maybe "la"/"los"/"las" after "de": the next token, or -1. The tokenizer
     * splits "de l'Intérieur" into "de", "l" and "Intérieur", the last joined by the apostrophe (and "dell'Adamello"
     * into "dell" and "Adamello", as if a blank stood between).
     */
    private int particles(List<Token> tokens, int at) {
        if (at >= tokens.size() || !tokens.get(at).spaceBefore() || !particles.contains(tokens.get(at).surface())) {
            return -1;
        }
        int k = at + 1;
        boolean de = "de".equals(tokens.get(at).surface());
        if (de && k + 1 < tokens.size() && "l".equals(tokens.get(k).surface()) && tokens.get(k).spaceBefore()
                && tokens.get(k + 1).start() == tokens.get(k).end() + 1) {
            return k + 1;
        }
        if (de && k < tokens.size() && ARTICLES.contains(tokens.get(k).surface())) {
            k++;
        }
        return k < tokens.size() && tokens.get(k).spaceBefore() ? k : -1;
    }
}
