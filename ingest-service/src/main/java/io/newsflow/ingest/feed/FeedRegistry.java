package io.newsflow.ingest.feed;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The feeds this replica polls, by id. */
@ApplicationScoped
public class FeedRegistry {

    private final Map<String, FeedState> feeds = new ConcurrentHashMap<>();

    /** Adds the feed unless one with its id exists; returns the registered state and whether it is new. */
    public Registration register(Feed feed, FeedState.Origin origin) {
        boolean[] created = new boolean[1];
        FeedState state = feeds.computeIfAbsent(feed.id(), id -> {
            created[0] = true;
            return new FeedState(feed, origin);
        });
        return new Registration(state, created[0]);
    }

    public Optional<FeedState> get(String id) {
        return Optional.ofNullable(feeds.get(id));
    }

    public void remove(String id) {
        feeds.remove(id);
    }

    public Collection<FeedState> all() {
        return feeds.values();
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
