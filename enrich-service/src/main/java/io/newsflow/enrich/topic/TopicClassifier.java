package io.newsflow.enrich.topic;

import io.newsflow.contracts.EnrichedArticle.Mention;
import io.newsflow.contracts.EnrichedArticle.Topic;
import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.enrich.entity.EntityExtractor;
import io.newsflow.enrich.entity.ExtractedEntity;
import io.newsflow.contracts.text.Token;
import io.newsflow.contracts.text.Tokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IPTC Media Topics from a weighted keyword lexicon (English, Norwegian with Swedish and Nynorsk words, German,
 * French, Spanish, Italian, Portuguese, Dutch; English serves other languages) plus knowledge-base entity signals
 * (weapon systems → conflict, heads of state → politics). Every topic whose score passes the threshold is returned,
 * best first; the best topic is returned whenever the text has any signal at all.
 */
public final class TopicClassifier {

    public static final String TOPICS = "topics/iptc-media-topics.tsv";
    public static final String KEYWORDS = "topics/keywords.tsv";
    public static final String ENTITY_SIGNALS = "topics/entity-signals.tsv";

    /** Languages whose texts are scored with the Norwegian terms. */
    private static final Set<String> NORDIC = Set.of("nb", "nn", "no", "da", "sv");
    /** The headline and the first paragraph say what a story is about; the body wanders into context. */
    private static final double TITLE_FACTOR = 3.0;
    private static final double LEAD_FACTOR = 1.5;
    private static final double CHILD_TO_PARENT = 0.5;
    private static final double MAX_ENTITY_SIGNAL = 6.0;
    private static final int MIN_PREFIX = 3;
    /** A topic must reach this share of the best topic's score as well as the absolute threshold. */
    private static final double RELATIVE_FLOOR = 0.3;

    private final List<TopicDef> topics = new ArrayList<>();
    private final Map<String, Integer> topicIndex = new HashMap<>();
    private final Lexicon english = new Lexicon();
    private final Lexicon norwegian = new Lexicon();
    /** Further languages with their own keyword rows (de, fr, es …); English is the fallback for the rest. */
    private final Map<String, Lexicon> others = new HashMap<>();
    private final Map<String, List<Signal>> signals = new HashMap<>();
    private final double threshold;

    /** @param threshold minimum score (0..1) for a topic to be reported, the best topic excepted */
    public TopicClassifier(double threshold) {
        this.threshold = threshold;
        for (String[] row : read(TOPICS)) {
            topicIndex.put(row[0], topics.size());
            topics.add(new TopicDef(row[0], "-".equals(row[1]) ? null : row[1], row[2], row.length > 3 ? row[3] : row[2]));
        }
        int termId = 0;
        for (String[] row : read(KEYWORDS)) {
            int topic = index(row[0]);
            double weight = Double.parseDouble(row[2]);
            for (String term : row[3].split(",")) {
                String t = term.strip();
                if (t.isEmpty()) {
                    continue;
                }
                switch (row[1]) {
                    case "en" -> english.add(t, topic, weight, termId++);
                    case "nb" -> norwegian.add(t, topic, weight, termId++);
                    case "*" -> {
                        english.add(t, topic, weight, termId++);
                        norwegian.add(t, topic, weight, termId++);
                    }
                    default -> {
                        if (!row[1].matches("[a-z]{2,3}")) {
                            throw new IllegalStateException(KEYWORDS + ": unknown language " + row[1]);
                        }
                        others.computeIfAbsent(row[1], k -> new Lexicon()).add(t, topic, weight, termId++);
                    }
                }
            }
        }
        for (String[] row : read(ENTITY_SIGNALS)) {
            signals.computeIfAbsent(row[0], k -> new ArrayList<>()).add(new Signal(index(row[1]), Double.parseDouble(row[2])));
        }
    }

    /** The topic definitions (code, parent, English and Norwegian labels), in file order. */
    public List<TopicDef> topics() {
        return List.copyOf(topics);
    }

    public record TopicDef(String code, String parent, String labelEn, String labelNb) {
    }

    private int index(String code) {
        Integer i = topicIndex.get(code);
        if (i == null) {
            throw new IllegalStateException("Unknown topic code " + code + " (not in " + TOPICS + ")");
        }
        return i;
    }

    public List<Topic> classify(List<Token> titleTokens, List<Token> textTokens, String language,
                                List<ExtractedEntity> entities) {
        Lexicon lexicon = language != null && NORDIC.contains(language) ? norwegian
                : language != null && others.containsKey(language) ? others.get(language) : english;
        Map<Integer, Double> termCounts = new HashMap<>();
        lexicon.count(titleTokens, TITLE_FACTOR, TITLE_FACTOR, namedSpans(entities, EntityExtractor.TITLE), termCounts);
        lexicon.count(textTokens, LEAD_FACTOR, 1.0, namedSpans(entities, EntityExtractor.TEXT), termCounts);

        double[] raw = new double[topics.size()];
        for (Map.Entry<Integer, Double> e : termCounts.entrySet()) {
            Lexicon.Term term = lexicon.terms.get(e.getKey());
            double contribution = term.weight() * (1 + Math.log(e.getValue()) / Math.log(2));
            addWithParent(raw, term.topic(), contribution);
        }
        double[] fromEntities = new double[topics.size()];
        for (ExtractedEntity entity : entities) {
            for (String tag : entity.tags()) {
                for (Signal s : signals.getOrDefault(tag, List.of())) {
                    fromEntities[s.topic()] += s.weight() * (0.5 + 0.5 * entity.entity().salience());
                }
            }
        }
        for (int t = 0; t < raw.length; t++) {
            addWithParent(raw, t, Math.min(MAX_ENTITY_SIGNAL, fromEntities[t]));
        }

        int words = Math.max(100, titleTokens.size() + textTokens.size());
        double scale = 4.0 * Math.sqrt(words / 100.0);
        double bestRaw = 0;
        int best = -1;
        for (int t = 0; t < raw.length; t++) {
            if (topics.get(t).parent() == null && raw[t] > bestRaw) {
                bestRaw = raw[t];
                best = t;
            }
        }
        if (best < 0) {
            return List.of();
        }
        Map<Integer, Double> scores = new LinkedHashMap<>();
        for (int t = 0; t < raw.length; t++) {
            double score = 1 - Math.exp(-raw[t] / scale);
            boolean strong = score >= threshold && raw[t] >= RELATIVE_FLOOR * bestRaw;
            String parent = topics.get(t).parent();
            if (t == best || strong && (parent == null || scores.containsKey(index(parent)) || parentPasses(raw, parent, scale, bestRaw))) {
                scores.put(t, Math.round(score * 1000) / 1000.0);
            }
        }
        List<Topic> result = new ArrayList<>();
        scores.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .forEach(e -> result.add(new Topic(topics.get(e.getKey()).code(), topics.get(e.getKey()).labelEn(), e.getValue())));
        return result;
    }

    /**
     * Start and end offsets, sorted, of the field's mentions of places and people: their words are names, not
     * vocabulary, and a keyword prefix would read them as such ("Bischofshofen" is no bishop*, "Krieger" no krieg*).
     * Organisations keep their words: "Polizei Berlin" or "Bank of England" say what a story is about.
     */
    private static int[] namedSpans(List<ExtractedEntity> entities, String field) {
        int n = 0;
        for (ExtractedEntity e : entities) {
            if (isName(e)) {
                n += e.entity().mentions().size();
            }
        }
        if (n == 0) {
            return NO_SPANS;
        }
        long[] spans = new long[n];
        n = 0;
        for (ExtractedEntity e : entities) {
            if (isName(e)) {
                for (Mention m : e.entity().mentions()) {
                    if (field.equals(m.field())) {
                        spans[n++] = (long) m.start() << 32 | m.end();
                    }
                }
            }
        }
        Arrays.sort(spans, 0, n);
        int[] flat = new int[2 * n];
        for (int k = 0; k < n; k++) {
            flat[2 * k] = (int) (spans[k] >>> 32);
            flat[2 * k + 1] = (int) spans[k];
        }
        return flat;
    }

    private static boolean isName(ExtractedEntity e) {
        return e.entity().type() == EntityType.LOCATION || e.entity().type() == EntityType.PERSON;
    }

    private static final int[] NO_SPANS = new int[0];

    private boolean parentPasses(double[] raw, String parent, double scale, double bestRaw) {
        int p = index(parent);
        double score = 1 - Math.exp(-raw[p] / scale);
        return score >= threshold && raw[p] >= RELATIVE_FLOOR * bestRaw;
    }

    private void addWithParent(double[] raw, int topic, double value) {
        raw[topic] += value;
        String parent = topics.get(topic).parent();
        if (parent != null) {
            raw[index(parent)] += value * CHILD_TO_PARENT;
        }
    }

    private record Signal(int topic, double weight) {
    }

    /** Terms of one language: single words and prefixes by hash lookup, phrases by their first word. */
    private static final class Lexicon {
        record Term(int id, int topic, double weight, String[] words) {
        }

        final Map<Integer, Term> terms = new HashMap<>();
        final Map<String, List<Term>> words = new HashMap<>();
        final Map<String, List<Term>> prefixes = new HashMap<>();
        final Map<String, List<Term>> phrases = new HashMap<>();
        int maxPrefix;

        void add(String term, int topic, double weight, int id) {
            boolean prefix = term.endsWith("*");
            String body = prefix ? term.substring(0, term.length() - 1) : term;
            List<Token> tokens = Tokenizer.tokenize(body);
            if (tokens.isEmpty()) {
                return;
            }
            String[] ws = tokens.stream().map(Token::norm).toArray(String[]::new);
            if (ws.length == 1 && body.contains("-")) {
                ws = new String[] {Tokenizer.normalise(body)};
            }
            Map<String, List<Term>> index = ws.length > 1 ? phrases
                    : prefix && ws[0].length() >= MIN_PREFIX ? prefixes : words;
            List<Term> same = index.computeIfAbsent(ws[0], k -> new ArrayList<>());
            for (int k = 0; k < same.size(); k++) {
                Term known = same.get(k);
                if (known.topic() == topic && Arrays.equals(known.words(), ws)) {
                    // Listed twice for one topic (in two rows, or two spellings folding alike: nb "snø*", sv "snö*"):
                    // one term, at the higher weight, not double evidence.
                    if (weight > known.weight()) {
                        Term heavier = new Term(known.id(), topic, weight, ws);
                        same.set(k, heavier);
                        terms.put(known.id(), heavier);
                    }
                    return;
                }
            }
            Term t = new Term(id, topic, weight, ws);
            terms.put(id, t);
            same.add(t);
            if (index == prefixes) {
                maxPrefix = Math.max(maxPrefix, ws[0].length());
            }
        }

        /**
         * @param leadFactor weight of a word in the first paragraph, {@code factor} of the words after it
         * @param names      sorted start/end offset pairs of names whose words are not counted
         */
        void count(List<Token> tokens, double leadFactor, double factor, int[] names, Map<Integer, Double> counts) {
            int span = 0;
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                while (span < names.length && names[span + 1] <= token.start()) {
                    span += 2;
                }
                if (span < names.length && names[span] <= token.start()) {
                    continue; // inside a name
                }
                double weight = token.paragraph() == 0 ? leadFactor : factor;
                String w = tokens.get(i).norm();
                for (Term t : words.getOrDefault(w, List.of())) {
                    counts.merge(t.id(), weight, Double::sum);
                }
                for (int len = Math.min(w.length(), maxPrefix); len >= MIN_PREFIX; len--) {
                    List<Term> ts = prefixes.get(len == w.length() ? w : w.substring(0, len));
                    if (ts != null) {
                        for (Term t : ts) {
                            counts.merge(t.id(), weight, Double::sum);
                        }
                        break; // the longest prefix decides, so "krigen" is not also counted as "kri*"
                    }
                }
                List<Term> ps = phrases.get(w);
                if (ps != null) {
                    for (Term t : ps) {
                        if (phraseAt(tokens, i, t.words())) {
                            counts.merge(t.id(), weight, Double::sum);
                        }
                    }
                }
            }
        }

        private static boolean phraseAt(List<Token> tokens, int at, String[] ws) {
            if (at + ws.length > tokens.size()) {
                return false;
            }
            for (int k = 1; k < ws.length; k++) {
                Token t = tokens.get(at + k);
                if (!t.norm().equals(ws[k]) || !(t.spaceBefore() || t.hyphenBefore())) {
                    return false;
                }
            }
            return true;
        }
    }

    private static List<String[]> read(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = TopicClassifier.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return rows;
    }
}
