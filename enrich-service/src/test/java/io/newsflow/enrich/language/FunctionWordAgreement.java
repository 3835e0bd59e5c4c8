package io.newsflow.enrich.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.contracts.EnrichedArticle.Language;
import io.newsflow.contracts.text.Tokenizer;
import io.newsflow.enrich.Fixtures;
import io.newsflow.enrich.language.LanguageIdentifier.Decision;
import io.newsflow.enrich.language.LanguageIdentifier.Route;
import io.newsflow.enrich.pipeline.SampleSiteBodies;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * How often an undeclared article's language is named from its function words, and how often that disagrees with
 * the model, by hand (not part of the normal test run; the class name does not end in Test):
 * <pre>./newsflow mvn -o -pl enrich-service test -Dtest=FunctionWordAgreement -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dagreement.dirs=/tmp/langcorpus</pre>
 * Reads the sample site's articles, the seeds ({@code -Dseeds.dir}, default /work/shared/seeds), the extraction
 * ground truth ({@code -Dextraction.file}, default /work/shared/eval/extraction/ground-truth.json) and, with
 * {@code -Dagreement.dirs} (comma-separated), every {@code *.txt} below each folder, one document per file, grouped
 * by the file's folder. Sources that are absent are skipped. Texts are read, not kept: nothing is copied into the
 * repository.
 */
class FunctionWordAgreement {

    private record Doc(String group, String name, String title, String text) {
    }

    @Test
    void report() throws IOException {
        LanguageIdentifier identifier = Fixtures.languages();
        Map<String, int[]> perGroup = new TreeMap<>(); // documents, fast path taken, disagreed, of which model "und"
        List<String> disagreements = new ArrayList<>();
        for (Doc doc : documents()) {
            Decision decision = identifier.decide(doc.title(), doc.text(), null, Tokenizer.tokenize(doc.title()),
                    Tokenizer.tokenize(doc.text()));
            int[] counts = perGroup.computeIfAbsent(doc.group(), g -> new int[4]);
            counts[0]++;
            if (decision.route() != Route.FUNCTION_WORDS) {
                continue;
            }
            counts[1]++;
            Language model = identifier.identify(doc.title(), doc.text(), null);
            if (!model.code().equals(decision.language().code())) {
                counts[2]++;
                counts[3] += Language.UNDETERMINED.equals(model.code()) ? 1 : 0;
                disagreements.add(doc.group() + "/" + doc.name() + ": function words " + decision.language()
                        + ", model " + model);
            }
        }
        int[] total = new int[4];
        System.out.println("group: documents, named from function words, disagreeing with the model (model undecided)");
        perGroup.forEach((group, c) -> {
            System.out.printf("  %-16s %5d %5d (%3.0f %%) %3d (%d)%n", group, c[0], c[1], 100.0 * c[1] / c[0], c[2], c[3]);
            for (int i = 0; i < 4; i++) {
                total[i] += c[i];
            }
        });
        System.out.printf("RESULT function-word agreement: %d documents, %d named from function words (%.0f %%), "
                + "%d disagree with the model (%d where the model is undecided)%n", total[0], total[1],
                100.0 * total[1] / Math.max(1, total[0]), total[2], total[3]);
        disagreements.forEach(d -> System.out.println("  DISAGREE " + d));
    }

    private static List<Doc> documents() throws IOException {
        List<Doc> docs = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = FunctionWordAgreement.class.getClassLoader().getResourceAsStream("sample-site/articles.json")) {
            if (in != null) {
                for (JsonNode a : json.readTree(in).get("articles")) {
                    docs.add(new Doc("sample-site", a.get("body").asText(), a.get("title").asText(),
                            SampleSiteBodies.text(a.get("body").asText())));
                }
            }
        }
        Path seeds = Path.of(System.getProperty("seeds.dir", "/work/shared/seeds"));
        if (Files.isDirectory(seeds)) {
            try (Stream<Path> files = Files.list(seeds)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    docs.add(new Doc("seeds", f.getFileName().toString(), "", Files.readString(f)));
                }
            }
        }
        Path extraction = Path.of(System.getProperty("extraction.file",
                "/work/shared/eval/extraction/ground-truth.json"));
        if (Files.isRegularFile(extraction)) {
            for (Iterator<Map.Entry<String, JsonNode>> it = json.readTree(extraction.toFile()).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> page = it.next();
                docs.add(new Doc("extraction", page.getKey(), "", page.getValue().get("articleBody").asText()));
            }
        }
        for (String dir : System.getProperty("agreement.dirs", "").split(",")) {
            if (!dir.isBlank() && Files.isDirectory(Path.of(dir))) {
                try (Stream<Path> files = Files.walk(Path.of(dir))) {
                    files.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(f -> docs.add(
                            new Doc(f.getParent().getFileName().toString(), f.getFileName().toString(), "", read(f))));
                }
            }
        }
        return docs;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
