package io.newsflow.enrich.entity;

import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.contracts.text.Token;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * French institutions whose head word is written lower case: "le ministère de la Culture", "le musée du Louvre",
 * "le parquet de Gap", "l'académie de Limoges". French typography capitalises only the word that says which one, so
 * the capitals alone find "Culture" or nothing; the head word and its particle say where the name starts.
 */
final class FrenchInstitutions {

    /** The particles the parsing below knows ("de la", "de l'" included): French grammar, not a word list. */
    private static final Set<String> PARTICLES = Set.of("de", "du", "des");

    /** Head words of public bodies that French writes lower case ([institution-head-fr] of name-cues.txt). */
    private final Set<String> heads;

    FrenchInstitutions(Set<String> heads) {
        this.heads = heads;
    }

    /** Adds the institutions of the fields of a French article and drops the names found inside them. */
    void apply(List<NameFinder.Field> fields, List<NameFinder.FoundName> found) {
        for (NameFinder.Field field : fields) {
            if (field.titleCase()) {
                continue;
            }
            List<Token> tokens = field.tokens();
            for (int i = 0; i + 2 < tokens.size(); i++) {
                Token head = tokens.get(i);
                // "L'académie de Limoges" opening a sentence is one token (the tokenizer splits only lower-case "l'")
                int elided = head.surface().startsWith("L'") || head.surface().startsWith("L’") ? 2 : 0;
                String word = head.surface().substring(elided);
                boolean isHead = word.equals(word.toLowerCase(Locale.ROOT))
                        && heads.contains(head.norm().substring(elided));
                int end = !isHead ? -1 : nameEnd(tokens, i + 1);
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
                found.add(new NameFinder.FoundName(field.name(), from, to, field.text().substring(from, to),
                        EntityType.ORGANIZATION, key.toString(), head.paragraph()));
                i = end;
            }
        }
    }

    /**
     * The last token of the name after the head, or -1: "de la" / "du" / "des" / "de" and a capitalised word (or
     * "de l'Intérieur"), then more capitalised words or "de" and another ("musée des Beaux-Arts de Lyon").
     */
    private static int nameEnd(List<Token> tokens, int at) {
        int k = particles(tokens, at);
        if (k < 0 || !tokens.get(k).capitalised()) {
            return -1;
        }
        int end = k;
        while (end + 1 < tokens.size()) {
            Token next = tokens.get(end + 1);
            if ((next.spaceBefore() || next.hyphenBefore()) && next.capitalised()) {
                end++;
                continue;
            }
            int more = next.spaceBefore() && PARTICLES.contains(next.surface()) ? particles(tokens, end + 1) : -1;
            if (more < 0 || !tokens.get(more).capitalised()) {
                break;
            }
            end = more;
        }
        return end;
    }

    /**
     * After "de la", "du", "des" or "de" (with a blank before): the next token, or -1. The tokenizer splits "de
     * l'Intérieur" into "de", "l" and "Intérieur", the last joined by the apostrophe.
     */
    private static int particles(List<Token> tokens, int at) {
        if (at >= tokens.size() || !tokens.get(at).spaceBefore() || !PARTICLES.contains(tokens.get(at).surface())) {
            return -1;
        }
        int k = at + 1;
        boolean de = "de".equals(tokens.get(at).surface());
        if (de && k + 1 < tokens.size() && "l".equals(tokens.get(k).surface()) && tokens.get(k).spaceBefore()
                && tokens.get(k + 1).start() == tokens.get(k).end() + 1) {
            return k + 1;
        }
        if (de && k < tokens.size() && "la".equals(tokens.get(k).surface())) {
            k++;
        }
        return k < tokens.size() && tokens.get(k).spaceBefore() ? k : -1;
    }
}
