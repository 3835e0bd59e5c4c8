/**
 * ingest-service: polls RSS 0.9x/1.0/2.0, Atom and JSON Feed feeds politely and leniently, fetches each new item's
 * page, extracts the article (headline, main text, authors, dates, language hint), gives it a stable id from its
 * canonical URL, and publishes it once per content version.
 *
 * <p>Owns the feed subscriptions, each feed's poll state, and the record of what it has published.
 * <ul>
 *   <li>Writes {@code news.articles.raw} (channel {@code raw-articles}; key = article id; RawArticle JSON).</li>
 *   <li>Writes {@code news.ingest.dlq} (channel {@code ingest-dead-letters}; key = feed/page URL) for feeds and pages it
 *       could not read, with the {@code dead-letter-reason} header.</li>
 *   <li>Reads and writes the compacted topics {@code news.ingest.feeds} (subscriptions, key = feed id),
 *       {@code news.ingest.feed-state} (validators, interval, backoff and health per feed, key = feed id) and
 *       {@code news.ingest.seen} (article id → content hash, revision), created at start when missing, read whole
 *       before the first poll (the service is not ready until then) and followed afterwards, so replicas see each
 *       other's changes.</li>
 *   <li>Joins the consumer group {@code newsflow.ingest.group-id} on {@code news.ingest.feeds} only to share the
 *       feeds: a replica polls the feeds of the partitions assigned to it.</li>
 *   <li>Reads the committed offsets of {@code newsflow.ingest.admission.consumer-group} (enrich-service) on
 *       {@code news.articles.raw}: while that backlog is above {@code max-lag}, no new feed poll starts.</li>
 * </ul>
 *
 * <p>Settings that matter: {@code newsflow.ingest.feeds}, {@code newsflow.ingest.poll-interval} (start),
 * {@code min-poll-interval}/{@code max-poll-interval}/{@code max-backoff} (the adaptive schedule),
 * {@code newsflow.ingest.host.*} (per-host politeness), {@code newsflow.ingest.workers},
 * {@code newsflow.ingest.fetch.*} (timeouts, size limits, redirects, and {@code allow-private-addresses}, the SSRF
 * guard's switch, false by default), {@code newsflow.ingest.api-key}, {@code newsflow.ingest.group-id},
 * {@code newsflow.ingest.admission.*} (admission control), {@code kafka.bootstrap.servers}.
 *
 * <p>Packages: {@code feed} (subscriptions, parsing, OPML, autodiscovery), {@code fetch} (HTTP, politeness and the
 * SSRF guard), {@code extract} (main text and metadata), {@code dedup} (seen state), {@code pipeline} (polling, the
 * schedule, ownership and the per-item flow), {@code messaging} (Kafka), {@code rest}, {@code health},
 * {@code config}.
 */
package io.newsflow.ingest;
