package io.newsflow.enrich.language;

import io.newsflow.contracts.EnrichedArticle.Language;
import io.newsflow.enrich.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageIdentifierTest {

    private final LanguageIdentifier identifier = Fixtures.languages();

    @Test
    void english() {
        Language l = identifier.identify("Central bank raises interest rates again",
                "The central bank raised its key interest rate by a quarter point on Thursday, saying inflation "
                        + "remained stubbornly above its target and that further increases could not be ruled out.", null);
        assertThat(l.code()).isEqualTo("en");
        assertThat(l.confidence()).isGreaterThan(0.5);
    }

    @Test
    void norwegianBokmal() {
        Language l = identifier.identify("Regjeringen legger fram statsbudsjettet",
                "Regjeringen vil bruke mer penger på forsvaret og sykehusene neste år, ifølge forslaget til "
                        + "statsbudsjett som ble lagt fram for Stortinget torsdag. Opposisjonen mener det ikke er nok.", null);
        assertThat(l.code()).isEqualTo("nb");
    }

    @Test
    void norwegianNynorsk() {
        Language l = identifier.identify("Regjeringa legg fram statsbudsjettet",
                "Regjeringa vil bruke meir pengar på forsvaret og sjukehusa neste år, ifølgje forslaget til "
                        + "statsbudsjett som vart lagt fram for Stortinget torsdag. Opposisjonen meiner det ikkje er nok.", null);
        assertThat(l.code()).isEqualTo("nn");
    }

    @Test
    void german() {
        Language l = identifier.identify("Bundesregierung beschließt neues Gesetz",
                "Die Bundesregierung hat am Mittwoch ein neues Gesetz zur Förderung erneuerbarer Energien "
                        + "beschlossen, das nach Angaben des Ministeriums im kommenden Jahr in Kraft treten soll.", null);
        assertThat(l.code()).isEqualTo("de");
    }

    @Test
    void russian() {
        Language l = identifier.identify("Президент подписал указ",
                "Президент России в четверг подписал указ о новых мерах поддержки экономики, сообщили в пресс-службе "
                        + "Кремля. Документ вступает в силу со дня его официального опубликования.", null);
        assertThat(l.code()).isEqualTo("ru");
    }

    @Test
    void shortTextFallsBackToTheDeclaredLanguage() {
        assertThat(identifier.identify("Oslo", "Kort.", "no")).isEqualTo(new Language("nb", LanguageIdentifier.HINT_CONFIDENCE));
        assertThat(identifier.identify("Oslo", "Kort.", "en-GB").code()).isEqualTo("en");
    }

    @Test
    void shortTextWithoutHintIsUndetermined() {
        Language l = identifier.identify("Hi", "ok", null);
        assertThat(l.code()).isEqualTo(Language.UNDETERMINED);
        assertThat(l.confidence()).isLessThan(0.5);
    }

    @Test
    void aPlausibleDeclaredRelativeWinsOverAWeakGuess() {
        // Short Scandinavian text: Danish and Bokmål are close; the page says Norwegian.
        Language l = identifier.identify("Statsministeren", "Statsministeren møter pressen i dag klokken tolv.", "nb");
        assertThat(l.code()).isEqualTo("nb");
    }

    @Test
    void codesAreMappedToTwoLettersWhereTheyExist() {
        assertThat(LanguageCodes.toIso639_1("eng")).isEqualTo("en");
        assertThat(LanguageCodes.toIso639_1("nob")).isEqualTo("nb");
        assertThat(LanguageCodes.toIso639_1("nno")).isEqualTo("nn");
        assertThat(LanguageCodes.toIso639_1("deu")).isEqualTo("de");
        assertThat(LanguageCodes.toIso639_1("rus")).isEqualTo("ru");
        assertThat(LanguageCodes.toIso639_1("cmn")).isEqualTo("zh");
        assertThat(LanguageCodes.toIso639_1("ast")).isEqualTo("ast"); // Asturian has no two-letter code
        assertThat(LanguageCodes.normaliseHint("nb_NO")).isEqualTo("nb");
        assertThat(LanguageCodes.normaliseHint("no")).isEqualTo("nb");
        assertThat(LanguageCodes.normaliseHint("  ")).isNull();
        assertThat(LanguageCodes.normaliseHint("12")).isNull();
    }
}
