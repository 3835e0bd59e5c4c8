package io.newsflow.e2e;

/**
 * Story grouping on held-out set 20 ({@code src/test/resources/story-heldout-20/}): 45 articles from the same eight
 * fictional outlets in five languages, published over four days (5-8 November 2029), written as an ordinary news
 * week: 11 multi-article stories (all 11 across languages, 37 gold same-story pairs: an avalanche on the Grande Motte
 * glacier above Tignes killing two young freeride skiers from Voss, the Bergen airline Fjordfly's bankruptcy
 * stranding 11,000 passengers abroad, mostly in Spain, and its follow-up two days later, Spain raising its minimum
 * wage by 4.2% to 1,322 euros for 2030 without the employers, the father of a Berlin crypto founder kidnapped in
 * Caluire-et-Cuire for a bitcoin ransom and freed by the RAID in the Ain, a very severe storm surge from storm Hilke
 * flooding the Hamburg Fischmarkt and killing a man in Cuxhaven, two inmates escaping from the Ocaña I prison near
 * Toledo on a rope of sheets and one of them arrested in Vaulx-en-Velin two days later, the European Commission
 * approving the Berlin biotech Carvion's Duchenne gene therapy tried in Berlin-Buch and Bron, the NATO exercise
 * Northern Bastion in Troms and Finnmark told from the Norwegian, German and Spanish sides, the wreck of the
 * Bremerhaven sail-training ship Seute Maren raised off Stad, the Cervantes Prize for the Talavera-born, Lyon-based
 * writer Aurora Lancha, and an eyeless beetle from under the screes of Cabañeros described by Madrid and Lyon
 * scientists) and 11 singletons, all of them hard negatives (the Prix Goncourt the day before the Cervantes, a Home
 * Guard exercise around Bergen, a road avalanche in Lyngen, a British tour operator collapsing with customers in the
 * Canaries, the UK national living wage rise, a flash flood in Sonseca and Mora, an FDA approval of a Chicago-area
 * hemophilia gene therapy, an attempted kidnapping of a crypto trader in Villeurbanne, a sunken fishing boat raised in
 * Båtsfjord, a Tegel prisoner escaping from a Berlin hospital, and a new Peruvian rain frog named by the Field Museum).
 * Written and labelled without reading the store's or the enricher's code, so its first score is an unbiased
 * measurement.
 */
class StoryQualitySet20IT extends HeldOutStoryQuality {

    /**
     * A regression floor, not the target (0.90). Fixed at 0.70 before the set's first run (set 19's floor after its
     * first run), then lowered once to 0.65 after it: the first run scored 0.806 and shuffled replays of its features
     * 0.702–0.806, so arrival order alone could take a pipeline run below 0.70 (docs/benchmarks.md, "Story set 20").
     */
    static final double FLOOR_F1 = 0.65;

    StoryQualitySet20IT() {
        super("story-heldout-20/", FLOOR_F1);
    }
}
