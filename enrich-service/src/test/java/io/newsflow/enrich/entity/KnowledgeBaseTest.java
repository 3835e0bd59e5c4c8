package io.newsflow.enrich.entity;

import io.newsflow.contracts.EnrichedArticle.EntityType;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KnowledgeBaseTest {

    private final List<KbEntry> entries = KnowledgeBase.builtIn().entries();

    @Test
    void countriesComeWithQidsAndNamesInManyLanguages() {
        List<KbEntry> countries = entries.stream().filter(e -> e.tags().contains("country")).toList();
        assertThat(countries).hasSizeGreaterThan(220);
        KbEntry norway = countries.stream().filter(e -> "Q20".equals(e.qid())).findFirst().orElseThrow();
        assertThat(norway.name()).isEqualTo("Norway");
        assertThat(norway.aliases()).contains(new KbEntry.Alias("Norge", "nb"), new KbEntry.Alias("Noreg", "nn"),
                new KbEntry.Alias("Norwegen", "de"), new KbEntry.Alias("Норвегия", "ru"));
        assertThat(countries).allSatisfy(c -> assertThat(c.type()).isEqualTo(EntityType.LOCATION));
    }

    @Test
    void citiesAndTownsKnowWhereTheyAreAndCuratedCitiesBorrowIt() {
        KbEntry voss = entries.stream().filter(e -> e.name().equals("Voss") && e.tags().contains("town")).findFirst()
                .orElseThrow();
        assertThat(voss.geo()).isNotNull();
        assertThat(voss.geo().lat()).isCloseTo(60.63, org.assertj.core.data.Offset.offset(0.01));
        // Bergen is curated (it keeps its QID) and takes the coordinates of the GeoNames row of the same name.
        KbEntry bergen = entries.stream().filter(e -> "Q26793".equals(e.qid())).findFirst().orElseThrow();
        assertThat(bergen.geo()).isNotNull();
        // Geneva borrows from GeoNames' "Genève" (one of its aliases), not from the town of Geneva in Illinois, and
        // Seville from "Sevilla".
        KbEntry geneva = entries.stream().filter(e -> "Q71".equals(e.qid())).findFirst().orElseThrow();
        assertThat(geneva.geo().lon()).isCloseTo(6.14, org.assertj.core.data.Offset.offset(0.05));
        KbEntry seville = entries.stream().filter(e -> "Q8717".equals(e.qid())).findFirst().orElseThrow();
        assertThat(seville.geo().lat()).isCloseTo(37.38, org.assertj.core.data.Offset.offset(0.05));
        assertThat(bergen.geo().kilometresTo(voss.geo())).isBetween(60.0, 80.0);
        // Countries and regions are too large to be a point.
        assertThat(entries.stream().filter(e -> e.tags().contains("country"))).allMatch(e -> e.geo() == null);
    }

    @Test
    void largeCitiesAnswerToTheirNamesInOtherLanguages() {
        KbEntry hannover = entries.stream().filter(e -> e.name().equals("Hannover")).findFirst().orElseThrow();
        assertThat(hannover.aliases()).extracting(KbEntry.Alias::text).contains("Hanovre", "Hannower");
        // A curated city keeps its QID and takes the other names a curated entry does not already use.
        KbEntry naples = entries.stream().filter(e -> "Q2634".equals(e.qid())).findFirst().orElseThrow();
        assertThat(naples.aliases()).extracting(KbEntry.Alias::text).contains("Neapel", "Nápoles");
        // German inflected nouns ("Namen", Namur's Dutch name) are no city's other name.
        assertThat(entries).flatExtracting(KbEntry::aliases).extracting(KbEntry.Alias::text)
                .doesNotContain("Namen", "Kitas").containsOnlyOnce("Varsovie");
    }

    @Test
    void curatedListIsLargeAndTyped() {
        List<KbEntry> curated = entries.stream().filter(e -> !e.tags().contains("country")).toList();
        assertThat(curated).hasSizeGreaterThan(300);
        assertThat(curated).extracting(KbEntry::type).contains(EntityType.values());
        assertThat(curated.stream().filter(e -> e.tags().contains("weapon")).count()).isGreaterThan(50);
    }

    @Test
    void subdivisionsFillGapsWithoutTakingCityOrCuratedNames() {
        List<String> regions = entries.stream().filter(e -> e.tags().equals(Set.of("region")) && e.qid() == null)
                .map(KbEntry::name).toList();
        assertThat(regions).contains("Kerala", "Waikato", "Creuse", "Dalarna", "Hautes-Alpes");
        // English words, given names and names a curated entry or city already has are not subdivisions here
        assertThat(regions).doesNotContain("Central", "Centre", "Victoria", "Paris", "Oslo", "Dublin");
    }

    @Test
    void norwegianMunicipalitiesFillGapsAndWordsAmongThemNeedAPreposition() {
        KbEntry kvinnherad = entries.stream().filter(e -> e.name().equals("Kvinnherad")).findFirst().orElseThrow();
        assertThat(kvinnherad.tags()).contains(KnowledgeBase.TOWN).doesNotContain(KnowledgeBase.PLACED_TOWN);
        // Sami and Norwegian names are one row each; English words are taken only after a preposition.
        assertThat(entries).extracting(KbEntry::name).contains("Kautokeino", "Guovdageaidnu", "Sør-Varanger");
        assertThat(entries.stream().filter(e -> e.name().equals("Hole") && e.qid() == null).findFirst().orElseThrow()
                .tags()).contains(KnowledgeBase.PLACED_TOWN);
    }

    @Test
    void qidsAreWellFormedAndUnique() {
        Set<String> seen = new HashSet<>();
        for (KbEntry e : entries) {
            if (e.qid() != null) {
                assertThat(e.qid()).matches("Q[1-9][0-9]*");
                assertThat(seen.add(e.qid())).as("duplicate " + e.qid() + " " + e.name()).isTrue();
            }
        }
        assertThat(seen).contains("Q7747", "Q159", "Q30", "Q212", "Q717", "Q184", "Q148", "Q794", "Q20");
    }

    @Test
    void unlinkedIdsFollowTheContract() {
        assertThat(KbEntry.unlinkedId(EntityType.PERSON, "Nicolás Maduro")).isEqualTo("nf:PERSON:nicolas maduro");
        assertThat(KbEntry.unlinkedId(EntityType.PRODUCT, "Su-30MK2")).isEqualTo("nf:PRODUCT:su-30mk2");
    }

    @Test
    void aliasFieldsParseLanguages() {
        assertThat(KnowledgeBase.parseAliases("Putin|ru=Путин| President Putin "))
                .containsExactly(new KbEntry.Alias("Putin", null), new KbEntry.Alias("Путин", "ru"),
                        new KbEntry.Alias("President Putin", null));
    }

    @Test
    void generatedCitiesFillGapsWithoutTakingCuratedNames() {
        List<KbEntry> cities = entries.stream().filter(e -> e.tags().contains("city") && e.qid() == null).toList();
        assertThat(cities.size()).as("GeoNames cities with 100k+ inhabitants").isGreaterThan(3_000);
        assertThat(entries.stream().filter(e -> e.name().equals("Munich")).toList()).singleElement()
                .satisfies(munich -> assertThat(munich.qid()).isEqualTo("Q1726"));
        assertThat(cities).extracting(KbEntry::name).contains("Wuppertal", "Bydgoszcz", "Mar del Plata");
        // Nice keeps an entry for its other names ("Nizza"), but "Nice" alone names no place here.
        assertThat(cities).flatExtracting(KbEntry::aliases).extracting(KbEntry.Alias::text)
                .contains("Nizza").doesNotContain("Nice", "Reading", "Lincoln", "Halle");
    }

    @Test
    void aQuestionMarkMarksAnAmbiguousAliasThatNeedsSupport() {
        assertThat(KnowledgeBase.parseAliases("?Meta|Facebook|nb=?Roma")).containsExactly(
                new KbEntry.Alias("Meta", null, true), new KbEntry.Alias("Facebook", null, false),
                new KbEntry.Alias("Roma", "nb", true));
    }
}
