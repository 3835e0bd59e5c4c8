/**
 * store-service: the last stage of the pipeline and the owner of Newsflow's only global state, the PostgreSQL article
 * store.
 * <ul>
 *   <li>Reads {@code news.articles.enriched} (channel {@code enriched-articles}, consumer group {@code store-service}),
 *       one message at a time on a worker thread, and upserts each article by id in one transaction: a redelivery
 *       changes nothing, a newer revision (then a newer {@code enrichedAt}) replaces the stored one, an older one never
 *       does. The Kafka offset is committed only after the transaction commits.</li>
 *   <li>Writes {@code news.store.dlq}: messages that can never be stored (not JSON, unknown schema version, contract
 *       violations, data PostgreSQL rejects) with a {@code dead-letter-reason} header. A database outage is not such a
 *       message: the consumer retries with backoff and loses nothing.</li>
 *   <li>Serves {@code GET /api/articles} (filters, full-text search) and {@code GET /api/articles/{id}}; OpenAPI at
 *       {@code /q/openapi}. Readiness needs both Kafka and PostgreSQL.</li>
 * </ul>
 * Settings that matter: {@code kafka.bootstrap.servers}, {@code quarkus.datasource.jdbc.url} / {@code .username} /
 * {@code .password}, {@code newsflow.store.retry.initial-backoff}, {@code newsflow.store.retry.max-backoff}.
 */
package io.newsflow.store;
