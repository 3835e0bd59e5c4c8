/**
 * enrich-service: the enrich stage of Newsflow. Reads {@code news.articles.raw} (channel {@code raw-articles},
 * consumer group {@code enrich-service}, batches, {@code read_committed}), finds each article's language (OpenNLP,
 * 103 languages; skipped when the article's function words confirm its declared language or, without a declaration,
 * leave no doubt about it), named entities
 * (knowledge-base linking to Wikidata, users' watch lists, and context-typed unknown names, with mentions and
 * salience), IPTC Media Topics plus users' rule topics ({@code rule:<id>}), and a story
 * fingerprint (MinHash, SimHash, keywords, top entities), and writes an {@link io.newsflow.contracts.EnrichedArticle}
 * to {@code news.articles.enriched} (channel {@code enriched-articles}) under the same key.
 *
 * <p>Exactly once: each polled batch's enriched records, its dead letters ({@code news.enrich.dlq}, header
 * {@code dead-letter-reason}) and its consumed offsets are written in one Kafka transaction; downstream consumers
 * must read with {@code isolation.level=read_committed}. Watched entities ({@code /api/entities}) and rule topics
 * ({@code /api/topics}) live in the compacted topics {@code news.enrich.watchlist} and {@code news.enrich.rules},
 * which every replica reads in full. Also serves {@code POST /api/enrich} for ad-hoc texts.
 *
 * <p>Settings that matter: {@code kafka.bootstrap.servers}; {@code newsflow.enrich.transactional-id} (unique and
 * stable per replica); {@code newsflow.enrich.batch-size}; {@code newsflow.enrich.user-data.*}; the rest of
 * {@code newsflow.enrich.*} (see {@link io.newsflow.enrich.config.EnrichConfig}). The data it links against lives in
 * {@code src/main/resources/kb}, {@code lexicon} and {@code topics} (see the README there).
 */
package io.newsflow.enrich;
