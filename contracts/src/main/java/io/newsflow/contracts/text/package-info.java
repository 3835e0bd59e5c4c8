/**
 * Word splitting shared by enrich-service (every stage works on these tokens) and the text fingerprint
 * ({@link io.newsflow.contracts.fingerprint.TextFingerprint}): the store fingerprints an article that arrives without a
 * fingerprint from the same words enrich would, so the two always agree. Plain Java, no dependencies.
 */
package io.newsflow.contracts.text;
