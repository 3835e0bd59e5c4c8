package io.newsflow.e2e;

/**
 * Story grouping on held-out set 15 ({@code src/test/resources/story-heldout-15/}): 45 articles from the same eight
 * fictional outlets in five languages, published over four days (8-11 January 2029), written as an ordinary news
 * week: 11 multi-article stories (all across languages, 38 gold same-story pairs: a coach carrying Norwegian students
 * overturning in the French Alps, Norway's fisheries minister resigning over her husband's salmon-farm shares, a Nordic
 * cold snap sending power prices to records, the strongest solar storm in two decades, Alcaraz's withdrawal from the
 * Australian Open, Airbus's record 2028 deliveries, Copernicus declaring 2028 the hottest year on record, a Norwegian
 * court voiding the approval of the Wisting oil field, a breakthrough in the Lyon-Turin base tunnel, a lost Munch
 * painting found in Rostock, a wartime bomb defused near Berlin's main station) and 11 singletons, all of them hard
 * negatives (another bus sliding off an icy road, another politician's resignation, freezing rain in Berlin, GPS
 * jamming in Finnmark, Boeing's deliveries, a court annulling a solar plant's permit, another wartime bomb in Lyon, a
 * fireball over Castilla-La Mancha, another Australian Open withdrawal, an El Greco authenticated in Toledo and a
 * rockfall on the Maurienne railway). Written and labelled without reading the store's or the enricher's code, so its
 * first score is an unbiased measurement.
 */
class StoryQualitySet15IT extends HeldOutStoryQuality {

    /**
     * A regression floor, not the target (0.90): clean first score 0.882 (P 1.000 / R 0.789, b34ba5c); the replay of
     * its features scores 0.914 in publication order and in each of ten shuffled orders (docs/benchmarks.md).
     */
    static final double FLOOR_F1 = 0.75;

    StoryQualitySet15IT() {
        super("story-heldout-15/", FLOOR_F1);
    }
}
