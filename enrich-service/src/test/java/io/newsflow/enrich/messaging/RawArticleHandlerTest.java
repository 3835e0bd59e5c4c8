package io.newsflow.enrich.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EventJson;
import io.newsflow.contracts.RawArticle;
import io.newsflow.enrich.Fixtures;
import io.newsflow.enrich.metrics.EnrichMetrics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RawArticleHandlerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RawArticleHandler handler = new RawArticleHandler(Fixtures.enricher(), new EnrichMetrics(registry));

    private static RawArticle raw(String id) {
        return new RawArticle(RawArticle.SCHEMA_VERSION, id, "https://example.org/a", "https://example.org/a",
                "example.org", null, "Trump and Putin talk about Ukraine",
                "Donald Trump and Vladimir Putin spoke by phone about the war in Ukraine, the Kremlin said.",
                null, List.of(), null, Instant.parse("2026-11-20T10:05:00Z"), "en", "h", 1);
    }

    private double count(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void validArticleIsEnrichedUnderItsId() {
        RawArticleHandler.Result result = handler.handle("abc", EventJson.toBytes(raw("abc")), "t-0@1");
        assertThat(result.key()).isEqualTo("abc");
        EnrichedArticle enriched = EventJson.fromBytes(result.value(), EnrichedArticle.class);
        assertThat(enriched.article().id()).isEqualTo("abc");
        assertThat(enriched.entities()).extracting(EnrichedArticle.Entity::id).contains("Q22686", "Q7747", "Q212");
        assertThat(count("newsflow.articles.in", "stage", "enrich")).isEqualTo(1);
        assertThat(count("newsflow.articles.out", "stage", "enrich")).isEqualTo(1);
    }

    @Test
    void garbageIsRejectedAndCounted() {
        assertThatThrownBy(() -> handler.handle("k", "not json{".getBytes(StandardCharsets.UTF_8), "t-0@2"))
                .isInstanceOf(EventJson.InvalidEventException.class);
        assertThatThrownBy(() -> handler.handle("k", null, "t-0@3"))
                .isInstanceOf(EventJson.InvalidEventException.class);
        assertThat(count("newsflow.articles.failed", "stage", "enrich", "reason", "invalid-event")).isEqualTo(2);
        assertThat(count("newsflow.articles.out", "stage", "enrich")).isZero();
    }

    @Test
    void unknownSchemaVersionIsRejected() {
        String json = new String(EventJson.toBytes(raw("abc")), StandardCharsets.UTF_8)
                .replace("\"schemaVersion\":1", "\"schemaVersion\":2");
        assertThatThrownBy(() -> handler.handle("abc", json.getBytes(StandardCharsets.UTF_8), "t-0@4"))
                .isInstanceOf(EventJson.InvalidEventException.class)
                .hasMessageContaining("schemaVersion 2");
    }

    @Test
    void aKeyThatIsNotTheArticleIdIsRejected() {
        assertThatThrownBy(() -> handler.handle("other", EventJson.toBytes(raw("abc")), "t-0@5"))
                .isInstanceOf(EventJson.InvalidEventException.class)
                .hasMessageContaining("not the article id");
    }

    @Test
    void processNeverThrowsButSaysWhatToDeadLetter() {
        byte[] garbage = "not json{".getBytes(StandardCharsets.UTF_8);
        RawArticleHandler.Outcome poison = handler.process("k", garbage, "t-0@6", 1_000_000);
        assertThat(poison.deadLettered()).isTrue();
        assertThat(poison.original()).isEqualTo(garbage);
        assertThat(poison.reason()).contains("Not a valid RawArticle");
        assertThat(poison.cause()).isEqualTo(EventJson.InvalidEventException.class.getName());

        RawArticleHandler.Outcome ok = handler.process("abc", EventJson.toBytes(raw("abc")), "t-0@7", 1_000_000);
        assertThat(ok.deadLettered()).isFalse();
        assertThat(ok.key()).isEqualTo("abc");
        assertThat(EventJson.fromBytes(ok.enriched(), EnrichedArticle.class).id()).isEqualTo("abc");
    }

    @Test
    void anEnrichedRecordTooLargeForTheBrokerIsDeadLetteredNotRetriedForever() {
        RawArticleHandler.Outcome big = handler.process("abc", EventJson.toBytes(raw("abc")), "t-0@8", 100);
        assertThat(big.deadLettered()).isTrue();
        assertThat(big.reason()).contains("more than 100");
        assertThat(count("newsflow.articles.failed", "stage", "enrich", "reason", "too-large")).isEqualTo(1);
    }
}
