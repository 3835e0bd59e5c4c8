package io.newsflow.store.story;

import java.util.List;
import java.util.Map;

/**
 * Pairwise clustering quality: over all pairs of articles, a pair is a true positive when both the gold labels and the
 * clustering put the two together. Precision, recall and F1 as in Miranda et al. (EMNLP 2018).
 */
public record PairwiseScore(int truePositives, int falsePositives, int falseNegatives) {

    public static PairwiseScore of(Map<String, String> gold, Map<String, String> predicted) {
        List<String> ids = gold.keySet().stream().sorted().toList();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                boolean same = gold.get(ids.get(i)).equals(gold.get(ids.get(j)));
                boolean together = predicted.get(ids.get(i)).equals(predicted.get(ids.get(j)));
                if (same && together) {
                    tp++;
                } else if (together) {
                    fp++;
                } else if (same) {
                    fn++;
                }
            }
        }
        return new PairwiseScore(tp, fp, fn);
    }

    public double precision() {
        return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
    }

    public double recall() {
        return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format("pairwise precision %.3f, recall %.3f, F1 %.3f (tp=%d fp=%d fn=%d)", precision(), recall(),
                f1(), truePositives, falsePositives, falseNegatives);
    }
}
