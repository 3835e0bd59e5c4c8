package io.newsflow.enrich.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.contracts.EnrichedArticle.Language;
import io.newsflow.contracts.text.Tokenizer;
import io.newsflow.enrich.Fixtures;
import io.newsflow.enrich.language.LanguageIdentifier.Decision;
import io.newsflow.enrich.language.LanguageIdentifier.Route;
import io.newsflow.enrich.pipeline.SampleSiteBodies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;

import static io.newsflow.enrich.language.NewsParagraphs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

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

    private Decision undeclared(String title, String text) {
        return identifier.decide(title, text, null, Tokenizer.tokenize(title == null ? "" : title), Tokenizer.tokenize(text));
    }

    /**
     * Undeclared paragraphs and how each must be identified: from function words where they leave no doubt, else by
     * the model (Norwegian and Danish, close relatives of listed languages, languages without lists, mixed texts).
     */
    static Stream<Arguments> undeclaredParagraphs() {
        Route words = Route.FUNCTION_WORDS;
        Route model = Route.MODEL;
        return Stream.of(arguments("en", words, ENGLISH), arguments("sv", words, SWEDISH),
                arguments("de", words, GERMAN), arguments("nl", words, DUTCH), arguments("fr", words, FRENCH),
                arguments("es", words, SPANISH), arguments("it", words, ITALIAN), arguments("pt", words, PORTUGUESE),
                arguments("nb", model, BOKMAL), arguments("nn", model, NYNORSK), arguments("da", model, DANISH),
                arguments("ca", model, CATALAN), arguments("ca", model, CATALAN_STORM),
                arguments("gl", model, GALICIAN), arguments("gl", model, GALICIAN_STORM),
                arguments("fy", model, FRISIAN), arguments("lb", model, LUXEMBOURGISH),
                arguments("ro", model, ROMANIAN), arguments("pl", model, POLISH), arguments("fi", model, FINNISH),
                arguments("tr", model, TURKISH), arguments("nb", model, BOKMAL_WITH_ENGLISH_QUOTES),
                arguments("nb", model, BOKMAL_OPENING_WITH_ENGLISH_QUOTE));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource
    void undeclaredParagraphs(String expected, Route route, String text) {
        Decision decision = undeclared(null, text);
        assertThat(decision.route()).isEqualTo(route);
        assertThat(decision.language().code()).isEqualTo(expected);
        assertThat(identifier.identify(null, text, null).code()).as("the model alone").isEqualTo(expected);
    }

    @Test
    void catalanAndGalicianAreNotReadAsSpanishOrPortuguese() {
        for (String text : new String[] {CATALAN, CATALAN_STORM}) {
            assertThat(undeclared("Titular", text).language().code()).isEqualTo("ca");
        }
        for (String text : new String[] {GALICIAN, GALICIAN_STORM}) {
            assertThat(undeclared("Titular", text).language().code()).isEqualTo("gl");
        }
    }

    @Test
    void englishQuotesInAGermanArticleDoNotMakeItEnglish() {
        Decision decision = undeclared("Autobauer will kein Werk schließen", GERMAN_WITH_ENGLISH_QUOTE);
        assertThat(decision.language().code()).isEqualTo("de");
    }

    @Test
    void aGuessIsAsConfidentAsTheSameLanguageDeclaredAndConfirmed() {
        for (String text : new String[] {ENGLISH, SPANISH, SWEDISH}) {
            Decision guessed = undeclared(null, text);
            Decision declared = identifier.decide(null, text, guessed.language().code(), java.util.List.of(),
                    Tokenizer.tokenize(text));
            assertThat(declared.route()).isEqualTo(Route.DECLARATION_CONFIRMED);
            assertThat(guessed.language()).isEqualTo(declared.language());
        }
    }

    @Test
    void aTextThatOpensInAnotherLanguageGoesToTheModel() {
        // An English opening paragraph, then German: the model reads the opening and says English.
        Decision decision = undeclared(null, ENGLISH + "\n\n" + GERMAN + "\n\n" + GERMAN);
        assertThat(decision.route()).isEqualTo(Route.MODEL);
        assertThat(decision.language().code()).isEqualTo("en");
    }

    @Test
    void sampleSiteArticlesNamedFromFunctionWordsAgreeWithTheModel() throws IOException {
        JsonNode index;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("sample-site/articles.json")) {
            index = new ObjectMapper().readTree(in);
        }
        int named = 0;
        for (JsonNode a : index.get("articles")) {
            String title = a.get("title").asText();
            String text = SampleSiteBodies.text(a.get("body").asText());
            Decision decision = undeclared(title, text);
            if (decision.route() == Route.FUNCTION_WORDS) {
                named++;
                assertThat(decision.language().code()).as(title).isEqualTo(identifier.identify(title, text, null).code());
            }
            if (!"nb".equals(a.get("language").asText())) {
                assertThat(decision.route()).as(title).isEqualTo(Route.FUNCTION_WORDS);
            }
        }
        assertThat(named).isGreaterThan(0);
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
