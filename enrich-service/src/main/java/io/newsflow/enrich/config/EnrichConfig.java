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
        @WithDefault("1000")
        int sampleChars();
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
