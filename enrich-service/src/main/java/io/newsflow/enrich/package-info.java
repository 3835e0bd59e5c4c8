/**
 * enrich-service: the enrich stage of Newsflow. Reads {@code news.articles.raw} (channel {@code raw-articles},
 * consumer group {@code enrich-service}), finds each article's language (OpenNLP, 103 languages), named entities
 * (knowledge-base linking to Wikidata plus context-typed unknown names, with mentions and salience) and IPTC Media
 * Topics, and writes an {@link io.newsflow.contracts.EnrichedArticle} to {@code news.articles.enriched} (channel
 * {@code enriched-articles}) under the same key. Messages it cannot read go to {@code news.enrich.dlq} with a
 * {@code dead-letter-reason} header. Offsets commit only after the enriched record is written (at-least-once).
 * Also serves {@code POST /api/enrich} for ad-hoc texts.
 *
 * <p>Settings that matter: {@code kafka.bootstrap.servers}; {@code newsflow.enrich.*} (see
 * {@link io.newsflow.enrich.config.EnrichConfig}); the data it links against lives in {@code src/main/resources/kb},
 * {@code lexicon} and {@code topics} (see the README there).
 */
package io.newsflow.enrich;
