package io.newsflow.contracts.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerTest {

    @Test
    void offsetsPointAtTheWordsInTheText() {
        String text = "Nicolás Maduro met “Putin” in Caracas — twice.";
        List<Token> tokens = Tokenizer.tokenize(text);
        assertThat(tokens).extracting(Token::surface)
                .containsExactly("Nicolás", "Maduro", "met", "Putin", "in", "Caracas", "twice");
        for (Token t : tokens) {
            assertThat(text.substring(t.start(), t.end())).isEqualTo(t.surface());
        }
        assertThat(tokens.getFirst().norm()).isEqualTo("nicolas");
    }

    @Test
    void possessiveIsCutOffButRemembered() {
        List<Token> tokens = Tokenizer.tokenize("Russia's army and Putin’s plan");
        assertThat(tokens).extracting(Token::surface).containsExactly("Russia", "army", "and", "Putin", "plan");
        assertThat(tokens.get(0).possessive()).isTrue();
        assertThat(tokens.get(3).possessive()).isTrue();
        assertThat(tokens.get(1).possessive()).isFalse();
    }

    @Test
    void anInitialIsOneCapitalLetterWhoseFullStopAndSpaceComeRightBeforeTheNextWord() {
        String text = "George W. Bush met Serie C, then St. Olavs and Vera C.  Rubin";
        List<Token> tokens = Tokenizer.tokenize(text);
        Token w = tokens.get(1);
        assertThat(w.initial()).isTrue();
        assertThat(w.abbreviatedBefore(text, tokens.get(2))).isTrue();
        Token c = tokens.get(5);
        assertThat(c.initial()).isTrue();
        assertThat(c.abbreviatedBefore(text, tokens.get(6))).as("a comma is no full stop").isFalse();
        Token st = tokens.get(7);
        assertThat(st.initial()).as("two letters").isFalse();
        assertThat(st.abbreviatedBefore(text, tokens.get(8))).isTrue();
        Token initialBeforeTwoSpaces = tokens.get(11);
        assertThat(initialBeforeTwoSpaces.abbreviatedBefore(text, tokens.get(12))).isFalse();
    }

    @Test
    void hyphensSplitWordsButMarkTheJoin() {
        List<Token> tokens = Tokenizer.tokenize("an Il-76 and Su-30-flyene");
        assertThat(tokens).extracting(Token::surface).containsExactly("an", "Il", "76", "and", "Su", "30", "flyene");
        assertThat(tokens.get(2).hyphenBefore()).isTrue();
        assertThat(tokens.get(3).hyphenBefore()).isFalse();
        assertThat(tokens.get(5).hyphenBefore()).isTrue();
    }

    @Test
    void innerDotsAndApostrophesStayInTheWordExceptAfterAnElidedArticle() {
        assertThat(Tokenizer.tokenize("told Gazeta.Ru about Côte d'Ivoire and the U.S. yesterday, O'Brien said"))
                .extracting(Token::surface)
                .containsExactly("told", "Gazeta.Ru", "about", "Côte", "d", "Ivoire", "and", "the", "U.S", "yesterday",
                        "O'Brien", "said");
    }

    @Test
    void sentenceStartsAfterFullStopsAndLineBreaksButNotAfterAbbreviations() {
        List<Token> tokens = Tokenizer.tokenize("Mr. Smith left. Then Dr Jones came\nNext line and the U.S. Army");
        assertThat(tokens).filteredOn(Token::sentenceStart).extracting(Token::surface)
                .containsExactly("Mr", "Then", "Next");
    }

    @Test
    void blankLinesNumberParagraphs() {
        List<Token> tokens = Tokenizer.tokenize("First para.\n\nSecond para\nstill second.\n\n\nThird.");
        assertThat(tokens).extracting(Token::paragraph).containsExactly(0, 0, 1, 1, 1, 1, 2);
    }

    @Test
    void wordsOfOneNameAreAdjacentOnlyWithoutPunctuation() {
        List<Token> tokens = Tokenizer.tokenize("Moscow, Russia Today");
        assertThat(tokens.get(1).spaceBefore()).isFalse();
        assertThat(tokens.get(2).spaceBefore()).isTrue();
    }

    @Test
    void ideographsAreOneWordEach() {
        assertThat(Tokenizer.tokenize("普京说")).extracting(Token::surface).containsExactly("普", "京", "说");
    }

    @Test
    void elidedArticlesAreSplitOffSoTheNameStandsAlone() {
        List<Token> tokens = Tokenizer.tokenize("renforts d'Espagne et dell'Italia, L'Oréal, O'Brien, aujourd'hui");
        assertThat(tokens).extracting(Token::surface).containsExactly("renforts", "d", "Espagne", "et", "dell",
                "Italia", "L'Oréal", "O'Brien", "aujourd'hui");
        // The name is adjacent to its article, so "Fratelli d'Italia" still reads as one name.
        assertThat(tokens.get(2).spaceBefore()).isTrue();
        assertThat(tokens.get(5).spaceBefore()).isTrue();
        assertThat(Tokenizer.tokenize("Pratt & Whitney").get(1).spaceBefore()).isTrue();
    }

    @Test
    void aCapitalisedElisionIsSplitOffOnlyWhereItOpensASentence() {
        assertThat(Tokenizer.tokenize("L'Union européenne a tranché. L'Austria invece no"))
                .extracting(Token::surface).containsExactly("L", "Union", "européenne", "a", "tranché", "L", "Austria",
                        "invece", "no");
        // Inside a sentence a capital L' is part of a name; D' before a capital is a surname's particle anywhere.
        assertThat(Tokenizer.tokenize("chez L'Oréal")).extracting(Token::surface).containsExactly("chez", "L'Oréal");
        assertThat(Tokenizer.tokenize("D'Alema ha parlato")).extracting(Token::surface)
                .containsExactly("D'Alema", "ha", "parlato");
        assertThat(Tokenizer.tokenize("D'après la police")).extracting(Token::surface)
                .containsExactly("D", "après", "la", "police");
        // A name on its own (an alias, a query term) is read as inside a sentence.
        assertThat(Tokenizer.tokenizeName("L'Oréal")).extracting(Token::surface).containsExactly("L'Oréal");
        List<Token> split = Tokenizer.tokenize("L'Union");
        assertThat(Tokenizer.elides(split.get(0), split.get(1))).isTrue();
        assertThat(split.get(1).sentenceStart()).as("the word after the article opens the sentence too").isTrue();
        assertThat(Tokenizer.afterElidedArticle("L'Aquila")).isEqualTo(2);
        assertThat(Tokenizer.afterElidedArticle("Dell’Orso")).isEqualTo(5);
        assertThat(Tokenizer.afterElidedArticle("O'Brien")).isEqualTo(-1);
        assertThat(Tokenizer.afterElidedArticle("l'union")).isEqualTo(-1);
        List<Token> hyphen = Tokenizer.tokenize("l-Union");
        assertThat(Tokenizer.elides(hyphen.get(0), hyphen.get(1))).isFalse();
    }

    @Test
    void theLatinFoldingTableAgreesWithFullNormalisation() {
        StringBuilder all = new StringBuilder();
        for (char c = 1; c < 0x260; c++) {
            String one = String.valueOf(c);
            assertThat(Tokenizer.normalise(one)).as("U+%04X", (int) c).isEqualTo(Tokenizer.normaliseSlowly(one));
            all.append(c);
        }
        for (String word : List.of(all.toString(), "İstanbul", "ÆRØ", "Nicolás", "Straße", "O’Brien", "Łódź", "Ĳssel",
                "São", "Đorđe", "Кремль", "plain", "UPPER")) {
            assertThat(Tokenizer.normalise(word)).isEqualTo(Tokenizer.normaliseSlowly(word));
        }
    }
}
