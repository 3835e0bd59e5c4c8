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

    Fetch fetch();

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
