package io.newsflow.enrich.entity;

import io.newsflow.contracts.EnrichedArticle.Entity;
import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.contracts.EnrichedArticle.Mention;
import io.newsflow.enrich.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EntityExtractorTest {

    private final EntityExtractor extractor = Fixtures.entities();

    private List<Entity> extract(String title, String text, String language) {
        return extractor.extract(title, text, language).stream().map(ExtractedEntity::entity).toList();
    }

    private static Optional<Entity> byId(List<Entity> entities, String id) {
        return entities.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Each case is {language, text, name}: the name is found in the text, with the type. */
    private void assertFound(EntityType type, String[]... cases) {
        for (String[] c : cases) {
            assertThat(named(extract(null, c[1], c[0]), c[2]).type()).as(c[1]).isEqualTo(type);
        }
    }

    private static List<String> namesOf(EntityType type, List<Entity> entities) {
        return entities.stream().filter(e -> e.type() == type).map(Entity::name).toList();
    }

    private static Entity named(List<Entity> entities, String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not among " + entities.stream().map(Entity::name).toList()));
    }

    @Test
    void placesTheKnowledgeBaseKnowsComeWithCoordinates() {
        List<Entity> entities = extract("Landslide near Voss", "A landslide hit houses near Voss in Norway on Sunday.",
                "en");
        Entity voss = entities.stream().filter(e -> e.name().equals("Voss")).findFirst().orElseThrow();
        assertThat(voss.geo()).isNotNull();
        assertThat(entities.stream().filter(e -> e.name().equals("Norway")).findFirst().orElseThrow().geo()).isNull();
    }

    @Test
    void aTownNamedLikeAWordIsTakenOnlyWhereTheSentencePutsIt() {
        assertThat(named(extract(null, "Prisene steg mest i Drammen i fjor, viser tallene.", "nb"), "Drammen").type())
                .isEqualTo(EntityType.LOCATION);
        assertThat(named(extract(null, "Les parents ont manifesté à Guéret mardi.", "fr"), "Guéret").type())
                .isEqualTo(EntityType.LOCATION);
        // A word after an article, opening a sentence or inside a longer name is no town.
        assertThat(extract(null, "El portavoz de la Iglesia habló ayer. Moraleja de nuevo, dijo.", "es"))
                .extracting(Entity::name).doesNotContain("Iglesia", "Moraleja");
        assertThat(extract(null, "Le jury du Festival de Cannes a parlé.", "fr")).extracting(Entity::name)
                .doesNotContain("Cannes");
        // Villages and seats of municipalities below 1,000 inhabitants follow the same rule.
        assertThat(named(extract(null, "Die Wanderer übernachteten in Schierke und stiegen dann auf.", "de"), "Schierke")
                .type()).isEqualTo(EntityType.LOCATION);
        assertThat(extract(null, "Schierke sagte, er komme später.", "de")).extracting(Entity::name)
                .doesNotContain("Schierke");
    }

    @Test
    void granadaInSpanishAndGrenadeInFrenchAreTheCityNotGrenada() {
        List<Entity> es = extract(null, "El terremoto causó daños en Granada y en varios pueblos de la provincia.", "es");
        assertThat(es).extracting(Entity::id).doesNotContain("Q769");
        assertThat(named(es, "Granada").type()).isEqualTo(EntityType.LOCATION);
        assertThat(extract(null, "Un séisme a fait un mort près de Grenade, en Andalousie.", "fr"))
                .extracting(Entity::id).doesNotContain("Q769");
        assertThat(extract(null, "Hurricane Beryl hit Grenada and St Vincent on Monday.", "en"))
                .extracting(Entity::id).contains("Q769");
    }

    @Test
    void aMountainRangeIsAPlace() {
        assertThat(named(extract(null, "The two skiers were caught on a slope in the Lyngen Alps on Tuesday.", "en"),
                "Lyngen Alps").type()).isEqualTo(EntityType.LOCATION);
        assertThat(named(extract(null, "Die beiden Männer waren in den Lyngenalpen unterwegs, teilte die Polizei mit.",
                "de"), "Lyngenalpen").type()).isEqualTo(EntityType.LOCATION);
    }

    @Test
    void aWireDatelinesCreditIsNotAnEntityButItsPlaceIs() {
        List<Entity> wire = extract("Ferry runs aground", "BERGEN, June 13 (APW) - A car ferry ran aground off "
                + "Bergen on Tuesday, the Norwegian Coastal Administration said.", "en");
        assertThat(wire).extracting(Entity::name).doesNotContain("APW").contains("Bergen");
        assertThat(named(wire, "Norwegian Coastal Administration").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(extract(null, "LONDON (Reuters) — The Bank of England held rates, Reuters reported later.", "en"))
                .extracting(Entity::name).contains("Reuters"); // named again in the story: still an entity
        // Brackets further in are no dateline: an acronym defined there is an organisation as before.
        assertThat(extract(null, "Norsk Lærerforbund (NLF) tok ut 300 medlemmer i streik.", "nb"))
                .extracting(Entity::name).contains("Norsk Lærerforbund");
    }

    @Test
    void aNationalityNounBeforeANameIsNotPartOfIt() {
        // French and German capitalise nouns of nationality: "le Suisse Marco Odermatt" is the Swiss Marco Odermatt.
        assertThat(extract(null, "Le Suisse Marco Odermatt a devancé le Norvégien Aleksander Aamodt Kilde de 18 "
                + "centièmes, la Française Camille Roux a pris la troisième place.", "fr"))
                .extracting(Entity::name)
                .contains("Marco Odermatt", "Aleksander Aamodt Kilde", "Camille Roux")
                .doesNotContain("Suisse Marco Odermatt", "Norvégien Aleksander Aamodt Kilde", "Française Camille Roux");
        assertThat(extract(null, "Der Schweizer Marco Odermatt siegte vor dem Norweger Aleksander Aamodt Kilde, "
                + "die Österreicherin Anna Berger wurde Dritte.", "de"))
                .extracting(Entity::name)
                .contains("Marco Odermatt", "Aleksander Aamodt Kilde", "Anna Berger")
                .doesNotContain("Schweizer Marco Odermatt", "Norweger Aleksander Aamodt Kilde", "Österreicherin Anna Berger");
    }

    @Test
    void norwegianMunicipalitiesThatAreNoTownAreFound() {
        List<Entity> entities = extract(null, "Sør-Varanger og Gamvik fikk mest snø. Rælingen slapp unna.", "nb");
        assertThat(entities).filteredOn(e -> e.type() == EntityType.LOCATION).extracting(Entity::name)
                .contains("Sør-Varanger", "Gamvik");
        // A municipality named like an English word or a given name counts only where a preposition places it.
        assertThat(named(extract(null, "Brannen startet i Time natt til søndag.", "nb"), "Time").type())
                .isEqualTo(EntityType.LOCATION);
        assertThat(extract(null, "Time will tell, she said.", "en")).extracting(Entity::name).doesNotContain("Time");
    }

    @Test
    void aCompassWordJoinedToARegionNamesAPlaceOfItsOwn() {
        List<Entity> entities = extract(null, "Uværet rammet Nord-Troms og Øst-Finnmark hardest, og Sør-Europa fikk hetebølge.",
                "nb");
        assertThat(entities).filteredOn(e -> e.type() == EntityType.LOCATION).extracting(Entity::name)
                .contains("Nord-Troms", "Øst-Finnmark", "Sør-Europa").doesNotContain("Troms", "Finnmark", "Europe");
        assertThat(named(entities, "Nord-Troms").linked()).isFalse();
        // Any other word joined to a place still makes a compound the place does not name ("Suwałki-Lücke").
        assertThat(extract(null, "Die Suwałki-Lücke gilt als verwundbar.", "de")).extracting(Entity::name)
                .doesNotContain("Suwałki");
    }

    @Test
    void aPlaceBeforeALowerCaseCourtMunicipalityOrSchoolNamesThatBody() {
        List<Entity> entities = extract(null, "Saken kommer opp i Sunnmøre tingrett, og elevene ved Hunstad skole fikk fri.",
                "nb");
        assertThat(named(entities, "Sunnmøre tingrett").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "Hunstad skole").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(entities).extracting(Entity::name).doesNotContain("Sunnmøre", "Hunstad");
        assertThat(named(extract(null, "Beslutet togs av Kalmar kommun och överklagades till Örebro tingsrätt.", "sv"),
                "Kalmar kommun").type()).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void aTownBeforeAMovementNamesItsLocalBranchAndRodeKorsIsNoGenevaCommittee() {
        List<Entity> entities = extract(null,
                "Mannskaper fra Tynset Røde Kors Hjelpekorps deltok i søket, og Røde Kors sendte også folk.", "nb");
        assertThat(named(entities, "Tynset Røde Kors Hjelpekorps").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(entities).extracting(Entity::name).doesNotContain("Tynset", "International Committee of the Red Cross")
                .contains("Norwegian Red Cross");
    }

    @Test
    void aCountrysAcronymBeforeABodysNameIsPartOfTheName() {
        List<Entity> entities = extract(null, "US Central Command said the strike hit a depot. US officials agreed.", "en");
        assertThat(named(entities, "US Central Command").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(entities).extracting(Entity::name).doesNotContain("Central Command");
        // the country keeps its other mentions
        assertThat(named(entities, "United States").mentions()).extracting(Mention::start).containsExactly(48);
    }

    @Test
    void aBodyOrPlaceNamedAfterATitledPersonKeepsTheTitle() {
        List<Entity> entities = extract(null, "The wounded were taken to Lady Reading Hospital in Peshawar.", "en");
        assertThat(named(entities, "Lady Reading Hospital").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(entities).extracting(Entity::name).doesNotContain("Reading Hospital");
        // a title before a person's name stays out of it
        assertThat(extract(null, "The hospital was opened by Lady Susan Smith on Monday.", "en"))
                .extracting(Entity::name).doesNotContain("Lady Susan Smith");
    }

    @Test
    void aNameBeforeAMissileSatelliteOrDroneNounIsAProduct() {
        List<Entity> entities = extract(null,
                "Malaysia launched the Kenyalang-1 satellite, and the navy fired a Sea Falcon missile and AMRAAM missiles.",
                "en");
        assertThat(entities).filteredOn(e -> e.type() == EntityType.PRODUCT).extracting(Entity::name)
                .contains("Kenyalang-1", "Sea Falcon", "AMRAAM");
        // French puts the kind first
        assertThat(named(extract(null, "Le lancement du satellite Kenyalang-2 est prévu en mai.", "fr"), "Kenyalang-2")
                .type()).isEqualTo(EntityType.PRODUCT);
        // fighters are people as often as aircraft
        assertThat(extract(null, "Hours earlier, the army and M23 fighters clashed in the hills.", "en"))
                .filteredOn(e -> e.type() == EntityType.PRODUCT).isEmpty();
    }

    @Test
    void aNameEndingInAScandinavianEventNounIsAnEvent() {
        List<Entity> entities = extract(null,
                "Holmenkollen skifestival går som planlagt, og billettene til Kongsberg Jazzfestival er utsolgt.", "nb");
        assertThat(named(entities, "Holmenkollen skifestival").type()).isEqualTo(EntityType.EVENT);
        assertThat(named(entities, "Kongsberg Jazzfestival").type()).isEqualTo(EntityType.EVENT);
        assertThat(entities).extracting(Entity::name).doesNotContain("Holmenkollen", "Kongsberg");
    }

    @Test
    void aLowerCaseEventNounJoinedByAHyphenSaysWhatTheNameIsButIsNoPartOfIt() {
        List<Entity> entities = extract(null, "Raw Air-rennet i Vikersund ble avlyst på grunn av vind.", "nb");
        Entity rawAir = named(entities, "Raw Air");
        assertThat(rawAir.type()).isEqualTo(EntityType.EVENT);
        assertThat(rawAir.mentions()).extracting(Mention::text).containsExactly("Raw Air");
        // The noun is compared as the word lists are written, folded: "løpet" is the list's "lopet".
        Entity oslo = named(extract(null, "Påmeldingen til Oslo Maraton-løpet åpner i dag.", "nb"), "Oslo Maraton");
        assertThat(oslo.type()).isEqualTo(EntityType.EVENT);
    }

    @Test
    void aSentenceOpeningWithAnElidedArticleNamesNoTownOfThoseWords() {
        // "L'Union" is also a town near Toulouse; the knowledge base leaves out towns named by an article and a word.
        assertThat(extract(null, "L'Union européenne a adopté mardi de nouvelles sanctions.", "fr"))
                .filteredOn(e -> e.type() == EntityType.LOCATION).isEmpty();
    }

    @Test
    void aNameAfterACapitalisedElisionOpeningASentenceIsFound() {
        Entity eu = named(extract(null, "L'Union européenne a adopté mardi de nouvelles sanctions.", "fr"),
                "European Union");
        assertThat(eu.mentions()).extracting(Mention::text).containsExactly("Union européenne");
        // A name that begins with the article is still found there, and after another elided article.
        assertThat(extract(null, "L'Oréal a publié ses résultats mardi.", "fr")).extracting(Entity::name)
                .contains("L'Oréal");
        assertThat(extract(null, "Les ventes de L'Oréal ont progressé.", "fr")).extracting(Entity::name)
                .contains("L'Oréal");
    }

    @Test
    void aGermanNounAfterADeterminerIsNoTownOfThatName() {
        assertThat(extract(null, "Ein eigener Saal ist Otto Dix gewidmet, und im Keller lagern Bilder.", "de"))
                .extracting(Entity::name).doesNotContain("Saal", "Keller");
        // a place's adjective or a mountain's article still leaves the place
        assertThat(extract(null, "Das Springen findet am Wochenende im polnischen Zakopane statt.", "de"))
                .extracting(Entity::name).contains("Zakopane");
        assertThat(extract(null, "Die Straße zwischen Titisee und dem Feldberg war gesperrt.", "de"))
                .extracting(Entity::name).contains("Feldberg");
    }

    @Test
    void aWordGivenNameAfterARomancePlacePrepositionOpensAPlace() {
        assertThat(named(extract(null, "Dolores Santana, de 71 años, vecina de Telde, en Gran Canaria.", "es"),
                "Gran Canaria").type()).isEqualTo(EntityType.LOCATION);
        // "à" gives as often to a person
        assertThat(named(extract(null, "Le jury a remis la Palme d'or à Adèle Exarchopoulos samedi.", "fr"),
                "Adèle Exarchopoulos").type()).isEqualTo(EntityType.PERSON);
    }

    @Test
    void aSwedishCountyIsItsSeatAndLan() {
        List<Entity> entities = extract(null, "Länsstyrelsen i Jämtlands län varnar. I Örebro län regnar det.", "sv");
        assertThat(named(entities, "Örebro län").type()).isEqualTo(EntityType.LOCATION);
        assertThat(named(entities, "Länsstyrelsen i Jämtlands län").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(entities).extracting(Entity::name).doesNotContain("Örebro");
        assertThat(named(extract(null, "Smittskyddsläkaren i Region Kalmar län uppmanar föräldrar.", "sv"),
                "Region Kalmar län").type()).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void aBodyAndACountryNameItsNationalBranch() {
        assertThat(named(extract(null, "Según el portavoz de WWF España, la especie se recupera.", "es"), "WWF España")
                .type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(extract(null, "Prisene steg i mars, viser tall fra Bolig Norge.", "nb"), "Bolig Norge").type())
                .isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(extract(null, "Det opplyser NRK Vestland til avisen.", "nb"), "NRK Vestland").type())
                .isEqualTo(EntityType.ORGANIZATION);
        // Two countries, or a country after a place word, stay places.
        assertThat(extract(null, "I finalen møtes Sverige Frankrike på søndag.", "nb")).extracting(Entity::type)
                .doesNotContain(EntityType.ORGANIZATION);
    }

    @Test
    void anUnknownAcronymAloneIsABodyAndJoinsTheNameItAbbreviates() {
        List<Entity> it = extract(null, "Lo sciopero è stato indetto dalla FLMU e dalla sigla di base, mentre il PIB cala.",
                "it");
        assertThat(named(it, "FLMU").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(it).extracting(Entity::name).doesNotContain("PIB");
        // Roman numerals, two letters and capitals beside other capitals are no acronym of a body.
        assertThat(extract(null, "Under andre verdenskrig (WW II) kom VM i Oslo, sa han til NRK TV.", "nb"))
                .extracting(Entity::name).doesNotContain("II", "VM", "TV");
        List<Entity> nb = extract(null, "Norsk Lærerforbund (NLF) tok ut 300 medlemmer i streik. Nå krever NLF mer.", "nb");
        assertThat(named(nb, "Norsk Lærerforbund").mentions()).extracting(Mention::text).contains("NLF");
        assertThat(nb).extracting(Entity::name).doesNotContain("NLF");
    }

    @Test
    void aRoadNumberStandingAloneIsAPlace() {
        assertThat(named(extract(null, "Vegvesenet har stengt E18 mellom Arendal og Grimstad i natt.", "nb"), "E18")
                .type()).isEqualTo(EntityType.LOCATION);
        assertThat(named(extract(null, "Auf der A9 staute sich der Verkehr, die B85 war gesperrt.", "de"), "B85").type())
                .isEqualTo(EntityType.LOCATION);
        // A model after its maker, a level and an English B-number are no road.
        assertThat(extract(null, "The airline flies the Airbus A321 and teaches Spanish at level A2 with B12 pills.", "en"))
                .extracting(Entity::name).doesNotContain("A321", "A2", "B12");
    }

    @Test
    void listedWordsWithAccentsMatchTheNormalisedText() {
        // name-cues.txt is normalised like a text's words, so "nivå" and "für" meet "niva" and "fur"
        assertThat(extract(null, "Elevane skal nå nivå A2 i engelsk innan våren.", "nb")).extracting(Entity::name)
                .doesNotContain("A2");
        assertThat(named(extract(null, "Das teilte das Bundesamt für Strahlenschutz mit.", "de"),
                "Bundesamt für Strahlenschutz").type()).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void aSuspendedHyphenJoinsTheHalvesOfABodysName() {
        assertFound(EntityType.ORGANIZATION,
                new String[] {"nb", "Saken ligger nå hos Kultur- og likestillingsdepartementet, sier hun.",
                    "Kultur- og likestillingsdepartementet"},
                new String[] {"sv", "Beslutet fattades av Havs- och vattenmyndigheten i går.",
                    "Havs- och vattenmyndigheten"},
                new String[] {"de", "Das teilte das Landesamt für Natur- und Umweltschutz am Montag mit.",
                    "Landesamt für Natur- und Umweltschutz"});
        assertThat(extract(null, "Han liker Sol- og strandferie best.", "nb")).isEmpty(); // no body noun: no name
    }

    @Test
    void germanCourtsInstitutesAndFoundationsAreBodiesEvenWhenNamedAfterTheirSeat() {
        List<Entity> entities = extract(null, """
                Das Landgericht Bielefeld verurteilte am Montag vier Männer. Die Staatsanwaltschaft Bielefeld hatte \
                Revision angekündigt. Das Thünen-Institut in Eberswalde empfiehlt Mischwald. Das WSL-Institut für \
                Schnee- und Lawinenforschung SLF in Davos warnte. Dessen Holding EPCG hatte verkauft.""", "de");
        // the abbreviation after a name is no part of it; "Dessen" (whose) opens no name
        assertThat(namesOf(EntityType.ORGANIZATION, entities)).containsExactlyInAnyOrder("Landgericht Bielefeld",
                "Staatsanwaltschaft Bielefeld", "Thünen-Institut", "WSL-Institut für Schnee- und Lawinenforschung");
        assertThat(entities).extracting(Entity::name).doesNotContain("Bielefeld");
    }

    @Test
    void romanceStreetsSquaresAndLandformsKeepTheirLowerCaseHead() {
        assertFound(EntityType.LOCATION,
                new String[] {"it", "Migliaia di tifosi si sono radunati in piazza del Plebiscito fino a tarda notte.",
                    "piazza del Plebiscito"},
                new String[] {"es", "Una cafetería en la calle Urzáiz cerró ayer por la tarde.", "calle Urzáiz"},
                new String[] {"fr", "Ils ont appelé à un rassemblement place de la République à Paris samedi.",
                    "place de la République"});
        // a known town after the head is the town, and its square no name
        assertThat(extract(null, "Ha riabbracciato il fratello nella piazza di Acri, il paese dove sono nati.", "it"))
                .extracting(Entity::name).containsExactly("Acri");
    }

    @Test
    void aLowerCaseBuildingOrFeatureNounEndsAScandinavianPlacesName() {
        assertFound(EntityType.LOCATION,
                new String[] {"nb", "Bildet fra bryllupet i Lenvik kirke har han satt i ramme.", "Lenvik kirke"},
                new String[] {"nn", "Det blei målt vindkast på 51 meter i sekundet på Svinøy fyr utanfor Stad.",
                    "Svinøy fyr"},
                new String[] {"sv", "Det är den allvarligaste ubåtsjakten i Stockholms skärgård sedan 2014.",
                    "Stockholms skärgård"});
        assertThat(extract(null, "Bildet fra bryllupet i Lenvik kirke har han satt i ramme.", "nb"))
                .extracting(Entity::name).doesNotContain("Lenvik");
    }

    @Test
    void aTownBeforeABodysLastWordNamesTheBody() {
        List<Entity> entities = extract(null, "Researchers at Reading University and Lund University disagreed.", "en");
        assertThat(named(entities, "Lund University").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(entities).extracting(Entity::name).doesNotContain("Lund");
    }

    @Test
    void seasAndOceansAreFoundByTheirNamesInEachCoveredLanguage() {
        assertFound(EntityType.LOCATION,
                new String[] {"de", "Das Tief zieht über die Ostsee, an der Nordsee drohen Sturmfluten.", "Baltic Sea"},
                new String[] {"de", "Das Tief zieht über die Ostsee, an der Nordsee drohen Sturmfluten.", "North Sea"},
                new String[] {"it", "Una città portuale del Mediterraneo negli anni Cinquanta.", "Mediterranean Sea"},
                new String[] {"es", "Un corredor estratégico hacia el Pacífico.", "Pacific Ocean"},
                new String[] {"sv", "Fartygen lämnade Medelhavet i går.", "Mediterranean Sea"});
    }

    @Test
    void aScandinavianCompoundNamingOneBodyIsPlacedNotNamedByI() {
        List<Entity> sv = extract(null, "Enligt Arbetsförmedlingen saknar 400 jobb. Breven hittades vid Riksarkivet "
                + "i Visby förra veckan.", "sv");
        assertThat(namesOf(EntityType.ORGANIZATION, sv)).containsExactlyInAnyOrder("Arbetsförmedlingen", "Riksarkivet");
        assertThat(namesOf(EntityType.LOCATION, sv)).containsExactly("Visby");
        // a bare head is named by the place
        assertThat(named(extract(null, "Forskere ved Universitetet i Stavanger har sett på saken.", "nb"),
                "Universitetet i Stavanger").type()).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void aCountryBeforeABodysLastWordNamesTheBody() {
        List<Entity> entities = extract(null, "Soldiers from the Nepal Army joined the search on Monday.", "en");
        assertThat(named(entities, "Nepal Army").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(entities).extracting(Entity::name).doesNotContain("Nepal");
    }

    @Test
    void landformWordsOpenAPlacesName() {
        List<Entity> es = extract(null, "Los regantes del Campo de Níjar y los pescadores del Estrecho de Magallanes protestan.",
                "es");
        assertThat(named(es, "Campo de Níjar").type()).isEqualTo(EntityType.LOCATION);
        assertThat(named(es, "Estrecho de Magallanes").type()).isEqualTo(EntityType.LOCATION);
    }

    @Test
    void aGermanSentenceFullOfNounsIsNoHeadline() {
        List<Entity> de = extract(null, "Der Verein verlor knapp.\n\nDann rettete Torwart Noah Brenner seiner Mannschaft mit "
                + "einer Glanzparade gegen Jonathan Keller den Sieg.\n\nDas Rückspiel folgt im Mai.", "de");
        assertThat(de).extracting(Entity::name).contains("Noah Brenner", "Jonathan Keller");
    }

    @Test
    void aScandinavianBodyNamedWithItsCountryInTheGenitiveIsNoPlace() {
        List<Entity> nn = extract(null, "Det melder Noregs vassdrags- og energidirektorat. Flaumen er Noregs største i år.", "nn");
        assertThat(named(nn, "Noregs vassdrags- og energidirektorat").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(nn, "Norway").mentions()).hasSize(1); // "Noregs største" is the country
    }

    @Test
    void anAirportNamedAfterItsCityIsOnePlace() {
        assertThat(named(extract(null, "Am Flughafen Stuttgart fielen am Morgen viele Flüge aus.", "de"),
                "Flughafen Stuttgart").type()).isEqualTo(EntityType.LOCATION);
        assertThat(named(extract(null, "Los vuelos salieron del Aeropuerto Sevilla con retraso.", "es"),
                "Aeropuerto Sevilla").type()).isEqualTo(EntityType.LOCATION);
    }

    @Test
    void largeCitiesAreFoundByTheirNamesInOtherLanguages() {
        assertThat(named(extract(null, "Der Zug aus Neapel kam mit zwei Stunden Verspätung an.", "de"), "Naples").id())
                .isEqualTo("Q2634");
        assertThat(named(extract(null, "Le musée de Hanovre rouvre ses portes.", "fr"), "Hannover").type())
                .isEqualTo(EntityType.LOCATION);
    }

    @Test
    void aliasesOfOnePersonLinkToOneEntity() {
        String text = "Vladimir Putin spoke on Monday. President Putin said the talks went well, and Putin's aides agreed.";
        List<Entity> entities = extract("Putin praises talks", text, "en");
        Entity putin = byId(entities, "Q7747").orElseThrow();
        assertThat(putin.linked()).isTrue();
        assertThat(putin.type()).isEqualTo(EntityType.PERSON);
        assertThat(putin.name()).isEqualTo("Vladimir Putin");
        assertThat(putin.count()).isEqualTo(4);
        assertThat(putin.mentions()).extracting(Mention::text).containsExactly("Putin", "Vladimir Putin", "Putin", "Putin");
        assertThat(putin.mentions().getFirst().field()).isEqualTo("title");
        assertThat(entities.stream().filter(e -> e.type() == EntityType.PERSON)).hasSize(1);
    }

    @Test
    void twoGermanNounsAreNoPersonWithoutAGivenNameOrCue() {
        // Invented sentences: "Frauen" recurs bare, as a surname would, and "Schnee" is followed by a pronoun
        List<Entity> de = extract("", "Die Hebamme Anja Berger betreut seit 20 Jahren Frauen in der Region. Viele "
                + "meiner Frauen kommen von weit her, sagt Berger. Im Tal lag ein halber Meter Schnee. Er blieb liegen.",
                "de");
        assertThat(de).extracting(Entity::name).doesNotContain("Jahren Frauen", "Meter Schnee");
        assertThat(named(de, "Anja Berger").type()).isEqualTo(EntityType.PERSON);
    }

    @Test
    void romanceInstitutionsWithALowerCaseHeadAreOrganisations() {
        // Invented sentences: French writes the head of a public body lower case, only its specific word capitalised
        List<Entity> fr = extract("", "Le ministère de la Mer a saisi le parquet de Lorient. L'académie de Rennes et le "
                + "musée des Beaux-Arts de Quimper ont réagi, comme le ministère de l'Agriculture.", "fr");
        assertThat(fr).filteredOn(e -> e.type() == EntityType.ORGANIZATION).extracting(Entity::name)
                .contains("ministère de la Mer", "parquet de Lorient", "académie de Rennes",
                        "musée des Beaux-Arts de Quimper", "ministère de l'Agriculture");
        // Only in its language: elsewhere a lower-case word opens no name
        assertThat(extract("", "The musée de Quimper reopened.", "en")).extracting(Entity::name)
                .doesNotContain("musée de Quimper");
        List<Entity> it = extract("", "La procura di Trapani indaga, il ministero dell'Università e della Ricerca "
                + "tace.", "it");
        assertThat(namesOf(EntityType.ORGANIZATION, it)).contains("procura di Trapani",
                "ministero dell'Università e della Ricerca");
    }

    @Test
    void anAcronymInBracketsSaysWhereTheFullNameStarts() {
        // Invented sentences: Romance names keep their inner words lower-case, so capitals find only the head word
        List<Entity> fr = extract("", "Selon la Direction générale des routes nationales (DGRN), le trafic a repris. "
                + "L'Association des pêcheurs du lac (APL) s'inquiète. La DGRN publiera un bilan.", "fr");
        Entity roads = named(fr, "Direction générale des routes nationales");
        assertThat(roads.type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(roads.mentions()).extracting(Mention::text).contains("DGRN");
        assertThat(named(fr, "Association des pêcheurs du lac").type()).isEqualTo(EntityType.ORGANIZATION);
        List<Entity> it = extract("", "Lo ha deciso la Commissione nazionale per le acque interne (CNAI) ieri.", "it");
        assertThat(named(it, "Commissione nazionale per le acque interne").type()).isEqualTo(EntityType.ORGANIZATION);
        // Italian and Spanish write many acronyms as a word: "(Ingv)" spells the initials all the same
        Entity agency = named(extract("", "Secondo l'Agenzia regionale per la tutela dei laghi (Artl) il rischio resta "
                + "alto. L'Artl pubblicherà un bollettino.", "it"), "Agenzia regionale per la tutela dei laghi");
        assertThat(agency.type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(agency.mentions()).extracting(Mention::text).contains("Artl");
        // Initials that do not spell the acronym define nothing
        List<Entity> en = extract("", "The Harbour Board met the fishing industry (ICES) in May.", "en");
        assertThat(en).extracting(Entity::name).doesNotContain("Harbour Board met the fishing industry");
    }

    @Test
    void aGivenNameAndFirstSurnameAreThePersonNamedWithBothSurnames() {
        // Invented sentences: a Spanish name with two surnames, then given name and first surname; two people sharing
        // the first two words keep them apart.
        List<Entity> one = extract("Condenado el asesino de Irene Sánchez", "La estudiante Irene Sánchez Moraleda "
                + "vivía en Bergen desde enero. La familia de Irene Sánchez pidió justicia, dijo su abogado.", "es");
        assertThat(one).filteredOn(e -> e.name().startsWith("Irene")).singleElement()
                .satisfies(e -> assertThat(e.name()).isEqualTo("Irene Sánchez Moraleda"))
                .satisfies(e -> assertThat(e.count()).isEqualTo(3));
        List<Entity> two = extract(null, "Declararon Ana García López y su prima Ana García Ruiz. Ana García dijo "
                + "que no vio nada.", "es");
        assertThat(two).extracting(Entity::name).contains("Ana García López", "Ana García Ruiz");
    }

    @Test
    void aSurnameAloneIsTheFullNamedPersonNotATownOfThatName() {
        // Invented sentences. Sánchez is a knowledge-base person and a Dominican town; Warken a town in Luxembourg
        // after a given name that is also a word elsewhere; Engel a place name's folded form.
        List<Entity> es = extract("Sánchez convoca elecciones", "El presidente del Gobierno, Pedro Sánchez, anunció "
                + "elecciones. Sánchez dijo que el país necesita estabilidad. Según Sánchez, la decisión es firme.", "es");
        assertThat(es).filteredOn(e -> e.name().contains("Sánchez")).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(EntityType.PERSON))
                .satisfies(e -> assertThat(e.count()).isEqualTo(4));
        List<Entity> de = extract(null, "Die Reform von Bundesgesundheitsministerin Nina Warken (CDU) kommt. Warken sagte, "
                + "sie sei nötig. Das sagte die Landesvorsitzende Marion Engel. Engel forderte mehr Geld.", "de");
        assertThat(de).extracting(Entity::name).contains("Nina Warken", "Marion Engel").doesNotContain("Nina", "Marion");
        assertThat(de).filteredOn(e -> e.type() == EntityType.LOCATION).isEmpty();
    }

    @Test
    void aStormNamedLikeAPlaceIsAnEvent() {
        List<Entity> entities = extract(null, "Forecasters had warned for days. Hurricane Milton hit Florida on Wednesday, and the "
                + "storm weakened over land.", "en");
        assertThat(entities).filteredOn(e -> e.name().equals("Hurricane Milton")).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(EntityType.EVENT));
        assertThat(entities).extracting(Entity::name).doesNotContain("Milton");
    }

    @Test
    void aStormsGivenNameAfterAStormNounIsAnEvent() {
        // Invented: "Tora" and "Ciarán" are also given names.
        List<Entity> nn = extract(null, "Ekstremvêret «Tora» har ført til stengde vegar. Det var venta at stormen Tora "
                + "skulle svekkjast.", "nn");
        assertThat(nn).filteredOn(e -> e.name().equals("Tora")).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(EntityType.EVENT));
        List<Entity> fr = extract(null, "La tempête Ciarán a frappé la Bretagne jeudi, selon les prévisionnistes.", "fr");
        assertThat(fr).filteredOn(e -> e.name().equals("Ciarán")).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(EntityType.EVENT));
    }

    @Test
    void aCompanyAndItsModelNameAProduct() {
        // Invented sentences.
        List<Entity> entities = extract(null, "Ho køyrde ein gammal Volvo 240 i tjue år, og sidan ein Renault Kangoo. "
                + "Bussen var en Tata LPO 1618. Toyota Motor og Volvo Cars la fram tal, sa Hilde Volvo Aasen.", "nn");
        assertThat(entities).filteredOn(e -> e.type() == EntityType.PRODUCT).extracting(Entity::name)
                .containsExactlyInAnyOrder("Volvo 240", "Renault Kangoo", "Tata LPO 1618");
    }

    @Test
    void aNationalAdjectiveOrAStatementGivenToANameMakesABody() {
        // Invented sentences.
        List<Entity> entities = extract(null, "Norsk Filmforbund mener forslaget er dårlig. – Det er trist, sier hun til "
                + "Avisa Hallingdal. Han ga boka til Kari Nordmann.", "nb");
        assertThat(entities).filteredOn(e -> e.type() == EntityType.ORGANIZATION).extracting(Entity::name)
                .contains("Norsk Filmforbund", "Avisa Hallingdal");
        assertThat(entities).filteredOn(e -> e.type() == EntityType.PERSON).extracting(Entity::name)
                .containsExactly("Kari Nordmann");
    }

    @Test
    void buildingsAndGardensArePlacesAndAnAcronymAfterAndStartsAnotherBody() {
        // Invented sentences.
        List<Entity> it = extract(null, "La mostra apre a Palazzo Madama. Poi si sposta nel Giardino di Villa Reale, "
                + "dove resta fino a marzo.", "it");
        assertThat(it).filteredOn(e -> e.type() == EntityType.LOCATION).extracting(Entity::name)
                .contains("Palazzo Madama", "Giardino di Villa Reale");
        List<Entity> nb = extract(null, "Kurset flyttes til Universitetet i Tromsø og NTNU fra høsten, opplyser skolen.", "nb");
        assertThat(nb).extracting(Entity::name).contains("Universitetet i Tromsø").noneMatch(n -> n.contains("NTNU")
                && n.contains("Universitetet"));
    }

    @Test
    void possessivesEndTheMentionBeforeTheApostrophe() {
        String text = "Russia's economy and Venezuela’s oil.";
        List<Entity> entities = extract(null, text, "en");
        Entity russia = byId(entities, "Q159").orElseThrow();
        Mention m = russia.mentions().getFirst();
        assertThat(text.substring(m.start(), m.end())).isEqualTo("Russia").isEqualTo(m.text());
        assertThat(byId(entities, "Q717")).isPresent();
    }

    @Test
    void norwegianNamesOfCountriesAndGenitives() {
        String text = "Russland og USA møttes i Moskva. Russlands president snakket om Ukraina og Kina, "
                + "mens USAs utsending kom fra Storbritannia.";
        List<Entity> entities = extract(null, text, "nb");
        assertThat(byId(entities, "Q159").orElseThrow().count()).isEqualTo(2); // Russland, Russlands
        assertThat(byId(entities, "Q30").orElseThrow().count()).isEqualTo(2);  // USA, USAs
        assertThat(byId(entities, "Q212")).isPresent();
        assertThat(byId(entities, "Q148")).isPresent();
        assertThat(byId(entities, "Q145")).isPresent();
        assertThat(named(entities, "Moscow").type()).isEqualTo(EntityType.LOCATION);
    }

    @Test
    void foreignLanguageNamesOnlyCountInTheirLanguage() {
        // "Kina" is China in Norwegian; in an English text it is not.
        assertThat(byId(extract(null, "Kina was the name of the boat they sailed.", "en"), "Q148")).isEmpty();
        assertThat(byId(extract(null, "Han reiste til Kina i fjor.", "nb"), "Q148")).isPresent();
    }

    @Test
    void caseMattersForAcronymsAndNames() {
        List<Entity> entities = extract(null, "Let us know what the US and NATO think. He said nato was fine.", "en");
        Entity us = byId(entities, "Q30").orElseThrow();
        assertThat(us.count()).isEqualTo(1);
        assertThat(byId(entities, "Q7184").orElseThrow().count()).isEqualTo(1);
    }

    @Test
    void longestMatchWins() {
        List<Entity> entities = extract(null, "According to The Washington Post, officials in Washington were surprised.", "en");
        assertThat(byId(entities, "Q166032").orElseThrow().mentions().getFirst().text()).isEqualTo("The Washington Post");
        assertThat(byId(entities, "Q61").orElseThrow().count()).isEqualTo(1);
    }

    @Test
    void weaponSystemsAndModelVariants() {
        List<Entity> entities = extract(null,
                "Russia could send Kalibr and Iskander missiles, repair Su-30MK2 jets and deliver Igla-S launchers. "
                        + "Ukraine asked for more F-16s, Storm Shadow and HIMARS.", "en");
        for (String name : List.of("Kalibr", "Iskander", "Sukhoi Su-30", "Igla-S", "F-16 Fighting Falcon", "Storm Shadow", "M142 HIMARS")) {
            assertThat(named(entities, name).type()).as(name).isEqualTo(EntityType.PRODUCT);
        }
        assertThat(named(entities, "Sukhoi Su-30").mentions().getFirst().text()).isEqualTo("Su-30MK2");
    }

    @Test
    void unknownNamesAreTypedByContext() {
        String text = "The deal was announced by Acme Fjordline ASA on Monday. Deputy minister Kari Nordvik said the "
                + "plan was sound, and the fleet will be based in Tromsøysund. The plane belonged to Borealis Vektor, "
                + "a Swedish company under sanctions. Analysts noted that the Tu-214 had been grounded. "
                + "Ingrid Haugland and Petter Storlien met Haugland's family later.";
        List<Entity> entities = extract(null, text, "en");
        assertThat(named(entities, "Acme Fjordline ASA").type()).isEqualTo(EntityType.ORGANIZATION);
        Entity kari = named(entities, "Kari Nordvik");
        assertThat(kari.type()).isEqualTo(EntityType.PERSON);
        assertThat(kari.linked()).isFalse();
        assertThat(kari.id()).isEqualTo("nf:PERSON:kari nordvik");
        assertThat(named(entities, "Tromsøysund").type()).isEqualTo(EntityType.LOCATION);
        assertThat(named(entities, "Borealis Vektor").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "Tu-214").type()).isEqualTo(EntityType.PRODUCT);
        assertThat(named(entities, "Petter Storlien").type()).isEqualTo(EntityType.PERSON);
        assertThat(named(entities, "Ingrid Haugland").count()).isEqualTo(2); // the surname alone joins the full name
    }

    @Test
    void sentenceInitialCapitalsAndFunctionWordsAreNotNames() {
        List<Entity> entities = extract(null,
                "Officials met in the morning. However, Sources close to the talks said little. On Monday nothing happened.",
                "en");
        assertThat(entities).extracting(Entity::name).doesNotContain("Officials", "However", "Sources", "Monday", "On Monday");
    }

    @Test
    void aPlaceNameGluedToAnotherNameIsLeftToTheNameFinder() {
        List<Entity> entities = extract(null, "The psychologist Jordan Peterson spoke; Jordan's king listened.", "en");
        assertThat(byId(entities, "Q810").orElseThrow().count()).isEqualTo(1);
        assertThat(named(entities, "Jordan Peterson").type()).isEqualTo(EntityType.PERSON);
    }

    @Test
    void titleCaseHeadlinesOnlyConfirmNames() {
        List<Entity> entities = extract("Dems Win Big In Key Races As Turnout Soars",
                "Voters turned out in large numbers on Tuesday, officials said.", "en");
        assertThat(entities).isEmpty();
    }

    @Test
    void everyMentionOffsetSelectsItsText() {
        String title = "Putin’s envoy meets Maduro in Caracas";
        String text = "Russian Deputy Foreign Minister Sergey Ryabkov said on Monday that Russia's ties with "
                + "Venezuela's government were strong.\n\nAmnesty International and the CIA were mentioned, as was "
                + "the Oreshnik missile and an Il-76 that landed in Caracas.";
        List<Entity> entities = extract(title, text, "en");
        assertThat(entities).isNotEmpty();
        for (Entity e : entities) {
            for (Mention m : e.mentions()) {
                String field = m.field().equals("title") ? title : text;
                assertThat(field.substring(m.start(), m.end())).as(e.name()).isEqualTo(m.text());
            }
        }
        assertThat(named(entities, "Sergey Ryabkov").type()).isEqualTo(EntityType.PERSON);
        assertThat(entities).extracting(Entity::name).doesNotContain("Foreign", "Deputy Foreign");
    }

    @Test
    void salienceFavoursTheHeadlineAndLeadAndIsNormalised() {
        String text = "Maduro spoke in Caracas.\n\nLater, Brazil was mentioned once.\n\nBrazil came up again here.";
        List<Entity> entities = extract("Maduro defiant", text, "en");
        assertThat(entities.getFirst().name()).isEqualTo("Nicolás Maduro");
        assertThat(entities.getFirst().salience()).isEqualTo(1.0);
        assertThat(entities).allSatisfy(e -> assertThat(e.salience()).isBetween(0.0, 1.0));
        assertThat(named(entities, "Brazil").salience()).isLessThan(1.0);
        for (int i = 1; i < entities.size(); i++) {
            assertThat(entities.get(i).salience()).isLessThanOrEqualTo(entities.get(i - 1).salience());
        }
    }

    @Test
    void germanNounsAreNoNamesButUnknownPeopleWithCuesAre() {
        // Names the knowledge base does not know, in a language that capitalises every noun.
        String text = "Am Abend ging die Mannschaft früh in Führung. Jonte Wirbel erzielte beide Tore für die Gäste.\n\n"
                + "Ein Moment der Unaufmerksamkeit reichte, und Wirbel traf erneut. Bei den Gastgebern war die "
                + "Enttäuschung groß. Vereinschefin Ada Quellmann sprach von einem Spitzenspiel der Liga. "
                + "Größter Posten nach dem Haushalt sind 524 Milliarden Euro für die Rente.";
        List<Entity> entities = extract("Wirbel trifft doppelt", text, "de");
        assertThat(named(entities, "Jonte Wirbel").type()).isEqualTo(EntityType.PERSON);
        assertThat(named(entities, "Jonte Wirbel").mentions()).extracting(Mention::text).contains("Wirbel");
        assertThat(named(entities, "Ada Quellmann").type()).isEqualTo(EntityType.PERSON);
        assertThat(entities).extracting(Entity::name).allSatisfy(name -> assertThat(name)
                .doesNotContain("Führung", "Moment", "Gastgeber", "Spitzenspiel", "Milliarden", "Posten", "Abend")
                .doesNotStartWith("den ").doesNotStartWith("der "));
    }

    @Test
    void anAmbiguousShortAliasLinksOnlyWithSupport() {
        List<Entity> alone = extract("", "Die Meta-Ebene der Debatte: Meta sagt wenig über die Sache.", "de");
        assertThat(byId(alone, "Q380")).isEmpty();
        List<Entity> supported = extract("", "Meta Platforms reported higher revenue. Meta said advertising grew.", "en");
        assertThat(byId(supported, "Q380")).hasValueSatisfying(meta -> assertThat(meta.count()).isEqualTo(2));
    }

    @Test
    void aSentenceOpeningWithACommonWordTheArticleWritesInLowerCaseNamesNothing() {
        // "Brann" opens the headline of a fire report and names the Bergen club in a match report
        List<Entity> fire = extract("Brann i lagerhall på Mongstad",
                "Brannen startet natt til søndag. Mannskaper fra Lindås slukket brannen etter fire timer.", "nb");
        assertThat(fire).extracting(Entity::name).doesNotContain("Brann").contains("Mongstad");
        List<Entity> match = extract("Brann vant borte mot Molde",
                "Brann tok ledelsen etter ti minutter. Molde utlignet, men Brann vant til slutt 2–1.", "nb");
        assertThat(named(match, "Brann").type()).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void aCompanysPossessiveBeforeItsSiteMakesNoProductAndADistanceMakesAPlace() {
        List<Entity> entities = extract(null, "A fire broke out at Equinor's Mongstad refinery, the company said.\n\n"
                + "Mongstad, about 60 km north of Bergen, processes crude.", "en");
        assertThat(namesOf(EntityType.PRODUCT, entities)).isEmpty();
        assertThat(named(entities, "Equinor").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "Mongstad").type()).isEqualTo(EntityType.LOCATION);
    }

    @Test
    void aRomanceAppositionNamingABankOrMakerMakesAnOrganisation() {
        assertFound(EntityType.ORGANIZATION,
                new String[]{"fr", "Les clients de la Hanseatische Direktbank, une banque en ligne, sont inquiets.",
                        "Hanseatische Direktbank"},
                new String[]{"es", "Los clientes de la Hanseatische Direktbank, un banco digital, están inquietos.",
                        "Hanseatische Direktbank"});
    }

    @Test
    void aCompanyDescribedByNounAndAdjectiveIsAnOrganisation() {
        assertFound(EntityType.ORGANIZATION,
                new String[]{"fr", "Le groupe allemand Vossberg va fermer son usine de Vénissieux.", "Vossberg"},
                new String[]{"es", "El grupo alemán Vossberg cerrará su planta francesa.", "Vossberg"},
                new String[]{"de", "Der Berliner Antriebshersteller Vossberg baut Stellen ab.", "Vossberg"});
    }

    @Test
    void unionsAreKnownTheirBranchesAreBodiesOfTheirOwnAndADescriptorBeforeOneIsNoName() {
        List<Entity> nb = extract(null, "Leder i NHO Reiseliv, Kari Hansen, er kritisk. Fagforbundet er enig.", "nb");
        assertThat(namesOf(EntityType.ORGANIZATION, nb)).containsExactlyInAnyOrder("NHO Reiseliv", "Fagforbundet");
        List<Entity> sv = extract(null, "Fackförbundet IF Metall är positivt, säger Mikael Lindqvist.", "sv");
        assertThat(namesOf(EntityType.ORGANIZATION, sv)).containsExactly("IF Metall");
        // A confederation's acronym ending a member union's hyphenated name is no mention of the confederation
        assertThat(namesOf(EntityType.ORGANIZATION, extract(null, "Le SNES-FSU appelle à la grève.", "fr")))
                .doesNotContain("Fédération syndicale unitaire");
    }

    @Test
    void scandinavianBodiesNamedWithTheirSeatAndCoordinatedBodiesStayApart() {
        assertThat(namesOf(EntityType.ORGANIZATION, extract(null,
                "Forskare vid Karlstads universitet och Uppsala universitet har läst manuset.", "sv")))
                .containsExactlyInAnyOrder("Karlstads universitet", "Uppsala universitet");
        List<Entity> nb = extract(null, "Longyearbyen lokalstyre og Sysselmesteren på Svalbard varslet. Universitetet "
                + "i Bergen og Oslo universitetssykehus svarte. Skredet gikk fra Sukkertoppen.", "nb");
        assertThat(namesOf(EntityType.ORGANIZATION, nb)).containsExactlyInAnyOrder("Longyearbyen lokalstyre",
                "Sysselmesteren på Svalbard", "Universitetet i Bergen", "Oslo universitetssykehus");
        assertThat(named(nb, "Sukkertoppen").type()).isEqualTo(EntityType.LOCATION);
    }

    @Test
    void aDoubleSurnameAloneIsThePersonNamedInFullBefore() {
        List<Entity> entities = extract(null, "Komponisten Hilde Lunde Rasmussen frå Bolstadøyri har skrive verket. "
                + "– Det er det eg har prøvd, seier Lunde Rasmussen.", "nn");
        assertThat(namesOf(EntityType.PERSON, entities)).containsExactly("Hilde Lunde Rasmussen");
        assertThat(named(entities, "Hilde Lunde Rasmussen").count()).isEqualTo(2);
    }

    @Test
    void romanceVerbsOfSayingTypeTheSpeakerButABodySpeaksAsABody() {
        assertThat(named(extract(null, "« On a marché jusqu'à la frontière », raconte Espérance Mapendo, jointe "
                + "par téléphone.", "fr"), "Espérance Mapendo").type()).isEqualTo(EntityType.PERSON);
        assertThat(named(extract(null, "Vestland Bondelag seier at prisen er for låg.", "nn"), "Vestland Bondelag")
                .type()).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void scandinavianCanalsHallsStreetsAndSamiCommunitiesAndSpanishCaves() {
        List<Entity> nb = extract(null, "Båtane på Telemarkskanalen er fullbooka. Konserten i Grieghallen er utseld.",
                "nb");
        assertThat(namesOf(EntityType.LOCATION, nb)).contains("Telemarkskanalen", "Grieghallen");
        List<Entity> sv = extract(null, "Loppet gick längs Linnégatan. Renskötarna i Jovnevaerie sameby protesterar. "
                + "Politikerna samlas under Almedalsveckan i juli.", "sv");
        assertThat(named(sv, "Linnégatan").type()).isEqualTo(EntityType.LOCATION);
        assertThat(named(sv, "Jovnevaerie sameby").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(sv, "Almedalsveckan").type()).isEqualTo(EntityType.EVENT);
        assertThat(named(extract(null, "La mandíbula apareció en la Sima del Elefante, junto a la Gran Dolina.", "es"),
                "Sima del Elefante").type()).isEqualTo(EntityType.LOCATION);
    }

    @Test
    void aGroupsPossessiveInsideABodysNameKeepsItOpen() {
        assertThat(namesOf(EntityType.ORGANIZATION, extract(null,
                "The Shetland Fishermen's Association said the launch was safe.", "en")))
                .containsExactly("Shetland Fishermen's Association");
    }

    @Test
    void aTownBeforeCapitalisedWordsEndingInABodysWordIsPartOfThatBody() {
        assertThat(extract(null, "Staff at Bach Mai Hospital were busy all night.", "en")).extracting(Entity::name)
                .doesNotContain("Bach");
        // A place of several words before a body's last word names the body, unless the name goes on
        List<Entity> entities = extract(null, "The Northern Ireland Assembly voted on Tuesday. Flights left Da Nang "
                + "International Airport.", "en");
        assertThat(namesOf(EntityType.ORGANIZATION, entities)).containsExactly("Northern Ireland Assembly");
    }

    @Test
    void aClauseAfterANameBetweenCommasIsNoApposition() {
        List<Entity> it = extract(null, "Il ministro delle Imprese, Adolfo Urso, ha convocato l'azienda. Il sindaco di "
                + "Torino, Stefano Lo Russo, hanno chiesto un incontro.", "it");
        assertThat(namesOf(EntityType.PERSON, it)).containsExactlyInAnyOrder("Adolfo Urso", "Stefano Lo Russo");
        List<Entity> en = extract(null, "\"We got a fence,\" said Yusuf Bakri, a village elder.", "en");
        assertThat(named(en, "Yusuf Bakri").type()).isEqualTo(EntityType.PERSON);
    }

    @Test
    void aGermanClauseOpeningAfterAColonIsNoAdjectiveNameButGamesAreAnEvent() {
        List<Entity> entities = extract("Clostebol-Befund: Norwegischer Biathlet Eirik Brevik gesperrt",
                "Damit verpasst Eirik Brevik die Olympischen Winterspiele 2030 und die Paralympischen Spiele.", "de");
        assertThat(entities).extracting(Entity::name).noneMatch(name -> name.startsWith("Norwegischer"));
        assertThat(named(entities, "Olympic Games").type()).isEqualTo(EntityType.EVENT);
        assertThat(named(entities, "Paralympischen Spiele").type()).isEqualTo(EntityType.EVENT);
    }

    @Test
    void aGivenNameIsNoSurnameOfTheBodyNamedAfterIt() {
        List<Entity> entities = extract(null, "I stedet besøkte kong Felipe Havforskningsinstituttet på Nordnes.",
                "nb");
        assertThat(namesOf(EntityType.PERSON, entities)).containsExactly("King Felipe VI");
    }

    @Test
    void aMonarchWrittenWithALowerCaseTitleIsTheKnownMonarch() {
        List<Entity> nb = extract(null, "Gjestene ble tatt imot av kong Harald og dronning Sonja på Slottsplassen.",
                "nb");
        List<Entity> es = extract(null, "Harald V y la reina Sonia los recibieron en el Palacio Real.", "es");
        assertThat(namesOf(EntityType.PERSON, nb)).containsExactlyInAnyOrder("King Harald V", "Queen Sonja");
        assertThat(namesOf(EntityType.PERSON, es)).containsExactlyInAnyOrder("King Harald V", "Queen Sonja");
    }

    @Test
    void aRomanceLakeBayOrGulfNamedAfterAKnownPlaceIsThePlaceTheArticleNames() {
        List<Entity> fr = extract(null, "Des milliers de civils traversent le lac Tanganyika. La baie de Saint-Brieuc "
                + "est fermée.", "fr");
        assertThat(namesOf(EntityType.LOCATION, fr)).contains("lac Tanganyika", "baie de Saint-Brieuc")
                .doesNotContain("Tanganyika", "Saint-Brieuc");
        assertThat(namesOf(EntityType.LOCATION, extract(null, "I sensori sul fondale del golfo di Pozzuoli.", "it")))
                .containsExactly("golfo di Pozzuoli");
        // A square is still the known town's square.
        assertThat(namesOf(EntityType.LOCATION, extract(null, "Il corteo è arrivato sulla piazza di Acri.", "it")))
                .containsExactly("Acri");
    }

    @Test
    void aKnownEventWithItsHostCityIsThatEdition() {
        List<Entity> entities = extract(null, "Corrió en los Juegos Olímpicos de Los Ángeles y volvió a Sevilla.",
                "es");
        assertThat(named(entities, "Juegos Olímpicos de Los Ángeles").type()).isEqualTo(EntityType.EVENT);
        assertThat(entities).extracting(Entity::name).doesNotContain("Los Angeles");
    }

    @Test
    void aFootballClubIsMatchedAsAWholeNotAsItsCity() {
        List<Entity> entities = extract("", "Der FC Bayern München hat bei Borussia Dortmund gewonnen.", "de");
        Entity bayern = byId(entities, "Q15789").orElseThrow();
        assertThat(bayern.mentions()).extracting(Mention::text).containsExactly("FC Bayern München");
        assertThat(byId(entities, "Q1726")).as("Munich the city").isEmpty();
        assertThat(byId(entities, "Q41420")).isPresent();
    }

    @Test
    void watchedEntitiesAreLinkedFromTheNextArticleOn() {
        EntityExtractor own = new EntityExtractor(KnowledgeBase.builtIn(), NameCues.builtIn());
        String text = "Shares in Nordlys Kraft rose after NK Power won the tender, the company said.";
        assertThat(own.extract("", text, "en")).extracting(e -> e.entity().name()).doesNotContain("Nordlys Kraft AS");

        own.useWatchList(List.of(new io.newsflow.enrich.watch.WatchedEntity("nordlys-kraft", "Nordlys Kraft AS",
                EntityType.ORGANIZATION, List.of("Nordlys Kraft", "NK Power"), null).toKbEntry()));
        Entity watched = own.extract("", text, "en").stream().map(ExtractedEntity::entity)
                .filter(e -> e.name().equals("Nordlys Kraft AS")).findFirst().orElseThrow();
        assertThat(watched.type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(watched.mentions()).extracting(Mention::text).containsExactly("Nordlys Kraft", "NK Power");
        assertThat(watched.id()).isEqualTo(KbEntry.unlinkedId(EntityType.ORGANIZATION, "Nordlys Kraft AS"));

        own.useWatchList(List.of());
        assertThat(own.extract("", text, "en")).extracting(e -> e.entity().name()).doesNotContain("Nordlys Kraft AS");
    }

    @Test
    void aNameWithAnInitialMatchesAsAWhole() {
        List<Entity> entities = extract("", "Forsvarsminister Tore O. Sandvik bekreftet fredag at Norge sender fly.", "nb");
        assertThat(named(entities, "Tore O. Sandvik").mentions()).extracting(Mention::text).containsExactly("Tore O. Sandvik");
        assertThat(entities).extracting(Entity::name).doesNotContain("Tore", "Sandvik");
    }

    @Test
    void aPlaceAtTheEndOfAnOrganisationNameIsPartOfIt() {
        List<Entity> entities = extract("", "The vaccine was developed at the University of Oxford, researchers said.", "en");
        assertThat(named(entities, "University of Oxford").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(entities).extracting(Entity::name).doesNotContain("Oxford");
    }

    @Test
    void headWordsAndRolesTypeUnknownBodies() {
        String text = "Flights were cancelled by Kestrel Airways on Friday. Power was restored by KVN Networks overnight. "
                + "Orla Brennan, the airline's head of operations, apologised. Torvik Hale had warned of delays, "
                + "said Lise Amundsen, an analyst at Torvik Hale. Harwood Trust said in a statement it would help.";
        List<Entity> entities = extract(null, text, "en");
        assertThat(named(entities, "Kestrel Airways").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "KVN Networks").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "Orla Brennan").type()).isEqualTo(EntityType.PERSON); // not "the airline's"
        assertThat(named(entities, "Torvik Hale").type()).isEqualTo(EntityType.ORGANIZATION); // "an analyst at"
        assertThat(entities).filteredOn(e -> e.name().equals("Torvik Hale")).hasSize(1); // one name, one type
        assertThat(named(entities, "Harwood Trust").type()).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void ofPhrasesAndDemonymsBelongToTheName() {
        String text = "Scientists from the Danish Glacier Survey joined the Fisheries Council of Iceland and the "
                + "Seed Institute of Peru on the expedition.";
        List<Entity> entities = extract(null, text, "en");
        assertThat(named(entities, "Danish Glacier Survey").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "Fisheries Council of Iceland").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "Seed Institute of Peru").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(entities).extracting(Entity::name).doesNotContain("Glacier Survey", "Iceland", "Peru");
    }

    @Test
    void geographicHeadsMakePlaces() {
        String text = "The ferry crossed Lake Tanganyika before the crew flew home from Nairobi Airport. "
                + "Later they camped in the Brenner Hills near the Hallberg Glacier.";
        List<Entity> entities = extract(null, text, "en");
        assertThat(named(entities, "Lake Tanganyika").type()).isEqualTo(EntityType.LOCATION);
        assertThat(named(entities, "Nairobi Airport").type()).isEqualTo(EntityType.LOCATION);
        assertThat(named(entities, "Brenner Hills").type()).isEqualTo(EntityType.LOCATION);
        assertThat(named(entities, "Hallberg Glacier").type()).isEqualTo(EntityType.LOCATION);
    }

    @Test
    void particlesAndDescriptorsMakeBodiesNotPeople() {
        List<Entity> es = extract(null, "El presupuesto fue aprobado por el Consorci de Girona y la Fundació Pere Tarrés.", "es");
        assertThat(named(es, "Consorci de Girona").type()).isEqualTo(EntityType.ORGANIZATION);
        List<Entity> sv = extract(null, "Verkstaden ägs av skogskoncernen Norrskog, som investerar mer.", "sv");
        assertThat(named(sv, "Norrskog").type()).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void scandinavianPlaceCompoundsAndMonthsThatAreAlsoTowns() {
        List<Entity> nb = extract(null, "Turen gikk over Saltfjellet og videre inn på Finnmarksvidda før helgen.", "nb");
        assertThat(named(nb, "Saltfjellet").type()).isEqualTo(EntityType.LOCATION);
        assertThat(named(nb, "Finnmarksvidda").type()).isEqualTo(EntityType.LOCATION);
        List<Entity> de = extract(null, "Die Arbeiten sollen im März beginnen, sagte die Stadtverwaltung.", "de");
        assertThat(de).extracting(Entity::type).doesNotContain(EntityType.LOCATION);
    }

    @Test
    void aPlaceInsideAHyphenatedNameIsNotReportedAlone() {
        List<Entity> entities = extract(null, "Les vols au départ de Lyon-Saint-Exupéry ont été annulés mardi.", "fr");
        assertThat(entities).extracting(Entity::name).doesNotContain("Lyon");
        List<Entity> de = extract(null, "Der Deutsche Apothekerverband warnte am Montag vor Engpässen.", "de");
        assertThat(named(de, "Deutsche Apothekerverband").type()).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void lowerCaseBodyNounsCoordinationAndAdjectivesInNames() {
        List<Entity> nn = extract(null, "Pasienten vart send til Førde sjukehus, og Statens vegvesen stengde vegen.", "nn");
        assertThat(named(nn, "Førde sjukehus").type()).isEqualTo(EntityType.ORGANIZATION);
        List<Entity> nb = extract(null, "Saken er meldt til Arbeidstilsynet og Petroleumstilsynet i dag.", "nb");
        assertThat(nb).extracting(Entity::name).contains("Arbeidstilsynet", "Petroleumstilsynet")
                .doesNotContain("Arbeidstilsynet og Petroleumstilsynet");
        List<Entity> es = extract(null, "La propuesta fue apoyada por Izquierda Democrática en el pleno.", "es");
        assertThat(named(es, "Izquierda Democrática").type()).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void shipsNamedAfterPlacesAndPeopleAreProducts() {
        List<Entity> entities = extract(null, "The frigate HMS Portland escorted the research vessel RRS Sir Ernest "
                + "Shackleton past the coast.", "en");
        assertThat(named(entities, "HMS Portland").type()).isEqualTo(EntityType.PRODUCT);
        assertThat(named(entities, "RRS Sir Ernest Shackleton").type()).isEqualTo(EntityType.PRODUCT);
        assertThat(entities).extracting(Entity::name).doesNotContain("Portland", "Ernest Shackleton");
    }

    @Test
    void anUnknownRunOfCapitalsIsNoPersonWithoutEvidence() {
        List<Entity> entities = extract(null, "Crowds gathered outside Harwick Palace on Sunday, while the Marrow Valley "
                + "Championship was postponed and Typhoon Belinha moved north. Services at St Aldric Cathedral and the "
                + "Kelvmoor Stadium were cancelled, and the deal with Corvanta Delmare was signed.", "en");
        assertThat(named(entities, "Harwick Palace").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "Marrow Valley Championship").type()).isEqualTo(EntityType.EVENT);
        assertThat(named(entities, "Typhoon Belinha").type()).isEqualTo(EntityType.EVENT);
        assertThat(named(entities, "St Aldric Cathedral").type()).isEqualTo(EntityType.LOCATION);
        assertThat(named(entities, "Kelvmoor Stadium").type()).isEqualTo(EntityType.LOCATION);
        assertThat(entities).filteredOn(e -> e.type() == EntityType.PERSON).isEmpty();
    }

    @Test
    void rolesAndDepartmentsAreCutFromAPersonsName() {
        List<Entity> en = extract(null, "On Sunday Archbishop Tendai Mukwevho led the service.", "en");
        assertThat(named(en, "Tendai Mukwevho").type()).isEqualTo(EntityType.PERSON);
        assertThat(en).extracting(Entity::name).doesNotContain("Archbishop Tendai Mukwevho");
        List<Entity> it = extract(null, "Ieri il ministro della Cultura Ottavio Bramante ha visitato il museo.", "it");
        assertThat(named(it, "Ottavio Bramante").type()).isEqualTo(EntityType.PERSON);
        assertThat(it).extracting(Entity::name).doesNotContain("Cultura Ottavio Bramante");
    }

    @Test
    void peopleWithRareGivenNamesAreFoundThroughContext() {
        List<Entity> en = extract(null, "The award went to Teodric Vanhal (52) on Friday. The prize was shared with "
                + "Quorra Sorvanen. She thanked the jury. The union's spokesperson, Yesenka Darrow, declined to comment. "
                + "The motion from Ruadh Tenbury passed, and Tenbury said it was overdue. The guests were Tavi Ormsund "
                + "and Kari Nordvik. Mr Ilkka Blaxtun arrived late.", "en");
        for (String name : List.of("Teodric Vanhal", "Quorra Sorvanen", "Yesenka Darrow", "Ruadh Tenbury",
                "Tavi Ormsund", "Ilkka Blaxtun")) {
            assertThat(named(en, name).type()).as(name).isEqualTo(EntityType.PERSON);
        }
        List<Entity> nb = extract(null, "Løpet ble vunnet av kenyanske Kibet Langat foran to nordmenn.", "nb");
        assertThat(named(nb, "Kibet Langat").type()).isEqualTo(EntityType.PERSON);
    }

    @Test
    void nynorskAndSwedishTitlesAndCompoundRolesIntroduceAPerson() {
        String[][] cases = {
            {"nn", "– Det er for seint, seier leiar Bjarvid Skorheim i elvelaget.", "Bjarvid Skorheim"},
            {"nn", "Kommunen er klar. Ordførar Eldrun Tvedtnes vil vente.", "Eldrun Tvedtnes"},
            {"nb", "Renta blir liggende, sier sjeføkonom Tarvald Ekrem i banken.", "Tarvald Ekrem"},
            {"sv", "Det är allvarligt, säger forskaren Ulvhild Marnäs vid universitetet.", "Ulvhild Marnäs"},
            {"de", "„Es wird knapp“, sagte Geschäftsführerin Wiebrun Kastorff am Montag.", "Wiebrun Kastorff"}};
        for (String[] c : cases) {
            List<Entity> entities = extract(null, c[1], c[0]);
            assertThat(named(entities, c[2]).type()).as(c[1]).isEqualTo(EntityType.PERSON);
            assertThat(entities).as(c[1]).hasSize(1); // the role is no part of the name
        }
    }

    @Test
    void givenNamesFromThePublishedListsMakeAPerson() {
        List<Entity> entities = extract(null, "The talks were led by Aurelian Voskuijlen and Ludovica Marchetto-Brun.", "en");
        assertThat(named(entities, "Aurelian Voskuijlen").type()).isEqualTo(EntityType.PERSON);
        assertThat(named(entities, "Ludovica Marchetto-Brun").type()).isEqualTo(EntityType.PERSON);
    }

    @Test
    void givenNamesThatAreAlsoWordsOrTownsStillOpenAName() {
        List<Entity> de = extract(null, "Das bestätigte der Chemiker Christian Vollrath. Die Ministerin Sabine Kronach "
                + "sprach von einem guten Tag.", "de");
        assertThat(named(de, "Christian Vollrath").type()).isEqualTo(EntityType.PERSON);
        assertThat(named(de, "Sabine Kronach").type()).isEqualTo(EntityType.PERSON);
        assertThat(de).extracting(Entity::name).doesNotContain("Kronach");
        List<Entity> sv = extract(null, "Det går bra, säger Per Ekwall, presschef på bolaget.", "sv");
        assertThat(named(sv, "Per Ekwall").type()).isEqualTo(EntityType.PERSON);
    }

    @Test
    void aSingleWordThatSaysSomethingIsAPersonOnlyAsPartOfAFullName() {
        List<Entity> entities = extract(null, "Analysts at Corvell said the upgrade was large. The chair, Ruadh Tenbury, "
                + "agreed, and Tenbury said more would follow.", "en");
        assertThat(entities).extracting(Entity::name).doesNotContain("Corvell");
        assertThat(named(entities, "Ruadh Tenbury").count()).isEqualTo(2);
    }
    @Test
    void aBodyNamedForTwoSubjectsKeepsItsAnd() {
        List<Entity> en = extract(null, "Observers from the Office for Democratic Institutions and Human Rights said the "
                + "Party of Action and Solidarity won. The Ministry of Health and Norway signed a deal with the Bank of "
                + "Ireland and Vantoria.", "en");
        assertThat(named(en, "Office for Democratic Institutions and Human Rights").type())
                .isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(en, "Party of Action and Solidarity").type()).isEqualTo(EntityType.ORGANIZATION);
        // A country after "and" is a name of its own, and a name takes one "and" only.
        assertThat(en).extracting(Entity::name).contains("Ministry of Health", "Norway")
                .noneMatch(name -> name.contains("Vantoria") && name.contains("Bank"));
    }

    @Test
    void romancePlacesWithALowerCaseHeadKeepIt() {
        assertFound(EntityType.LOCATION,
                new String[]{"fr", "Les bateaux passeront le cap Horn après le golfe de Gascogne.", "cap Horn"},
                new String[]{"fr", "Les bateaux passeront le cap Horn après le golfe de Gascogne.", "golfe de Gascogne"},
                new String[]{"es", "Las tortugas del volcán Wolf llegaron a la costa.", "volcán Wolf"},
                new String[]{"it", "La corsa sale al Passo di Ganda e poi al Colle Aperto.", "Passo di Ganda"},
                new String[]{"it", "La corsa sale al Passo di Ganda e poi al Colle Aperto.", "Colle Aperto"});
        // Italian "capo" is as often a chief as a cape.
        assertThat(extract(null, "Lo ha detto il capo del Dipartimento, Carlo Verri.", "it")).extracting(Entity::name)
                .noneMatch(name -> name.startsWith("capo"));
    }

    @Test
    void anAppositionEndsAtASecondArticle() {
        // "a" is a verb here: the noun after the next article says nothing about the name before the comma.
        assertThat(named(extract(null, "Le ministre des Transports, Philippe Tabarot, a appelé le syndicat à négocier.",
                "fr"), "Philippe Tabarot").type()).isEqualTo(EntityType.PERSON);
    }

    @Test
    void aTownWithAParticleBetweenCapitalsIsOneName() {
        List<Entity> nn = extract(null, "Nasjonalbiblioteket har digitalisert rullane i Mo i Rana.", "nn");
        assertThat(named(nn, "Mo i Rana").geo()).isNotNull();
        assertThat(nn).extracting(Entity::name).doesNotContain("Mo", "Rana");
        assertThat(named(extract(null, "Los peregrinos llegaron a Santiago de Compostela el domingo.", "es"),
                "Santiago de Compostela").type()).isEqualTo(EntityType.LOCATION);
        // Capitalised words joined by hyphens are one name too, whatever each word means alone.
        assertThat(named(extract(null, "Les marins ont bloqué le port de Saint-Malo mardi.", "fr"), "Saint-Malo").geo())
                .isNotNull();
    }
    @Test
    void aMiddleInitialStaysInsideTheName() {
        List<Entity> nn = extract(null, "Opptaka vart gjorde av ein prest, Ole T. Bjørgum, som reiste rundt.", "nn");
        assertThat(named(nn, "Ole T. Bjørgum").type()).isEqualTo(EntityType.PERSON);
        // So do Irish surname particles.
        assertThat(named(extract(null, "General secretary Phil Ní Sheaghdha said the figures were shocking.", "en"),
                "Phil Ní Sheaghdha").type()).isEqualTo(EntityType.PERSON);
        // After a word that is no given name the full stop ends the sentence.
        assertThat(extract(null, "Il club è retrocesso in Serie C. Vedere lo stadio vuoto fa male.", "it"))
                .extracting(Entity::name).noneMatch(name -> name.contains("Vedere"));
    }

    @Test
    void aCompanysNameInsideAPersonsIsThePersons() {
        List<Entity> nb = extract(null, "Det sier ordfører i Porsgrunn, Janne Sandvik Karlsen (H). Analytiker Siri "
                + "Fossum i DNB Carnegie mener beslutningen var ventet.", "nb");
        assertThat(named(nb, "Janne Sandvik Karlsen").type()).isEqualTo(EntityType.PERSON);
        assertThat(nb).extracting(Entity::type).doesNotContain(EntityType.PRODUCT); // a bank makes no models
    }

    @Test
    void museumsAndLibrariesAreBodiesAndTwoBodiesStayTwo() {
        List<Entity> nn = extract(null, "Det seier konservator Gunhild Kveste ved Setesdalsmuseet. Setesdalsmuseet og "
                + "Vesterheim har delt opptaka, og ein arkivar kontakta Nasjonalbiblioteket.", "nn");
        assertThat(named(nn, "Setesdalsmuseet").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(nn, "Nasjonalbiblioteket").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(nn).extracting(Entity::name).noneMatch(name -> name.contains(" og "));
    }
    @Test
    void arabicArticlesShipsAndAgenciesOfACountryStayInTheName() {
        List<Entity> en = extract(null, "QatarEnergy chief executive Saad Sherida al-Kaabi said the fire aboard KM Cahaya "
                + "Timur was out. The Public Health Agency of Canada and the National Search and Rescue Agency agreed.",
                "en");
        assertThat(named(en, "Saad Sherida al-Kaabi").type()).isEqualTo(EntityType.PERSON);
        assertThat(named(en, "KM Cahaya Timur").type()).isEqualTo(EntityType.PRODUCT);
        assertThat(named(en, "Public Health Agency of Canada").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(en, "National Search and Rescue Agency").type()).isEqualTo(EntityType.ORGANIZATION);
        // Two bodies with a head each stay two.
        assertThat(extract(null, "The National Museum and National Gallery closed.", "en")).extracting(Entity::name)
                .contains("National Museum", "National Gallery");
    }

    @Test
    void aTownNamedLikeAWordIsPlacedByOriginOrByAListOfPlaces() {
        List<Entity> nb = extract(null, "Også i Kautokeino, Alta og på Banak ble det varmt. Anna Odine Strøm fra Alta "
                + "hoppet seg opp.", "nb");
        assertThat(named(nb, "Alta").type()).isEqualTo(EntityType.LOCATION);
        assertThat(named(nb, "Alta").mentions()).hasSize(2);
    }
    @Test
    void districtsBodiesAndCompassPartsNamedAfterAKnownPlace() {
        List<Entity> de = extract(null, "Im Landkreis Miesbach und im Kanton Zürich schneite es. In Ostdeutschland und "
                + "Nordhessen auch.", "de");
        assertThat(namesOf(EntityType.LOCATION, de))
                .contains("Landkreis Miesbach", "Kanton Zürich", "Ostdeutschland", "Nordhessen");
        List<Entity> nb = extract(null, "Helse Møre og Romsdal vil flytte fødslane. Saka er meld til Møre og Romsdal "
                + "politidistrikt. Oslo kommune protesterte. Ho vart flogen til St. Olavs hospital.", "nb");
        assertThat(namesOf(EntityType.ORGANIZATION, nb)).contains("Helse Møre og Romsdal",
                "Møre og Romsdal politidistrikt", "Oslo kommune", "St. Olavs hospital");
        // A descriptor opening the sentence is no body's head, a definite body noun no name's end.
        assertThat(extract(null, "Selskapet Hardanger Fjordlaks tapte. Ifølgje selskapet var det uventa.", "nn"))
                .extracting(Entity::name).noneMatch(name -> name.startsWith("Selskapet") || name.startsWith("Ifølgje"));
    }

    @Test
    void scandinavianCoastsBridgesRailwaysAndClubs() {
        List<Entity> nb = extract(null, "Stormen stengte Helgelandsbrua, Kystriksveien og Nordlandsbanen langs "
                + "Helgelandskysten.", "nb");
        assertThat(namesOf(EntityType.LOCATION, nb))
                .contains("Helgelandsbrua", "Kystriksveien", "Nordlandsbanen", "Helgelandskysten");
        assertThat(named(extract(null, "Åkaren från IFK Mora vann loppet.", "sv"), "IFK Mora").type())
                .isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(extract(null, "Strejken stoppade Brittany Ferries i Roscoff.", "sv"), "Brittany Ferries").type())
                .isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(extract(null, "El acuífero del Parque Nacional de Doñana baja.", "es"),
                "Parque Nacional de Doñana").type()).isEqualTo(EntityType.LOCATION);
    }
    @Test
    void norwegianVillagesFromThePostalRegisterArePlacedByTheirPreposition() {
        List<Entity> nn = extract(null, "Elevane kjem frå skulane i Loen, Olden og Hyen. Ho budde på Vigra.", "nn");
        assertThat(namesOf(EntityType.LOCATION, nn)).contains("Loen", "Olden", "Hyen", "Vigra");
        assertThat(namesOf(EntityType.LOCATION, extract(null, "Også i Loen, Olden og Hyen har det gått skred.", "nb")))
                .contains("Loen", "Olden", "Hyen");
        // Without a preposition such a name is no place ("Moen" is a surname as often as a village).
        assertThat(extract(null, "Olden sa at saka var avgjort.", "nn")).extracting(Entity::name).doesNotContain("Olden");
    }
    @Test
    void racesNamedInOneWordAndBodiesOfAPeople() {
        List<Entity> nb = extract(null, "Han vant Finnmarksløpet for tredje gang. Hun gikk Vasaloppet i fjor.", "nb");
        assertThat(namesOf(EntityType.EVENT, nb)).contains("Finnmarksløpet", "Vasaloppet");
        assertThat(named(extract(null, "The Tanzania People's Defence Force denied it.", "en"),
                "Tanzania People's Defence Force").type()).isEqualTo(EntityType.ORGANIZATION);
    }
    @Test
    void aPlaceInsideABodysSpelledOutNameIsNoMentionOfItsOwn() {
        List<Entity> nb = extract(null, "Satellitten er bygd ved Norges teknisk-naturvitenskapelige universitet (NTNU) i "
                + "Trondheim.", "nb");
        assertThat(named(nb, "Norges teknisk-naturvitenskapelige universitet").type())
                .isEqualTo(EntityType.ORGANIZATION);
        assertThat(nb).extracting(Entity::name).doesNotContain("Norway").contains("Trondheim");
    }
    @Test
    void aNorwegianBodyNamedForARegionTakesItsPreposition() {
        List<Entity> nn = extract(null, "Ho studerer ved Høgskulen på Vestlandet, og Universitetet i Søraust-Noreg har "
                + "campus i Bø.", "nn");
        assertThat(named(nn, "Høgskulen på Vestlandet").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(nn).extracting(Entity::name).doesNotContain("Western Norway", "Norway");
    }
    @Test
    void germanValleysLakesAndRangesNamedInOneWord() {
        List<Entity> de = extract(null, "Die Lawine ging im Ötztal ab. Am Bodensee und im Erzgebirge schneite es, im "
                + "Schwarzwald und im Allgäu auch. Das Eigenkapital der Bank stieg im dritten Quartal, im Ausland und "
                + "im Stadtwald.", "de");
        assertThat(namesOf(EntityType.LOCATION, de)).contains("Ötztal", "Bodensee", "Erzgebirge", "Schwarzwald",
                "Allgäu");
        assertThat(de).extracting(Entity::name).doesNotContain("Eigenkapital", "Quartal", "Ausland", "Stadtwald");
    }
    @Test
    void nordicDistrictsAndLandscapesAreKnownPlaces() {
        List<Entity> nb = extract(null, "Uværet stengte vegene på Helgeland og i Nordmøre, og i Valdres gikk strømmen.",
                "nb");
        assertThat(namesOf(EntityType.LOCATION, nb)).contains("Helgeland", "Nordmøre", "Valdres");
        // A Norwegian district named like a German noun is that only in Norwegian.
        assertThat(extract(null, "Die Zahl der Toten stieg auf zwölf.", "de")).extracting(Entity::type)
                .doesNotContain(EntityType.LOCATION);
    }
    @Test
    void aStatementGivenToAnOutletEndsWithItsSentence() {
        List<Entity> nb = extract(null, "– Neste år skal vi vinne, sa Eira.\n\nTredjeplassen gikk til Jonas Haugli fra "
                + "Tromsø. – Det var tøft, sier han til Altaposten.", "nb");
        assertThat(named(nb, "Jonas Haugli").type()).isEqualTo(EntityType.PERSON);
        assertThat(named(nb, "Altaposten").type()).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void germanNamesOpeningWithACapitalisedAdjectiveAreTypedByTheirNoun() {
        List<Entity> de = extract(null, "Die Leitung soll unter dem Kaspischen Meer verlaufen. Das Rote Kreuz half, "
                + "berichtete die Kleine Zeitung. Im Aachener Dom spielten die Stuttgarter Philharmoniker, danach "
                + "begannen die Bayreuther Festspiele. Die Stuttgarter Abwehr stand sicher.", "de");
        assertThat(named(de, "Kaspischen Meer").type()).isEqualTo(EntityType.LOCATION);
        assertThat(named(de, "Aachener Dom").type()).isEqualTo(EntityType.LOCATION);
        assertThat(named(de, "Rote Kreuz").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(de, "Kleine Zeitung").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(de, "Stuttgarter Philharmoniker").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(de, "Bayreuther Festspiele").type()).isEqualTo(EntityType.EVENT);
        // A place's adjective before an ordinary noun only says where.
        assertThat(de).extracting(Entity::name).doesNotContain("Stuttgarter Abwehr");
    }

    @Test
    void aGermanBodyNamedAfterItsSeatButNotTheEndOfALongerName() {
        List<Entity> de = extract(null, "Die Feuerwehr Hamburg rückte aus, das Gesundheitsamt Stuttgart warnte. Die "
                + "Klassik Stiftung Weimar öffnet das Haus. Die Feuerwehr war schnell vor Ort, die Kraftwerke liefen.",
                "de");
        assertThat(named(de, "Feuerwehr Hamburg").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(de, "Gesundheitsamt Stuttgart").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(de).extracting(Entity::name).doesNotContain("Stiftung Weimar", "Feuerwehr", "Kraftwerke");
    }

    @Test
    void aNameAfterAnArticleOrOpeningWithOneIsNoPerson() {
        List<Entity> es = extract(null, "El cayuco llegó a La Restinga el lunes. La Cruz Roja atendió a los "
                + "pasajeros en La Gomera.", "es");
        assertThat(es).extracting(Entity::type).doesNotContain(EntityType.PERSON);
        assertThat(named(es, "La Gomera").type()).isEqualTo(EntityType.LOCATION);
        List<Entity> en = extract(null, "Visitors to the Blue Lagoon were sent home. A second project, Imerys British "
                + "Lithium, plans a mine.", "en");
        assertThat(en).extracting(Entity::type).doesNotContain(EntityType.PERSON);
    }

    @Test
    void aRoleAndItsHolderBeforeINameTheEmployerAndTheCompanyFormEndsItsName() {
        List<Entity> nb = extract(null, "Prisene stiger, sier analytiker Tor Lien i Vardemo. Kontrakten gikk til Otra "
                + "Bygg AS, og daglig leder i Kvernbekk IL var fornøyd. Han bor i Tangvall.", "nb");
        assertThat(named(nb, "Vardemo").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(nb, "Otra Bygg AS").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(nb, "Kvernbekk IL").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(nb).extracting(Entity::name).doesNotContain("Otra Bygg");
    }

    @Test
    void aRomanceBodyOrFeatureNamedAfterAPlaceKeepsThePlaceInItsName() {
        List<Entity> es = extract(null, "Firmaron la Universidad de La Laguna y la Universidad de Chile. Las lanchas "
                + "cruzan el Estrecho de Gibraltar. El presidente de Colombia habló en La Gomera y El Hierro.", "es");
        assertThat(named(es, "Universidad de La Laguna").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(es, "Universidad de Chile").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(es, "Estrecho de Gibraltar").type()).isEqualTo(EntityType.LOCATION);
        assertThat(namesOf(EntityType.LOCATION, es)).contains("Colombia", "La Gomera", "El Hierro");
        List<Entity> it = extract(null, "La messa si tiene nella Basilica di Santa Croce.", "it");
        assertThat(named(it, "Basilica di Santa Croce").type()).isEqualTo(EntityType.LOCATION);
    }

    @Test
    void leaguesAreEventsAndHockeyClubsKeepTheirDistrictNames() {
        List<Entity> nb = extract(null, "Laget rykket opp til Eliteserien fra OBOS-ligaen og spiller i Europaligaen.",
                "nb");
        assertThat(namesOf(EntityType.EVENT, nb)).contains("Eliteserien", "OBOS-ligaen", "UEFA Europa League");
        List<Entity> sv = extract(null, "Färjestad slog Frölunda i SHL-finalen och vann SHL för tionde gången.", "sv");
        assertThat(namesOf(EntityType.ORGANIZATION, sv)).contains("Färjestad BK", "Frölunda HC");
        List<Entity> de = extract(null, "Ein Sprecher des Kultusministeriums bestätigte die Zahlen.", "de");
        assertThat(namesOf(EntityType.ORGANIZATION, de)).contains("Kultusministeriums");
    }

    @Test
    void placesFromADatelineOrAPrepositionThatPutsPlacesAfterIt() {
        List<Entity> nb = extract(null, "KVERNVIKA: Vannet steg over natten. Festen holdes på Storvollen, og bussen "
                + "stopper på SMS-varsel.", "nb");
        assertThat(namesOf(EntityType.LOCATION, nb)).contains("KVERNVIKA", "Storvollen");
        List<Entity> fr = extract(null, "Le gel a frappé à Vardoncourt. Le maire a confié à La Gazette du Val qu'il "
                + "avait parlé à Adèle Morin.", "fr");
        assertThat(named(fr, "Vardoncourt").type()).isEqualTo(EntityType.LOCATION);
        assertThat(named(fr, "La Gazette du Val").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(fr, "Adèle Morin").type()).isEqualTo(EntityType.PERSON);
    }

    @Test
    void aSwedishStatementNamesItsSpeakerButNotTheBodyOwningTheNextNoun() {
        List<Entity> sv = extract(null, "Vattnet är som gröt, säger Sofia Eriksson vid länsstyrelsen. Det är "
                + "allvarligt, säger Kvarnbergets utredare Per Lund.", "sv");
        assertThat(named(sv, "Sofia Eriksson").type()).isEqualTo(EntityType.PERSON);
        assertThat(namesOf(EntityType.PERSON, sv)).doesNotContain("Kvarnbergets");
    }

    @Test
    void anAppositionWithAnAgeOrASayingThatMakesAPersonDespiteAnOrganisationNoun() {
        List<Entity> en = extract(null, "At a café, Tamar Gvenetadze, a 27-year-old software developer, shook her "
                + "head.", "en");
        assertThat(named(en, "Tamar Gvenetadze").type()).isEqualTo(EntityType.PERSON);
        List<Entity> nb = extract(null, "Lagleder i Skien, Torgeir Vennesland, sa at partiet ikke utelukker noe.",
                "nb");
        assertThat(named(nb, "Torgeir Vennesland").type()).isEqualTo(EntityType.PERSON);
        List<Entity> officer = extract(null, "We can stop it, said Dr Amos Kiiza, the district health officer. The "
                + "president, Levan Kobakhidze, a former footballer chosen by parliament, signed.", "en");
        assertThat(named(officer, "Amos Kiiza").type()).isEqualTo(EntityType.PERSON);
        assertThat(named(officer, "Levan Kobakhidze").type()).isEqualTo(EntityType.PERSON);
    }

    @Test
    void anUnknownNameListedWithAKnownPlaceIsAPlace() {
        List<Entity> es = extract(null, "Los adultos serán trasladados a Tenerife y Gran Canaria.", "es");
        assertThat(namesOf(EntityType.LOCATION, es)).contains("Gran Canaria");
        List<Entity> fr = extract(null, "Le gel a frappé les vignes entre Lyon, Vallemont et Grenoble.", "fr");
        assertThat(namesOf(EntityType.LOCATION, fr)).contains("Vallemont");
        List<Entity> de = extract(null, "Hagel traf Dornbirn, Lustenau und Hohenweiler, Berlin und Umgebung auch.",
                "de");
        assertThat(namesOf(EntityType.LOCATION, de)).contains("Hohenweiler").doesNotContain("Umgebung");
        List<Entity> en = extract(null, "The Mayor of London, Ravi Chandran, urged calm.", "en");
        assertThat(namesOf(EntityType.LOCATION, en)).doesNotContain("Ravi Chandran");
    }

    @Test
    void aScandinavianBodyKeepsItsRemitAfterFor() {
        List<Entity> nb = extract(null, "Det viser tall fra Direktoratet for medisinske produkter. Kommunen for tredje "
                + "gang sa nei, og Norsk institutt for vannforskning er enig.", "nb");
        assertThat(namesOf(EntityType.ORGANIZATION, nb)).contains("Direktoratet for medisinske produkter",
                "Norsk institutt for vannforskning");
        assertThat(nb).extracting(Entity::name).doesNotContain("Kommunen for tredje gang");
    }
}

