package io.newsflow.enrich.topic;

import io.newsflow.contracts.EnrichedArticle.Topic;
import io.newsflow.enrich.Fixtures;
import io.newsflow.contracts.text.Tokenizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TopicClassifierTest {

    private final TopicClassifier classifier = Fixtures.topics();

    private List<Topic> classify(String title, String text, String language) {
        return classifier.classify(Tokenizer.tokenize(title), Tokenizer.tokenize(text), language,
                Fixtures.entities().extract(title, text, language));
    }

    private static List<String> codes(List<Topic> topics) {
        return topics.stream().map(Topic::code).toList();
    }

    @Test
    void aTermListedTwiceForATopicCountsOnce() {
        // nb "snø*" and sv "snö*" fold to the same prefix; counted twice, snow outweighed any other weather word.
        double snow = weather(classify("Melding", "Det kom snøen i natt.", "nb"));
        double sleet = weather(classify("Melding", "Det kom sludd i natt.", "nb"));
        assertThat(snow).isPositive().isEqualTo(sleet);
    }

    private static double weather(List<Topic> topics) {
        return topics.stream().filter(t -> t.code().equals("medtop:17000000")).mapToDouble(Topic::score).findFirst()
                .orElse(0);
    }

    @Test
    void conflictArticle() {
        List<Topic> topics = classify("Missile strikes hit frontline city",
                "Russian forces launched a wave of missile and drone strikes overnight, the military said. Air defence "
                        + "units intercepted most of the Kalibr cruise missiles, but artillery shelling continued along "
                        + "the front line and several soldiers were killed. Troops are preparing for a new offensive.",
                "en");
        assertThat(topics.getFirst().code()).isEqualTo("medtop:16000000");
        assertThat(topics.getFirst().label()).isEqualTo("conflict, war and peace");
        assertThat(codes(topics)).doesNotContain("medtop:15000000");
    }

    @Test
    void politicsArticle() {
        List<Topic> topics = classify("Parliament passes budget after coalition deal",
                "The government won a vote in parliament on Tuesday after the prime minister struck a deal with two "
                        + "opposition parties. The minister of finance said the coalition would hold, while lawmakers "
                        + "from the opposition called the legislation a campaign gift before the election.", "en");
        assertThat(topics.getFirst().code()).isEqualTo("medtop:11000000");
        assertThat(codes(topics)).doesNotContain("medtop:16000000", "medtop:15000000");
    }

    @Test
    void localAndRegionalPoliticsInRomanceLanguages() {
        // A council's budget is politics, though "presupuestos" alone is an economy word
        List<Topic> spanish = classify("El pleno aprueba los presupuestos municipales",
                "El ayuntamiento aprobó ayer los presupuestos con los votos a favor del equipo de la alcaldesa, que "
                        + "gobierna en minoría. Los concejales de la oposición pidieron más gasto en barrios.", "es");
        assertThat(spanish.getFirst().code()).isEqualTo("medtop:11000000");
        List<Topic> italian = classify("Il consiglio comunale approva la manovra",
                "Il sindaco ha ottenuto il sì della giunta e del consiglio comunale dopo una lunga seduta; la minoranza "
                        + "ha lasciato l'aula prima del voto.", "it");
        assertThat(italian.getFirst().code()).isEqualTo("medtop:11000000");
    }

    @Test
    void weatherInFrenchAndGermanWithoutTheWordForWeather() {
        assertThat(classify("Grêle et verglas attendus",
                "Des averses de grêle et du brouillard sont prévus jeudi; le verglas menace les routes au petit matin, "
                        + "avec des températures proches de zéro degré.", "fr").getFirst().code())
                .isEqualTo("medtop:17000000");
        assertThat(classify("Glatteis und Hagel erwartet",
                "Nach einer Hitzewelle bringt ein Tiefdruckgebiet Starkregen, Hagel und Sturmböen; in der Nacht droht "
                        + "Glatteis bei Frost.", "de").getFirst().code())
                .isEqualTo("medtop:17000000");
    }

    @Test
    void sportsArticle() {
        List<Topic> topics = classify("Late goal sends champions into cup final",
                "The striker scored twice as the home team won the semi-final match 3-1. The coach praised his "
                        + "players after a tense season, and the goalkeeper saved a penalty in the final minute of the "
                        + "tournament game.", "en");
        assertThat(topics.getFirst().code()).isEqualTo("medtop:15000000");
        assertThat(codes(topics)).doesNotContain("medtop:16000000", "medtop:11000000");
    }

    @Test
    void economyArticle() {
        List<Topic> topics = classify("Stocks fall as inflation rises",
                "Shares slid on the stock exchange after inflation rose more than economists expected, and investors "
                        + "bet the central bank would raise interest rates again. Oil prices climbed and the dollar "
                        + "strengthened as companies warned about profits and weaker growth.", "en");
        assertThat(topics.getFirst().code()).isIn("medtop:04000000", "medtop:20000344", "medtop:20000385");
        assertThat(codes(topics)).contains("medtop:04000000").doesNotContain("medtop:15000000", "medtop:16000000");
    }

    @Test
    void norwegianSportsArticle() {
        List<Topic> topics = classify("Glimt til finalen etter sen scoring",
                "Bodø/Glimt vant kampen 2-1 etter at spissen scoret to mål. Treneren roste spillerne etter en tøff "
                        + "sesong, og keeperen reddet et straffespark i siste minutt av cupkampen.", "nb");
        assertThat(topics.getFirst().code()).isEqualTo("medtop:15000000");
    }

    @Test
    void swedishIsReadInItsOwnWordsWhereItDiffersFromNorwegian() {
        assertThat(classify("Hamnarbetarna strejkar i Göteborg",
                "Fackförbundet varslade om strejk efter att medlingen kring det nya kollektivavtalet och lönerna "
                        + "strandat. Arbetsgivarna kallar stridsåtgärden oansvarig.", "sv").getFirst().code())
                .isEqualTo("medtop:09000000");
        assertThat(classify("Nattåget till Narvik lockar resenärer",
                "Allt fler väljer sovvagn och semester i fjällen. Resmålen i norr har fått fler turister i sommar.",
                "sv").getFirst().code())
                .isEqualTo("medtop:10000000");
    }

    @Test
    void portugueseAndDutchHaveWordsOfTheirOwn() {
        assertThat(classify("Greve nos transportes de Lisboa",
                "O sindicato exige aumentos salariais para os trabalhadores e o patronato diz que a greve é injusta.",
                "pt")
                .getFirst().code()).isEqualTo("medtop:09000000");
        assertThat(classify("Storm en hevige regen op komst, KNMI geeft code oranje",
                "Het weer slaat om: windstoten tot 110 kilometer per uur en veel regen in het westen.", "nl")
                .getFirst().code()).isEqualTo("medtop:17000000");
    }

    @Test
    void weaponSystemsAndLeadersAreTopicEvidence() {
        // No conflict or politics keywords at all: only the entities speak.
        List<Topic> topics = classify("", "Putin, Maduro and Xi Jinping looked at an Iskander and a Su-35 on Tuesday.", "en");
        assertThat(codes(topics)).contains("medtop:16000000", "medtop:11000000");
    }

    @Test
    void placeAndPersonNamesAreNotVocabulary() {
        // Invented sentences: "Bischofshofen" (a known town) must not count as bischof* (religion), nor the surname
        // Krieger as krieg* (conflict).
        String text = "Gestern in Bischofshofen. In Bischofshofen regnete es, sagte Anna Krieger.";
        assertThat(Fixtures.entities().extract("", text, "de")).extracting(e -> e.entity().name()).contains("Bischofshofen");
        assertThat(codes(classify("Bischofshofen", text, "de"))).doesNotContain("medtop:12000000", "medtop:16000000");
    }

    @Test
    void scoresAreBetweenZeroAndOneBestFirst() {
        List<Topic> topics = classify("War and elections", "The war went on while voters went to the polls in the election.", "en");
        assertThat(topics).isNotEmpty().allSatisfy(t -> assertThat(t.score()).isBetween(0.0, 1.0));
        for (int i = 1; i < topics.size(); i++) {
            assertThat(topics.get(i).score()).isLessThanOrEqualTo(topics.get(i - 1).score());
        }
    }

    @Test
    void weakSignalStillYieldsTheBestTopicAndNoSignalNone() {
        assertThat(classify("", "It rained a little.", "en")).extracting(Topic::code).containsExactly("medtop:17000000");
        assertThat(classify("", "Lorem ipsum dolor sit amet.", "en")).isEmpty();
    }

    @Test
    void everyTopicHasEnglishAndNorwegianLabels() {
        assertThat(classifier.topics()).hasSizeGreaterThanOrEqualTo(17)
                .allSatisfy(t -> assertThat(t.labelNb()).isNotBlank());
        assertThat(classifier.topics().stream().filter(t -> t.parent() == null)).hasSize(17);
    }

    @Test
    void everyLexiconKnowsHumanInterestLifestyleAndSociety() {
        assertThat(classify("Centenaire, elle tient toujours l'épicerie du village",
                "À cent ans, la doyenne du village sert encore ses voisins chaque matin. Les bénévoles de la commune "
                        + "ont préparé une fête pour son anniversaire, avec ses petits-enfants et sa grand-mère.", "fr")
                .getFirst().code()).isEqualTo("medtop:08000000");
        assertThat(classify("Mercadillos y luces de Navidad atraen a miles de turistas",
                "El alumbrado navideño y los mercadillos llenan los hoteles del centro. Los turistas recorren la "
                        + "ciudad entre puestos de gastronomía local y degustación de vinos.", "es")
                .getFirst().code()).isEqualTo("medtop:10000000");
        assertThat(classify("Immer mehr Obdachlose in deutschen Großstädten",
                "Die Zahl der Wohnungslosen ist gestiegen, berichten Sozialverbände. Armut und Wohnungsnot treffen "
                        + "vor allem Familien mit Kindern und Senioren; die Tafeln melden Rekordandrang.", "de")
                .getFirst().code()).isEqualTo("medtop:14000000");
    }

    @Test
    void theHeadlineAndLeadOutweighBackgroundInTheBody() {
        List<Topic> topics = classify("Sciopero dei lavoratori dei porti: salari fermi da anni",
                "I sindacati hanno proclamato uno sciopero di 48 ore nei porti dopo il fallimento della trattativa "
                        + "sul contratto.\n\nIl governo e il ministro dei trasporti hanno convocato le parti; "
                        + "l'opposizione in parlamento chiede un decreto.", "it");
        assertThat(topics.getFirst().code()).isEqualTo("medtop:09000000");
    }
}
