package io.newsflow.enrich.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.contracts.EnrichedArticle.Entity;
import io.newsflow.contracts.EnrichedArticle.Mention;
import io.newsflow.enrich.Fixtures;
import io.newsflow.enrich.entity.KbEntry;
import io.newsflow.enrich.entity.KnowledgeBase;
import io.newsflow.contracts.text.Token;
import io.newsflow.contracts.text.Tokenizer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled sample news site (local-stack's {@code sample-site/articles.json}, the same articles the end-to-end
 * test sends through the whole pipeline): every expected entity is found, the language is right, there is a topic,
 * and no common noun or phrase is reported as an entity — German capitalises every noun, which is the hard case.
 */
class SampleSiteEnrichmentTest {

    private static final String ROOT = "sample-site/";

    /** Lower-case words allowed inside a name the knowledge base does not know ("Lula da Silva", "Bank of England"). */
    private static final Set<String> NAME_PARTICLES = Set.of("de", "da", "del", "di", "do", "dos", "van", "von", "bin",
            "al", "of", "and", "la", "le", "for"); // "for": "Harbour Institute for Security Studies"

    private static final java.util.regex.Pattern SUSPENDED_COMPOUND = java.util.regex.Pattern.compile("- \\p{Ll}+ \\p{L}+");

    /** Phrases from these articles that are common nouns, not names: a regression list on top of the general checks. */
    private static final Set<String> NOT_NAMES = Set.of("spitzenspiel", "spitzenspiel der bundesliga", "führung",
            "moment der unaufmerksamkeit", "den gastgebern", "gastgebern", "meta platforms", "meta", "abend", "gäste",
            "zuschauern", "tabellenspitze", "elfmeter", "opposition", "regierung", "verteidigung", "haushalt");

    private static final Set<String> KB_NAMES = KnowledgeBase.builtIn().entries().stream().map(KbEntry::name)
            .collect(java.util.stream.Collectors.toSet());

    private final ArticleEnricher enricher = Fixtures.enricher();

    @TestFactory
    List<DynamicTest> everySampleArticleIsEnrichedAsTheEndToEndTestExpects() throws IOException {
        JsonNode index;
        try (InputStream in = resource(ROOT + "articles.json")) {
            index = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode article : index.get("articles")) {
            tests.add(DynamicTest.dynamicTest(article.get("id").asText(), () -> check(article)));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(12);
        return tests;
    }

    private void check(JsonNode article) {
        String title = article.get("title").asText();
        String text = SampleSiteBodies.text(article.get("body").asText());
        String language = article.get("language").asText();
        // No language hint: the detector has to get it right on its own.
        Enrichment e = enricher.enrich(title, text, null);
        String described = article.get("id").asText() + " " + describe(e.entities());

        assertThat(e.language().code()).as("language of %s", described).isEqualTo(language);
        assertThat(e.topics()).as("topics of %s", described).isNotEmpty();

        List<String> namesAndMentions = new ArrayList<>();
        for (Entity entity : e.entities()) {
            namesAndMentions.add(entity.name());
            entity.mentions().stream().map(Mention::text).forEach(namesAndMentions::add);
        }
        for (JsonNode expected : article.get("expectEntities")) {
            assertThat(namesAndMentions).as("entity '%s' in %s", expected.asText(), described)
                    .anySatisfy(name -> assertThat(name).containsIgnoringCase(expected.asText()));
        }
        for (Entity entity : e.entities()) {
            String name = entity.name();
            assertThat(Character.isLowerCase(name.codePointAt(0)))
                    .as("entity name '%s' starts lower-case in %s", name, described).isFalse();
            assertThat(NOT_NAMES).as("common noun reported as entity in %s", described)
                    .doesNotContain(name.toLowerCase(Locale.ROOT));
            if (!KB_NAMES.contains(name)) { // names the knowledge base has are written as their owners write them
                // "Nærings- og fiskeridepartementet": "og" and the second half of a suspended compound are lower-case
                for (Token word : Tokenizer.tokenize(SUSPENDED_COMPOUND.matcher(name).replaceAll("-"))) {
                    boolean lowerCase = Character.isLowerCase(word.surface().codePointAt(0));
                    assertThat(lowerCase && !NAME_PARTICLES.contains(word.norm()) && !word.hyphenBefore())
                            .as("unlinked entity '%s' contains the lower-case word '%s' in %s", name, word.surface(), described)
                            .isFalse();
                }
            }
        }
    }

    private static String describe(List<Entity> entities) {
        StringBuilder s = new StringBuilder("(found ");
        for (Entity e : entities) {
            s.append(e.name()).append('/').append(e.type()).append(e.linked() ? "" : "?").append(", ");
        }
        return s.append(')').toString();
    }

    private static InputStream resource(String name) {
        InputStream in = SampleSiteEnrichmentTest.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the test classpath (io.newsflow:local-stack)");
        }
        return in;
    }
}
