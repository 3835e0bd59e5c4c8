package io.newsflow.e2e;

/**
 * Story grouping on held-out set 9 ({@code src/test/resources/story-heldout-9/}): 45 articles from the same eight
 * fictional outlets in five languages, published over four days (26-29 April 2027), 11 multi-article stories (10
 * across languages, 38 gold same-story pairs: a referendum, a ransomware attack on a hospital, a bridge collapse, a
 * coach sacked, a takeover blocked, an eruption, a prison escape, a drug approval, diplomats expelled, a listing ...)
 * and 11 hard negatives (another advisory referendum, another hospital group's cyberattack, another bridge closed,
 * another coach sacked, the same company's other contract, another eruption and escape, another listing postponed).
 * Written and labelled without reading the store's or the enricher's code, after headline kinds of event and the
 * enricher's gazetteer work, so its first score is an unbiased measurement.
 */
class StoryQualitySet9IT extends HeldOutStoryQuality {

    /**
     * A regression floor, not the target (0.90): clean first score 0.899 (P 1.000 / R 0.816, docs/benchmarks.md), but
     * arrival order moves this set further than others: in 3 of 10 replayed orders (and in one CI run, 0.765) an
     * article about Iceland's EU referendum bridges it with the EU's veto of a takeover (both name the EU, the
     * Commission and Brussels) and the two stories merge; replayed orders score 0.61-0.90.
     */
    static final double FLOOR_F1 = 0.55;

    StoryQualitySet9IT() {
        super("story-heldout-9/", FLOOR_F1);
    }
}
