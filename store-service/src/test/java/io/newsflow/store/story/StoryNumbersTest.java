package io.newsflow.store.story;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoryNumbersTest {

    @Test
    void oneFigureIsWrittenAlikeAcrossLanguageConventions() {
        assertThat(StoryNumbers.of("Storm cuts power to 70,000 homes")).containsExactly("70000");
        assertThat(StoryNumbers.of("over 70.000 strømløse")).containsExactly("70000");
        assertThat(StoryNumbers.of("rund 70 000 Haushalte")).containsExactly("70000");
        assertThat(StoryNumbers.of("a 3.2 km fissure")).containsExactly("3.2");
        assertThat(StoryNumbers.of("eine 3,2 Kilometer lange Spalte")).containsExactly("3.2");
        assertThat(StoryNumbers.of("betaler 9,60 milliarder")).containsExactly("9.6");
    }

    @Test
    void figuresThatUnrelatedArticlesShareAreLeftOut() {
        // Days, small counts, round numbers and years say nothing about which event an article reports.
        assertThat(StoryNumbers.of("On 23 November 2026, 3 people and 40 officers; 100 or 1,000 more by 2027")).isEmpty();
        assertThat(StoryNumbers.of("729-foot freighter with 23 crew, 47 hours")).containsExactlyInAnyOrder("47", "729");
    }

    @Test
    void codesAndIdentifiersAreNotFigures() {
        assertThat(StoryNumbers.of("Wendelstein 7-X, an A320 and COVID-19 at 1234567890123456789")).isEmpty();
    }

    @Test
    void titleSummaryAndTextTogetherAndNullsSkipped() {
        assertThat(StoryNumbers.of("€450 million deal", null, "Shares rose 12.5 percent; 1,350 jobs"))
                .containsExactlyInAnyOrder("1350", "12.5", "450");
    }

    @Test
    void aLongListIsCapped() {
        StringBuilder table = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            table.append(1000 + i * 7).append(' ');
        }
        assertThat(StoryNumbers.of(table.toString())).hasSize(StoryNumbers.MAX_NUMBERS);
    }
}
