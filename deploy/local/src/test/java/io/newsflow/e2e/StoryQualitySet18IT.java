package io.newsflow.e2e;

/**
 * Story grouping on held-out set 18 ({@code src/test/resources/story-heldout-18/}): 45 articles from the same eight
 * fictional outlets in five languages, published over four days (14-17 May 2029), written as an ordinary news
 * week: 11 multi-article stories (10 across languages, 39 gold same-story pairs: the car ferry Bjørnafjord running
 * aground at Sandvikvåg on the Halhjem-Sandvikvåg E39 crossing and being towed to Leirvik the next day, a 48-hour
 * Verdi warning strike shutting the container terminals of Hamburg, Bremerhaven and four other North Sea ports,
 * Denmark's snap election won by the centre-right with Venstre's Jens Kragh Hansen to become prime minister,
 * Belgian police arresting the Toledo MEP Ramiro Escalona in a mining-company bribery case and a judge keeping him
 * in custody the next day, a wildfire around Nethy Bridge in the Cairngorms (told by two English outlets only),
 * thieves stealing an El Greco lent by Toledo's Museo de Santa Cruz from a museum in Vieux-Lyon, Bodø/Glimt selling
 * Tobias Helland to Brighton for a Norwegian-record fee, a ransomware attack closing the emergency departments of
 * the three Berlin-Nordost hospitals, a TER hitting a grain lorry on a level crossing at Marlieux in the Ain, the
 * ECB cutting its deposit rate to 1.75% and Isar Aerospace's Spectrum putting Polarsat-3 into orbit from Andøya)
 * and 11 singletons, all of them hard negatives (a fast boat from Leirvik hitting the quay in Bergen, a dockers'
 * strike at Marseille-Fos, Lithuania's presidential first round going to a runoff, the mayor of Villaluenga de la
 * Sagra near Toledo arrested over rezoning kickbacks, a heather fire in Sveio, gold ducats stolen from a Brandenburg
 * village museum, Molde's captain joining Brøndby, a ransomware attack on an Elgin hospital system, a Metra train
 * hitting a truck on a Downers Grove crossing, Norges Bank holding its rate the day before the ECB cut, and PLD
 * Space postponing a Miura 5 launch the day after the Andøya launch). Written and labelled without reading the
 * store's or the enricher's code, so its first score is an unbiased measurement.
 */
class StoryQualitySet18IT extends HeldOutStoryQuality {

    /**
     * A regression floor, not the target (0.90): the same floor as sets 16 and 17, fixed before the set's first run
     * rather than fitted to its score.
     */
    static final double FLOOR_F1 = 0.75;

    StoryQualitySet18IT() {
        super("story-heldout-18/", FLOOR_F1);
    }
}
