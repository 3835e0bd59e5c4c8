package io.newsflow.enrich.it;

import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class EnrichResourceIT {

    @Test
    void enrichesAText() {
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "Zelensky asks for more Patriot systems",
                        "text", "Ukrainian President Volodymyr Zelensky asked NATO allies in Brussels for more Patriot "
                                + "air defence systems after Russian missile strikes on Kyiv, his office said on Monday.",
                        "url", "https://example.org/a"))
                .when().post("/api/enrich")
                .then().statusCode(200)
                .body("language.code", equalTo("en"))
                .body("language.confidence", greaterThan(0.5f))
                .body("entities.id", hasItems("Q3874799", "Q7184", "Q1899", "Q239"))
                .body("entities.find { it.id == 'Q3874799' }.type", equalTo("PERSON"))
                .body("entities.find { it.id == 'Q3874799' }.mentions[0].field", equalTo("title"))
                .body("entities[0].salience", equalTo(1.0f))
                .body("topics.code", hasItem("medtop:16000000"))
                .body("topics[0].label", notNullValue());
    }

    @Test
    void declaredLanguageIsUsedForShortTexts() {
        given().contentType(ContentType.JSON).body(Map.of("title", "Kort melding", "text", "Ja.", "language", "no"))
                .when().post("/api/enrich")
                .then().statusCode(200).body("language.code", equalTo("nb"));
    }

    @Test
    void missingBodyIsABadRequest() {
        given().contentType(ContentType.JSON).when().post("/api/enrich")
                .then().statusCode(400).body("error", containsString("required"));
    }

    @Test
    void blankTitleAndTextAreABadRequest() {
        given().contentType(ContentType.JSON).body(Map.of("title", " ", "text", ""))
                .when().post("/api/enrich")
                .then().statusCode(400).body("error", containsString("must be given"));
    }

    @Test
    void oversizedTextIsABadRequest() {
        given().contentType(ContentType.JSON).body(Map.of("title", "Big", "text", "a".repeat(1_000_001)))
                .when().post("/api/enrich")
                .then().statusCode(400).body("error", containsString("limit"));
    }
}
