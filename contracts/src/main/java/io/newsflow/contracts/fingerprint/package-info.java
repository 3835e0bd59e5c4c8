/**
 * Text fingerprints for near-duplicate detection, shared by enrich-service (which may put them into its events) and
 * store-service (which groups syndicated copies into one story). Plain Java, no dependencies, deterministic across
 * JVMs and releases: a fingerprint computed by one service compares with one computed by another.
 * <ul>
 *   <li>{@link io.newsflow.contracts.fingerprint.Shingles}: words (the normalised tokens of
 *       {@link io.newsflow.contracts.text.Tokenizer}: lower case, accents stripped) and overlapping word n-grams
 *       hashed to 64 bits.</li>
 *   <li>{@link io.newsflow.contracts.fingerprint.MinHash}: estimates the Jaccard similarity of two shingle sets and
 *       gives locality-sensitive band keys, so near copies can be found with an index lookup.</li>
 *   <li>{@link io.newsflow.contracts.fingerprint.SimHash}: one 64-bit hash of the shingles whose Hamming distance is
 *       small for near-identical texts.</li>
 *   <li>{@link io.newsflow.contracts.fingerprint.TextFingerprint}: both, of an article's title and text.</li>
 * </ul>
 */
package io.newsflow.contracts.fingerprint;
