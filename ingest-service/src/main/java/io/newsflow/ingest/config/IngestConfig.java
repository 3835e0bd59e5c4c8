package io.newsflow.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every {@code newsflow.ingest.*} setting in one place, with its default; validated at start so a bad value fails
 * the boot with the key's name instead of misbehaving later.
 */
@ConfigMapping(prefix = "newsflow.ingest")
public interface IngestConfig {

    /** Feeds to poll besides those added through the API (comma-separated URLs); not persisted. */
    Optional<List<String>> feeds();

    /** How often each feed is polled. */
    @WithDefault("5m")
    @DurationMin(seconds = 1)
    Duration pollInterval();

    /** Feeds polled at the same time; one slow feed holds one worker only. */
    @WithDefault("4")
    @Min(1)
    @Max(64)
    int workers();

    /** Items taken from one feed per poll (newest first as the feed lists them); guards against giant feeds. */
    @WithDefault("200")
    @Min(1)
    int maxItemsPerPoll();

    /** Shortest interval the adaptive schedule may choose, whatever the feed's item rate. */
    @WithDefault("1m")
    @DurationMin(seconds = 1)
    Duration minPollInterval();

    /** Longest interval the adaptive schedule (and publisher hints such as ttl) may choose for a healthy feed. */
    @WithDefault("1h")
    @DurationMin(seconds = 1)
    Duration maxPollInterval();

    /** Cap of the exponential backoff of a failing feed: it is still probed this often, so it recovers by itself. */
    @WithDefault("4h")
    @DurationMin(seconds = 1)
    Duration maxBackoff();

    /**
     * Consumer group the replicas join to share the feeds: each polls the feeds of the subscription-topic
     * partitions the group assigns it. Replicas of one deployment share it; two deployments need two.
     */
    @WithDefault("ingest-service")
    @NotBlank
    String groupId();

    /** API key the changing endpoints (POST/DELETE /api/feeds, import) require; none configured: open. */
    Optional<String> apiKey();

    Host host();

    /** Politeness per publisher host, shared by feed polls and page fetches. */
    interface Host {
        /** Requests in flight to one host at a time. */
        @WithDefault("2")
        @Min(1)
        @Max(32)
        int maxConcurrent();

        /** Least time between the starts of two requests to one host. */
        @WithDefault("1s")
        Duration minDelay();

        /** Longest a fetch waits for its host's turn before giving up until later (the feed is rescheduled). */
        @WithDefault("30s")
        Duration maxWait();
    }

    Fetch fetch();

    WebSub websub();

    Admission admission();

    /**
     * Admission control: while the first stage downstream is too far behind on news.articles.raw, no new feed poll
     * starts, so ingest does not spend CPU on pages that would only wait in Kafka (polls already running finish).
     */
    interface Admission {
        /** Off: feeds are polled whatever the backlog. */
        @WithDefault("true")
        boolean enabled();

        /** Consumer group whose backlog on news.articles.raw is watched (enrich-service's). */
        @WithDefault("enrich-service")
        @NotBlank
        String consumerGroup();

        /** Backlog (records) above which no new poll starts; polls start again once it is below half of this. */
        @WithDefault("5000")
        @Min(1)
        long maxLag();

        /** How often the backlog is measured (also read by the @Scheduled expression). */
        @WithDefault("2s")
        @DurationMin(seconds = 1)
        Duration checkInterval();
    }

    /** WebSub push (W3C): on only when the service has a public callback URL and a secret. */
    interface WebSub {
        /** Public base URL hubs call back, e.g. https://ingest.example.com (callbacks: /api/websub/{feed id}). */
        Optional<String> callbackUrl();

        /** Secret the per-feed hub secrets are derived from; the same on every replica. */
        Optional<String> secret();

        /** Lease asked of hubs; renewed when 90 % of it has passed. */
        @WithDefault("5d")
        @DurationMin(minutes = 1)
        Duration lease();

        /** While a feed is pushed to us, it is still polled this often, in case the hub misses an update. */
        @WithDefault("1h")
        @DurationMin(seconds = 1)
        Duration safetyNetInterval();
    }

    interface Fetch {
        /** Lets the fetcher reach loopback/private/link-local hosts; only for the local run and tests. */
        @WithDefault("false")
        boolean allowPrivateAddresses();

        @WithDefault("5s")
        @DurationMin(millis = 100)
        Duration connectTimeout();

        /** Whole exchange (headers and body) of one request, redirects counted separately. */
        @WithDefault("20s")
        @DurationMin(millis = 100)
        Duration timeout();

        /** Largest feed body accepted, as transferred (compressed) and after decompression. */
        @WithDefault("5M")
        MemorySize maxFeedSize();

        /** Largest page body accepted, as transferred (compressed) and after decompression. */
        @WithDefault("3M")
        MemorySize maxPageSize();

        @WithDefault("5")
        @Min(0)
        @Max(10)
        int maxRedirects();

        @WithDefault("Newsflow/0.1 (+https://github.com/newsflow)")
        @NotBlank
        String userAgent();
    }
}
