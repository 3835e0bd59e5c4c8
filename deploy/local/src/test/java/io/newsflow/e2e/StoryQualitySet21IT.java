package io.newsflow.e2e;

/**
 * Story grouping on held-out set 21 ({@code src/test/resources/story-heldout-21/}): 45 articles from the same eight
 * fictional outlets in five languages, published over four days (14-17 January 2030), written as an ordinary news
 * week: 11 multi-article stories (10 of 11 across languages, 38 gold same-story pairs: a lorry fire in the Gudvanga
 * tunnel on the E16 in Aurland with a coach of Dresden tourists turning round in the smoke, and the tunnel's closure
 * for at least three weeks the next day, a measles outbreak in Berlin's Neukölln and Kreuzberg schools and its spread
 * two days later with a baby in intensive care, Olympique Lyonnais sacking its Illescas-born Spanish coach Álvaro
 * Sendín after a 1-4 home defeat by Lens and naming its U19 coach interim the next day, the escalation of a Norwegian
 * teachers' strike told nationally and from Bergen, the Berlin drive maker Vossberg closing its Vénissieux motor plant
 * and cutting jobs in Marienfelde, a substation fire in Villaseca de la Sagra blacking out 310,000 customers around
 * Toledo and south of Madrid and the inquiry the next day, a farmer finding a meteorite in his olive grove near
 * Consuegra after a fireball and three more fragments found two days later, a Bergen-Oslo train derailing on a rail
 * broken by the cold near Hallingskeid with no one hurt, the reopening of Lyon's Musée des Tissus after six years of
 * work, a Munch painting barred from export selling for a Norwegian auction record in Oslo, and Norway's Supreme
 * Court upholding the fine on a Vigo trawler for cod fishing off Svalbard) and 11 singletons, all of them hard
 * negatives (the Musée des Confluences' record attendance, a measles case at O'Hare, a Waukegan packaging plant
 * closing, a cable-fire power cut in Villeurbanne, a fireball over the Alps, a Norwegian yard ordering ferry motors
 * from Vossberg, a regional train derailing at Eberswalde, a Berlin teachers' warning strike, the DNCG lifting its
 * controls on Olympique Lyonnais, a lorry fire on a Channel Tunnel shuttle, and a Sorolla selling for a Spanish
 * auction record). Written and labelled without reading the store's or the enricher's code, so its first score is an
 * unbiased measurement.
 */
class StoryQualitySet21IT extends HeldOutStoryQuality {

    /**
     * A regression floor, not the target (0.90). Fixed at 0.65 before the set's first run (set 20's floor after its
     * first run).
     */
    static final double FLOOR_F1 = 0.65;

    StoryQualitySet21IT() {
        super("story-heldout-21/", FLOOR_F1);
    }
}
