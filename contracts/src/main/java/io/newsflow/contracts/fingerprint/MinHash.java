package io.newsflow.contracts.fingerprint;

import java.util.Arrays;

/**
 * MinHash signatures of shingle sets (Broder 1997): the fraction of equal positions in two signatures estimates the
 * Jaccard similarity of the sets. {@link #bands} cuts a signature into locality-sensitive bands: two texts whose
 * Jaccard similarity is s share at least one band with probability 1 - (1 - s^r)^b, about 0.5 at s = 0.5 and over 0.99
 * at s = 0.8 for the default 16 bands of 4 rows, so near copies are found by looking up band keys.
 */
public final class MinHash {

    /** Signature length: the standard error of the estimate is about sqrt(s(1-s)/64) &lt;= 0.0625. */
    public static final int SIGNATURE_SIZE = 64;
    public static final int BANDS = 16;
    public static final int ROWS_PER_BAND = SIGNATURE_SIZE / BANDS;

    /** Per-position seeds, fixed forever: changing them makes stored signatures incomparable with new ones. */
    private static final long[] SEEDS = new long[SIGNATURE_SIZE];

    static {
        long seed = 0x6e657773666c6f77L; // "newsflow"
        for (int i = 0; i < SIGNATURE_SIZE; i++) {
            seed += 0x9e3779b97f4a7c15L;
            SEEDS[i] = Shingles.mix(seed);
        }
    }

    private MinHash() {
    }

    /**
     * The signature of a set of shingle hashes: for each of {@value #SIGNATURE_SIZE} hash functions, the minimum over
     * the set, truncated to 32 bits. An empty set gives all {@link Integer#MAX_VALUE}, which compares as similarity
     * 1 with another empty text; callers should not treat empty texts as copies ({@link TextFingerprint#isEmpty}).
     */
    public static int[] signature(long[] shingles) {
        long[] min = new long[SIGNATURE_SIZE];
        Arrays.fill(min, Long.MAX_VALUE);
        for (long shingle : shingles) {
            for (int i = 0; i < SIGNATURE_SIZE; i++) {
                long h = Shingles.mix(shingle ^ SEEDS[i]) >>> 1; // non-negative, so signed comparison works
                if (h < min[i]) {
                    min[i] = h;
                }
            }
        }
        int[] signature = new int[SIGNATURE_SIZE];
        for (int i = 0; i < SIGNATURE_SIZE; i++) {
            signature[i] = (int) (min[i] >>> 31); // the top 32 of 63 bits
        }
        return signature;
    }

    /** Estimated Jaccard similarity, 0..1: the fraction of positions where the signatures agree. */
    public static double similarity(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("signatures differ in length: " + a.length + " vs " + b.length);
        }
        int equal = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        return a.length == 0 ? 0 : (double) equal / a.length;
    }

    /**
     * One 64-bit key per band ({@value #BANDS} bands of {@value #ROWS_PER_BAND} rows); the band index is part of the
     * key, so equal keys mean equal rows in the same band.
     */
    public static long[] bands(int[] signature) {
        if (signature.length != SIGNATURE_SIZE) {
            throw new IllegalArgumentException("expected a signature of " + SIGNATURE_SIZE + ", got " + signature.length);
        }
        long[] keys = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long h = Shingles.mix(0x62616e64L + band); // "band"
            for (int row = 0; row < ROWS_PER_BAND; row++) {
                h = Shingles.mix(h ^ (signature[band * ROWS_PER_BAND + row] & 0xffffffffL));
            }
            keys[band] = h;
        }
        return keys;
    }
}
