package io.newsflow.store.persistence;

import io.newsflow.contracts.EnrichedArticle;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PgTextTest {

    @Test
    void dropsNulCharactersPostgresCannotStore() {
        assertThat(PgText.clean("a\u0000b")).isEqualTo("ab");
        assertThat(PgText.clean("plain")).isEqualTo("plain");
        assertThat(PgText.clean((String) null)).isNull();
    }

    @Test
    void keepsCoordinatesOnTheEarthAndDropsOthersButNotTheirEntity() {
        var oslo = new EnrichedArticle.Geo(59.913, 10.739);
        assertThat(PgText.onEarth(oslo)).isEqualTo(oslo);
        assertThat(PgText.onEarth(null)).isNull();
        assertThat(PgText.onEarth(new EnrichedArticle.Geo(91, 10))).isNull();
        assertThat(PgText.onEarth(new EnrichedArticle.Geo(59, -181))).isNull();
        assertThat(PgText.onEarth(new EnrichedArticle.Geo(Double.NaN, 10))).isNull();
        var entity = new EnrichedArticle.Entity("Q585", "Oslo", EnrichedArticle.EntityType.LOCATION, true, 1, 0.5,
                List.of(), new EnrichedArticle.Geo(Double.POSITIVE_INFINITY, 0));
        assertThat(PgText.cleanEntities(List.of(entity))).singleElement()
                .satisfies(e -> assertThat(e.geo()).isNull()).extracting(EnrichedArticle.Entity::id).isEqualTo("Q585");
    }

    @Test
    void cleansEntityNamesAndMentions() {
        var entity = new EnrichedArticle.Entity("Q1", "Os\u0000lo", EnrichedArticle.EntityType.LOCATION, true, 1, 0.5,
                List.of(new EnrichedArticle.Mention("text", 0, 5, "Os\u0000lo")));

        var cleaned = PgText.cleanEntities(List.of(entity)).getFirst();

        assertThat(cleaned.name()).isEqualTo("Oslo");
        assertThat(cleaned.mentions().getFirst().text()).isEqualTo("Oslo");
    }
}
