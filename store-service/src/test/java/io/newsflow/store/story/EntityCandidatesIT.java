package io.newsflow.store.story;

import io.newsflow.localstack.LocalPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entity-candidate lookup on a real PostgreSQL: an entity named by more stored articles than
 * {@link StoryClusterer#NEAREST_PER_ENTITY} on a side of the new article's time nominates only the nearest of them.
 */
class EntityCandidatesIT {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void aFrequentlyNamedEntityNominatesOnlyTheArticlesNearestInTime() throws SQLException {
        try (LocalPostgres postgres = LocalPostgres.startTemporary()) {
            Flyway.configure().dataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())
                    .locations("classpath:db/migration").load().migrate();
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                    postgres.password())) {
                // Article i, at hour i, names E and F; the farther from the new article (hour 100.5) the more salient,
                // so without the cap the best overlaps would be the farthest articles in the window.
                try (Statement st = c.createStatement()) {
                    st.execute("""
                            INSERT INTO story (id, title) VALUES ('st-n', 'N');
                            INSERT INTO article (id, canonical_url, title, text, language, revision, published_at,
                                                 story_id)
                            SELECT 'n' || i, 'https://n.test/' || i, 'N', '.', 'en', 1,
                                   timestamptz '%1$s' + i * interval '1 hour', 'st-n'
                            FROM generate_series(1, 200) i;
                            INSERT INTO article_entity (article_id, entity_id, name, type, linked, count, salience,
                                                        sort_at)
                            SELECT 'n' || i, entity, entity, 'PERSON', true, 1, 0.1 + abs(i - 100.5) / 200,
                                   timestamptz '%1$s' + i * interval '1 hour'
                            FROM generate_series(1, 200) i, unnest(ARRAY['E', 'F']) entity;
                            """.formatted(START));
                }
                Instant time = START.plus(Duration.ofMinutes(100 * 60 + 30));
                var newcomer = new StoryFeatures("new", null, time, "en", Map.of("E", 1.0, "F", 1.0), null);
                Map<Integer, Set<String>> candidates = new HashMap<>();

                StoryClusterer.entityCandidates(c, List.of(newcomer), time.minus(StorySimilarity.WINDOW),
                        time.plus(StorySimilarity.WINDOW), entity -> 1.0, candidates);

                // 50 before (51..100) and 50 after (101..150) are looked at; the 20 most salient of those are kept.
                assertThat(StoryClusterer.NEAREST_PER_ENTITY).isEqualTo(50);
                assertThat(StoryClusterer.ENTITY_CANDIDATES).isEqualTo(20);
                assertThat(candidates.get(0)).containsExactlyInAnyOrderElementsOf(
                        Stream.concat(IntStream.rangeClosed(51, 60).boxed(), IntStream.rangeClosed(141, 150).boxed())
                                .map(i -> "n" + i).toList());
            }
        }
    }
}
