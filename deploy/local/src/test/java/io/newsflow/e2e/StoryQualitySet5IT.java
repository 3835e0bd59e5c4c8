package io.newsflow.e2e;

/**
 * Story grouping on held-out set 5 ({@code src/test/resources/story-heldout-5/}): 45 articles from the same eight
 * fictional outlets in five languages, published over four days (7-10 December 2026), 11 multi-article stories (all
 * across languages, 37 gold same-story pairs) and 11 hard negatives (another rockfall in the same county, the same
 * club's previous match, the same prime minister at another event, another avalanche in the Alps, the same company's
 * other news, another aviation strike, the same national team's next match, ...). Written and labelled without reading
 * the store's or the enricher's code, after story grouping had been tuned on sets 1-4, so its first score is an
 * unbiased measurement.
 */
class StoryQualitySet5IT extends HeldOutStoryQuality {

    /**
     * A regression floor, not the target (0.90): clean first score 0.706 (P 0.774 / R 0.649, docs/benchmarks.md); a
     * later run of the same code on a loaded machine gave 0.610 (arrival order moves this set by about ±0.05–0.1).
     */
    static final double FLOOR_F1 = 0.55;

    StoryQualitySet5IT() {
        super("story-heldout-5/", FLOOR_F1);
    }
}
