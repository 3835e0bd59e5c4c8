package io.newsflow.ingest.feed;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Broken feeds as they come from real publishers, and the formats and extensions beyond plain RSS/Atom. */
class LenientFeedParserTest {

    private final FeedParser parser = new FeedParser();

    private static String rss(String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Broken Times</title>"
                + "<link>https://broken.example/</link><description>x</description>" + items + "</channel></rss>";
    }

    private static String item(String title, String path) {
        return "<item><title>" + title + "</title><link>https://broken.example/" + path + "</link></item>";
    }

    @Test
    void recoversBareAmpersandsAndHtmlEntities() throws Exception {
        String xml = rss(item("Fish & Chips&nbsp;at the &eacute;t&eacute; fair &mdash; &copy; &bogus; & more", "a?x=1&y=2")
                + "<item><title><![CDATA[Kept & untouched &nbsp;]]></title><link>https://broken.example/b</link></item>");

        ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml");

        assertThat(feed.items()).hasSize(2);
        assertThat(feed.items().getFirst().title()).isEqualTo("Fish & Chips at the été fair — © &bogus; & more");
        assertThat(feed.items().getFirst().link()).isEqualTo("https://broken.example/a?x=1&y=2");
        assertThat(feed.items().get(1).title()).isEqualTo("Kept & untouched");
        assertThat(feed.repaired()).contains("bare '&'", "HTML entities");
    }

    @Test
    void dropsControlCharactersAndJunkBeforeTheProlog() throws Exception {
        String xml = "\n\n  junk\u0000" + rss(item("Bell\u0007 and\u000B tab\u001F", "c"));

        ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null);

        assertThat(feed.items().getFirst().title()).isEqualTo("Bell and tab");
        assertThat(feed.repaired()).contains("characters XML forbids");
    }

    @Test
    void readsLatinBytesDeclaredAsUtf8AndUtf8BytesDeclaredAsLatin() throws Exception {
        byte[] latinAsUtf8 = rss(item("Blåbær i Trøndelag", "d")).getBytes(StandardCharsets.ISO_8859_1);
        ParsedFeed first = parser.parse(latinAsUtf8, "application/rss+xml; charset=utf-8");
        assertThat(first.items().getFirst().title()).isEqualTo("Blåbær i Trøndelag");
        assertThat(first.repaired()).contains("not UTF-8");

        byte[] utf8AsLatin = rss(item("Café “quotes” – Øst", "e")).replace("UTF-8", "ISO-8859-1")
                .getBytes(StandardCharsets.UTF_8);
        ParsedFeed second = parser.parse(utf8AsLatin, "text/xml");
        assertThat(second.items().getFirst().title()).isEqualTo("Café “quotes” – Øst");

        byte[] cp1252 = rss(item("Smart “quotes” – dash", "f")).replace("UTF-8", "ISO-8859-1")
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(parser.parse(cp1252, null).items().getFirst().title()).as("ISO-8859-1 read as its superset windows-1252")
                .isEqualTo("Smart “quotes” – dash");
    }

    @Test
    void recoversTheCompleteItemsOfATruncatedFeed() throws Exception {
        String full = rss(item("One", "1") + item("Two", "2") + item("Three is cut", "3"));
        String truncated = full.substring(0, full.indexOf("Three is cut") + 8);

        ParsedFeed feed = parser.parse(truncated.getBytes(StandardCharsets.UTF_8), null);

        assertThat(feed.items()).extracting(FeedItem::title).startsWith("One", "Two");
        assertThat(feed.items().getFirst().link()).isEqualTo("https://broken.example/1");
        assertThat(feed.repaired()).contains("truncated");
    }

    @Test
    void recoversUnclosedAndMisnestedTags() throws Exception {
        String xml = rss("<item><title>Open <b>bold</title><link>https://broken.example/g</link></item>"
                + item("Fine", "h") + "<br>");

        ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null);

        assertThat(feed.items()).extracting(FeedItem::link).contains("https://broken.example/h");
    }

    @Test
    void givesAClearReasonWhenNothingCanBeRead() {
        assertThatThrownBy(() -> parser.parse("<html><body><p>Sorry, we moved</p></body></html>"
                .getBytes(StandardCharsets.UTF_8), "text/html"))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("Not a readable");
        assertThatThrownBy(() -> parser.parse("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [".getBytes(
                StandardCharsets.UTF_8), "application/feed+json"))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("JSON");
        assertThatThrownBy(() -> parser.parse("{\"hello\": 1}".getBytes(StandardCharsets.UTF_8), "application/json"))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("Not a JSON Feed");
        assertThatThrownBy(() -> parser.parse(new byte[0], null)).isInstanceOf(FeedParseException.class);
    }

    @Test
    void readsJsonFeed11() throws Exception {
        String json = """
                {"version": "https://jsonfeed.org/version/1.1", "title": "Harbour &amp; Hills", "language": "en-GB",
                 "feed_url": "https://hh.example/feed.json",
                 "hubs": [{"type": "WebSub", "url": "https://hub.example/"}],
                 "authors": [{"name": "Desk"}],
                 "items": [
                   {"id": "2026-1", "url": "https://hh.example/2026/ferry", "title": "Ferry back in service",
                    "content_html": "<p>The ferry is <b>back</b>.</p>", "summary": "Back after repairs",
                    "image": "https://hh.example/img/ferry.jpg", "date_published": "2026-11-20T08:00:00+01:00",
                    "date_modified": "2026-11-20T09:30:00Z", "authors": [{"name": "By Kim Sea"}],
                    "tags": ["transport", "harbour"]},
                   {"id": 42, "external_url": "https://other.example/story", "content_text": "Plain text only",
                    "date_published": "not a date"},
                   "junk"
                 ]}
                """;

        ParsedFeed feed = parser.parse(json.getBytes(StandardCharsets.UTF_8), "application/feed+json");

        assertThat(feed.format()).isEqualTo("json_feed_1.1");
        assertThat(feed.title()).isEqualTo("Harbour & Hills");
        assertThat(feed.language()).isEqualTo("en-GB");
        assertThat(feed.hub()).isEqualTo("https://hub.example/");
        assertThat(feed.self()).isEqualTo("https://hh.example/feed.json");
        assertThat(feed.items()).hasSize(2);
        FeedItem ferry = feed.items().getFirst();
        assertThat(ferry.id()).isEqualTo("2026-1");
        assertThat(ferry.link()).isEqualTo("https://hh.example/2026/ferry");
        assertThat(ferry.title()).isEqualTo("Ferry back in service");
        assertThat(ferry.summary()).isEqualTo("Back after repairs");
        assertThat(ferry.contentText()).isEqualTo("The ferry is back.");
        assertThat(ferry.imageUrl()).isEqualTo("https://hh.example/img/ferry.jpg");
        assertThat(ferry.publishedAt()).isEqualTo(Instant.parse("2026-11-20T07:00:00Z"));
        assertThat(ferry.updatedAt()).isEqualTo(Instant.parse("2026-11-20T09:30:00Z"));
        assertThat(ferry.authors()).containsExactly("Kim Sea");
        assertThat(ferry.categories()).containsExactly("transport", "harbour");
        FeedItem other = feed.items().get(1);
        assertThat(other.id()).isEqualTo("42");
        assertThat(other.link()).isEqualTo("https://other.example/story");
        assertThat(other.summary()).isEqualTo("Plain text only");
        assertThat(other.publishedAt()).isNull();
        assertThat(other.authors()).as("feed-level authors apply").containsExactly("Desk");
    }

    @Test
    void readsJsonFeed10AuthorObject() throws Exception {
        String json = "{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [{\"id\": \"a\", \"url\": "
                + "\"https://x.example/a\", \"author\": {\"name\": \"Old Style\"}}]}";
        ParsedFeed feed = parser.parse(json.getBytes(StandardCharsets.UTF_8), null);
        assertThat(feed.format()).isEqualTo("json_feed_1");
        assertThat(feed.items().getFirst().authors()).containsExactly("Old Style");
    }

    @Test
    void surfacesContentMediaAndDublinCoreExtensions() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"
                     xmlns:atom="http://www.w3.org/2005/Atom" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
                <channel><title>Ext</title><link>https://ext.example/</link><description>x</description>
                <atom:link rel="hub" href="https://pubsubhubbub.example/"/>
                <atom:link rel="self" href="https://ext.example/rss"/>
                <sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>
                <item><title>With everything</title><link>https://ext.example/1</link>
                  <guid isPermaLink="false">ext-1</guid>
                  <description>Teaser only</description>
                  <content:encoded><![CDATA[<p>The whole story.</p><p>Second paragraph.</p>]]></content:encoded>
                  <dc:creator>Ann Author</dc:creator><dc:date>2026-11-20T08:00:00Z</dc:date>
                  <category>Politics</category><category>Local</category>
                  <media:group><media:content url="https://ext.example/v.mp4" type="video/mp4"/>
                    <media:content url="https://ext.example/big.jpg" medium="image"/></media:group>
                </item>
                <item><title>Thumb</title><link>https://ext.example/2</link>
                  <media:thumbnail url="https://ext.example/t.jpg"/></item>
                <item><title>Enclosure</title><link>https://ext.example/3</link>
                  <enclosure url="https://ext.example/e.png" type="image/png" length="1"/></item>
                </channel></rss>
                """.strip();

        ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null);

        FeedItem first = feed.items().getFirst();
        assertThat(first.id()).isEqualTo("ext-1");
        assertThat(first.summary()).isEqualTo("Teaser only");
        assertThat(first.contentText()).isEqualTo("The whole story. Second paragraph.");
        assertThat(first.authors()).containsExactly("Ann Author");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(first.categories()).containsExactly("Politics", "Local");
        assertThat(first.imageUrl()).isEqualTo("https://ext.example/big.jpg");
        assertThat(feed.items().get(1).imageUrl()).isEqualTo("https://ext.example/t.jpg");
        assertThat(feed.items().get(2).imageUrl()).isEqualTo("https://ext.example/e.png");
        assertThat(feed.hub()).isEqualTo("https://pubsubhubbub.example/");
        assertThat(feed.self()).isEqualTo("https://ext.example/rss");
        assertThat(feed.refreshHint()).isEqualTo(Duration.ofMinutes(30));
        assertThat(feed.repaired()).isNull();
    }

    @Test
    void readsTheTtlAsARefreshHint() throws Exception {
        ParsedFeed feed = parser.parse(rss("<ttl>90</ttl>" + item("T", "t")).getBytes(StandardCharsets.UTF_8), null);
        assertThat(feed.refreshHint()).isEqualTo(Duration.ofMinutes(90));
    }
}
