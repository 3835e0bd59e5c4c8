package io.newsflow.ingest.extract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleExtractorTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    void keepsProseHeadingsListsAndQuotesAndDropsPageChrome() {
        ExtractedPage page = extract("harbour-news.html", "https://www.coastalcourier.example/local/harbour-night-ferry");

        assertThat(page.title()).isEqualTo("Harbour authority approves night ferry trial");
        assertThat(page.text().split("\n\n")).containsExactly(
                "The harbour authority on Thursday approved a six-month trial of a night ferry between Northpoint and the"
                        + " three inhabited islands, answering years of complaints from shift workers who are stranded"
                        + " after the last evening crossing.",
                "The first sailing is planned for 8 January. Boats will leave Northpoint at 23:30 and 01:30, and return"
                        + " from the islands half an hour later, the authority said.",
                "Shift workers welcome the decision",
                "Nurses at the island clinic have long argued that the timetable makes evening shifts impossible for"
                        + " anyone living on the mainland.",
                "We have lost good people because they could not get home at night. This changes that.",
                "The trial will be judged on three measures:",
                "passenger numbers on each departure,",
                "the cost per passenger compared with a taxi boat,",
                "noise complaints from residents near the quay.",
                "A decision on a permanent service is expected next autumn.");
        assertThat(page.text()).doesNotContain("cookies", "Share on", "Read also", "Ferry prices", "More from Local",
                "Council rejects", "morning briefing", "Comments", "Finally!", "Most read", "Lighthouse", "rights reserved",
                "Skip to content", "Business");
    }

    @Test
    void readsMetadataFromMetaTags() {
        ExtractedPage page = extract("harbour-news.html", "https://www.coastalcourier.example/local/harbour-night-ferry");

        assertThat(page.canonicalUrl()).isEqualTo("https://www.coastalcourier.example/local/2026/11/harbour-night-ferry-trial");
        assertThat(page.authors()).containsExactly("Jane Doe");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2026-11-20T06:30:00Z"));
        assertThat(page.languageHint()).isEqualTo("en");
        assertThat(page.description()).startsWith("A six-month trial of a night ferry");
    }

    @Test
    void scoresTheContentBlockOfAPageWithoutArticleMarkupAndDropsLesOgsaAndLinkLists() {
        ExtractedPage page = extract("fjellbygda-nb.html", "https://fjellbygda.example/nyheter/skolevei");

        assertThat(page.title()).isEqualTo("Ny skolevei åpner før jul");
        assertThat(page.text().split("\n\n")).containsExactly(
                "Den nye gang- og sykkelveien mellom sentrum og Bakken skole blir ferdig tre uker før planen, opplyser kommunen.",
                "Foreldre har i flere år advart mot den smale fylkesveien, der over to hundre elever går eller sykler hver"
                        + " dag, ofte i mørket.",
                "– Vi er veldig glade for at barna får en trygg vei før vinteren setter inn for alvor, sier rektor Ola Hansen.",
                "Veien blir tre kilometer lang og får belysning hele veien. Prosjektet har kostet 41 millioner kroner,"
                        + " litt under budsjett.");
        assertThat(page.text()).doesNotContain("Les også", "Fartsgrensen", "Brannvesenet", "Annonse", "Mest lest",
                "informasjonskapsler", "Forside");
        assertThat(page.authors()).containsExactly("Kari Nordmann");
        assertThat(page.languageHint()).isEqualTo("nb");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2026-11-18T00:00:00Z"));
        assertThat(page.description()).startsWith("Den nye gang- og sykkelveien");
        assertThat(page.canonicalUrl()).isNull();
    }

    @Test
    void prefersJsonLdArticleBodyOverAPaywalledTeaser() {
        ExtractedPage page = extract("jsonld-article.html", "https://rheinblatt.example/stadt/waermepumpen");

        assertThat(page.title()).isEqualTo("Stadtwerke investieren 30 Millionen in Wärmepumpen");
        assertThat(page.text().split("\n\n")).hasSize(3);
        assertThat(page.text()).startsWith("Die Stadtwerke wollen bis 2030 rund 30 Millionen Euro")
                .contains("\n\nDie Anlagen sollen dem Fluss Wärme entziehen")
                .endsWith("weniger als ein Grad abkühlt.")
                .doesNotContain("weiterlesen");
        assertThat(page.authors()).containsExactly("Max Mustermann", "Erika Beispiel");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2026-11-19T10:15:00Z"));
        assertThat(page.languageHint()).isEqualTo("de");
        assertThat(page.description()).isEqualTo("Die Stadtwerke wollen bis 2030 zwei Großwärmepumpen am Rhein bauen.");
    }

    @Test
    void usesTheItempropArticleBodyWhenJsonLdHoldsOnlyATeaser() {
        ExtractedPage page = extract("itemprop-body.html", "https://city.example/library");

        assertThat(page.text().split("\n\n")).containsExactly(
                "The city library will open until ten on weekdays from next month, after a pilot in the spring drew more"
                        + " than twice the expected number of evening visitors.",
                "Students made up most of the late crowd, the library said, but families and retirees used the extra hours too.",
                "Weekends unchanged",
                "Saturday and Sunday hours stay as they are, because the building is booked for events.");
        assertThat(page.text()).doesNotContain("Swimming pool");
        assertThat(page.authors()).containsExactly("Sam Reader");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2026-11-15T00:00:00Z"));
        assertThat(page.languageHint()).isEqualTo("en");
    }

    @Test
    void decodesWithTheCharsetOfTheHttpHeader() {
        String html = "<html><head><title>Bær</title></head><body><article>"
                + "<p>Blåbær og multebær fra fjellet selges på torget hver lørdag i hele september.</p></article></body></html>";
        ExtractedPage page = extractor.extract(html.getBytes(StandardCharsets.ISO_8859_1), "text/html; charset=ISO-8859-1",
                "https://torget.example/baer");

        assertThat(page.text()).isEqualTo("Blåbær og multebær fra fjellet selges på torget hver lørdag i hele september.");
    }

    @Test
    void aPageWithoutProseYieldsNoText() {
        String html = "<html><body><nav><a href='/a'>Home</a></nav><ul><li><a href='/1'>One headline</a></li>"
                + "<li><a href='/2'>Another headline</a></li></ul><footer>Contact us</footer></body></html>";

        ExtractedPage page = extractor.extract(html, "https://portal.example/");

        assertThat(page.text()).isEmpty();
    }

    @Test
    void cutsVeryLongTextAtAParagraphBoundary() {
        StringBuilder html = new StringBuilder("<html><body><article>");
        String paragraph = "This sentence is part of an extremely long article that keeps going and going. ".repeat(10);
        for (int i = 0; i < 200; i++) {
            html.append("<p>").append(paragraph).append("</p>");
        }
        html.append("</article></body></html>");

        ExtractedPage page = extractor.extract(html.toString(), "https://long.example/");

        assertThat(page.text().length()).isLessThanOrEqualTo(ArticleExtractor.MAX_TEXT_CHARS);
        assertThat(page.text()).endsWith("going and going.");
    }

    private ExtractedPage extract(String resource, String url) {
        try (InputStream in = getClass().getResourceAsStream("/pages/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            return extractor.extract(in.readAllBytes(), "text/html; charset=utf-8", url);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
