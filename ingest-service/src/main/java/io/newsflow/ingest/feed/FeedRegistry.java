package io.newsflow.ingest.feed;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Every subscribed feed by id, with its state; which of them this replica polls is decided by the ownership rule
 * (Kafka group membership, see {@code FeedAssignment}), everything else is known for the API.
 */
@ApplicationScoped
public class FeedRegistry {

    private final Map<String, FeedState> feeds = new ConcurrentHashMap<>();
    /** Persisted poll state, by feed id, taken over when the feed is (re)registered or changes hands. */
    private final Map<String, FeedPollState> persisted = new ConcurrentHashMap<>();
    private volatile Predicate<String> owns = id -> true;

    /** Adds the feed unless one with its id exists; returns the registered state and whether it is new. */
    public Registration register(Feed feed, FeedState.Origin origin) {
        boolean[] created = new boolean[1];
        FeedState state = feeds.computeIfAbsent(feed.id(), id -> {
            created[0] = true;
            FeedState fresh = new FeedState(feed, origin);
            FeedPollState saved = persisted.get(id);
            if (saved != null) {
                fresh.restore(saved);
            }
            return fresh;
        });
        return new Registration(state, created[0]);
    }

    /** Notes persisted state (from news.ingest.feed-state); applied to a feed this replica does not poll itself. */
    public void persistedState(String feedId, FeedPollState state) {
        if (state == null) {
            persisted.remove(feedId);
            return;
        }
        persisted.put(feedId, state);
        FeedState feed = feeds.get(feedId);
        if (feed != null && !owns.test(feedId) && !feed.isPolling()) {
            feed.restore(state);
        }
    }

    /** The feeds this replica has just taken over start from the latest persisted state. */
    public void takeOver(Collection<String> feedIds) {
        for (String id : feedIds) {
            FeedState feed = feeds.get(id);
            FeedPollState saved = persisted.get(id);
            if (feed != null && saved != null && !feed.isPolling()) {
                feed.restore(saved);
            }
        }
    }

    /** Which feeds this replica polls. */
    public void ownership(Predicate<String> owns) {
        this.owns = owns;
    }

    public boolean owns(String feedId) {
        return owns.test(feedId);
    }

    public Optional<FeedState> get(String id) {
        return Optional.ofNullable(feeds.get(id));
    }

    public void remove(String id) {
        feeds.remove(id);
        persisted.remove(id);
    }

    public Collection<FeedState> all() {
        return feeds.values();
    }

    /** The feeds this replica polls. */
    public List<FeedState> owned() {
        Predicate<String> rule = owns;
        return feeds.values().stream().filter(f -> rule.test(f.feed().id())).toList();
    }

    public List<FeedView> views() {
        return feeds.values().stream()
                .map(FeedState::view)
                .sorted(Comparator.comparing(FeedView::addedAt).thenComparing(FeedView::url))
                .toList();
    }

    public record Registration(FeedState state, boolean created) {
    }
}
