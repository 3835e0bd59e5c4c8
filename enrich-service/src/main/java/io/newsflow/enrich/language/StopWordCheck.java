package io.newsflow.enrich.language;

import io.newsflow.contracts.text.Token;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Confirms a declared language by counting function words, so the statistical model (the costliest step of
 * enrichment) runs only when the declaration is missing or doubtful. The declaration is confirmed when at least
 * {@value #MIN_SHARE_PERCENT} % of the words looked at are its function words and no other language has as many:
 * Danish declared as Norwegian, or an English article on a Norwegian site, goes to the model.
 */
public final class StopWordCheck {

    public static final String RESOURCE = "language/stop-words.txt";
    /** The opening of an article settles its language; longer texts do not need to be read to the end. */
    static final int WORDS_LOOKED_AT = 150;
    static final int MIN_SHARE_PERCENT = 20;
    /** Below this many words even a high share is a few lucky words, not evidence. */
    static final int MIN_WORDS = 20;

    private final List<String> languages;
    /** Normalised word → bit set over {@link #languages}: one lookup per word counts it for every language. */
    private final Map<String, Long> languagesOfWord;

    StopWordCheck(Map<String, List<String>> wordsByLanguage) {
        this.languages = List.copyOf(wordsByLanguage.keySet());
        Map<String, Long> index = new HashMap<>();
        for (int i = 0; i < languages.size(); i++) {
            long bit = 1L << i;
            for (String word : wordsByLanguage.get(languages.get(i))) {
                index.merge(word, bit, (a, b) -> a | b);
            }
        }
        this.languagesOfWord = Map.copyOf(index);
    }

    public static StopWordCheck builtIn() {
        try (InputStream in = StopWordCheck.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            Map<String, List<String>> sections = new java.util.LinkedHashMap<>();
            List<String> current = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                if (l.startsWith("[") && l.endsWith("]")) {
                    current = sections.computeIfAbsent(l.substring(1, l.length() - 1), k -> new ArrayList<>());
                } else if (current == null) {
                    throw new IllegalStateException(RESOURCE + ": words before the first [language] section");
                } else {
                    current.addAll(List.of(l.split("\\s+")));
                }
            }
            return new StopWordCheck(sections);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /**
     * @param declared normalised ISO 639-1 code the feed or page declared
     * @return how clearly the declared language wins, 0..1 (1 − best rival count / its count), or -1 when the words
     *         do not confirm it (too few words, too few function words, another language as strong, or no list)
     */
    public double confirm(String declared, List<Token> title, List<Token> text) {
        int index = languages.indexOf(declared);
        if (index < 0) {
            return -1;
        }
        int[] counts = new int[languages.size()];
        int words = count(title, counts, WORDS_LOOKED_AT);
        words += count(text, counts, WORDS_LOOKED_AT - words);
        int own = counts[index];
        if (words < MIN_WORDS || own * 100 < words * MIN_SHARE_PERCENT) {
            return -1;
        }
        int rival = 0;
        for (int i = 0; i < counts.length; i++) {
            if (i != index) {
                rival = Math.max(rival, counts[i]);
            }
        }
        return rival >= own ? -1 : 1 - (double) rival / own;
    }

    private int count(List<Token> tokens, int[] counts, int limit) {
        int words = 0;
        for (int t = 0; t < tokens.size() && words < limit; t++) {
            Token token = tokens.get(t);
            if (!token.hasLetter()) {
                continue;
            }
            words++;
            Long bits = languagesOfWord.get(token.norm());
            if (bits != null) {
                for (long b = bits; b != 0; b &= b - 1) {
                    counts[Long.numberOfTrailingZeros(b)]++;
                }
            }
        }
        return words;
    }
}
