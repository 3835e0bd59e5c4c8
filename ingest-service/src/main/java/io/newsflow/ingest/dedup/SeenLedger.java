package io.newsflow.ingest.dedup;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What ingest has already published, and the decisions that follow from it: skip an item whose page need not be
 * fetched again, publish a new article as revision 1, a changed one as the next revision, nothing for an unchanged
 * one. Claims make the decision safe when two feeds carry the same article and are polled at the same time: only the
 * first claimant publishes. Plain, thread-safe, in memory; {@link SeenStateStore} persists and reloads it.
 */
public final class SeenLedger {

    public enum Outcome {
        /** Never published: publish as revision 1. */
        NEW,
        /** Published before with another content hash: publish as the next revision. */
        CHANGED,
        /** Published before with this content hash: nothing to publish. */
        UNCHANGED,
        /** Another worker is publishing this article right now: leave it to that worker. */
        IN_FLIGHT
    }

    /** A decision; {@code revision} is what to publish for NEW/CHANGED, the known one otherwise. */
    public record Decision(Outcome outcome, int revision) {
        public boolean publish() {
            return outcome == Outcome.NEW || outcome == Outcome.CHANGED;
        }
    }

    private final Map<String, SeenRecord> articles = new ConcurrentHashMap<>();
    private final Map<String, SeenRecord> aliases = new ConcurrentHashMap<>();
    private final Set<String> claimed = new HashSet<>();
    /** Links whose page failed, with the item date it failed for and the attempts made; not persisted. */
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    /** Attempts at a page that keeps failing with a transient error before it waits for a newer item date. */
    public static final int MAX_ATTEMPTS = 3;

    private record Failure(Instant itemDate, int attempts) {
    }

    /**
     * Whether a feed item must be fetched: when its link was never seen, or the feed now gives it a newer date than
     * when it was last processed. Comparing "newer", not "different", keeps an article carried by two feeds with
     * different dates from being refetched on every poll.
     *
     * @param linkId   {@code ArticleIds.idFor(link)}
     * @param itemDate the item's updated/published date, may be null
     */
    public boolean needsFetch(String linkId, Instant itemDate) {
        Failure failure = failures.get(linkId);
        if (failure != null && failure.attempts() >= MAX_ATTEMPTS && !isNewer(itemDate, failure.itemDate())) {
            return false; // given up on this version of the item; a newer date earns a fresh try
        }
        SeenRecord alias = aliases.get(linkId);
        SeenRecord known = articles.get(alias != null ? alias.aliasOf() : linkId);
        if (known == null) {
            return true;
        }
        Instant lastDate = latest(known.itemDate(), alias == null ? null : alias.itemDate());
        return itemDate != null && (lastDate == null || itemDate.isAfter(lastDate));
    }

    /**
     * Notes a failed attempt at a link's page. A permanent failure (the page is not an article) stops attempts
     * for this item date at once; a transient one after {@link #MAX_ATTEMPTS}.
     *
     * @return true when another attempt will be made on a later poll
     */
    public boolean failedAttempt(String linkId, Instant itemDate, boolean transientFailure) {
        Failure updated = failures.compute(linkId, (id, previous) -> {
            int before = previous == null || isNewer(itemDate, previous.itemDate()) ? 0 : previous.attempts();
            return new Failure(itemDate, transientFailure ? before + 1 : MAX_ATTEMPTS);
        });
        return updated.attempts() < MAX_ATTEMPTS;
    }

    /** Forgets the failed attempts at a link once its page was read. */
    public void clearFailures(String linkId) {
        failures.remove(linkId);
    }

    private static boolean isNewer(Instant candidate, Instant than) {
        return candidate != null && (than == null || candidate.isAfter(than));
    }

    /**
     * Decides what to do with an extracted article and, for NEW/CHANGED, claims it until {@link #published} or
     * {@link #release} is called.
     */
    public synchronized Decision decide(String articleId, String contentHash) {
        SeenRecord known = articles.get(articleId);
        if (claimed.contains(articleId)) {
            return new Decision(Outcome.IN_FLIGHT, known == null ? 0 : known.revision());
        }
        if (known == null) {
            claimed.add(articleId);
            return new Decision(Outcome.NEW, 1);
        }
        if (Objects.equals(known.contentHash(), contentHash)) {
            return new Decision(Outcome.UNCHANGED, known.revision());
        }
        claimed.add(articleId);
        return new Decision(Outcome.CHANGED, known.revision() + 1);
    }

    /** Records a publication (after the broker acknowledged it) and releases the claim; returns the stored record. */
    public synchronized SeenRecord published(String articleId, String contentHash, int revision, Instant itemDate) {
        SeenRecord record = SeenRecord.published(contentHash, revision, itemDate);
        articles.put(articleId, record);
        claimed.remove(articleId);
        return record;
    }

    /** Gives up a claim after a failed publication, so the next poll tries again. */
    public synchronized void release(String articleId) {
        claimed.remove(articleId);
    }

    /**
     * Notes that an unchanged article was seen with a newer item date, so it is not fetched again for that date;
     * returns the record to persist, or null when nothing changed.
     */
    public SeenRecord touched(String articleId, Instant itemDate) {
        SeenRecord[] updated = new SeenRecord[1];
        articles.computeIfPresent(articleId, (id, known) -> {
            if (itemDate != null && (known.itemDate() == null || itemDate.isAfter(known.itemDate()))) {
                updated[0] = SeenRecord.published(known.contentHash(), known.revision(), itemDate);
                return updated[0];
            }
            return known;
        });
        return updated[0];
    }

    /** Remembers that a feed link leads to an article with another id; returns the record to persist. */
    public SeenRecord alias(String linkId, String articleId, Instant itemDate) {
        SeenRecord record = SeenRecord.alias(articleId, itemDate);
        aliases.put(linkId, record);
        return record;
    }

    /** Applies one record read back from the topic; a null value (tombstone) forgets the key. */
    public void apply(String key, SeenRecord record) {
        if (record == null) {
            articles.remove(key);
            aliases.remove(key);
        } else if (record.isAlias()) {
            aliases.put(key, record);
        } else {
            articles.put(key, record);
        }
    }

    /** The record of a published article, or null. */
    public SeenRecord get(String articleId) {
        return articles.get(articleId);
    }

    public boolean knows(String articleId) {
        return articles.containsKey(articleId);
    }

    public int size() {
        return articles.size();
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
