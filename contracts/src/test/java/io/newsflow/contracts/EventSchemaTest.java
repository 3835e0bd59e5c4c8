package io.newsflow.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.newsflow.contracts.EnrichedArticle.Entity;
import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.contracts.EnrichedArticle.Language;
import io.newsflow.contracts.EnrichedArticle.Mention;
import io.newsflow.contracts.EnrichedArticle.Topic;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The published JSON Schemas and the records must agree: what producers write is what consumers were promised. */
class EventSchemaTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix("https://newsflow.io/schemas/", "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    static RawArticle sampleRaw() {
        String url = "https://www.example-news.test/world/arms-talks?utm_source=rss";
        return new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.idFor(url), url, ArticleIds.canonicalize(url),
                "example-news.test", "https://www.example-news.test/rss.xml", "Arms talks resume in Geneva",
                "Delegations met on Monday.\n\nNo agreement was reached.", null, List.of("Kari Nordmann"),
                Instant.parse("2026-11-20T08:00:00Z"), Instant.parse("2026-11-20T08:05:00Z"), "en",
                "a".repeat(64), 1);
    }

    static EnrichedArticle sampleEnriched() {
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, sampleRaw(), new Language("en", 0.98),
                List.of(new Entity("Q71", "Geneva", EntityType.LOCATION, true, 1, 0.8,
                        List.of(new Mention("title", 21, 27, "Geneva")))),
                List.of(new Topic("medtop:11000000", "politics", 0.7)), Instant.parse("2026-11-20T08:05:01Z"));
    }

    private static Set<ValidationMessage> validate(String schema, Object event) throws Exception {
        JsonSchema jsonSchema = FACTORY.getSchema(SchemaLocation.of("https://newsflow.io/schemas/" + schema), CONFIG);
        JsonNode json = EventJson.mapper().readTree(EventJson.toBytes(event));
        return jsonSchema.validate(json);
    }

    @Test
    void serialisedRawArticleValidatesAgainstItsSchema() throws Exception {
        assertThat(validate("raw-article.schema.json", sampleRaw())).isEmpty();
    }

    @Test
    void serialisedEnrichedArticleValidatesAgainstItsSchema() throws Exception {
        assertThat(validate("enriched-article.schema.json", sampleEnriched())).isEmpty();
    }

    @Test
    void aPlaceWithCoordinatesValidatesAndSurvivesTheWire() throws Exception {
        EnrichedArticle base = sampleEnriched();
        Entity voss = new Entity("nf:LOCATION:voss", "Voss", EntityType.LOCATION, false, 1, 0.5,
                List.of(new Mention("text", 0, 4, "Voss")), new EnrichedArticle.Geo(60.629, 6.415));
        EnrichedArticle withPlace = new EnrichedArticle(base.schemaVersion(), base.article(), base.language(),
                List.of(base.entities().get(0), voss), base.topics(), base.enrichedAt());
        byte[] json = EventJson.toBytes(withPlace);
        assertThat(FACTORY.getSchema(SchemaLocation.of("https://newsflow.io/schemas/enriched-article.schema.json"),
                CONFIG).validate(EventJson.mapper().readTree(json))).isEmpty();
        assertThat(EventJson.fromBytes(json, EnrichedArticle.class)).isEqualTo(withPlace);
        // Entities without coordinates carry no "geo" at all.
        assertThat(EventJson.mapper().readTree(json).get("entities").get(0).has("geo")).isFalse();
    }

    @Test
    void distancesBetweenPlacesAreGreatCircleKilometres() {
        var oslo = new EnrichedArticle.Geo(59.913, 10.739);
        var bergen = new EnrichedArticle.Geo(60.393, 5.324);
        assertThat(oslo.kilometresTo(bergen)).isBetween(300.0, 310.0);
        assertThat(bergen.kilometresTo(oslo)).isEqualTo(oslo.kilometresTo(bergen));
        assertThat(oslo.kilometresTo(oslo)).isZero();
    }

    @Test
    void enrichedArticleWithAFingerprintValidatesAndSurvivesTheWire() throws Exception {
        EnrichedArticle base = sampleEnriched();
        EnrichedArticle.Fingerprint fingerprint = EnrichedArticle.Fingerprint.of(
                io.newsflow.contracts.fingerprint.TextFingerprint.of(base.article().title(), base.article().text()),
                List.of("geneva", "talks"), List.of("Q71"));
        EnrichedArticle withFingerprint = new EnrichedArticle(base.schemaVersion(), base.article(), base.language(),
                base.entities(), base.topics(), base.enrichedAt(), fingerprint);
        byte[] json = EventJson.toBytes(withFingerprint);
        JsonNode node = EventJson.mapper().readTree(json);
        Set<ValidationMessage> errors = FACTORY.getSchema(SchemaLocation.of("https://newsflow.io/schemas/enriched-article.schema.json"), CONFIG)
                .validate(node);
        assertThat(errors).isEmpty();
        EnrichedArticle back = EventJson.fromBytes(json, EnrichedArticle.class);
        assertThat(back).isEqualTo(withFingerprint);
        assertThat(back.fingerprint().textFingerprint()).isEqualTo(
                io.newsflow.contracts.fingerprint.TextFingerprint.of(base.article().title(), base.article().text()));
        // Without one, the field is simply absent: older consumers and producers are unaffected.
        assertThat(EventJson.mapper().readTree(EventJson.toBytes(base)).has("fingerprint")).isFalse();
    }

    @Test
    void schemaRejectsAnEventThatBreaksTheContract() throws Exception {
        RawArticle raw = sampleRaw();
        RawArticle badId = new RawArticle(raw.schemaVersion(), "not-a-hash", raw.url(), raw.canonicalUrl(), raw.source(),
                raw.feedUrl(), raw.title(), raw.text(), null, raw.authors(), null, raw.fetchedAt(), null,
                raw.contentHash(), 0);
        assertThat(validate("raw-article.schema.json", badId))
                .extracting(ValidationMessage::getInstanceLocation)
                .map(Object::toString)
                .contains("/id", "/revision");
    }

    @Test
    void eventsSurviveTheWireUnchanged() {
        EnrichedArticle enriched = sampleEnriched();
        assertThat(EventJson.fromBytes(EventJson.toBytes(enriched), EnrichedArticle.class)).isEqualTo(enriched);
    }

    @Test
    void unknownSchemaVersionAndGarbageAreRejectedWithAReason() {
        byte[] future = new String(EventJson.toBytes(sampleRaw())).replace("\"schemaVersion\":1", "\"schemaVersion\":9").getBytes();
        assertThatThrownBy(() -> EventJson.fromBytes(future, RawArticle.class))
                .isInstanceOf(EventJson.InvalidEventException.class)
                .hasMessageContaining("schemaVersion 9");
        assertThatThrownBy(() -> EventJson.fromBytes("{not json".getBytes(), RawArticle.class))
                .isInstanceOf(EventJson.InvalidEventException.class)
                .hasMessageContaining("Not a valid RawArticle");
        assertThatThrownBy(() -> EventJson.fromBytes("{\"schemaVersion\":1}".getBytes(), RawArticle.class))
                .isInstanceOf(EventJson.InvalidEventException.class);
    }

    @Test
    void aFutureVersionWithAnotherShapeIsReportedAsAnUnknownVersionNotAsAMappingError() {
        byte[] otherShape = "{\"schemaVersion\":2,\"id\":\"x\",\"body\":{\"paragraphs\":[]}}".getBytes();
        assertThatThrownBy(() -> EventJson.fromBytes(otherShape, EnrichedArticle.class))
                .isInstanceOf(EventJson.InvalidEventException.class)
                .hasMessage("Unknown schemaVersion 2 for EnrichedArticle (this consumer reads 1)");
        assertThatThrownBy(() -> EventJson.fromBytes("{}".getBytes(), RawArticle.class))
                .isInstanceOf(EventJson.InvalidEventException.class)
                .hasMessage("Not a valid RawArticle: no schemaVersion field");
        assertThatThrownBy(() -> EventJson.fromBytes("{\"schemaVersion\":\"1\"}".getBytes(), RawArticle.class))
                .isInstanceOf(EventJson.InvalidEventException.class)
                .hasMessageContaining("schemaVersion \"1\"");
    }
}
