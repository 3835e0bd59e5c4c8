package io.newsflow.e2e;

/**
 * Story grouping on held-out set 11 ({@code src/test/resources/story-heldout-11/}): 45 articles from the same eight
 * fictional outlets in five languages, published over four days (9-12 September 2028), 11 multi-article stories (10
 * across languages, 38 gold same-story pairs: a dam failure, a bird-flu cull, a lottery jackpot, a gas explosion, a
 * chess tournament, a cycling race, a hostage release, a data-protection fine, a cyber-espionage indictment, an
 * election recount, a museum reopening) and 11 hard negatives (another dam, jackpot, explosion, cull, data fine, race
 * and kidnapping; the same food authority, company, department and city in other matters). Five stories name their
 * place at different levels, four share few names across languages. Written and labelled without reading the store's
 * or the enricher's code, so its first score is an unbiased measurement.
 */
class StoryQualitySet11IT extends HeldOutStoryQuality {

    /**
     * A regression floor, not the target (0.90): clean first score 0.721 (P 0.957 / R 0.579, 0b0fd51), 0.836 on
     * b2738fe's code; arrival order moves it (replays of 10 shuffled orders: mean 0.81), docs/benchmarks.md.
     */
    static final double FLOOR_F1 = 0.60;

    StoryQualitySet11IT() {
        super("story-heldout-11/", FLOOR_F1);
    }
}
