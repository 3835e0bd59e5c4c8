package io.newsflow.contracts.fingerprint;



/**
 * Charikar's SimHash over a text's features: each feature (here a distinct word shingle, see {@link TextFingerprint})
 * votes on every bit of its 64-bit hash, and the fingerprint keeps the sign of each bit's tally. Near-identical texts
 * differ in few bits; a Hamming distance of 3 or less is the classic near-duplicate threshold for web pages (Manku et
 * al., WWW 2007). Shingles rather than single words: word counts are dominated by "the", "of", "og", which made
 * unrelated texts of one language look alike.
 */
public final class SimHash {

    /** Hamming distance at or below which two texts are near duplicates. */
    public static final int NEAR_DUPLICATE_DISTANCE = 3;

    private SimHash() {
    }

    /** The fingerprint of a set of well-mixed 64-bit feature hashes, each voting once; 0 for none. */
    public static long of(long[] features) {
        int[] ones = new int[64];
        for (long h : features) {
            for (int bit = 0; bit < 64; bit++) {
                ones[bit] += (int) ((h >>> bit) & 1);
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (2 * ones[bit] > features.length) {
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
