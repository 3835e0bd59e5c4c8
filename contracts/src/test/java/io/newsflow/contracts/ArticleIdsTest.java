package io.newsflow.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleIdsTest {

    @Test
    void trackingParametersFragmentAndHostCaseDoNotChangeTheId() {
        String id = ArticleIds.idFor("https://example.com/world/2026/11/story?page=2");
        assertThat(ArticleIds.idFor("https://EXAMPLE.com:443/world/2026/11/story?utm_source=rss&page=2&utm_medium=feed#comments"))
                .isEqualTo(id);
        assertThat(ArticleIds.idFor("https://example.com/world/2026/11/story?page=2&fbclid=abc")).isEqualTo(id);
    }

    @Test
    void differentDocumentsGetDifferentIds() {
        assertThat(ArticleIds.idFor("https://example.com/a?page=2"))
                .isNotEqualTo(ArticleIds.idFor("https://example.com/a?page=3"))
                .isNotEqualTo(ArticleIds.idFor("https://example.com/b?page=2"))
                .isNotEqualTo(ArticleIds.idFor("https://example.org/a?page=2"));
        // Path case is significant on most servers.
        assertThat(ArticleIds.idFor("https://example.com/A")).isNotEqualTo(ArticleIds.idFor("https://example.com/a"));
    }

    @Test
    void idIs128BitHex() {
        assertThat(ArticleIds.idFor("http://example.com")).matches("[0-9a-f]{32}");
    }

    @Test
    void canonicalFormKeepsNonDefaultPortAndAddsRootPath() {
        assertThat(ArticleIds.canonicalize("HTTP://News.Example.com:8080?utm_campaign=x")).isEqualTo("http://news.example.com:8080/");
        assertThat(ArticleIds.canonicalize("http://example.com:80/a/b?x=1&utm_source=y#top")).isEqualTo("http://example.com/a/b?x=1");
    }

    @Test
    void rejectsWhatIsNotAnAbsoluteWebUrl() {
        assertThatThrownBy(() -> ArticleIds.idFor("/relative/path")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArticleIds.idFor("ftp://example.com/file")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArticleIds.idFor("http://exa mple.com/")).isInstanceOf(IllegalArgumentException.class);
    }
}
