package io.newsflow.contracts.fingerprint;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into words and hashes overlapping word n-grams ("shingles"). Words are maximal runs of Unicode letters
 * and digits after NFKC normalisation and lower-casing, so punctuation, typographic quotes, case and spacing never
 * make two copies of a text look different.
 */
public final class Shingles {

    /** Words per shingle used by {@link TextFingerprint}: long enough that shared phrases, not shared words, count. */
    public static final int DEFAULT_SIZE = 3;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Shingles() {
    }

    /** The words of {@code text} in order; empty for null or blank text. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return words;
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i < normal.length(); ) {
            int cp = normal.codePointAt(i);
            boolean wordChar = Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(normal.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(normal.substring(start));
        }
        return words;
    }

    /**
     * Hashes of the distinct n-grams of {@code size} consecutive words; a text shorter than {@code size} words yields
     * one shingle of all its words, an empty text none.
     */
    public static Set<Long> hashes(List<String> words, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("shingle size must be >= 1, was " + size);
        }
        Set<Long> shingles = new LinkedHashSet<>();
        if (words.isEmpty()) {
            return shingles;
        }
        int n = Math.min(size, words.size());
        for (int i = 0; i + n <= words.size(); i++) {
            long h = FNV_OFFSET;
            for (int j = i; j < i + n; j++) {
                h = fnv(h, words.get(j));
                h = (h ^ 0x1F) * FNV_PRIME; // word separator, so ("ab","c") and ("a","bc") differ
            }
            shingles.add(mix(h));
        }
        return shingles;
    }

    /** 64-bit FNV-1a of a word's UTF-8 bytes; stable across JVMs, unlike String.hashCode widened. */
    public static long hash(String word) {
        return mix(fnv(FNV_OFFSET, word));
    }

    private static long fnv(long h, String word) {
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * FNV_PRIME;
        }
        return h;
    }

    /** SplitMix64 finaliser: spreads FNV's weak low bits over the whole word. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
