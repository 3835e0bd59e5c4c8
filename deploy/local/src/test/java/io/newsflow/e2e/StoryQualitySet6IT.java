package io.newsflow.e2e;

/**
 * Story grouping on held-out set 6 ({@code src/test/resources/story-heldout-6/}): 45 articles from the same eight
 * fictional outlets in five languages, published over four days (14-17 January 2027), 11 multi-article stories (all
 * across languages, 40 gold same-story pairs) and 11 hard negatives (another ship in trouble the next day, another
 * chemical accident, another flood in the same city, other drug seizures and cyber attacks, the same company's other
 * news, the same prime minister at another event, the same team's next match, the same resort's next race, ...).
 * Written and labelled without reading the store's or the enricher's code, after story grouping had been tuned on
 * sets 1-5, so its first score is an unbiased measurement.
 */
class StoryQualitySet6IT extends HeldOutStoryQuality {

    /**
     * A regression floor, not the target (0.90): clean first score 0.710 (P 1.000 / R 0.550) before kinds of event;
     * 0.750 with them, which were chosen on sets 1-5 only (docs/benchmarks.md). Arrival order moves a set by ±0.05.
     */
    static final double FLOOR_F1 = 0.65;

    StoryQualitySet6IT() {
        super("story-heldout-6/", FLOOR_F1);
    }
}
