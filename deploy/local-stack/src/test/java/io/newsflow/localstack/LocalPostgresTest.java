package io.newsflow.localstack;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalPostgresTest {

    @Test
    void realServerKeepsDataAcrossARestartAndRefusesConnectionsWhileStopped() throws SQLException {
        try (LocalPostgres postgres = LocalPostgres.startTemporary()) {
            try (Connection c = connect(postgres); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (v text)");
                s.execute("INSERT INTO t VALUES ('kept')");
                try (ResultSet rs = s.executeQuery("SELECT version()")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).startsWith("PostgreSQL");
                }
                try (ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).as("a commit is durable when the store commits its Kafka offsets")
                            .isEqualTo("on");
                }
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                try (ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM pg_stat_statements WHERE query LIKE 'INSERT INTO t%'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).as("statement statistics for the benchmark's PostgreSQL breakdown")
                            .isEqualTo(1);
                }
            }

            postgres.stop();
            assertThatThrownBy(() -> connect(postgres).close()).isInstanceOf(SQLException.class);

            postgres.restart();
            try (Connection c = connect(postgres); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT v FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("kept");
            }
        }
    }

    private static Connection connect(LocalPostgres postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }
}
