package io.newsflow.enrich.rules;

import io.newsflow.contracts.text.Tokenizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleQueryTest {

    private static final String TITLE = "Russland vil sende Oreshnik-raketter til Venezuela";
    private static final String TEXT = "President Nicolás Maduro sa at landet tar imot støtten. Vladimir Putin møtte "
            + "Maduro i Moskva i forrige uke, der sanksjonene mot Caracas ble diskutert.";

    private static boolean matches(String query, String language) {
        return RuleQuery.parse(query).matches(language, Tokenizer.tokenize(TITLE), Tokenizer.tokenize(TEXT));
    }

    private static boolean matches(String query) {
        return matches(query, "nb");
    }

    @Test
    void booleanOperatorsPhrasesAndImplicitAnd() {
        assertThat(matches("(\"Oreshnik\" OR \"Kalibr\") AND Venezuela")).isTrue();
        assertThat(matches("(Kalibr OR Tomahawk) AND Venezuela")).isFalse();
        assertThat(matches("Oreshnik Venezuela")).as("implicit AND").isTrue();
        assertThat(matches("Oreshnik Cuba")).isFalse();
        assertThat(matches("Oreshnik OR Cuba")).isTrue();
        assertThat(matches("Venezuela NOT Cuba")).isTrue();
        assertThat(matches("Venezuela AND NOT Maduro")).isFalse();
        assertThat(matches("\"Nicolas Maduro\"")).as("case and diacritics ignored").isTrue();
        assertThat(matches("\"Maduro Nicolás\"")).as("phrase words in order").isFalse();
        assertThat(matches("a OR b AND Venezuela")).as("AND binds tighter than OR").isFalse();
    }

    @Test
    void nearCountsWordsBetweenInEitherOrder() {
        assertThat(matches("Putin NEAR/2 Maduro")).isTrue();   // "Putin møtte Maduro"
        assertThat(matches("Maduro NEAR/2 Putin")).isTrue();
        assertThat(matches("Putin NEAR/0 Maduro")).isFalse();
        assertThat(matches("\"Vladimir Putin\" NEAR/1 Maduro")).isTrue();
        assertThat(matches("(Xi OR Putin) NEAR Moskva")).isTrue();
        assertThat(matches("Venezuela NEAR/3 President")).as("no NEAR from headline into body").isFalse();
    }

    @Test
    void prefixesAndLanguageFilter() {
        assertThat(matches("sanksjon*")).isTrue();
        assertThat(matches("sanction*")).isFalse();
        assertThat(matches("Venezuela AND lang:nb")).isTrue();
        assertThat(matches("Venezuela AND lang:no")).as("nb/nn/no are one language").isTrue();
        assertThat(matches("Venezuela AND lang:en")).isFalse();
        assertThat(matches("Venezuela lang:en", "en")).isTrue();
    }

    @Test
    void badQueriesAreRefusedWithAReason() {
        for (String bad : List.of("", "(Putin AND", "\"unclosed", "Putin NEAR/x Maduro", "NOT Putin",
                "(a AND b) NEAR Maduro", "x*", "lang:english", "Putin )")) {
            assertThatThrownBy(() -> RuleQuery.parse(bad)).as(bad).isInstanceOf(RuleQuery.InvalidQueryException.class)
                    .hasMessageNotContaining("null");
        }
    }

    @Test
    void ruleTopicsReportMatchesWithTheirCodeAndRespectLanguageLimits() {
        RuleTopics rules = new RuleTopics();
        rules.replace(List.of(new RuleTopic("missiles-venezuela", "Missiles to Venezuela",
                        "(Oreshnik OR Kalibr) AND Venezuela", List.of()),
                new RuleTopic("english-only", "English only", "Venezuela", List.of("en")),
                new RuleTopic("broken", "Broken", "(", List.of())));
        assertThat(rules.size()).as("the broken rule is skipped").isEqualTo(2);
        var topics = rules.match("nb", Tokenizer.tokenize(TITLE), Tokenizer.tokenize(TEXT));
        assertThat(topics).singleElement().satisfies(t -> {
            assertThat(t.code()).isEqualTo("rule:missiles-venezuela");
            assertThat(t.label()).isEqualTo("Missiles to Venezuela");
            assertThat(t.score()).isEqualTo(1.0);
        });
    }
}
