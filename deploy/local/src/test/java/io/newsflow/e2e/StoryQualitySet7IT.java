package io.newsflow.e2e;

/**
 * Story grouping on held-out set 7 ({@code src/test/resources/story-heldout-7/}): 45 articles from the same eight
 * fictional outlets in five languages, published over four days (8-11 February 2027), 11 multi-article stories (10
 * across languages, 38 gold same-story pairs) and 11 hard negatives (another avalanche warning, the same company's other
 * plant, another strike by the same union, another wildfire and data breach, the same biathlon venue's next race, the
 * same car model's recall, ...). Written and labelled without reading the store's or the enricher's code, after the
 * kinds of event and place proximity were added, so its first score is an unbiased measurement.
 */
class StoryQualitySet7IT extends HeldOutStoryQuality {

    /**
     * A regression floor, not the target (0.90): clean first score 0.676 (P 0.767 / R 0.605, docs/benchmarks.md);
     * arrival order moves a set by about ±0.05.
     */
    static final double FLOOR_F1 = 0.58;

    StoryQualitySet7IT() {
        super("story-heldout-7/", FLOOR_F1);
    }
}
