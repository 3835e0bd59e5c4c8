package io.newsflow.enrich.language;

import io.newsflow.contracts.text.Tokenizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A declared language is taken without the model only when the article's own words agree with it; an undeclared one
 * only when they leave no doubt.
 */
class StopWordCheckTest {

    private static final StopWordCheck CHECK = StopWordCheck.builtIn();

    private static final String BOKMAL = "Regjeringen vil bruke mer penger på jernbanen neste år, sier samferdselsministeren."
            + " Det er ikke nok til å rydde opp i etterslepet, mener fagforeningen, som har krevd at staten tar et større"
            + " ansvar for vedlikeholdet. Han sier at pengene skal gå til strekningene rundt Oslo, der det har vært flest"
            + " forsinkelser i år, og at resten av landet må vente til etter valget.";
    private static final String NYNORSK = "Regjeringa vil bruke meir pengar på jernbanen neste år, seier samferdselsministeren."
            + " Det er ikkje nok til å rydde opp i etterslepet, meiner fagforeininga, som har kravd at staten tek eit større"
            + " ansvar for vedlikehaldet. Han seier at pengane skal gå til strekningane rundt Oslo, der det har vore flest"
            + " forseinkingar i år, og at resten av landet må vente til etter valet.";
    private static final String DANISH = "Regeringen vil bruge flere penge på jernbanen næste år, siger transportministeren."
            + " Det er ikke nok til at rydde op i efterslæbet, mener fagforeningen, som har krævet at staten tager et større"
            + " ansvar for vedligeholdelsen. Han siger at pengene skal gå til strækningerne omkring København, hvor der har"
            + " været flest forsinkelser i år, og at resten af landet må vente til efter valget.";
    private static final String ENGLISH = "The government will spend more money on the railway next year, the transport"
            + " minister said. Unions said that it was not enough to clear the backlog of repairs and that the state had to"
            + " take more responsibility for the network, which has had the most delays around the capital this year.";

    private static double confirm(String declared, String text) {
        return CHECK.confirm(declared, List.of(), Tokenizer.tokenize(text));
    }

    @Test
    void confirmsTheDeclaredLanguageWhenItsFunctionWordsLead() {
        assertThat(confirm("nb", BOKMAL)).isGreaterThan(0);
        assertThat(confirm("nn", NYNORSK)).isGreaterThan(0);
        assertThat(confirm("da", DANISH)).isGreaterThan(0);
        assertThat(confirm("en", ENGLISH)).isGreaterThan(0.5);
    }

    @Test
    void aWrongDeclarationGoesToTheModel() {
        assertThat(confirm("nb", NYNORSK)).isNegative();
        assertThat(confirm("nn", BOKMAL)).isNegative();
        assertThat(confirm("nb", DANISH)).isNegative();
        assertThat(confirm("nb", ENGLISH)).isNegative();
        assertThat(confirm("de", ENGLISH)).isNegative();
    }

    @Test
    void tooLittleTextOrAnUnlistedLanguageIsNotConfirmed() {
        assertThat(confirm("en", "The minister said no.")).isNegative();
        assertThat(confirm("fi", "Hallitus aikoo käyttää enemmän rahaa rautateihin ensi vuonna, sanoo ministeri.")).isNegative();
    }

    private static StopWordCheck.Guess guess(String text) {
        return CHECK.guess(List.of(), Tokenizer.tokenize(text), Integer.MAX_VALUE);
    }

    @Test
    void anUndeclaredLanguageIsNamedWhenItsFunctionWordsLeaveNoDoubt() {
        assertThat(guess(ENGLISH).language()).isEqualTo("en");
        assertThat(guess(NewsParagraphs.SPANISH).language()).isEqualTo("es");
        assertThat(guess(NewsParagraphs.PORTUGUESE).language()).isEqualTo("pt");
        // Reported like a confirmed declaration.
        assertThat(guess(ENGLISH).margin()).isEqualTo(confirm("en", ENGLISH));
    }

    @Test
    void norwegianAndDanishAreNotNamedFromFunctionWords() {
        assertThat(guess(BOKMAL)).isNull();
        assertThat(guess(NYNORSK)).isNull();
        assertThat(guess(DANISH)).isNull();
    }

    @Test
    void relativesWithListsOfTheirOwnAreNotNamedAsTheirNeighbours() {
        assertThat(CHECK.languages()).contains("ca", "gl", "ast", "oc", "fur", "af", "fy", "lb", "li");
        assertThat(StopWordCheck.GUESSED).doesNotContain("ca", "gl", "ast", "oc", "fur", "af", "fy", "lb", "li");
        for (String text : List.of(NewsParagraphs.CATALAN, NewsParagraphs.CATALAN_STORM, NewsParagraphs.GALICIAN,
                NewsParagraphs.GALICIAN_STORM, NewsParagraphs.FRISIAN, NewsParagraphs.LUXEMBOURGISH)) {
            assertThat(guess(text)).as(text).isNull();
        }
    }

    @Test
    void mixedTextsAreLeftToTheModel() {
        assertThat(guess(NewsParagraphs.BOKMAL_WITH_ENGLISH_QUOTES)).isNull();
        assertThat(guess(NewsParagraphs.GERMAN_WITH_ENGLISH_QUOTE)).isNull();
        // Half English, half German: each has plenty of its own words, neither is overwhelming.
        assertThat(guess(ENGLISH + " " + NewsParagraphs.GERMAN)).isNull();
        // A German text with Russian names in Cyrillic: more than a few words of another script.
        String cyrillic = " Президент России Владимир Путин заявил журналистам в Москве.";
        assertThat(guess(NewsParagraphs.GERMAN + cyrillic + cyrillic)).isNull();
        assertThat(guess(NewsParagraphs.GERMAN)).isNotNull();
    }

    @Test
    void theOpeningTheModelWouldReadMustPointTheSameWay() {
        List<io.newsflow.contracts.text.Token> german = Tokenizer.tokenize(NewsParagraphs.GERMAN);
        assertThat(CHECK.guess(List.of(), german, Integer.MAX_VALUE).language()).isEqualTo("de");
        assertThat(CHECK.guess(List.of(), german, 0)).isNull();
        assertThat(CHECK.guess(List.of(), german, 300).language()).isEqualTo("de");
    }

    @Test
    void tooLittleTextIsNotNamed() {
        assertThat(guess("The minister said that the plan was not enough.")).isNull();
        assertThat(guess("")).isNull();
    }

    @Test
    void theEnricherStillDetectsWhenTheFeedDeclaresTheWrongLanguage() {
        LanguageIdentifier languages = new LanguageIdentifier(20, 0.5, 500);
        assertThat(languages.identify(null, ENGLISH, "nb", List.of(), Tokenizer.tokenize(ENGLISH)).code()).isEqualTo("en");
        assertThat(languages.identify(null, BOKMAL, "nb", List.of(), Tokenizer.tokenize(BOKMAL)).code()).isEqualTo("nb");
    }
}
