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
    void cleansEntityNamesAndMentions() {
        var entity = new EnrichedArticle.Entity("Q1", "Os\u0000lo", EnrichedArticle.EntityType.LOCATION, true, 1, 0.5,
                List.of(new EnrichedArticle.Mention("text", 0, 5, "Os\u0000lo")));

        var cleaned = PgText.cleanEntities(List.of(entity)).getFirst();

        assertThat(cleaned.name()).isEqualTo("Oslo");
        assertThat(cleaned.mentions().getFirst().text()).isEqualTo("Oslo");
    }
}
