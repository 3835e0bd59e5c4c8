package io.newsflow.ingest.pipeline;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleIngesterTest {

    @Test
    void contentHashIsSha256HexOfTitleNewlineText() {
        // echo -n $'Title\nBody' | sha256sum
        assertThat(ArticleIngester.contentHash("Title", "Body"))
                .isEqualTo("b93e9074bf0f60db9ff2f517fe8ce3ce2f29aec3e00989a2c1a8a727005bffc2")
                .isNotEqualTo(ArticleIngester.contentHash("Title", "Body!"))
                .isNotEqualTo(ArticleIngester.contentHash("Title\nBody", ""));
    }

    @Test
    void sourceIsTheHostWithoutWww() {
        assertThat(ArticleIngester.source("https://www.metrodaily.example/a")).isEqualTo("metrodaily.example");
        assertThat(ArticleIngester.source("https://news.example:8443/a")).isEqualTo("news.example");
    }

    @Test
    void canonicalUrlPrefersRelCanonicalThenTheFinalUrlThenTheLink() {
        String link = "https://feeds.example/click?id=1&utm_source=rss";
        assertThat(ArticleIngester.canonicalUrl("https://News.example/story#top", URI.create("https://news.example/story?amp=1"), link))
                .isEqualTo("https://news.example/story");
        assertThat(ArticleIngester.canonicalUrl(null, URI.create("https://news.example/story?utm_medium=x"), link))
                .isEqualTo("https://news.example/story");
        assertThat(ArticleIngester.canonicalUrl("javascript:void(0)", null, link))
                .isEqualTo("https://feeds.example/click?id=1");
    }
}
