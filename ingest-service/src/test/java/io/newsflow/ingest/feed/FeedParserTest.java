package io.newsflow.ingest.feed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    @Test
    void readsRss091WithTheNetscapeDoctype() throws Exception {
        ParsedFeed feed = parser.parse(resource("rss091.xml"), "application/rss+xml");

        assertThat(feed.format()).isEqualTo("rss_0.91U");
        assertThat(feed.title()).isEqualTo("Valley Gazette");
        assertThat(feed.language()).isEqualTo("en-us");
        assertThat(feed.items()).extracting(FeedItem::link)
                .containsExactly("https://valley.example/2026/cafe-reopens", "https://valley.example/2026/bridge");
        assertThat(feed.items().getFirst().title()).isEqualTo("Café on Main Street reopens");
        assertThat(feed.items().getFirst().summary()).isEqualTo("The café closed after the flood in March.");
    }

    @Test
    void readsRss10Rdf() throws Exception {
        ParsedFeed feed = parser.parse(resource("rss10.rdf"), "application/rdf+xml");

        assertThat(feed.format()).isEqualTo("rss_1.0");
        assertThat(feed.items()).hasSize(2);
        FeedItem comet = feed.items().getFirst();
        assertThat(comet.link()).isEqualTo("https://science.example/2026/11/comet");
        assertThat(comet.title()).isEqualTo("Comet visible to the naked eye next week");
        assertThat(comet.authors()).containsExactly("Ada Sky");
        assertThat(comet.publishedAt()).isEqualTo(Instant.parse("2026-11-19T18:00:00Z"));
        assertThat(feed.items().get(1).publishedAt()).isEqualTo(Instant.parse("2026-11-18T08:30:00Z"));
    }

    @Test
    void readsRss20WithHtmlInTitlesAndPermalinkGuids() throws Exception {
        ParsedFeed feed = parser.parse(resource("rss20.xml"), "application/rss+xml; charset=utf-8");

        assertThat(feed.format()).isEqualTo("rss_2.0");
        assertThat(feed.language()).isEqualTo("en-gb");
        FeedItem tram = feed.items().getFirst();
        assertThat(tram.title()).isEqualTo("Tram line extended to the airport");
        assertThat(tram.link()).isEqualTo("https://www.metrodaily.example/transport/tram-airport?utm_source=rss");
        assertThat(tram.summary()).isEqualTo("The new stretch opens in May.");
        assertThat(tram.publishedAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(tram.changeDate()).isEqualTo(tram.publishedAt());
        assertThat(tram.authors()).containsExactly("Tom Rail");

        FeedItem guidOnly = feed.items().get(1);
        assertThat(guidOnly.link()).isEqualTo("https://www.metrodaily.example/city/guid-only");
        assertThat(guidOnly.authors()).containsExactly("Ann Other");
        assertThat(guidOnly.publishedAt()).isEqualTo(Instant.parse("2026-11-19T16:45:00Z"));

        assertThat(feed.items().get(2).link()).isNull();
    }

    @Test
    void readsAtom10() throws Exception {
        ParsedFeed feed = parser.parse(resource("atom10.xml"), "application/atom+xml");

        assertThat(feed.format()).isEqualTo("atom_1.0");
        FeedItem entry = feed.items().getFirst();
        assertThat(entry.title()).isEqualTo("Le marché aux poissons déménage");
        assertThat(entry.link()).isEqualTo("https://port.example/2026/11/marche");
        assertThat(entry.summary()).isEqualTo("Le marché quitte le quai nord.");
        assertThat(entry.authors()).containsExactly("Claire Dupont");
        assertThat(entry.publishedAt()).isEqualTo(Instant.parse("2026-11-19T05:00:00Z"));
        assertThat(entry.updatedAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(entry.changeDate()).isEqualTo(entry.updatedAt());
    }

    @Test
    void honoursTheCharsetOfTheXmlPrologWhenHttpGivesNone() throws Exception {
        ParsedFeed feed = parser.parse(resource("latin1.xml"), null);

        assertThat(feed.items().getFirst().title()).isEqualTo("Blåbær i Trøndelag");
    }

    @Test
    void honoursAByteOrderMark() throws Exception {
        byte[] xml = ("\uFEFF<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Ø</title><link>https://o.example/</link>"
                + "<description>x</description><item><title>Smørbrød</title><link>https://o.example/1</link></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);

        ParsedFeed feed = parser.parse(xml, "text/xml");

        assertThat(feed.items().getFirst().title()).isEqualTo("Smørbrød");
    }

    @Test
    void refusesExternalEntitiesAndDoesNotReadTheFile(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        byte[] xxe = new String(resource("xxe.xml"), StandardCharsets.UTF_8)
                .replace("SECRET_PATH", secret.toAbsolutePath().toString())
                .getBytes(StandardCharsets.UTF_8);

        Throwable thrown = catchThrowable(() -> parser.parse(xxe, "application/rss+xml"));

        assertThat(thrown).isInstanceOf(FeedParseException.class).hasMessageContaining("DOCTYPE");
        assertThat(thrown).hasStackTraceContaining("DOCTYPE").satisfies(t ->
                assertThat(stackText(t)).doesNotContain("TOP-SECRET-CONTENT"));
    }

    @Test
    void refusesEntityExpansionBombs() throws Exception {
        assertThatThrownBy(() -> parser.parse(resource("billion-laughs.xml"), "text/xml"))
                .isInstanceOf(FeedParseException.class);
    }

    @Test
    void reportsGarbageAsAParseError() {
        assertThatThrownBy(() -> parser.parse("<html><body>Not a feed</body></html>".getBytes(StandardCharsets.UTF_8), "text/html"))
                .isInstanceOf(FeedParseException.class);
        assertThatThrownBy(() -> parser.parse("<rss version=\"2.0\"><channel><title>cut off".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(FeedParseException.class);
    }

    @Test
    void dropsOnlyDoctypesWithoutAnInternalSubset() {
        assertThat(FeedParser.withoutExternalOnlyDoctype(
                "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//x//EN\" \"http://x/rss.dtd\">\n<rss/>"))
                .isEqualTo("<?xml version=\"1.0\"?>\n\n<rss/>");
        String internal = "<!DOCTYPE rss SYSTEM \"http://x\" [<!ENTITY a \"b\">]><rss/>";
        assertThat(FeedParser.withoutExternalOnlyDoctype(internal)).isEqualTo(internal);
        String inBody = "<rss><channel><description>&lt;!DOCTYPE x SYSTEM \"y\"&gt;</description></channel></rss>";
        assertThat(FeedParser.withoutExternalOnlyDoctype(inBody)).isEqualTo(inBody);
    }

    private static String stackText(Throwable t) {
        java.io.StringWriter out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    private byte[] resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/feeds/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
