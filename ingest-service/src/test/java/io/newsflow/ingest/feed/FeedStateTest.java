package io.newsflow.ingest.feed;

import io.newsflow.contracts.EventJson;
import io.newsflow.ingest.fetch.Validators;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FeedStateTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void aRestoredFeedResumesWithItsValidatorsScheduleBackoffAndCounters() {
        Feed feed = Feed.of("https://news.example/feed.xml", T0);
        FeedState before = new FeedState(feed, FeedState.Origin.API);
        before.tryStartPoll();
        before.validators(new Validators("\"abc\"", "Thu, 20 Nov 2026 08:00:00 GMT"));
        before.interval(Duration.ofMinutes(12));
        before.polled(T0, 200, "ok", 7);
        before.items(3, 1, 3);
        before.published();
        before.feedFailed("http-status", 503);
        before.feedFailed("http-status", 503);
        before.failed(T0.plusSeconds(60), "http-status: HTTP 503");
        before.finishPoll(T0.plus(Duration.ofMinutes(20)));

        // Through the JSON the topic holds, as a restarted replica reads it.
        FeedPollState persisted = EventJson.fromBytes(EventJson.toBytes(before.snapshot(T0.plusSeconds(61))), FeedPollState.class);
        FeedState after = new FeedState(feed, FeedState.Origin.API);
        after.restore(persisted);

        assertThat(after.validators()).isEqualTo(new Validators("\"abc\"", "Thu, 20 Nov 2026 08:00:00 GMT"));
        assertThat(after.interval()).isEqualTo(Duration.ofMinutes(12));
        assertThat(after.nextPollAt()).isEqualTo(T0.plus(Duration.ofMinutes(20)));
        assertThat(after.isDue(T0.plus(Duration.ofMinutes(19)))).isFalse();
        assertThat(after.failureStreak()).isEqualTo(2);
        assertThat(after.feedFailed("http-status", 503)).as("same failure: not news again after a restart").isFalse();
        FeedView view = after.view();
        assertThat(view.itemsSeen()).isEqualTo(7);
        assertThat(view.itemsNew()).isEqualTo(3);
        assertThat(view.itemsRevised()).isEqualTo(1);
        assertThat(view.itemsDuplicate()).isEqualTo(3);
        assertThat(view.articlesPublished()).isEqualTo(1);
        assertThat(view.lastSuccessAt()).isEqualTo(T0);
        assertThat(view.lastErrorStatus()).isEqualTo(503);
        assertThat(view.lastError()).isEqualTo("http-status: HTTP 503");
        assertThat(view.pollIntervalSeconds()).isEqualTo(720);
    }

    @Test
    void theRegistryAppliesPersistedStateWhenAFeedRegisters() {
        FeedRegistry registry = new FeedRegistry();
        Feed feed = Feed.of("https://news.example/a.xml", T0);
        FeedState old = new FeedState(feed, FeedState.Origin.API);
        old.validators(new Validators("\"v9\"", null));
        registry.persistedState(feed.id(), old.snapshot(T0));

        FeedState registered = registry.register(feed, FeedState.Origin.API).state();

        assertThat(registered.validators().etag()).isEqualTo("\"v9\"");
    }
}
