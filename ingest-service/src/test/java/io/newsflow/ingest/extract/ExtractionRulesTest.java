package io.newsflow.ingest.extract;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** One page per extraction rule, written for the rule: what must reach the text and what must not. */
class ExtractionRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final ArticleExtractor extractor = new ArticleExtractor(Clock.fixed(NOW, ZoneOffset.UTC));

    private static final String P1 = "The county council voted on Monday to reopen the old railway line between the"
            + " two market towns, ending a campaign that lasted more than a decade.";
    private static final String P2 = "Trains will run every hour on weekdays, and every two hours at weekends, once"
            + " the track and the three stations have been repaired, the council said.";
    private static final String P3 = "Local businesses welcomed the decision, saying that visitors had stayed away"
            + " since the bus replacement service was cut back in the spring.";

    private ExtractedPage extract(String body) {
        return extractor.extract("<html><head><title>Railway line reopens</title></head><body>" + body
                + "</body></html>", "https://news.example/rail");
    }

    @Test
    void aChromeNamedWrapperThatHoldsTheArticleIsKept() {
        ExtractedPage page = extract("<div class='page has-sidebar'><div class='story'><p>" + P1 + "</p><p>" + P2
                + "</p><p>" + P3 + "</p></div><div class='sidebar'><p>Weather: sunny spells, light winds from the"
                + " west for most of the day.</p></div></div>");

        assertThat(page.text()).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3);
    }

    @Test
    void teaserCardsWrappedInLinksAreNotText() {
        ExtractedPage page = extract("<div class='main'><article><p>" + P1 + "</p><p>" + P2 + "</p></article>"
                + "<section class='more'><a href='/x'><div>Harbour wall repairs finished early</div>"
                + "<div>The contractor finished the work two weeks ahead of the schedule agreed with the port.</div></a>"
                + "<a href='/y'><div>School roof replaced</div><div>Pupils return after the holidays to a dry"
                + " building, the head teacher said on Friday.</div></a></section></div>");

        assertThat(page.text()).isEqualTo(P1 + "\n\n" + P2).doesNotContain("Harbour wall", "School roof");
    }

    @Test
    void anArticleSplitIntoSectionsIsKeptWholeAndInOrderWithoutCaptions() {
        ExtractedPage page = extract("<main><section class='wrap'><div class='body-section'><p>" + P1 + "</p></div></section>"
                + "<figure><img src='a.jpg'><figcaption>The old station building in 1962.</figcaption></figure>"
                + "<aside class='pull-quote'>“It was a long fight”</aside>"
                + "<section class='wrap'><div class='body-section'><p>" + P2 + "</p><p>" + P3 + "</p></div></section>"
                + "<section class='newsletter'><p>Sign up for our morning newsletter to get the news in your inbox.</p>"
                + "</section></main>");

        assertThat(page.text()).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3);
    }

    @Test
    void tablesInTheArticleBecomeOneLinePerRow() {
        ExtractedPage page = extract("<div class='article-body'><p>" + P1 + "</p><table><tr><th>Station</th><th>Opens</th>"
                + "</tr><tr><td><a href='/s/1'>Northgate</a></td><td>March</td></tr><tr><td><a href='/s/2'>Millbrook"
                + "</a></td><td>May</td></tr></table><p>" + P2 + "</p></div>");

        assertThat(page.text()).isEqualTo(P1 + "\n\nStation Opens\n\nNorthgate March\n\nMillbrook May\n\n" + P2);
    }

    @Test
    void bylinesDatelinesKickersAdLabelsPointersAndOrphanHeadingsAreDropped() {
        ExtractedPage page = extract("<div class='content'><div>Transport</div><h1>Railway line reopens</h1>"
                + "<p>By Jane Doe</p><p>November 20, 2026 5:27 am</p><p>" + P1 + "</p><p>ADVERTISEMENT</p>"
                + "<p>Lesen Sie auch: Neue Buslinie ab Dezember</p><h2>What happens next</h2><p>" + P2 + "</p>"
                + "<p>" + P3 + "</p><h3>More from Transport</h3></div>");

        assertThat(page.text()).isEqualTo(P1 + "\n\nWhat happens next\n\n" + P2 + "\n\n" + P3);
    }

    @Test
    void jsonLdBodyReplacesADomThatMissedTheArticleEvenWhenEscapedHtml() {
        String body = "&lt;p&gt;" + P1 + "&lt;/p&gt;&lt;p&gt;" + P2 + "&lt;/p&gt;";
        String html = "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Rail\","
                + "\"articleBody\":\"" + body + "\"}</script></head><body><div id='app'>Loading…</div>"
                + "<div class='promo'><p>Subscribe today and save half on your first year of unlimited access.</p></div>"
                + "</body></html>";

        assertThat(extractor.extract(html, "https://news.example/rail").text()).isEqualTo(P1 + "\n\n" + P2);
    }

    @Test
    void theDomWinsWhenItCoversTheJsonLdBodyBecauseItKeepsHeadings() {
        String html = "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Rail\","
                + "\"articleBody\":\"" + P1 + " " + P2 + "\"}</script></head><body><article><p>" + P1 + "</p>"
                + "<h2>Timetable</h2><p>" + P2 + "</p></article></body></html>";

        assertThat(extractor.extract(html, "https://news.example/rail").text())
                .isEqualTo(P1 + "\n\nTimetable\n\n" + P2);
    }

    @Test
    void canonicalFallsBackToOgUrlAndTheDateToTheUrl() {
        ExtractedPage page = extractor.extract("<html><head><meta property='og:url' content='https://news.example/a/rail'>"
                + "</head><body><article><p>" + P1 + "</p></article></body></html>", "https://news.example/2026/11/20/rail");

        assertThat(page.canonicalUrl()).isEqualTo("https://news.example/a/rail");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(page.dateSource()).isEqualTo(ExtractedPage.URL);
    }

    @Test
    void futureDatesAndThePageHeaderDateOfTodayAreNotTheArticleDate() {
        ExtractedPage page = extractor.extract("<html><head>"
                + "<meta property='article:published_time' content='2027-01-01T00:00:00Z'></head><body>"
                + "<header><time datetime='2026-11-21T08:00:00Z'>Yesterday's edition</time></header>"
                + "<div class='topbar'><time datetime='2026-11-22'>Sunday 22 November</time></div>"
                + "<div class='story'><p>" + P1 + "</p><p>Posted <time datetime='2026-11-19T16:45:00Z'>19 Nov</time></p>"
                + "</div></body></html>", "https://news.example/rail");

        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2026-11-19T16:45:00Z"));
        assertThat(page.dateSource()).isEqualTo(ExtractedPage.TIME);
    }

    @Test
    void metaDatesSectionImageAndAModifiedDateNeverBeforePublication() {
        ExtractedPage page = extractor.extract("<html><head>"
                + "<meta property='article:published_time' content='2026-11-20T10:00:00+01:00'>"
                + "<meta property='article:modified_time' content='2026-11-19T10:00:00Z'>"
                + "<meta property='article:section' content='Transport'>"
                + "<meta property='og:image' content='/img/train.jpg'>"
                + "<meta name='author' content='By Jane Doe and John Roe | Email the author'>"
                + "</head><body><article><p>" + P1 + "</p></article></body></html>", "https://news.example/rail");

        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2026-11-20T09:00:00Z"));
        assertThat(page.dateSource()).isEqualTo(ExtractedPage.META);
        assertThat(page.modifiedAt()).isNull();
        assertThat(page.section()).isEqualTo("Transport");
        assertThat(page.imageUrl()).isEqualTo("https://news.example/img/train.jpg");
        assertThat(page.authors()).containsExactly("Jane Doe", "John Roe");
    }

    @Test
    void readsRfc1123AndCompactDates() {
        assertThat(Dates.parse("Fri, 20 Nov 2026 09:30:00 GMT")).isEqualTo(Instant.parse("2026-11-20T09:30:00Z"));
        assertThat(Dates.parse("20261120")).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(Dates.parse("2026-11-20T09:30:00.000+0100")).isEqualTo(Instant.parse("2026-11-20T08:30:00Z"));
        assertThat(Dates.fromUrl("https://x.example/news/20261120/slug")).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(Dates.fromUrl("https://x.example/news/slug-123")).isNull();
    }
}
