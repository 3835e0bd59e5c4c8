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
import java.util.Set;

/**
 * Reads the language of an article from its function words, so the statistical model (the costliest step of
 * enrichment) runs only when they leave doubt. Two uses:
 * <ul>
 *   <li>{@link #confirm}: a declared language is confirmed when at least {@value #MIN_SHARE_PERCENT} % of the words
 *       looked at are its function words and no other language has as many: Danish declared as Norwegian, or an
 *       English article on a Norwegian site, goes to the model.</li>
 *   <li>{@link #guess}: without a declaration, a language is named only when the evidence is overwhelming (see the
 *       thresholds below) and only for {@link #GUESSED} languages, whose close relatives all have lists of their
 *       own, so that a relative (Catalan, Galician, Asturian, Occitan, Friulian, Afrikaans, Frisian, Luxembourgish,
 *       Limburgish) cannot pass for Spanish, Portuguese, French, Italian, Dutch or German.</li>
 * </ul>
 * The thresholds were chosen by measuring agreement with the model (docs/benchmarks.md, enrich-service).
 */
public final class StopWordCheck {

    public static final String RESOURCE = "language/stop-words.txt";
    /** The opening of an article settles its language; longer texts do not need to be read to the end. */
    static final int WORDS_LOOKED_AT = 150;
    static final int MIN_SHARE_PERCENT = 20;
    /** Below this many words even a high share is a few lucky words, not evidence. */
    static final int MIN_WORDS = 20;

    /**
     * Languages {@link #guess} may name. Not nb, nn and da: in the Bokmål news measured, Bokmål led Nynorsk and Danish
     * by only 5 to 9 function words in 150, and some Danish texts had Bokmål ahead by 3, too thin a margin; that family
     * keeps the model. Not the languages listed only so that they are not taken for a neighbour (ca, gl, …): some of
     * their own relatives have no list.
     */
    static final Set<String> GUESSED = Set.of("en", "de", "nl", "sv", "fr", "es", "it", "pt");
    /** A guess needs this share of function words of its language: running prose, not a list of names or code. */
    static final int MIN_GUESS_SHARE_PERCENT = 30;
    /** … and this many more of them than any other language has (what the two lists do not share decides). */
    static final int MIN_GUESS_LEAD = 6;
    /** … and of the words that tell it from any other listed language, at most one in this many may be the other's. */
    static final int ONE_RIVAL_WORD_IN = 10;
    /** Words of other scripts (Cyrillic, Greek, CJK …) above this share mean a mixed text: the model decides. */
    static final int MAX_OTHER_SCRIPT_PERCENT = 5;

    /** A language named from function words, with how clearly it won (the measure {@link #confirm} reports). */
    record Guess(String language, double margin) {
    }

    private final List<String> languages;
    /** Normalised word → bit set over {@link #languages}: one lookup per word counts it for every language. */
    private final Map<String, Long> languagesOfWord;

    StopWordCheck(Map<String, List<String>> wordsByLanguage) {
        this.languages = List.copyOf(wordsByLanguage.keySet());
        if (languages.size() > Long.SIZE) {
            throw new IllegalArgumentException("at most " + Long.SIZE + " languages: " + languages);
        }
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

    /** The languages that have a list, in file order. */
    List<String> languages() {
        return languages;
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
        Evidence evidence = read(title, text, Integer.MAX_VALUE);
        int[] counts = evidence.counts(evidence.words);
        int own = counts[index];
        if (evidence.words < MIN_WORDS || own * 100 < evidence.words * MIN_SHARE_PERCENT) {
            return -1;
        }
        int rival = bestRival(counts, index);
        return rival >= own ? -1 : 1 - (double) rival / own;
    }

    /**
     * The language of an undeclared article when its function words leave no doubt: one of {@link #GUESSED} leads
     * every other listed language clearly in the words looked at, and also leads in the opening the model would read
     * (so a text that switches language after its first paragraph goes to the model).
     *
     * @param openingChars how much of text (UTF-16 chars) the model would look at after the whole title
     * @return the language and its margin (as {@link #confirm} reports it), or null when the model must decide
     */
    Guess guess(List<Token> title, List<Token> text, int openingChars) {
        Evidence evidence = read(title, text, openingChars);
        if (evidence.words < MIN_WORDS || evidence.otherScript * 100 > evidence.words * MAX_OTHER_SCRIPT_PERCENT) {
            return null;
        }
        int[] counts = evidence.counts(evidence.words);
        int best = best(counts);
        int own = counts[best];
        int rival = bestRival(counts, best);
        if (!GUESSED.contains(languages.get(best)) || own * 100 < evidence.words * MIN_GUESS_SHARE_PERCENT
                || own - rival < MIN_GUESS_LEAD || !clearOfEachRival(evidence, best)) {
            return null;
        }
        // The opening is about half of the words looked at: half the lead there.
        int[] opening = evidence.counts(evidence.openingWords);
        if (best(opening) != best || opening[best] - bestRival(opening, best) < MIN_GUESS_LEAD / 2) {
            return null;
        }
        return new Guess(languages.get(best), 1 - (double) rival / own);
    }

    /**
     * Against each other language: of the words one of the two lists has and the other has not, at most one in
     * {@value #ONE_RIVAL_WORD_IN} is the other's. A lead alone lets mixed texts through, and relatives whose
     * list lacks a few of their common words.
     */
    private boolean clearOfEachRival(Evidence evidence, int best) {
        int[] own = new int[languages.size()];     // per language: words of best that it lacks
        int[] against = new int[languages.size()]; // per language: its words that best lacks
        long all = languages.size() == Long.SIZE ? -1L : (1L << languages.size()) - 1;
        long bestBit = 1L << best;
        for (int w = 0; w < evidence.words; w++) {
            long bits = evidence.bits[w];
            if (bits == 0) {
                continue;
            }
            if ((bits & bestBit) != 0) {
                for (long b = all & ~bits; b != 0; b &= b - 1) {
                    own[Long.numberOfTrailingZeros(b)]++;
                }
            } else {
                for (long b = bits; b != 0; b &= b - 1) {
                    against[Long.numberOfTrailingZeros(b)]++;
                }
            }
        }
        for (int i = 0; i < own.length; i++) {
            if (i != best && against[i] * ONE_RIVAL_WORD_IN > own[i]) {
                return false;
            }
        }
        return true;
    }

    private static int best(int[] counts) {
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int bestRival(int[] counts, int index) {
        int rival = 0;
        for (int i = 0; i < counts.length; i++) {
            if (i != index) {
                rival = Math.max(rival, counts[i]);
            }
        }
        return rival;
    }

    /** The languages of each word looked at, and how many of those words the model's opening holds. */
    private static final class Evidence {
        final long[] bits = new long[WORDS_LOOKED_AT];
        final int languageCount;
        int words;
        int openingWords;
        int otherScript;

        Evidence(int languageCount) {
            this.languageCount = languageCount;
        }

        int[] counts(int upTo) {
            int[] counts = new int[languageCount];
            for (int w = 0; w < upTo; w++) {
                for (long b = bits[w]; b != 0; b &= b - 1) {
                    counts[Long.numberOfTrailingZeros(b)]++;
                }
            }
            return counts;
        }
    }

    /** Title words are all in the opening; text words up to openingChars. */
    private Evidence read(List<Token> title, List<Token> text, int openingChars) {
        Evidence evidence = new Evidence(languages.size());
        read(title, Integer.MAX_VALUE, evidence);
        read(text, openingChars, evidence);
        return evidence;
    }

    private void read(List<Token> tokens, int openingChars, Evidence evidence) {
        for (int t = 0; t < tokens.size() && evidence.words < WORDS_LOOKED_AT; t++) {
            Token token = tokens.get(t);
            if (!token.hasLetter()) {
                continue;
            }
            Long bits = languagesOfWord.get(token.norm());
            evidence.bits[evidence.words++] = bits == null ? 0 : bits;
            if (token.end() <= openingChars) {
                evidence.openingWords = evidence.words;
            }
            if (!isLatin(token.norm())) {
                evidence.otherScript++;
            }
        }
    }

    /** Normalised words of Latin script are folded to plain letters below U+0250. */
    private static boolean isLatin(String norm) {
        for (int i = 0; i < norm.length(); i++) {
            if (norm.charAt(i) >= 0x250) {
                return false;
            }
        }
        return true;
    }
}
