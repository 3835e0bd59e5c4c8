package io.newsflow.ingest.extract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The shared extraction benchmark (../shared/eval/extraction: html/KEY.html.gz and ground-truth.json), read into
 * memory. Not part of the repository: harnesses that use it say so and stop when it is absent.
 *
 * @param pages page key → raw HTML bytes (decoded by the extractor, as the pipeline does)
 * @param truth page key → expected article body
 */
record EvalPages(Path dir, Map<String, byte[]> pages, Map<String, String> truth) {

    /** Where the benchmark lives: -Dnewsflow.eval.dir, env NEWSFLOW_EVAL_DIR, else /work/shared/eval/extraction. */
    static Path defaultDir() {
        String configured = System.getProperty("newsflow.eval.dir", System.getenv("NEWSFLOW_EVAL_DIR"));
        return Path.of(configured != null ? configured : "/work/shared/eval/extraction");
    }

    static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve("ground-truth.json")) && Files.isDirectory(dir.resolve("html"));
    }

    static EvalPages load(Path dir) {
        try {
            Map<String, String> truth = new LinkedHashMap<>();
            JsonNode root = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                truth.put(e.getKey(), e.getValue().path("articleBody").asText(""));
            }
            Map<String, byte[]> pages = new LinkedHashMap<>();
            try (Stream<Path> files = Files.list(dir.resolve("html")).sorted()) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".html.gz")) {
                        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                            pages.put(name.substring(0, name.length() - ".html.gz".length()), in.readAllBytes());
                        }
                    } else if (name.endsWith(".html")) {
                        pages.put(name.substring(0, name.length() - ".html".length()), Files.readAllBytes(file));
                    }
                }
            }
            return new EvalPages(dir, pages, truth);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
