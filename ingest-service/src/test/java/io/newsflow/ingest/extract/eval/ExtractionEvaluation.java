package io.newsflow.ingest.extract.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.newsflow.ingest.extract.ArticleExtractor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores {@link ArticleExtractor} on the shared extraction benchmark: writes predictions.json and runs the reference
 * scorer (score_extraction.py next to the benchmark folder). Not a unit test, because the benchmark is not in the
 * repository; run it with {@code ingest-service/eval/score.sh}. Exits 0 with a note when the benchmark is absent.
 *
 * <p>Arguments: {@code [--out predictions.json] [--worst N] [--dir evalDir]}. {@code --worst N} also lists the N
 * lowest-F1 pages (per-page figures from {@link ShingleScore}).
 */
public final class ExtractionEvaluation {

    private ExtractionEvaluation() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = EvalPages.defaultDir();
        Path out = Path.of("target/eval/predictions.json");
        int worst = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--worst" -> worst = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        if (!EvalPages.present(dir)) {
            System.out.println("Extraction benchmark not found at " + dir + "; skipped.");
            return;
        }
        EvalPages eval = EvalPages.load(dir);
        ArticleExtractor extractor = new ArticleExtractor();
        Map<String, Map<String, String>> predictions = new LinkedHashMap<>();
        List<Map.Entry<String, ShingleScore>> scores = new ArrayList<>();
        for (Map.Entry<String, byte[]> page : eval.pages().entrySet()) {
            String text = extractor.extract(page.getValue(), null, "https://eval.invalid/" + page.getKey()).text();
            predictions.put(page.getKey(), Map.of("articleBody", text));
            scores.add(Map.entry(page.getKey(), ShingleScore.of(eval.truth().getOrDefault(page.getKey(), ""), text)));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), predictions);
        System.out.println("Wrote " + predictions.size() + " predictions to " + out);

        if (worst > 0) {
            scores.sort(Comparator.comparingDouble(e -> e.getValue().f1()));
            for (Map.Entry<String, ShingleScore> e : scores.subList(0, Math.min(worst, scores.size()))) {
                System.out.printf("  f1=%.3f p=%.3f r=%.3f  %s%n", e.getValue().f1(), e.getValue().precision(),
                        e.getValue().recall(), e.getKey());
            }
        }
        System.out.println("extractor: " + score(dir, out));
    }

    /** Runs the reference scorer and returns its summary line ("pages=… precision=… recall=… f1=…"). */
    static String score(Path dir, Path predictions) throws IOException, InterruptedException {
        Path scorer = dir.resolveSibling("score_extraction.py");
        if (!Files.isRegularFile(scorer)) {
            return "(no scorer at " + scorer + ")";
        }
        Process p = new ProcessBuilder(python(), scorer.toString(), dir.resolve("ground-truth.json").toString(),
                predictions.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        return output;
    }

    /** The system Python (where Debian's python3-readability and python3-feedparser live), else python3 on PATH. */
    static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }
}
