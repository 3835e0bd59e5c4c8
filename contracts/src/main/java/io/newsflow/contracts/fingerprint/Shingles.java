package io.newsflow.contracts.fingerprint;

import java.util.Arrays;

/**
 * Hashes words and overlapping word n-grams ("shingles") to 64 bits. The words are the normalised forms of
 * {@link io.newsflow.contracts.text.Tokenizer} tokens (lower case, accents stripped, possessive "'s" cut off), so
 * punctuation, typographic quotes, case and spacing never make two copies of a text look different. Each word is
 * hashed once; a shingle's hash is built from its words' hashes, so nothing is re-read or allocated per shingle.
 */
public final class Shingles {

    /** Words per shingle used by {@link TextFingerprint}: long enough that shared phrases, not shared words, count. */
    public static final int DEFAULT_SIZE = 3;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Shingles() {
    }

    /**
     * Distinct hashes of the n-grams of {@code size} consecutive words, sorted; a text shorter than {@code size} words
     * yields one shingle of all its words, an empty text none.
     */
    public static long[] hashes(long[] wordHashes, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("shingle size must be >= 1, was " + size);
        }
        if (wordHashes.length == 0) {
            return new long[0];
        }
        int n = Math.min(size, wordHashes.length);
        long[] shingles = new long[wordHashes.length - n + 1];
        for (int i = 0; i < shingles.length; i++) {
            long h = FNV_OFFSET;
            for (int j = i; j < i + n; j++) {
                h = mix(h ^ wordHashes[j]); // mixing after each word keeps the order: (a, b) and (b, a) differ
            }
            shingles[i] = h;
        }
        return distinctSorted(shingles);
    }

    /** 64-bit FNV-1a over a word's UTF-16 code units, finalised; stable across JVMs, unlike String.hashCode widened. */
    public static long hash(String word) {
        long h = FNV_OFFSET;
        for (int i = 0; i < word.length(); i++) {
            h = (h ^ word.charAt(i)) * FNV_PRIME;
        }
        return mix(h);
    }

    /** Sorts in place and returns the distinct values (a copy only when there were repeats). */
    static long[] distinctSorted(long[] values) {
        Arrays.sort(values);
        int distinct = 0;
        for (int i = 0; i < values.length; i++) {
            if (i == 0 || values[i] != values[i - 1]) {
                values[distinct++] = values[i];
            }
        }
        return distinct == values.length ? values : Arrays.copyOf(values, distinct);
    }

    /** SplitMix64 finaliser: spreads FNV's weak low bits over the whole word. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
