package io.newsflow.enrich.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings under {@code newsflow.enrich}; each is also an environment variable (NEWSFLOW_ENRICH_MAX_TEXT_CHARS …). */
@ConfigMapping(prefix = "newsflow.enrich")
public interface EnrichConfig {

    /** Longest text POST /api/enrich accepts, in chars; longer requests get 400. */
    @WithDefault("1000000")
    int maxTextChars();

    /** Most entities published per article (most salient first). */
    @WithDefault("50")
    int maxEntities();

    /**
     * Largest enriched record value, in bytes, the stage publishes; a larger one is dead-lettered (keep it below the
     * producer's max.request.size and the topic's max.message.bytes, 1 MB by default).
     */
    @WithDefault("1000000")
    int maxRecordBytes();

    /** Raw records per poll, which is also per Kafka transaction (mapped to the channel's max.poll.records). */
    @WithDefault("100")
    int batchSize();

    /**
     * transactional.id of the enriched-articles producer: unique per replica and stable across its restarts, so a
     * restarted replica fences its own unfinished transaction (mapped to the channel's transactional.id).
     */
    String transactionalId();

    /** Users' watch list and rule topics, kept in compacted Kafka topics. */
    UserData userData();

    interface UserData {
        /** Off: no watch list or rule topics (the REST endpoints answer 503). */
        @WithDefault("true")
        boolean enabled();

        /** Compacted topic of watched entities (key = entity id). */
        @WithDefault("news.enrich.watchlist")
        String watchlistTopic();

        /** Compacted topic of rule topics (key = rule id). */
        @WithDefault("news.enrich.rules")
        String rulesTopic();

        /** How long a write waits for the broker before the REST call fails with 503. */
        @WithDefault("PT10S")
        java.time.Duration timeout();

        /** Most watched entities and most rule topics each (every one costs matching time on every article). */
        @WithDefault("1000")
        int maxEntries();
    }

    /** Fault injection for tests; all off by default. */
    Fault fault();

    Language language();

    Topics topics();

    Health health();

    interface Language {
        /** Below this many letters in title + text, detection is not attempted (the hint or "und" is used). */
        @WithDefault("20")
        int minLetters();

        /** A detected language weaker than this yields to the declared language, or "und" without one. */
        @WithDefault("0.5")
        double minConfidence();

        /** Chars of title + text the detector reads; the opening of an article is enough and keeps it fast. */
        @WithDefault("500")
        int sampleChars();
    }

    interface Fault {
        /**
         * Abort this many transactions after their records were produced and before they commit, as a crash there
         * would. Tests only: it proves that no duplicate reaches read_committed consumers.
         */
        @WithDefault("0")
        int abortTransactionsAfterProducing();
    }

    interface Health {
        /** How long the readiness check waits for the broker to describe the cluster. */
        @WithDefault("PT2S")
        java.time.Duration kafkaTimeout();
    }

    interface Topics {
        /** Minimum topic score (0..1) to be reported; the best topic is always reported when there is any signal. */
        @WithDefault("0.35")
        double threshold();
    }
}
