package io.newsflow.e2e;

/**
 * Story grouping on held-out set 13 ({@code src/test/resources/story-heldout-13/}): 45 articles from the same eight
 * fictional outlets in five languages, published over four days (13-16 November 2028), written as an ordinary news
 * week: 11 multi-article stories (all across languages, 38 gold same-story pairs: a coalition collapse, dairy duties,
 * a takeover, a carmaker supplier's loss and job cuts, a Champions League match, an extradition ruling, a storm, an
 * interstellar comet, a literary prize, a gondola fall, a building collapse) and 11 singletons, ten of them hard
 * negatives (another government's resignation, job cuts, match, lift accident, extradition ruling, fraud sentence,
 * space object, takeover, snowstorm and book prize). Written and labelled without reading the store's or the
 * enricher's code, so its first score is an unbiased measurement.
 */
class StoryQualitySet13IT extends HeldOutStoryQuality {

    /**
     * A regression floor, not the target (0.90): clean first score 0.866 (P 1.000 / R 0.763, 87c6ac9); replays of its
     * features score 0.866 in publication order and in each of ten shuffled orders (docs/benchmarks.md).
     */
    static final double FLOOR_F1 = 0.75;

    StoryQualitySet13IT() {
        super("story-heldout-13/", FLOOR_F1);
    }
}
