package io.newsflow.e2e;

/**
 * Story grouping on held-out set 19 ({@code src/test/resources/story-heldout-19/}): 45 articles from the same eight
 * fictional outlets in five languages, published over four days (10-13 September 2029), written as an ordinary news
 * week: 11 multi-article stories (all 11 across languages, 36 gold same-story pairs: the central span of the pont de
 * Vernaison falling into the Rhône south of Lyon with a van and a car, Spain's hottest September day at 46.1 °C in
 * Montoro with 44.3 °C in Toledo, Volkswagen unveiling the 19,990-euro ID. Lupo in Munich to be built at Landaben
 * near Pamplona, a methane blast in the Halina coal mine in Rybnik leaving two dead and seven missing, King Felipe
 * and Queen Letizia's state visit to Norway and its Bergen day two days later, a man holding six people for seven
 * hours at the Jobcenter Spandau in Berlin until the SEK stormed in and the next day's arrest warrant over a dummy
 * explosive belt, a fire in the cracker of Equinor's Mongstad refinery and its follow-up after the fire was put out,
 * the data of 1.9 million customers of the Hamburg online bank Hanseatische Direktbank stolen through a service
 * provider, the Norwegian biathlete Eirik Brevik banned for two years over clostebol, the Norwegian-born crypto fund
 * founder Henrik Solvang sentenced in Chicago to 16 years for a 310-million-dollar fraud, and a Spanish-French
 * Europol operation against glass-eel smugglers using a warehouse in Illescas) and 11 singletons, all of them hard
 * negatives (a timber lorry bringing down a bridge in Kvinnherad, a Chinese carmaker's cheaper EV at the same Munich
 * show, a rockfall in a nickel mine in Ballangen, Chicago's record heat, the Danish royal couple visiting Berlin, a
 * pharmacy hostage-taking in Vénissieux, a Toledo cyclist banned for EPO the same day as the biathlete, a small
 * fire at the Feyzin refinery near the fallen bridge, a building society posting mortgage statements to the wrong
 * customers, a housing-cooperative fraud sentence in Illescas, and tortoises smuggled through Heathrow). Written and
 * labelled without reading the store's or the enricher's code, so its first score is an unbiased measurement.
 */
class StoryQualitySet19IT extends HeldOutStoryQuality {

    /**
     * A regression floor, not the target (0.90). Fixed at 0.75 before the set's first run (as for sets 16 to 18), then
     * lowered once to 0.70 after it: the first run scored 0.818 and shuffled replays of its features 0.781–0.818, so
     * arrival order alone could take a pipeline run below 0.75 (docs/benchmarks.md, "Story set 19").
     */
    static final double FLOOR_F1 = 0.70;

    StoryQualitySet19IT() {
        super("story-heldout-19/", FLOOR_F1);
    }
}
