package io.newsflow.store.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"21000", "22021", "22P05", "23505", "23514", "54000"})
    void dataTheServerRejectsIsPermanent(String sqlState) {
        assertThat(DatabaseFailures.isPermanent(new SQLException("rejected", sqlState))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "57P01", "57P03", "53300", "40001", "40P01", "42P01", "XX000"})
    void outagesAndEverythingElseAreRetried(String sqlState) {
        assertThat(DatabaseFailures.isPermanent(new SQLException("down", sqlState))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "57P01", "57P02", "57P03", "53300"})
    void anUnreachableOrStoppingServerIsAnOutage(String sqlState) {
        assertThat(DatabaseFailures.isOutage(new SQLException("down", sqlState))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"21000", "23505", "40P01", "40001", "42P01", "57014", "XX000"})
    void aServerThatAnswersIsNoOutage(String sqlState) {
        assertThat(DatabaseFailures.isOutage(new SQLException("refused", sqlState))).isFalse();
    }

    @Test
    void poolTimeoutWithoutSqlStateIsAnOutage() {
        assertThat(DatabaseFailures.isOutage(new SQLException("Sorry, acquisition timeout!"))).isTrue();
    }

    @Test
    void poolTimeoutWithoutSqlStateIsRetried() {
        assertThat(DatabaseFailures.isPermanent(new SQLException("Sorry, acquisition timeout!"))).isFalse();
    }

    @Test
    void looksAtWrappedCauses() {
        var wrapped = new SQLException("batch failed", null, new SQLException("duplicate", "23505"));
        assertThat(DatabaseFailures.isPermanent(wrapped)).isTrue();
    }
}
