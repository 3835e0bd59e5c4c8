package io.newsflow.ingest.dedup;

import io.newsflow.contracts.EventJson;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SeenLedgerTest {

    private static final Instant MONDAY = Instant.parse("2026-11-16T08:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-17T08:00:00Z");

    private final SeenLedger ledger = new SeenLedger();

    @Test
    void aNewArticleIsPublishedAsRevisionOne() {
        assertThat(ledger.needsFetch("a1", MONDAY)).isTrue();

        SeenLedger.Decision decision = ledger.decide("a1", "hash-1");

        assertThat(decision).isEqualTo(new SeenLedger.Decision(SeenLedger.Outcome.NEW, 1));
        assertThat(decision.publish()).isTrue();
    }

    @Test
    void aPublishedItemIsNotFetchedAgainUntilTheFeedGivesItANewerDate() {
        publish("a1", "hash-1", 1, MONDAY);

        assertThat(ledger.needsFetch("a1", MONDAY)).isFalse();
        assertThat(ledger.needsFetch("a1", null)).isFalse();
        assertThat(ledger.needsFetch("a1", MONDAY.minusSeconds(60))).isFalse();
        assertThat(ledger.needsFetch("a1", TUESDAY)).isTrue();
    }

    @Test
    void unchangedContentIsNotRepublishedAndItsDateIsRemembered() {
        publish("a1", "hash-1", 1, MONDAY);

        SeenLedger.Decision decision = ledger.decide("a1", "hash-1");

        assertThat(decision).isEqualTo(new SeenLedger.Decision(SeenLedger.Outcome.UNCHANGED, 1));
        assertThat(ledger.touched("a1", TUESDAY)).isEqualTo(SeenRecord.published("hash-1", 1, TUESDAY));
        assertThat(ledger.needsFetch("a1", TUESDAY)).isFalse();
        assertThat(ledger.touched("a1", MONDAY)).as("an older date changes nothing").isNull();
    }

    @Test
    void changedContentIsTheNextRevision() {
        publish("a1", "hash-1", 1, MONDAY);

        SeenLedger.Decision decision = ledger.decide("a1", "hash-2");
        assertThat(decision).isEqualTo(new SeenLedger.Decision(SeenLedger.Outcome.CHANGED, 2));
        ledger.published("a1", "hash-2", 2, TUESDAY);

        assertThat(ledger.decide("a1", "hash-3").revision()).isEqualTo(3);
    }

    @Test
    void theSameArticleFromTwoFeedsAtOnceIsPublishedByOneOnly() {
        SeenLedger.Decision first = ledger.decide("a1", "hash-1");
        SeenLedger.Decision second = ledger.decide("a1", "hash-1");

        assertThat(first.outcome()).isEqualTo(SeenLedger.Outcome.NEW);
        assertThat(second.outcome()).isEqualTo(SeenLedger.Outcome.IN_FLIGHT);
        assertThat(second.publish()).isFalse();

        ledger.published("a1", "hash-1", 1, MONDAY);
        assertThat(ledger.decide("a1", "hash-1").outcome()).isEqualTo(SeenLedger.Outcome.UNCHANGED);
    }

    @Test
    void aFailedPublicationReleasesTheClaimSoTheNextPollRetries() {
        ledger.decide("a1", "hash-1");
        ledger.release("a1");

        assertThat(ledger.decide("a1", "hash-1")).isEqualTo(new SeenLedger.Decision(SeenLedger.Outcome.NEW, 1));
        assertThat(ledger.needsFetch("a1", MONDAY)).isTrue();
    }

    @Test
    void twoFeedsWithDifferentDatesForOneArticleDoNotCauseRefetchesOnEveryPoll() {
        publish("a1", "hash-1", 1, TUESDAY);

        assertThat(ledger.needsFetch("a1", MONDAY)).isFalse();
        assertThat(ledger.needsFetch("a1", TUESDAY)).isFalse();
    }

    @Test
    void aLinkWhosePageDeclaresAnotherCanonicalUrlIsRecognisedThroughItsAlias() {
        publish("canonical-id", "hash-1", 1, MONDAY);
        ledger.alias("link-id", "canonical-id", MONDAY);

        assertThat(ledger.needsFetch("link-id", MONDAY)).isFalse();
        assertThat(ledger.needsFetch("link-id", TUESDAY)).isTrue();
        assertThat(ledger.knows("link-id")).as("aliases are not articles").isFalse();
    }

    @Test
    void transientFailuresAreRetriedAFewTimesThenWaitForANewerItemDate() {
        for (int attempt = 1; attempt < SeenLedger.MAX_ATTEMPTS; attempt++) {
            assertThat(ledger.needsFetch("a1", MONDAY)).isTrue();
            assertThat(ledger.failedAttempt("a1", MONDAY, true)).isTrue();
        }
        assertThat(ledger.failedAttempt("a1", MONDAY, true)).isFalse();
        assertThat(ledger.needsFetch("a1", MONDAY)).isFalse();
        assertThat(ledger.needsFetch("a1", TUESDAY)).isTrue();

        assertThat(ledger.failedAttempt("a1", TUESDAY, true)).as("a newer date starts counting again").isTrue();
        ledger.clearFailures("a1");
        assertThat(ledger.needsFetch("a1", TUESDAY)).isTrue();
    }

    @Test
    void permanentFailuresAreNotRetriedForTheSameItemDate() {
        assertThat(ledger.failedAttempt("a1", MONDAY, false)).isFalse();

        assertThat(ledger.needsFetch("a1", MONDAY)).isFalse();
        assertThat(ledger.needsFetch("a1", null)).isFalse();
    }

    @Test
    void aLedgerRebuiltFromPersistedRecordsDecidesLikeTheOriginal() throws Exception {
        SeenRecord published = publish("a1", "hash-1", 2, MONDAY);
        SeenRecord alias = ledger.alias("link-id", "a1", MONDAY);

        SeenLedger restarted = new SeenLedger();
        restarted.apply("a1", roundTrip(published));
        restarted.apply("link-id", roundTrip(alias));
        restarted.apply("gone", roundTrip(SeenRecord.published("h", 1, null)));
        restarted.apply("gone", null);

        assertThat(restarted.knows("a1")).isTrue();
        assertThat(restarted.knows("gone")).isFalse();
        assertThat(restarted.needsFetch("a1", MONDAY)).isFalse();
        assertThat(restarted.needsFetch("link-id", MONDAY)).isFalse();
        assertThat(restarted.decide("a1", "hash-1").outcome()).isEqualTo(SeenLedger.Outcome.UNCHANGED);
        assertThat(restarted.decide("a1", "hash-9")).isEqualTo(new SeenLedger.Decision(SeenLedger.Outcome.CHANGED, 3));
    }

    private SeenRecord publish(String id, String hash, int revision, Instant itemDate) {
        ledger.decide(id, hash);
        return ledger.published(id, hash, revision, itemDate);
    }

    private static SeenRecord roundTrip(SeenRecord record) throws Exception {
        return EventJson.mapper().readValue(EventJson.toBytes(record), SeenRecord.class);
    }
}
