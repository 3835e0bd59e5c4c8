package io.newsflow.store.story;

import org.junit.jupiter.api.Test;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

class StoryEventsTest {

    @Test
    void oneKindOfEventIsRecognisedInTheWordsOfEachLanguage() {
        assertThat(StoryEvents.of("en", "Train drivers strike over pay", null, "")).containsExactly("strike");
        assertThat(StoryEvents.of("nb", "Lokførerne går ut i streik", null, "")).containsExactly("strike");
        assertThat(StoryEvents.of("de", "Warnstreik legt Flughäfen lahm", null, "")).containsExactly("strike");
        assertThat(StoryEvents.of("fr", "Grève des contrôleurs aériens jeudi", null, "")).containsExactly("strike");
        assertThat(StoryEvents.of("es", "Huelga de maquinistas en Renfe", null, "")).containsExactly("strike");
        assertThat(StoryEvents.of("sv", "Lokförarna strejkar i morgon", null, "")).containsExactly("strike");
    }

    @Test
    void compoundsInflectionsPhrasesAndElisionsMatch() {
        assertThat(StoryEvents.of("nb", "Jordskredet tok to hus", null, "")).containsExactly("landslide");
        assertThat(StoryEvents.of("de", "Großbrand in einer Lagerhalle", null, "")).containsExactly("fire");
        assertThat(StoryEvents.of("fr", "Un glissement de terrain coupe la route", null, ""))
                .containsExactly("landslide");
        assertThat(StoryEvents.of("fr", "L'incendie de l'usine est maîtrisé", null, "")).containsExactly("fire");
        assertThat(StoryEvents.of("fr", "Un cessez-le-feu entre en vigueur", null, "")).containsExactly("ceasefire");
        assertThat(StoryEvents.of("nn", "Eit jordskjelv ramma Island", null, "")).containsExactly("earthquake");
    }

    @Test
    void aGapLetsAFigureOrAPlaceComeBetweenTheWordsOfATerm() {
        assertThat(StoryEvents.of("en", "Ford to cut 1,600 more jobs in Germany", null, "")).containsExactly("layoffs");
        assertThat(StoryEvents.of("de", "Ford streicht in Köln weitere 1.600 Stellen", null, ""))
                .containsExactly("layoffs");
        assertThat(StoryEvents.of("en", "Carmaker recalls 184,000 Explorer SUVs", null, "")).containsExactly("recall");
        // Medicines are recalled too, by the batch.
        assertThat(StoryEvents.of("en", "Drugmaker recalls children's ibuprofen syrup", null, ""))
                .containsExactly("recall");
        assertThat(StoryEvents.of("es", "Sanidad retira un jarabe infantil de ibuprofeno", null, ""))
                .containsExactly("recall");
        // More than five words apart is another clause, not one phrase.
        assertThat(StoryEvents.of("en", "Council cut the ribbon while a new school opens with fifty jobs", null, ""))
                .isEmpty();
        // "recall" alone is remembering; the gap needs what is recalled.
        assertThat(StoryEvents.of("en", "Survivors recall the night the river rose", null, "")).isEmpty();
    }

    @Test
    void firingACoachIsADeparture() {
        assertThat(StoryEvents.of("en", "Club fire head coach after derby rout", null, "")).contains("resignation");
        assertThat(StoryEvents.of("de", "Verein trennt sich von Trainer Müller", null, "")).contains("resignation");
        assertThat(StoryEvents.of("it", "Esonerato l'allenatore dopo il derby", null, "")).contains("resignation");
        assertThat(StoryEvents.of("en", "Russia fired 40 missiles overnight", null, "")).doesNotContain("resignation");
        // Avgang/avgång is a train's or flight's departure as often as a resignation (story set 21's derailment).
        assertThat(StoryEvents.of("nb", "Alle avganger innstilt etter at toget sporet av", null, ""))
                .containsExactly("accident");
        assertThat(StoryEvents.of("nb", "Ordføreren varslet sin avgang", null, "")).containsExactly("resignation");
        assertThat(StoryEvents.of("sv", "Tåget spårade ur, flera avgångar inställda", null, ""))
                .containsExactly("accident");
    }

    @Test
    void aHoardAFossilOrANewSpeciesIsAFindButATreasureOrATaxIsNot() {
        assertThat(StoryEvents.of("nb", "Far og sønn fant vikingskatt med 312 sølvmynter", null, ""))
                .containsExactly("discovery");
        assertThat(StoryEvents.of("en", "Father and son with metal detector find Viking silver hoard", null, ""))
                .containsExactly("discovery");
        assertThat(StoryEvents.of("es", "Un hallazgo en Atapuerca: una mandíbula de 1,5 millones de años", null, ""))
                .containsExactly("discovery");
        assertThat(StoryEvents.of("nb", "Eiendomsskatten øker i Bergen", null, "")).isEmpty();
        assertThat(StoryEvents.of("es", "Roban dos piezas del tesoro de Guarrazar", null, ""))
                .containsExactly("theft");
    }

    @Test
    void oneReadGivesTheHeadlinesKindsBesideEverythingReported() {
        var kinds = StoryEvents.read("en", "Ferry runs aground off Bergen", "A storm drove it ashore.",
                "All 55 aboard were rescued.");
        assertThat(kinds.headline()).containsExactly("aground");
        assertThat(kinds.reported()).containsExactlyInAnyOrder("aground", "storm", "rescue");
        assertThat(kinds.headline()).isEqualTo(StoryEvents.of("en", "Ferry runs aground off Bergen", null, null));
    }

    @Test
    void biathlonShootingIsNotAShooting() {
        assertThat(StoryEvents.of("nb", "Aasland avgjorde på siste skyting i skiskytter-VM", null, "")).isEmpty();
        assertThat(StoryEvents.of("nb", "To skutt og drept i Oslo sentrum", null, "")).containsExactly("shooting");
    }

    @Test
    void aDiseaseOutbreakIsNoEruption() {
        // Ausbruch, utbrudd and utbrott name both; a listeria outbreak was read as a volcano (story set 14).
        assertThat(StoryEvents.of("nb", "Dødelig listeriautbrudd knyttet til røykelaks", null, ""))
                .containsExactly("outbreak");
        assertThat(StoryEvents.of("de", "Listerien-Ausbruch: Räucherlachs zurückgerufen", null, ""))
                .contains("outbreak").doesNotContain("volcano");
        assertThat(StoryEvents.of("sv", "Utbrott av salmonella på förskola", null, "")).containsExactly("outbreak");
        assertThat(StoryEvents.of("nb", "Nytt vulkanutbrudd på Island", null, "")).contains("volcano");
        assertThat(StoryEvents.of("de", "Vulkanausbruch auf Island", null, "")).contains("volcano");
    }

    @Test
    void wordsThatOnlyContainAnEventWordDoNot() {
        assertThat(StoryEvents.of("de", "Brandenburg wählt einen neuen Landrat", null, "")).isEmpty();
        assertThat(StoryEvents.of("sv", "Nyheter från Göteborg", null, "")).isEmpty();
        assertThat(StoryEvents.of("it", "La Francia e Franco Battiato", null, "")).isEmpty();
    }

    @Test
    void onlyTheLeadOfTheBodyIsRead() {
        String filler = String.join(" ", Collections.nCopies(StoryEvents.LEAD_WORDS, "word"));
        assertThat(StoryEvents.of("en", "Council meets", "A summary.", filler + " an earthquake in 2011")).isEmpty();
        assertThat(StoryEvents.of("en", "Council meets", "A summary.", "An earthquake shook the town. " + filler))
                .containsExactly("earthquake");
        assertThat(StoryEvents.of("en", "Council meets", "After the earthquake", null)).containsExactly("earthquake");
    }

    @Test
    void aLanguageWithoutWordsOfItsOwnIsReadWithEveryLanguagesWords() {
        assertThat(StoryEvents.of("und", "Tsunami warning after earthquake", null, "")).contains("earthquake");
        assertThat(StoryEvents.of(null, "Huelga general", null, "")).containsExactly("strike");
        assertThat(StoryEvents.of("en", "The minister visited a school", null, "")).isEmpty();
    }
}
