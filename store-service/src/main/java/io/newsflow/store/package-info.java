/**
 * store-service: the last stage of the pipeline and the owner of Newsflow's only global state, the PostgreSQL article
 * store, including story clustering.
 * <ul>
 *   <li>Reads {@code news.articles.enriched} (channel {@code enriched-articles}, consumer group {@code store-service})
 *       in batches as polled, on a worker thread, and upserts each batch by article id in one transaction: a
 *       redelivery changes nothing, a newer revision (then a newer {@code enrichedAt}) replaces the stored one, an
 *       older one never does. Each record's offset is committed only after the transaction commits.</li>
 *   <li>Assigns every new article to a story inside that transaction ({@code story} package): copies by MinHash
 *       bands, rewrites and translations by shared, salient, rare entities close in time. Writers serialise on a
 *       PostgreSQL advisory lock, so any number of replicas agree. A revision keeps its story. An article that
 *       strongly matches two stories merges them into the older one in the same transaction.</li>
 *   <li>Writes {@code news.stories} (key = story id) through a transactional outbox: the write transaction inserts a
 *       story created/updated/merged event (the story's full summary) into {@code story_outbox}, so it commits or
 *       rolls back with the articles; {@code StoryOutboxRelay} publishes the rows in order (idempotent producer,
 *       acks=all) right after the commit and on a sweep, deletes them only once acknowledged, and runs on one
 *       replica at a time (an advisory lock). At-least-once: consumers deduplicate by the event's {@code sequence}. A Kafka outage only
 *       grows the backlog (gauge {@code newsflow.store.outbox.backlog}, shown but never failing readiness).</li>
 *   <li>Writes {@code news.store.dlq}: messages that can never be stored (not JSON, unknown schema version, contract
 *       violations, data PostgreSQL rejects) with a {@code dead-letter-reason} header. A database outage is not such a
 *       message: the consumer retries with backoff until PostgreSQL is back and loses nothing. Any other failure of a
 *       reachable database is retried {@code newsflow.store.retry.max-attempts} times, then article by article.</li>
 *   <li>Serves {@code GET /api/articles} (filters, full-text search, cursor paging, facets), {@code /api/articles/{id}},
 *       {@code /api/stories}, {@code /api/stories/{id}}, {@code /api/entities/trending}, the live stream
 *       {@code /api/stream} (server-sent events) and the analyst web page at {@code /}; OpenAPI at {@code /q/openapi},
 *       Swagger UI at {@code /q/swagger-ui}. Readiness needs both Kafka (for the consumer) and PostgreSQL.</li>
 *   <li>Deletes articles older than {@code newsflow.store.retention} with a scheduled job; nothing else deletes
 *       articles. Outbox rows reference no article, so retention never takes an unpublished event.</li>
 * </ul>
 * Settings that matter: {@code kafka.bootstrap.servers}, {@code quarkus.datasource.jdbc.url} / {@code .username} /
 * {@code .password}, {@code newsflow.store.retry.initial-backoff}, {@code newsflow.store.retry.max-backoff},
 * {@code newsflow.store.retry.max-attempts},
 * {@code newsflow.store.retention}, {@code newsflow.store.retention-check},
 * {@code newsflow.store.outbox.chunk-size}, {@code newsflow.store.outbox.sweep-interval},
 * {@code newsflow.store.outbox.send-timeout},
 * {@code mp.messaging.incoming.enriched-articles.max.poll.records} (batch size) and {@code .max.partition.fetch.bytes}
 * (must hold a full batch of ~14 KB events).
 */
package io.newsflow.store;
