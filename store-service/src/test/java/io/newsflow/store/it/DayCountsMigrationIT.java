package io.newsflow.store.it;

import io.newsflow.localstack.LocalPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrations V4 and V5 fill the per-day counts and the entity rows' sort_at from the articles a store already holds, on
 * a real PostgreSQL of its own.
 */
class DayCountsMigrationIT {

    @Test
    void theDayTablesStartAsARecountOfTheStoredArticles() throws SQLException {
        try (LocalPostgres postgres = LocalPostgres.startTemporary()) {
            Flyway.configure().dataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())
                    .locations("classpath:db/migration").target("3").load().migrate();
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                    postgres.password()); Statement st = c.createStatement()) {
                st.execute("""
                        INSERT INTO story (id, title) VALUES ('st-1', 'One');
                        INSERT INTO article (id, canonical_url, title, text, language, revision, published_at,
                                             fetched_at, story_id)
                        VALUES ('a1', 'https://x.test/1', 'One', '.', 'en', 1, '2026-11-20T23:59:59Z', NULL, 'st-1'),
                               ('a2', 'https://x.test/2', 'Two', '.', 'en', 1, NULL, '2026-11-20T00:00:00Z', 'st-1'),
                               ('a3', 'https://x.test/3', 'Three', '.', 'en', 1, '2026-11-21T00:00:00Z', NULL, 'st-1'),
                               ('a4', 'https://x.test/4', 'Undated', '.', 'en', 1, NULL, NULL, 'st-1');
                        INSERT INTO article_entity (article_id, entity_id, name, type, linked, count, salience)
                        VALUES ('a1', 'Q1', 'One', 'PERSON', true, 1, 0.9), ('a1', 'Q2', 'Two', 'PERSON', true, 1, 0.5),
                               ('a2', 'Q1', 'One', 'PERSON', true, 1, 0.9), ('a3', 'Q1', 'One', 'PERSON', true, 1, 0.9),
                               ('a4', 'Q1', 'One', 'PERSON', true, 1, 0.9);
                        """);
            }
            Flyway.configure().dataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())
                    .locations("classpath:db/migration").load().migrate();
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                    postgres.password()); Statement st = c.createStatement()) {
                assertThat(DayCountsIT.strings(st, DayCountsIT.DIFFERENCES)).isEmpty();
                assertThat(DayCountsIT.strings(st, "SELECT entity_id || ' ' || day || '=' || articles FROM entity_day "
                        + "ORDER BY 1")).containsExactly("Q1 2026-11-20=2", "Q1 2026-11-21=1", "Q2 2026-11-20=1");
                assertThat(DayCountsIT.strings(st, "SELECT day || '=' || articles FROM article_day ORDER BY 1"))
                        .containsExactly("2026-11-20=2", "2026-11-21=1");
            }
        }
    }
}
