package io.newsflow.enrich.language;

/** Short news paragraphs written for these tests (original text), by language. */
final class NewsParagraphs {

    // The same story in each language: a city council closes two libraries.
    static final String ENGLISH = "The city council voted on Tuesday to close two of its oldest libraries at the end "
            + "of the year, despite protests from residents who said the buildings were an important part of the "
            + "community. The mayor said the decision was painful but that the budget left no other choice. "
            + "Opponents have promised to take the matter to court, and a petition against the closures has already "
            + "been signed by more than four thousand people. The libraries will remain open until December while "
            + "the council looks for a buyer for the buildings.";
    static final String BOKMAL = "Bystyret vedtok tirsdag å legge ned to av de eldste bibliotekene i byen ved "
            + "årsskiftet, til tross for protester fra innbyggerne. Ordføreren sier at beslutningen var tung, men at "
            + "budsjettet ikke ga noe annet valg. Motstanderne har varslet at de vil ta saken til retten, og over "
            + "fire tusen personer har allerede skrevet under på et opprop mot nedleggelsen. Bibliotekene skal holde "
            + "åpent fram til desember mens kommunen leter etter en kjøper for byggene.";
    static final String NYNORSK = "Bystyret vedtok tysdag å leggje ned to av dei eldste biblioteka i byen ved "
            + "årsskiftet, trass i protestar frå innbyggjarane. Ordføraren seier at avgjerda var tung, men at "
            + "budsjettet ikkje gav noko anna val. Motstandarane har varsla at dei vil ta saka til retten, og over "
            + "fire tusen personar har alt skrive under på eit opprop mot nedlegginga. Biblioteka skal halde ope "
            + "fram til desember medan kommunen leitar etter ein kjøpar til bygga.";
    static final String DANISH = "Byrådet besluttede tirsdag at lukke to af byens ældste biblioteker ved årsskiftet, "
            + "selv om mange borgere har protesteret. Borgmesteren siger, at beslutningen var svær, men at budgettet "
            + "ikke gav noget andet valg. Modstanderne har meddelt, at de vil føre sagen for retten, og over fire "
            + "tusind personer har allerede skrevet under på en underskriftindsamling mod lukningen. Bibliotekerne "
            + "holder åbent indtil december, mens kommunen leder efter en køber til bygningerne.";
    static final String SWEDISH = "Kommunfullmäktige beslutade på tisdagen att stänga två av stadens äldsta "
            + "bibliotek vid årsskiftet, trots protester från invånarna. Kommunalrådet säger att beslutet var tungt "
            + "men att budgeten inte gav något annat val. Motståndarna har meddelat att de kommer att driva frågan i "
            + "domstol, och mer än fyra tusen personer har redan skrivit under ett upprop mot nedläggningen. "
            + "Biblioteken ska hålla öppet fram till december medan kommunen letar efter en köpare till byggnaderna.";
    static final String GERMAN = "Der Stadtrat hat am Dienstag beschlossen, zwei der ältesten Bibliotheken der Stadt "
            + "zum Jahresende zu schließen, obwohl viele Bürger dagegen protestiert hatten. Der Bürgermeister sagte, "
            + "die Entscheidung sei ihm schwergefallen, aber der Haushalt lasse keine andere Wahl. Die Gegner wollen "
            + "nun vor Gericht ziehen, und mehr als viertausend Menschen haben bereits eine Petition gegen die "
            + "Schließung unterschrieben. Die Bibliotheken bleiben bis Dezember geöffnet, während die Stadt einen "
            + "Käufer für die Gebäude sucht.";
    static final String DUTCH = "De gemeenteraad heeft dinsdag besloten om twee van de oudste bibliotheken van de "
            + "stad aan het einde van het jaar te sluiten, ondanks protesten van bewoners. De burgemeester zei dat "
            + "het een moeilijke beslissing was, maar dat de begroting geen andere keuze liet. De tegenstanders "
            + "willen naar de rechter stappen en meer dan vierduizend mensen hebben al een petitie tegen de sluiting "
            + "getekend. De bibliotheken blijven tot december open terwijl de gemeente een koper voor de gebouwen "
            + "zoekt.";
    static final String FRENCH = "Le conseil municipal a voté mardi la fermeture de deux des plus anciennes "
            + "bibliothèques de la ville à la fin de l'année, malgré les protestations des habitants. Le maire a "
            + "déclaré que la décision avait été difficile, mais que le budget ne laissait pas d'autre choix. Les "
            + "opposants ont annoncé qu'ils allaient saisir la justice, et plus de quatre mille personnes ont déjà "
            + "signé une pétition contre les fermetures. Les bibliothèques resteront ouvertes jusqu'en décembre "
            + "pendant que la mairie cherche un acheteur pour les bâtiments.";
    static final String SPANISH = "El ayuntamiento aprobó el martes el cierre de dos de las bibliotecas más antiguas "
            + "de la ciudad a finales de año, pese a las protestas de los vecinos. El alcalde dijo que la decisión "
            + "había sido difícil, pero que el presupuesto no dejaba otra opción. Los opositores han anunciado que "
            + "llevarán el asunto a los tribunales, y más de cuatro mil personas ya han firmado una petición contra "
            + "los cierres. Las bibliotecas seguirán abiertas hasta diciembre mientras el ayuntamiento busca un "
            + "comprador para los edificios.";
    static final String ITALIAN = "Il consiglio comunale ha approvato martedì la chiusura di due delle biblioteche "
            + "più antiche della città alla fine dell'anno, nonostante le proteste dei residenti. Il sindaco ha "
            + "detto che la decisione è stata difficile, ma che il bilancio non lasciava altra scelta. Gli "
            + "oppositori hanno annunciato che porteranno la questione in tribunale, e più di quattromila persone "
            + "hanno già firmato una petizione contro le chiusure. Le biblioteche resteranno aperte fino a dicembre "
            + "mentre il comune cerca un acquirente per gli edifici.";
    static final String PORTUGUESE = "A câmara municipal aprovou na terça-feira o encerramento de duas das "
            + "bibliotecas mais antigas da cidade no final do ano, apesar dos protestos dos moradores. O presidente "
            + "da câmara disse que a decisão foi difícil, mas que o orçamento não deixava outra escolha. Os "
            + "opositores anunciaram que vão levar o caso aos tribunais, e mais de quatro mil pessoas já assinaram "
            + "uma petição contra os encerramentos. As bibliotecas vão continuar abertas até dezembro enquanto a "
            + "câmara procura um comprador para os edifícios.";
    static final String CATALAN = "L'ajuntament va aprovar dimarts el tancament de dues de les biblioteques més "
            + "antigues de la ciutat a final d'any, malgrat les protestes dels veïns. L'alcalde va dir que la "
            + "decisió havia estat difícil, però que el pressupost no deixava cap altra opció. Els opositors han "
            + "anunciat que portaran el cas als tribunals, i més de quatre mil persones ja han signat una petició "
            + "contra els tancaments. Les biblioteques continuaran obertes fins al desembre mentre l'ajuntament "
            + "busca un comprador per als edificis.";
    // A second Catalan and Galician story, so that the result does not hang on one text.
    static final String CATALAN_STORM = "El temporal de pluja i vent que ha afectat la costa aquest cap de setmana "
            + "ha obligat a tallar diverses carreteres i ha deixat sense llum milers de llars. Segons el servei de "
            + "meteorologia, les pluges continuaran fins dimecres, tot i que seran menys intenses. Els bombers han "
            + "fet més de dues-centes sortides, la majoria per arbres caiguts i soterranis inundats. Les autoritats "
            + "demanen als ciutadans que evitin els desplaçaments que no siguin imprescindibles.";
    static final String GALICIAN = "O concello aprobou o martes o peche de dúas das bibliotecas máis antigas da "
            + "cidade a finais de ano, malia as protestas da veciñanza. O alcalde dixo que a decisión fora difícil, "
            + "pero que o orzamento non deixaba outra opción. Os opositores anunciaron que levarán o asunto aos "
            + "tribunais, e máis de catro mil persoas xa asinaron unha petición contra os peches. As bibliotecas "
            + "seguirán abertas ata decembro mentres o concello busca un comprador para os edificios.";
    static final String GALICIAN_STORM = "O temporal de choiva e vento que afectou a costa esta fin de semana "
            + "obrigou a cortar varias estradas e deixou sen luz miles de fogares. Segundo o servizo de "
            + "meteoroloxía, as choivas continuarán ata o mércores, aínda que serán menos intensas. Os bombeiros "
            + "fixeron máis de duascentas saídas, a maioría por árbores caídas e baixos asolagados. As autoridades "
            + "piden á cidadanía que evite os desprazamentos que non sexan imprescindibles.";
    // Close relatives of Dutch and German that have lists only so that they are not mistaken for them.
    static final String FRISIAN = "De gemeenteried hat tiisdei besletten om twa fan de âldste bibleteken fan 'e stêd "
            + "oan 'e ein fan it jier te sluten, nettsjinsteande protesten fan 'e ynwenners. De boargemaster sei dat "
            + "it in swier beslút wie, mar dat de begrutting gjin oare kar liet. De tsjinstanners wolle nei de "
            + "rjochter en mear as fjouwertûzen minsken hawwe al in petysje tsjin de sluting tekene. De bibleteken "
            + "bliuwe oant desimber iepen, wylst de gemeente in keaper foar de gebouwen siket.";
    static final String LUXEMBOURGISH = "De Gemengerot huet en Dënschdeg decidéiert, zwou vun den eelste "
            + "Bibliothéike vun der Stad um Enn vum Joer zouzemaachen, obwuel vill Awunner dogéint protestéiert "
            + "hunn. De Buergermeeschter sot, d'Decisioun wier him schwéier gefall, mee de Budget léisst keng aner "
            + "Wiel. D'Géigner wëllen elo viru Geriicht goen, an iwwer véierdausend Leit hunn schonn eng Petitioun "
            + "géint d'Zoumaache ënnerschriwwen. D'Bibliothéike bleiwen bis Dezember op, während d'Gemeng no engem "
            + "Keefer fir d'Gebaier sicht.";
    // Languages without lists: the model decides.
    static final String ROMANIAN = "Consiliul local a aprobat marți închiderea a două dintre cele mai vechi "
            + "biblioteci ale orașului la sfârșitul anului, în ciuda protestelor locuitorilor. Primarul a declarat "
            + "că decizia a fost dificilă, dar că bugetul nu a lăsat altă opțiune. Opozanții au anunțat că vor duce "
            + "cazul în instanță, iar peste patru mii de persoane au semnat deja o petiție împotriva închiderilor. "
            + "Bibliotecile vor rămâne deschise până în decembrie, în timp ce primăria caută un cumpărător pentru "
            + "clădiri.";
    static final String POLISH = "Rada miasta zdecydowała we wtorek o zamknięciu dwóch najstarszych bibliotek w "
            + "mieście z końcem roku, mimo protestów mieszkańców. Burmistrz powiedział, że decyzja była trudna, ale "
            + "budżet nie pozostawił innego wyboru. Przeciwnicy zapowiedzieli, że skierują sprawę do sądu, a ponad "
            + "cztery tysiące osób podpisało już petycję przeciwko zamknięciu. Biblioteki pozostaną otwarte do "
            + "grudnia, a miasto szuka kupca na budynki.";
    static final String FINNISH = "Kaupunginvaltuusto päätti tiistaina sulkea kaksi kaupungin vanhimmista "
            + "kirjastoista vuoden lopussa asukkaiden vastalauseista huolimatta. Pormestarin mukaan päätös oli "
            + "vaikea, mutta talousarvio ei jättänyt muuta vaihtoehtoa. Vastustajat ovat ilmoittaneet vievänsä asian "
            + "oikeuteen, ja yli neljätuhatta ihmistä on jo allekirjoittanut vetoomuksen sulkemisia vastaan. "
            + "Kirjastot pysyvät auki joulukuuhun asti, kun kaupunki etsii rakennuksille ostajaa.";
    static final String TURKISH = "Belediye meclisi salı günü şehrin en eski iki kütüphanesinin yıl sonunda "
            + "kapatılmasına, sakinlerin protestolarına rağmen karar verdi. Belediye başkanı kararın zor olduğunu, "
            + "ancak bütçenin başka bir seçenek bırakmadığını söyledi. Karşı çıkanlar konuyu mahkemeye "
            + "taşıyacaklarını açıkladı ve dört binden fazla kişi kapatmalara karşı bir dilekçe imzaladı. "
            + "Kütüphaneler, belediye binalar için bir alıcı ararken aralık ayına kadar açık kalacak.";
    // Norwegian articles quoting English, and a German one.
    static final String BOKMAL_WITH_ENGLISH_QUOTES = "Statsministeren møtte den amerikanske presidenten i Washington "
            + "torsdag. «We have a strong partnership and we will continue to work together on security in the "
            + "north,» sa presidenten etter møtet. Statsministeren sa at Norge er klar til å ta et større ansvar i "
            + "nordområdene, og at samarbeidet med USA er viktigere enn noen gang. «This is a very important moment "
            + "for both of our countries,» la presidenten til.";
    static final String BOKMAL_OPENING_WITH_ENGLISH_QUOTE = "«We will not accept any new restrictions on our fishing "
            + "fleet, and we have made that very clear to the commission,» sa fiskeriministeren etter møtet i "
            + "Brussel mandag. Hun mener at forskerne har lagt for stor vekt på de siste toktene, og at fiskerne i "
            + "nord vil merke kuttene allerede i vinter. Norge vil ikke godta nye kvoter for torsk i Barentshavet "
            + "før saken er drøftet med Russland. Forhandlingene fortsetter i Moskva neste uke, og ministeren vil ha "
            + "med seg representanter fra fiskerinæringen.";
    static final String GERMAN_WITH_ENGLISH_QUOTE = "Der Vorstandschef des Autobauers sagte am Mittwoch in "
            + "Frankfurt, das Unternehmen werde in diesem Jahr kein Werk in Deutschland schließen. «We are not going "
            + "to close any plants in Germany this year, and we will keep investing in our sites,» sagte er vor "
            + "Investoren auf Englisch. Die Gewerkschaft begrüßte die Ankündigung, forderte aber verbindliche "
            + "Zusagen für die Zeit nach dem Jahr 2030. Die Aktie des Konzerns stieg nach der Rede um mehr als drei "
            + "Prozent.";

    private NewsParagraphs() {
    }
}
