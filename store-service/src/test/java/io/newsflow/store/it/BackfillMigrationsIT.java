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
 * Migrations that derive new tables or columns from what a store already holds fill them from the stored articles, each
 * on a real PostgreSQL of its own: V4 and V5 the per-day counts and the entity rows' sort_at, V10 the figure rows.
 */
class BackfillMigrationsIT {

    @Test
    void theDayTablesStartAsARecountOfTheStoredArticles() throws SQLException {
        migrateAround("3", """
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
                """, st -> {
            assertThat(DayCountsIT.strings(st, DayCountsIT.DIFFERENCES)).isEmpty();
            assertThat(DayCountsIT.strings(st, "SELECT entity_id || ' ' || day || '=' || articles FROM entity_day "
                    + "ORDER BY 1")).containsExactly("Q1 2026-11-20=2", "Q1 2026-11-21=1", "Q2 2026-11-20=1");
            assertThat(DayCountsIT.strings(st, "SELECT day || '=' || articles FROM article_day ORDER BY 1"))
                    .containsExactly("2026-11-20=2", "2026-11-21=1");
        });
    }

    @Test
    void storedArticlesWithThreeFiguresGetFigureRowsAtTheirTime() throws SQLException {
        migrateAround("9", """
                INSERT INTO story (id, title) VALUES ('st-1', 'One');
                INSERT INTO article (id, canonical_url, title, text, language, revision, published_at, story_id,
                                     story_numbers)
                VALUES ('three', 'https://x.test/3', 'T', '.', 'en', 1, '2026-11-20T08:00:00Z', 'st-1',
                        ARRAY['164', '2.9', '48']),
                       ('two', 'https://x.test/2', 'T', '.', 'en', 1, '2026-11-20T09:00:00Z', 'st-1',
                        ARRAY['164', '2.9']),
                       ('none', 'https://x.test/0', 'T', '.', 'en', 1, '2026-11-20T10:00:00Z', 'st-1', NULL);
                """, st -> assertThat(DayCountsIT.strings(st, """
                SELECT f.article_id || ' ' || f.number FROM article_number f
                JOIN article a ON a.id = f.article_id AND a.sort_at = f.sort_at ORDER BY 1"""))
                .containsExactly("three 164", "three 2.9", "three 48"));
    }

    private interface Check {
        void on(Statement statement) throws SQLException;
    }

    /** Migrates a new database up to {@code target}, stores {@code before}, migrates to the latest, runs the check. */
    private static void migrateAround(String target, String before, Check check) throws SQLException {
        try (LocalPostgres postgres = LocalPostgres.startTemporary()) {
            Flyway.configure().dataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())
                    .locations("classpath:db/migration").target(target).load().migrate();
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                    postgres.password()); Statement st = c.createStatement()) {
                st.execute(before);
            }
            Flyway.configure().dataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())
                    .locations("classpath:db/migration").load().migrate();
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                    postgres.password()); Statement st = c.createStatement()) {
                check.on(st);
            }
        }
    }
}
