package io.newsflow.enrich.entity;

import io.newsflow.contracts.text.Tokenizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuffixesTest {

    @Test
    void anEndingEqualToTheWholeWordMatchesOnlyWithoutAMinimumPrefix() {
        Set<String> endings = Set.of("festival", "minister");
        assertThat(new Suffixes(endings, 0).endsWithOne("festival")).isTrue();
        assertThat(new Suffixes(endings, 3).endsWithOne("festival")).isFalse();
        assertThat(new Suffixes(endings, 3).contains("festival")).isTrue();
        assertThat(new Suffixes(endings, 0).endsWithOne("estival")).isFalse();
    }

    @Test
    void theMinimumPrefixCountsTheLettersBeforeTheEnding() {
        Suffixes titles = new Suffixes(Set.of("president"), 3);
        assertThat(titles.endsWithOne("visepresident")).isTrue();
        assertThat(titles.endsWithOne("vipresident")).isFalse(); // two letters before it
        assertThat(titles.endsWithOne("vispresident")).isTrue(); // exactly three
        assertThat(titles.endsWithOne("presidenten")).isFalse(); // an ending is the end
    }

    @Test
    void endingsShorterThanTheIndexKeyStillMatch() {
        Suffixes places = new Suffixes(Set.of("oy", "fjorden"), 3);
        assertThat(places.endsWithOne("vestvagoy")).isTrue();
        assertThat(places.endsWithOne("sognefjorden")).isTrue();
        assertThat(places.endsWithOne("aoy")).isFalse();
        assertThat(places.endsWithOne("smaoy")).isTrue();
        assertThat(places.endsWithOne("sognefjord")).isFalse();

        Suffixes alone = new Suffixes(Set.of("y", "oy"), 0);
        assertThat(alone.endsWithOne("y")).isTrue();
        assertThat(alone.endsWithOne("oy")).isTrue();
        assertThat(alone.endsWithOne("boy")).isTrue();
        assertThat(alone.endsWithOne("yo")).isFalse();
        assertThat(alone.endsWithOne("")).isFalse();
    }

    @Test
    void wordsShorterThanTheIndexKeyOrTheShortestEndingDoNotMatch() {
        Suffixes events = new Suffixes(Set.of("rennet", "cupen"), 0);
        assertThat(events.endsWithOne("")).isFalse();
        assertThat(events.endsWithOne("n")).isFalse();
        assertThat(events.endsWithOne("en")).isFalse();
        assertThat(events.endsWithOne("pen")).isFalse();
        assertThat(events.endsWithOne("cupen")).isTrue();
    }

    @Test
    void endingsThatShareTheirLastLettersAreAllTried() {
        // "departementet", "direktoratet" and "partiet" share "tet"/"iet" buckets with others; each must still match.
        Suffixes bodies = new Suffixes(Set.of("departementet", "direktoratet", "partiet", "rådet", "et"), 3);
        assertThat(bodies.endsWithOne("utenriksdepartementet")).isTrue();
        assertThat(bodies.endsWithOne("helsedirektoratet")).isTrue();
        assertThat(bodies.endsWithOne("arbeiderpartiet")).isTrue();
        assertThat(bodies.endsWithOne("tingrådet")).isTrue();
        assertThat(bodies.endsWithOne("ret")).isFalse();
        assertThat(bodies.endsWithOne("buret")).isTrue(); // the two-letter "et" after three letters
    }

    @Test
    void emptyEndingsAndNegativePrefixesAreRefused() {
        assertThatThrownBy(() -> new Suffixes(Set.of("", "fjell"), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Suffixes(Set.of("fjell"), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Suffixes(Set.of(), 0).endsWithOne("anything")).isFalse();
        assertThat(new Suffixes(Set.of(), 3).endsWithOne("anything")).isFalse();
    }

    @Test
    void agreesWithComparingEveryEnding() {
        Set<String> endings = Set.of("president", "direktør", "departementet", "direktoratet", "partiet", "tet", "et",
                "y", "oy", "fjorden", "den", "kommune", "festival", "festivalen");
        List<String> words = new ArrayList<>(List.of("", "e", "t", "øy", "ret"));
        for (String ending : endings) {
            for (String prefix : List.of("", "a", "ab", "abc", "abcd", "sogne")) {
                words.add(prefix + ending);
                words.add(prefix + ending.substring(1));
                words.add(prefix + ending + "n");
            }
        }
        for (int minPrefix = 0; minPrefix <= 4; minPrefix++) {
            Suffixes suffixes = new Suffixes(endings, minPrefix);
            for (String word : words) {
                assertThat(suffixes.endsWithOne(word)).as("%s after %d letters", word, minPrefix)
                        .isEqualTo(naive(word, endings, minPrefix));
            }
        }
    }

    @Test
    void theBuiltInListsKeepTheirMinimumPrefixes() {
        NameCues cues = NameCues.builtIn();
        assertThat(cues.person().isTitle("forsvarsminister")).isTrue();
        assertThat(cues.person().isTitle(Tokenizer.normalise("sjeføkonom"))).isTrue();
        assertThat(cues.person().isTitle("president")).isTrue(); // a title itself, not as an ending
        assertThat(cues.person().isTitle("vipresident")).isFalse();
        assertThat(cues.organisation().isOrgCompound("utenriksdepartementet")).isTrue();
        assertThat(cues.organisation().isOrgCompound("kommune")).isFalse();
        assertThat(cues.organisation().isBodyNoun("kommune")).isTrue();
        assertThat(cues.eventsAndProducts().isEventNoun("festival")).isTrue();
        assertThat(cues.eventsAndProducts().isEventNoun("jazzfestivalen")).isTrue();
        assertThat(cues.place().isPlaceCompound(Tokenizer.normalise("Vestvågøy"))).isTrue(); // "øy": two letters
        assertThat(cues.place().isPlaceCompound("sognefjorden")).isTrue();
        assertThat(cues.place().isPlaceCompound("fjorden")).isFalse();
        assertThat(cues.place().isPlaceCompound("smaoy")).isTrue();
        assertThat(cues.place().isPlaceCompound("aoy")).isFalse();
        // no minimum prefix: the ending alone counts, as norm.endsWith(ending) did
        assertThat(cues.organisation().isDescriptor("gewerkschaft")).isTrue();
        assertThat(cues.organisation().isDescriptor("flughafenverband")).isTrue();
        assertThat(cues.organisation().isDescriptor("verbandes")).isFalse();
        assertThat(cues.organisation().endsLikeAdjective("ica")).isTrue();
        assertThat(cues.organisation().endsLikeAdjective("republicana")).isTrue();
        assertThat(cues.place().isGermanMountain("berg")).isTrue();
        assertThat(cues.place().isGermanMountain("feldberg")).isTrue();
        assertThat(cues.place().isGermanMountain("bergen")).isFalse();
    }

    /** The definition: one comparison per ending. */
    private static boolean naive(String word, Set<String> endings, int minPrefix) {
        return endings.stream().anyMatch(e -> word.length() - e.length() >= minPrefix && word.endsWith(e));
    }
}
