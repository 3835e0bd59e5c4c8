package io.newsflow.e2e;

/**
 * Story grouping on held-out set 22 ({@code src/test/resources/story-heldout-22/}): 45 articles from the same eight
 * fictional outlets in five languages, published over four days (11-14 February 2030), written as an ordinary news
 * week: 11 multi-article stories (10 of 11 across languages, 39 gold same-story pairs: a chlorine leak at a chemical
 * plant in Saint-Fons south of Lyon that kept some 40,000 residents indoors, and the prefect suspending the plant's
 * tank-car unloading the next day, four chimpanzees escaping at Berlin Zoo and a male darted after hours in a tree, and
 * the snow-broken branch found to have bridged the moat the next day, a glacial lake draining under the ice in Chilean
 * Patagonia with the Baker River rising and nine hikers, four from Toledo, cut off, and their helicopter rescue the
 * next day, a Norwegian chemical tanker and a bulk carrier colliding in fog in the Dover Strait, and the tanker towed
 * to Dunkirk the next day, a single ticket from Villacañas winning the capped 250-million-euro EuroMillions jackpot,
 * and a lawyer claiming it for the anonymous winner the next day, a World War Two bomb defused in Spandau after about
 * 10,000 people were evacuated, a chairlift cable derailing at Les Gets with eleven hurt including a British boy,
 * Norway's fisheries minister resigning over shares in a salmon farmer, told nationally and from Sunnfjord, a sperm
 * whale stranding and dying on Sylt, a Viking silver hoard found by a father and son in Gloppen, and a Lufthansa
 * pilots' strike over pensions told from Berlin, Frankfurt, Spain and Norway) and 11 singletons, all of them hard
 * negatives (a Roman coin hoard found in Toledo, a Loto jackpot won in Vaulx-en-Velin, a 1944 bomb found in Lyon's
 * Vaise district, a Powerball jackpot won in Joliet, the same salmon farmer's record results, a polar bear cub's first
 * outing at Tierpark Berlin, an air traffic controllers' strike at Lyon-Saint-Exupéry, a container ship losing boxes
 * off Kent, a Talavera climber dying on Aconcagua, an ammonia leak at a Bedford Park cold store, and a chairlift
 * breakdown at Chamrousse). Written and labelled without reading the store's or the enricher's code, so its first score
 * is an unbiased measurement.
 */
class StoryQualitySet22IT extends HeldOutStoryQuality {

    /**
     * A regression floor, not the target (0.90). Fixed at 0.65 before the set's first run (set 21's floor).
     */
    static final double FLOOR_F1 = 0.65;

    StoryQualitySet22IT() {
        super("story-heldout-22/", FLOOR_F1);
    }
}
