package io.newsflow.e2e;

/**
 * Story grouping on held-out set 12 ({@code src/test/resources/story-heldout-12/}): 45 articles from the same eight
 * fictional outlets in five languages, published over four days (8-11 October 2028), 11 multi-article stories (all
 * across languages, 37 gold same-story pairs: a ship collision, a marathon record, a murder verdict, a Roman mosaic, an
 * emergency landing, a new dinosaur species, orcas sinking a yacht, an economics Nobel prize, drones closing an
 * airport, a train stuck in a tunnel, a pollution verdict) and 11 singletons, ten of them hard negatives (another
 * marathon, collision, verdict, find, fossil, airport closure, stranded train and orca attack; the same airline and
 * airport the next day), most naming the related story. Written and labelled without reading the store's or the
 * enricher's code, so its first score is an unbiased measurement.
 */
class StoryQualitySet12IT extends HeldOutStoryQuality {

    /**
     * A regression floor, not the target (0.90): clean first score 0.831 (P 0.964 / R 0.730, 0bd412b); replays of its
     * features score 0.873 in publication order and 0.83-0.94 over ten shuffled orders (docs/benchmarks.md).
     */
    static final double FLOOR_F1 = 0.72;

    StoryQualitySet12IT() {
        super("story-heldout-12/", FLOOR_F1);
    }
}
