package io.newsflow.contracts.fingerprint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Charikar's SimHash over word frequencies: each distinct word votes with its count on every bit of its 64-bit hash,
 * and the fingerprint keeps the sign of each bit's tally. Near-identical texts differ in few bits; a Hamming distance
 * of 3 or less is the classic near-duplicate threshold for web pages (Manku et al., WWW 2007).
 */
public final class SimHash {

    /** Hamming distance at or below which two texts are near duplicates. */
    public static final int NEAR_DUPLICATE_DISTANCE = 3;

    private SimHash() {
    }

    /** The fingerprint of a word sequence; 0 for no words. */
    public static long of(List<String> words) {
        Map<String, Integer> counts = new HashMap<>();
        for (String word : words) {
            counts.merge(word, 1, Integer::sum);
        }
        long[] tally = new long[64];
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            long h = Shingles.hash(e.getKey());
            int weight = e.getValue();
            for (int bit = 0; bit < 64; bit++) {
                tally[bit] += ((h >>> bit) & 1) == 1 ? weight : -weight;
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (tally[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    /** Number of differing bits, 0..64. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
