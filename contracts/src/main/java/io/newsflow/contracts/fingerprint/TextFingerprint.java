package io.newsflow.contracts.fingerprint;

import io.newsflow.contracts.text.Token;
import io.newsflow.contracts.text.Tokenizer;

import java.util.Arrays;
import java.util.List;

/**
 * The fingerprints of an article's title and text, for finding copies of it: a MinHash signature of its
 * {@value Shingles#DEFAULT_SIZE}-word shingles and a SimHash of the same shingles, the words being the normalised
 * tokens of {@link Tokenizer}. Value object; arrays are copied in and out.
 */
public final class TextFingerprint {

    /** MinHash similarity at or above which two texts are treated as copies of one another (syndication, reprints). */
    public static final double COPY_SIMILARITY = 0.5;
    /** Fewer words than this are too little text to tell a copy from a coincidence (a bare headline, a stub). */
    public static final int MIN_COPY_WORDS = 8;
    /** Fewest words for which a SimHash match alone counts as a copy. */
    public static final int MIN_SIMHASH_WORDS = 50;

    private final int[] minHash;
    private final long simHash;
    private final int words;

    public TextFingerprint(int[] minHash, long simHash, int words) {
        if (minHash.length != MinHash.SIGNATURE_SIZE) {
            throw new IllegalArgumentException("minHash must have " + MinHash.SIGNATURE_SIZE + " values");
        }
        this.minHash = minHash.clone();
        this.simHash = simHash;
        this.words = words;
    }

    /** Fingerprints title and text together (title first), as one word sequence; what the store computes. */
    public static TextFingerprint of(String title, String text) {
        return of(tokens(title), tokens(text));
    }

    /**
     * The same fingerprint from the tokens of title and text ({@link Tokenizer#tokenize}), for a caller that has
     * them already (enrich-service): equal to {@link #of(String, String)} of the texts they came from.
     */
    public static TextFingerprint of(List<Token> titleTokens, List<Token> textTokens) {
        long[] words = new long[titleTokens.size() + textTokens.size()];
        int i = 0;
        for (Token t : titleTokens) {
            words[i++] = Shingles.hash(t.norm());
        }
        for (Token t : textTokens) {
            words[i++] = Shingles.hash(t.norm());
        }
        long[] shingles = Shingles.hashes(words, Shingles.DEFAULT_SIZE);
        return new TextFingerprint(MinHash.signature(shingles), SimHash.of(shingles), words.length);
    }

    private static List<Token> tokens(String field) {
        return field == null || field.isEmpty() ? List.of() : Tokenizer.tokenize(field);
    }

    public int[] minHash() {
        return minHash.clone();
    }

    public long simHash() {
        return simHash;
    }

    /** How many words were fingerprinted. */
    public int words() {
        return words;
    }

    /** No words: such fingerprints say nothing and must not match each other. */
    public boolean isEmpty() {
        return words == 0;
    }

    /** LSH band keys of the MinHash signature (see {@link MinHash#bands}). */
    public long[] bands() {
        return MinHash.bands(minHash);
    }

    /** Estimated Jaccard similarity of the two texts' shingle sets; 0 when either is empty. */
    public double similarity(TextFingerprint other) {
        return isEmpty() || other.isEmpty() ? 0 : MinHash.similarity(minHash, other.minHash);
    }

    /**
     * True for copies: both texts have at least {@value #MIN_COPY_WORDS} words, and the MinHash similarity is at
     * least {@link #COPY_SIMILARITY} or, for texts of at least
     * {@value #MIN_SIMHASH_WORDS} words (SimHash of a few words is noise), SimHash within 3 bits.
     */
    public boolean isCopyOf(TextFingerprint other) {
        if (Math.min(words, other.words) < MIN_COPY_WORDS) {
            return false;
        }
        if (similarity(other) >= COPY_SIMILARITY) {
            return true;
        }
        return Math.min(words, other.words) >= MIN_SIMHASH_WORDS
                && SimHash.distance(simHash, other.simHash) <= SimHash.NEAR_DUPLICATE_DISTANCE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextFingerprint f && simHash == f.simHash && words == f.words
                && Arrays.equals(minHash, f.minHash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(minHash) * 31 + Long.hashCode(simHash);
    }

    @Override
    public String toString() {
        return "TextFingerprint[words=" + words + ", simHash=" + Long.toHexString(simHash) + "]";
    }
}
