package io.newsflow.store.it;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.newsflow.localstack.quarkus.PostgresResource;
import io.newsflow.store.StoreTestClient;
import io.newsflow.store.TestArticles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** {@code GET /api/stream}: a client that is connected when an article is stored receives it, filtered. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class LiveStreamIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @TestHTTPResource("/api/stream")
    URL stream;

    @Test
    void aConnectedClientReceivesNewlyStoredArticlesThatMatchItsFilter() throws Exception {
        String source = "stream-" + RUN + ".test";
        EnrichedArticle wanted = TestArticles.article(source).language("nb").title("Strømpris " + RUN)
                .entities(TestArticles.entity("Q20", "Norge", EntityType.LOCATION, 0.8))
                .topics(TestArticles.topic("medtop:04005000", "energy")).build();
        EnrichedArticle otherLanguage = TestArticles.article(source).language("en").title("Power price " + RUN)
                .entities(TestArticles.entity("Q20", "Norway", EntityType.LOCATION, 0.8))
                .topics(TestArticles.topic("medtop:04005000", "energy")).build();

        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create(stream + "?source=" + source + "&language=nb&entity=Q20&topic=medtop:04000000");
        HttpResponse<Stream<String>> response = client.sendAsync(HttpRequest.newBuilder(uri)
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                .get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v ->
                assertThat(v).startsWith("text/event-stream"));
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> response.body().forEach(lines::add));
        try {
            StoreTestClient.produce(otherLanguage);
            StoreTestClient.produce(wanted);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(lines)
                    .anySatisfy(l -> assertThat(l).startsWith("data:").contains(wanted.id())));
            String data = lines.stream().filter(l -> l.contains(wanted.id())).findFirst().orElseThrow();
            assertThat(data).contains("\"change\":\"INSERTED\"").contains("\"title\":\"Strømpris " + RUN + "\"")
                    .contains("\"storyId\":\"st-");
            // The English article was stored first and does not match language=nb, so it never arrives.
            given().get("/api/articles/" + otherLanguage.id()).then().statusCode(200);
            assertThat(lines).noneMatch(l -> l.contains(otherLanguage.id()));
        } finally {
            reader.cancel(true);
            response.body().close();
        }
    }

    @Test
    void badFiltersAreRejectedBeforeTheStreamStarts() {
        given().queryParam("type", "ANIMAL").get("/api/stream").then().statusCode(400)
                .body(containsString("type must be one of"));
    }
}
