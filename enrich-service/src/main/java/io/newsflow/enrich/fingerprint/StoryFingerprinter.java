package io.newsflow.enrich.fingerprint;

import io.newsflow.contracts.EnrichedArticle.Entity;
import io.newsflow.contracts.EnrichedArticle.Fingerprint;
import io.newsflow.contracts.fingerprint.TextFingerprint;
import io.newsflow.contracts.text.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The story fingerprint of an article: MinHash and SimHash of its words (shared code in contracts, so the store can
 * compare), its most characteristic keywords and its most salient entities. Copies of one report share the hashes;
 * reports of one story from different outlets or in different languages share entities (QIDs are language-neutral)
 * and often keywords. Stateless and thread-safe.
 */
public final class StoryFingerprinter {

    static final int KEYWORDS = 10;
    static final int TOP_ENTITIES = 5;
    private static final int MIN_KEYWORD_LENGTH = 4;
    private static final double TITLE_WEIGHT = 3.0;

    private final Set<String> stopWords;

    /** @param stopWords normalised words that are never keywords (function words of the supported languages) */
    public StoryFingerprinter(Set<String> stopWords) {
        this.stopWords = Set.copyOf(stopWords);
    }

    public Fingerprint fingerprint(List<Token> titleTokens, List<Token> textTokens, List<Entity> entities) {
        List<String> top = new ArrayList<>(TOP_ENTITIES);
        for (Entity e : entities) { // most salient first
            if (top.size() == TOP_ENTITIES) {
                break;
            }
            top.add(e.id());
        }
        // The tokens enrich already has give the same words the store would find in title and text.
        return Fingerprint.of(TextFingerprint.of(titleTokens, textTokens), keywords(titleTokens, textTokens), top);
    }

    /**
     * Content words by frequency (headline words count triple), longer words first on ties: without corpus
     * statistics, length is the cheapest stand-in for rarity.
     */
    List<String> keywords(List<Token> titleTokens, List<Token> textTokens) {
        Map<String, Count> counts = new HashMap<>();
        count(titleTokens, TITLE_WEIGHT, counts);
        count(textTokens, 1.0, counts);
        List<Keyword> ranked = new ArrayList<>(counts.size());
        counts.forEach((word, count) -> ranked.add(new Keyword(word, count.value * Math.log(word.length()))));
        ranked.sort(Comparator.comparingDouble(Keyword::score).reversed().thenComparing(Keyword::word));
        List<String> top = new ArrayList<>(KEYWORDS);
        for (int i = 0; i < Math.min(KEYWORDS, ranked.size()); i++) {
            top.add(ranked.get(i).word());
        }
        return top;
    }

    /** A candidate keyword with its score computed once (not once per comparison while sorting). */
    private record Keyword(String word, double score) {
    }

    /** A word's weighted count, updated in place: no boxed Double per occurrence. */
    private static final class Count {
        double value;
    }

    private void count(List<Token> tokens, double weight, Map<String, Count> counts) {
        for (Token t : tokens) {
            String norm = t.norm();
            if (norm.length() < MIN_KEYWORD_LENGTH || t.hasDigit() || !t.hasLetter() || stopWords.contains(norm)) {
                continue;
            }
            counts.computeIfAbsent(norm, k -> new Count()).value += weight;
        }
    }
}
