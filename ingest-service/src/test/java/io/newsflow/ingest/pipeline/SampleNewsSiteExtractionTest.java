package io.newsflow.ingest.pipeline;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.ingest.extract.ArticleExtractor;
import io.newsflow.ingest.extract.ExtractedPage;
import io.newsflow.ingest.feed.FeedItem;
import io.newsflow.ingest.feed.FeedParser;
import io.newsflow.ingest.feed.ParsedFeed;
import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.fetch.HttpFetcher;
import io.newsflow.ingest.fetch.UrlGuard;
import io.newsflow.ingest.fetch.Validators;
import io.newsflow.localstack.SampleNewsSite;
import io.newsflow.localstack.SampleNewsSite.SampleArticle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fetch, parse and extract every article of the local run's sample news site (deploy/local-stack) the way the
 * pipeline does, and check it against what the end-to-end test expects: same id, exact title, no page chrome.
 */
class SampleNewsSiteExtractionTest {

    private static SampleNewsSite site;
    private static HttpFetcher fetcher;

    @BeforeAll
    static void start() {
        site = SampleNewsSite.start(0);
        fetcher = new HttpFetcher(new UrlGuard(true), Duration.ofSeconds(2), Duration.ofSeconds(10), 5,
                "Newsflow/0.1 (+https://github.com/newsflow)");
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        site.close();
    }

    @Test
    void everySampleArticleIsFoundThroughTheFeedsAndExtractedCleanly() throws Exception {
        FeedParser parser = new FeedParser();
        ArticleExtractor extractor = new ArticleExtractor();
        Map<String, ExtractedPage> byId = new HashMap<>();
        Map<String, FeedItem> items = new HashMap<>();
        for (URI feedUrl : site.feedUrls()) {
            FetchResult feed = fetcher.get(feedUrl.toString(), "application/rss+xml, application/atom+xml, */*", 5_000_000, Validators.NONE);
            ParsedFeed parsed = parser.parse(feed.body(), feed.contentType());
            assertThat(parsed.items()).as("items of %s", feedUrl).isNotEmpty();
            for (FeedItem item : parsed.items()) {
                FetchResult page = fetcher.get(item.link(), "text/html", 3_000_000, null);
                ExtractedPage extracted = extractor.extract(page.body(), page.contentType(), page.uri().toString());
                String id = ArticleIds.idFor(ArticleIngester.canonicalUrl(extracted.canonicalUrl(), page.uri(), item.link()));
                byId.put(id, extracted);
                items.put(id, item);
            }
        }

        for (SampleArticle sample : site.articles()) {
            String id = ArticleIds.idFor(sample.url().toString());
            String described = sample.outlet() + " " + sample.url();
            assertThat(byId).as("article %s reached through a feed", described).containsKey(id);
            ExtractedPage page = byId.get(id);
            String title = page.title() != null ? page.title() : items.get(id).title();
            assertThat(title).as("title of %s", described).isEqualTo(sample.title());
            assertThat(page.text()).as("text of %s", described).isNotBlank();
            for (String chrome : sample.mustNotContain()) {
                assertThat(page.text()).as("page chrome in %s", described).doesNotContain(chrome);
            }
            for (String entity : sample.expectEntities()) {
                assertThat(title + "\n" + page.text()).as("entity %s in %s", entity, described).contains(entity);
            }
            if (page.languageHint() != null) {
                assertThat(sample.language()).as("language of %s", described).startsWith(page.languageHint());
            }
        }
    }
}
