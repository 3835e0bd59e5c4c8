package io.newsflow.ingest.feed;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpmlAndDiscoveryTest {

    @Test
    void readsNestedOutlinesAndIgnoresFoldersAndEntities() {
        String opml = """
                <?xml version="1.0"?>
                <!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <opml version="1.0"><head><title>Mine</title></head><body>
                  <outline text="News">
                    <outline text="Harbour &amp; Hills" type="rss" xmlUrl="https://hh.example/feed.xml"/>
                    <outline TEXT="Shouty" XMLURL="https://loud.example/rss"/>
                  </outline>
                  <outline text="&xxe;" xmlUrl="https://x.example/&xxe;"/>
                  <outline text="No url"/>
                </body></opml>
                """;

        List<Opml.Outline> outlines = Opml.read(opml);

        assertThat(outlines).extracting(Opml.Outline::xmlUrl)
                .containsExactly("https://hh.example/feed.xml", "https://loud.example/rss", "https://x.example/&xxe;");
        assertThat(outlines.getFirst().title()).isEqualTo("Harbour & Hills");
    }

    @Test
    void writesOpmlThatReadsBack() {
        FeedView feed = new FeedView("id1", "https://a.example/rss?x=1&y=\"2\"", Instant.EPOCH, "api", "A <b>&</b> B",
                "rss_2.0", null, null, null, null, null, null, null, 0, 0, 0, 0, 0, 0, 0, null, null, null, null);

        String opml = Opml.write(List.of(feed), Instant.parse("2026-11-20T08:00:00Z"));

        assertThat(opml).startsWith("<?xml").contains("<opml version=\"2.0\">", "type=\"rss\"");
        assertThat(Opml.read(opml)).containsExactly(new Opml.Outline("https://a.example/rss?x=1&y=\"2\"", "A <b>&</b> B"));
    }

    @Test
    void discoversTheFeedsASitePageAdvertises() {
        String html = """
                <!DOCTYPE html><html><head><title>Site</title>
                <link rel="alternate" type="application/rss+xml" title="RSS" href="/rss.xml">
                <link rel="alternate" type="application/atom+xml" href="https://site.example/atom">
                <link rel="Alternate feed" type="application/feed+json" href="feed.json">
                <link rel="alternate" type="application/rss+xml" href="/rss.xml">
                <link rel="alternate" hreflang="de" type="text/html" href="/de/">
                <link rel="stylesheet" type="text/css" href="/s.css">
                <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
                </head><body></body></html>
                """;
        byte[] body = html.getBytes(StandardCharsets.UTF_8);

        assertThat(FeedDiscovery.isHtml(body, null)).isTrue();
        assertThat(FeedDiscovery.isHtml("<rss/>".getBytes(StandardCharsets.UTF_8), "application/rss+xml")).isFalse();
        assertThat(FeedDiscovery.feeds(body, "text/html", "https://site.example/news/"))
                .containsExactly("https://site.example/rss.xml", "https://site.example/atom",
                        "https://site.example/news/feed.json");
    }
}
