package io.newsflow.ingest.extract.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-page precision and recall over 4-word shingles, the metric of score_extraction.py (which stays the reference
 * for published figures); used to list the worst pages while working on the extractor.
 */
record ShingleScore(double precision, double recall) {

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    double f1() {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    static ShingleScore of(String truth, String predicted) {
        Map<String, Integer> t = shingles(truth);
        Map<String, Integer> p = shingles(predicted);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Map.Entry<String, Integer> e : p.entrySet()) {
            int inTruth = t.getOrDefault(e.getKey(), 0);
            tp += Math.min(inTruth, e.getValue());
            fp += Math.max(0, e.getValue() - inTruth);
        }
        for (Map.Entry<String, Integer> e : t.entrySet()) {
            fn += Math.max(0, e.getValue() - p.getOrDefault(e.getKey(), 0));
        }
        double precision = fp == 0 && fn == 0 ? 1 : tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = fp == 0 && fn == 0 ? 1 : tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        return new ShingleScore(precision, recall);
    }

    private static Map<String, Integer> shingles(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            words.add(m.group());
        }
        Map<String, Integer> out = new HashMap<>();
        if (words.size() < 4) {
            if (!words.isEmpty()) {
                out.merge(String.join(" ", words), 1, Integer::sum);
            }
            return out;
        }
        for (int i = 0; i + 4 <= words.size(); i++) {
            out.merge(String.join(" ", words.subList(i, i + 4)), 1, Integer::sum);
        }
        return out;
    }
}
