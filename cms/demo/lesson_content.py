"""Original Dutch demo content for the lesson library: our own writing, openly licensed (EUPL-1.2)."""


def _step(
    title, minutes, organisation, work, instructions, teacher_note="", activities=()
):
    """One timed step of a lesson plan, as a plain dict."""
    return {
        "title": title,
        "minutes": minutes,
        "organisation": organisation,
        "work": work,
        "instructions": instructions,
        "teacher_note": teacher_note,
        "activities": list(activities),
    }


# The class agreements, repeated at the start of most lessons.
_AFSPRAKEN = (
    "<ul>"
    "<li>Iedereen mag zichzelf zijn.</li>"
    "<li>Wat we in de klas vertellen, blijft in de klas.</li>"
    "<li>Eén persoon praat, de anderen luisteren.</li>"
    "<li>Je mag altijd 'pas' zeggen.</li>"
    "</ul>"
)

THEMES = [
    {
        "slug": "wat-is-geluk",
        "name": "Wat is geluk?",
        "description": (
            "Wat maakt jou blij en tevreden? Leerlingen ontdekken dat geluk voor iedereen anders is "
            "en dat kleine momenten ook meetellen."
        ),
        "icon": "sun",
        "colour": "sun",
        "order": 1,
    },
    {
        "slug": "positief-denken",
        "name": "Positief denken",
        "description": (
            "Leerlingen leren naar hun gedachten te kijken. Niet alles mooi praten, "
            "maar ook de andere kant zien en een gedachte kiezen die helpt."
        ),
        "icon": "spark",
        "colour": "sand",
        "order": 2,
    },
    {
        "slug": "dankbaarheid",
        "name": "Dankbaarheid",
        "description": (
            "Stilstaan bij wat goed gaat en bij de mensen die je helpen. "
            "Leerlingen oefenen met opmerken en dank je wel zeggen."
        ),
        "icon": "gift",
        "colour": "coral",
        "order": 3,
    },
    {
        "slug": "sterke-kanten",
        "name": "Sterke kanten en talenten",
        "description": (
            "Iedereen is ergens goed in. Leerlingen ontdekken hun eigen sterke kanten "
            "en leren ze ook bij anderen te zien."
        ),
        "icon": "star",
        "colour": "lilac",
        "order": 4,
    },
    {
        "slug": "zelfvertrouwen",
        "name": "Zelfvertrouwen",
        "description": (
            "Iets spannends durven, stap voor stap. Leerlingen merken dat fouten maken "
            "erbij hoort als je iets nieuws leert."
        ),
        "icon": "rocket",
        "colour": "sky",
        "order": 5,
    },
    {
        "slug": "vriendelijkheid",
        "name": "Vriendelijkheid en goede relaties",
        "description": (
            "Aardig zijn voor elkaar, goed luisteren en samen spelen. "
            "Zo wordt de klas een fijne plek voor iedereen."
        ),
        "icon": "hands",
        "colour": "mint",
        "order": 6,
    },
    {
        "slug": "dromen-en-doelen",
        "name": "Dromen en doelen",
        "description": (
            "Wat wil je later, of volgende week? Leerlingen maken van een droom een doel, "
            "met kleine stappen die ze echt kunnen zetten."
        ),
        "icon": "cloud",
        "colour": "lilac",
        "order": 7,
    },
    {
        "slug": "geluk-doorgeven",
        "name": "Geluk doorgeven",
        "description": (
            "Een klein gebaar kan de dag van een ander mooier maken. "
            "Leerlingen bedenken en doen iets aardigs voor iemand anders."
        ),
        "icon": "heart",
        "colour": "coral",
        "order": 8,
    },
    {
        "slug": "emoties",
        "name": "Emoties",
        "description": (
            "Blij, boos, bang of verdrietig: alle gevoelens mogen er zijn. "
            "Leerlingen leren gevoelens herkennen, benoemen en er rustig mee omgaan."
        ),
        "icon": "smile",
        "colour": "sun",
        "order": 9,
    },
    {
        "slug": "rust-en-aandacht",
        "name": "Rust en aandacht",
        "description": (
            "Even stoppen, ademen en merken wat er nu gebeurt. "
            "Korte oefeningen helpen leerlingen om rustig te worden en zich te concentreren."
        ),
        "icon": "leaf",
        "colour": "mint",
        "order": 10,
    },
]

LESSONS = [
    # ------------------------------------------------------------------ groep 1-2
    {
        "slug": "blije-dingen-zonnetje",
        "title": "Het blije-dingen-zonnetje",
        "summary": (
            "De kleuters kijken naar plaatjes, dansen als zonnestralen en tekenen iets waar ze blij van worden. "
            "Samen maken ze een grote zon voor in de klas."
        ),
        "themes": ["wat-is-geluk"],
        "groups": ["groep-1-2"],
        "duration": 25,
        "goals": [
            "De leerlingen vertellen of laten zien waar ze blij van worden.",
            "De leerlingen merken dat iedereen van andere dingen blij wordt.",
            "De leerlingen oefenen met luisteren in de kring.",
        ],
        "materials": [
            "Een grote gele cirkel van papier: de zon, nog zonder stralen.",
            "Zes tot acht plaatjes van blije dingen, zoals een ijsje, een knuffel, de zandbak, een regenplas en een prentenboek.",
            "Gele stroken papier, één per kind.",
            "Waskrijt of kleurpotloden en plakband.",
            "Vrolijke muziek voor de dans (mag ook zonder).",
        ],
        "check_in": ["start", "end"],
        "steps": [
            _step(
                "Welkom in de kring",
                4,
                "whole_class",
                "conversation",
                "<p>Ga met de kinderen in de kring zitten. Laat de grote gele zon zien en zeg: "
                "'Dit is ons blije-dingen-zonnetje. Hij heeft nog geen stralen. Die gaan wij vandaag maken.' "
                "Noem kort de kringafspraken en doe er een gebaar bij: een hand op je hart (iedereen mag zichzelf zijn), "
                "een vinger bij je oor (we luisteren) en je handen op je knieën (ik zeg 'pas').</p>",
                activities=[
                    (
                        "discussion",
                        {
                            "questions": [
                                "Wanneer ben jij blij?",
                                "Hoe ziet jouw gezicht eruit als je blij bent? Laat eens zien!",
                                "Wat doet je lijf als je blij bent?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "Plaatjes van blije dingen",
                6,
                "whole_class",
                "game",
                "<p>Laat de plaatjes één voor één zien. Vraag: 'Word jij hier blij van?' "
                "Wie blij wordt, gaat staan. Wie het niet zo leuk vindt, blijft zitten. "
                "Kijk samen rond: 'Kijk, sommige kinderen staan en sommige zitten. Iedereen is anders, en dat is goed.'</p>",
                teacher_note=(
                    "Er is geen goed of fout. Lacht er iemand om een antwoord, "
                    "zeg dan rustig: 'Hij wordt blij van regen, jij van de zon. Allebei goed.'"
                ),
            ),
            _step(
                "De zonnestralendans",
                5,
                "whole_class",
                "movement",
                "<p>Zet de muziek aan. De kinderen maken zich heel klein, als een zon die nog slaapt. "
                "Daarna komt de zon op en worden ze langzaam groot.</p>",
                activities=[
                    (
                        "energiser",
                        {
                            "title": "Zon op, zon onder",
                            "instructions": (
                                "<p>Iedereen zit gehurkt op de grond. Zeg: '<b>De zon komt op!</b>' "
                                "De kinderen staan langzaam op en steken hun armen wijd uit als stralen. "
                                "Bij '<b>Daar komt een wolkje!</b>' worden ze weer klein. "
                                "Bij '<b>De zon schijnt!</b>' dansen ze vrolijk op hun plek. Doe het een paar keer, steeds iets sneller.</p>"
                            ),
                        },
                    ),
                ],
            ),
            _step(
                "Mijn eigen zonnestraal",
                8,
                "individual",
                "creative",
                "<p>Ieder kind krijgt een gele strook papier: een zonnestraal. "
                "Zeg: 'Teken op jouw straal iets waar jij blij van wordt.' "
                "Loop rond en vraag zacht: 'Vertel eens, wat teken je?' "
                "Plak de stralen daarna samen rond de zon.</p>",
            ),
            _step(
                "Ons zonnetje schijnt",
                2,
                "whole_class",
                "reflection",
                "<p>Hang de zon op een plek waar iedereen hem ziet. Wijs een paar stralen aan. "
                "Wie wil, vertelt in één zin wat hij heeft getekend.</p>",
                activities=[
                    (
                        "reflection",
                        {
                            "prompt": "Waar word jij blij van?",
                            "sentence_starters": [
                                "Ik word blij van ...",
                                "Ik moet lachen als ...",
                            ],
                        },
                    ),
                ],
            ),
        ],
        "teacher_notes": (
            "<p>Maak de zon en de stroken vóór de les klaar. Kleuters kunnen nog niet lezen: "
            "lees elke vraag hardop voor en gebruik gebaren.</p>"
            "<p>Wil een kind niets zeggen? Dat is goed. Het kind mag de handen op de knieën leggen. "
            "Dat betekent 'pas'. Vraag niet door. Vaak doet een kind later in de les toch mee.</p>"
            "<p>Laat de zon een paar weken hangen. Kinderen mogen later nog een straal toevoegen.</p>"
        ),
        "homework": (
            "<p>Kijk vandaag thuis of buiten goed om je heen. Zie je iets waar je blij van wordt? "
            "Morgen mag je het in de kring vertellen of voordoen. Je hoeft niets mee te nemen.</p>"
        ),
        "reflection_question": "Waar werd jij vandaag blij van?",
        "further_reading": (
            "<p>Jonge kinderen beleven geluk vooral in het moment: spelen, een knuffel, iets lekkers. "
            "Terugkijken op de dag kunnen ze nog niet goed. Als je blije momenten samen benoemt, "
            "leren ze die beter op te merken. Ook leren ze woorden voor hun gevoel.</p>"
            "<p>Kleuters kijken veel naar elkaar. Door te laten zien dat kinderen van verschillende dingen blij worden, "
            "oefent de groep al vroeg met respect voor verschillen.</p>"
        ),
    },
    {
        "slug": "gevoelensweer",
        "title": "Wat voor weer is het in jou?",
        "summary": (
            "De kleuters ontdekken dat gevoelens een beetje lijken op het weer: ze komen en ze gaan. "
            "Ze doen gezichten na, spelen een weerspel en blazen samen een wolkje weg."
        ),
        "themes": ["emoties"],
        "groups": ["groep-1-2"],
        "duration": 25,
        "goals": [
            "De leerlingen herkennen blij, boos, verdrietig en moe aan een gezicht.",
            "De leerlingen weten dat alle gevoelens mogen en dat ze weer overgaan.",
            "De leerlingen oefenen een manier om rustig te worden.",
        ],
        "materials": [
            "Vier weerkaarten: zon, wolk, regen en onweer, met bij elke kaart een gezichtje.",
            "Een paar kleine spiegeltjes (mag ook zonder).",
            "Een trommel of belletje voor het weerspel.",
        ],
        "check_in": ["start", "end"],
        "steps": [
            _step(
                "Wat voor weer is het buiten?",
                4,
                "whole_class",
                "conversation",
                "<p>Kijk samen naar buiten. Praat kort over het weer van vandaag. "
                "Leg dan de vier weerkaarten in het midden van de kring. "
                "Zeg: 'Gevoelens lijken een beetje op het weer. Soms schijnt de zon, soms regent het. "
                "En het weer verandert altijd weer.'</p>",
                activities=[
                    (
                        "discussion",
                        {
                            "questions": [
                                "Wat voor weer is het buiten?",
                                "Welk weer vind jij fijn?",
                                "Kan het weer snel veranderen? Hoe dan?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "Gezichten bij het weer",
                6,
                "whole_class",
                "explanation",
                "<p>Pak de kaarten één voor één. Vertel welk gevoel erbij hoort:</p>"
                "<ul><li>zon: blij</li><li>wolk: moe of een beetje saai</li>"
                "<li>regen: verdrietig</li><li>onweer: boos</li></ul>"
                "<p>Doe het gezicht voor. De kinderen doen het na, in een spiegeltje of naar hun buurman.</p>",
                teacher_note=(
                    "Zeg er steeds bij dat alle gevoelens mogen. Boos of verdrietig zijn is niet fout. "
                    "Het gaat erom wat je ermee doet."
                ),
            ),
            _step(
                "Het weer verandert!",
                5,
                "whole_class",
                "movement",
                "<p>Maak ruimte in de klas of ga naar het speellokaal. "
                "Speel het weerspel. Houd het kort en vrolijk.</p>",
                activities=[
                    (
                        "energiser",
                        {
                            "title": "Het weerspel",
                            "instructions": (
                                "<p>Roep een soort weer en laat de kaart zien:</p>"
                                "<ul><li><b>Zon:</b> dansen en lachen.</li>"
                                "<li><b>Wolk:</b> heel langzaam rondzweven.</li>"
                                "<li><b>Regen:</b> zacht met je vingers op je benen tikken.</li>"
                                "<li><b>Onweer:</b> stampen op je plek, maar niet te hard.</li></ul>"
                                "<p>Sla op de trommel: dan staat iedereen stil. Roep dan een nieuw weer.</p>"
                            ),
                        },
                    ),
                ],
            ),
            _step(
                "Een wolkje wegblazen",
                4,
                "whole_class",
                "calm",
                "<p>Laat iedereen weer rustig in de kring zitten. Zeg: 'Na onweer komt er vaak weer zon. "
                "We gaan het onweer wegblazen.' Doe de ademoefening samen.</p>",
                activities=[
                    (
                        "breathing",
                        {
                            "title": "Wolkje wegblazen",
                            "instructions": (
                                "Ga rustig zitten en leg je handen op je buik. Adem door je neus in. "
                                "Blaas dan heel zacht uit, alsof je een wolkje wegblaast. Kijk hoe het wolkje wegdrijft."
                            ),
                            "breathe_in": 3,
                            "breathe_out": 5,
                            "rounds": 4,
                        },
                    ),
                ],
            ),
            _step(
                "Mijn weer van nu",
                6,
                "pairs",
                "conversation",
                "<p>De kinderen zitten in tweetallen. Om de beurt laat een kind met zijn gezicht en lijf zien "
                "wat voor weer het nu in hem is. Het andere kind raadt het. "
                "Sluit af in de kring: wie wil, wijst de kaart aan die nu past.</p>",
                activities=[
                    (
                        "reflection",
                        {
                            "prompt": "Wat voor weer is het nu in jou?",
                            "sentence_starters": [
                                "In mij is het nu ...",
                                "Ik voel me ...",
                            ],
                        },
                    ),
                ],
            ),
        ],
        "teacher_notes": (
            "<p>Maak de weerkaarten groot genoeg, zodat de hele kring ze ziet. "
            "Kleuters kunnen niet lezen: de plaatjes en jouw stem doen het werk.</p>"
            "<p>Kiest een kind regen of onweer? Zeg gewoon: 'Dank je wel dat je het laat zien.' "
            "Vraag er niet in de kring op door. Wil je weten hoe het gaat, praat dan later even rustig met het kind alleen.</p>"
            "<p>Een kind hoeft niets te laten zien. Handen op de knieën betekent 'pas'.</p>"
        ),
        "homework": (
            "<p>Kijk vanavond of morgenochtend uit het raam. Wat voor weer is het buiten? "
            "En wat voor weer is het in jou? Je mag het morgen in de kring voordoen.</p>"
        ),
        "reflection_question": "Welk weer was er vandaag in jou?",
        "further_reading": (
            "<p>Jonge kinderen voelen veel, maar hebben nog weinig woorden voor hun gevoel. "
            "Een beeld zoals het weer helpt: het is herkenbaar en het laat zien dat een gevoel voorbijgaat.</p>"
            "<p>Kinderen leren gevoelens eerst herkennen aan een gezicht en een lijf. "
            "Daarna pas kunnen ze het zelf benoemen. Een rustige ademhaling is een eerste, eenvoudige manier "
            "om een groot gevoel wat kleiner te maken. Herhaal de oefening vaak, ook op andere momenten van de dag.</p>"
        ),
    },
    {
        "slug": "stil-als-een-schildpad",
        "title": "Stil als een schildpad",
        "summary": (
            "Met een schildpad als voorbeeld oefenen de leerlingen met stil zijn, luisteren en rustig ademen. "
            "Een korte les die je ook na een drukke pauze kunt doen."
        ),
        "themes": ["rust-en-aandacht"],
        "groups": ["groep-1-2", "groep-3-4"],
        "duration": 20,
        "goals": [
            "De leerlingen oefenen met een minuut stil zijn en luisteren.",
            "De leerlingen leren een rustige ademhaling.",
            "De leerlingen weten wanneer ze zelf rust nodig hebben.",
        ],
        "materials": [
            "Een knuffelschildpad of een plaatje van een schildpad.",
            "Een belletje of klankschaal.",
            "Een lege plek in de klas of het speellokaal voor de wandeling.",
        ],
        "check_in": ["end"],
        "steps": [
            _step(
                "De schildpad komt op bezoek",
                3,
                "whole_class",
                "explanation",
                "<p>Laat de schildpad zien. Vertel: 'Een schildpad heeft nooit haast. "
                "Is het om hem heen heel druk? Dan trekt hij even zijn kop in zijn huisje. "
                "Daar wordt hij rustig. Daarna kijkt hij weer naar buiten.' "
                "Vraag: 'Zullen we vandaag oefenen om net zo rustig te worden?'</p>",
            ),
            _step(
                "Luisteren naar geluiden",
                5,
                "whole_class",
                "calm",
                "<p>Iedereen doet de ogen dicht, of kijkt naar de grond. Laat het belletje klinken. "
                "Zeg: 'Luister tot je het belletje niet meer hoort. Luister dan naar alle andere geluiden.' "
                "Tel zelf zacht tot dertig. Laat het belletje weer klinken en praat erover.</p>",
                teacher_note=(
                    "Ogen dicht is voor sommige kinderen spannend. "
                    "Zeg dat naar de grond kijken ook goed is."
                ),
                activities=[
                    (
                        "discussion",
                        {
                            "questions": [
                                "Welke geluiden hoorde je?",
                                "Welk geluid was heel zacht?",
                                "Hoe voelde het om zo stil te zijn?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "Schildpad in zijn huisje",
                4,
                "whole_class",
                "calm",
                "<p>Laat de kinderen rechtop zitten. Doe de oefening voor en doe hem daarna samen. "
                "Praat langzaam en zacht.</p>",
                activities=[
                    (
                        "breathing",
                        {
                            "title": "Schildpad-adem",
                            "instructions": (
                                "Maak je schouders een beetje rond, alsof je een schild op je rug hebt. "
                                "Adem rustig in door je neus. Adem langzaam uit en trek je hoofd een klein beetje in, "
                                "net als een schildpad die in zijn huisje kruipt."
                            ),
                            "breathe_in": 4,
                            "breathe_out": 4,
                            "rounds": 5,
                        },
                    ),
                ],
            ),
            _step(
                "De schildpadwandeling",
                5,
                "whole_class",
                "movement",
                "<p>Nu mag het lijf bewegen, maar wel heel langzaam. "
                "Speel de schildpadwandeling. Het is geen wedstrijd: wie het langzaamst loopt, doet het goed.</p>",
                activities=[
                    (
                        "energiser",
                        {
                            "title": "Langzaam als een schildpad",
                            "instructions": (
                                "<p>Iedereen loopt zo langzaam als een schildpad door de ruimte. "
                                "Klinkt het belletje? Dan ga je op je hurken zitten en trek je je kop in. "
                                "Tel samen tot drie en loop dan weer verder. "
                                "Zeg er af en toe bij: 'Voel je je voeten op de grond?'</p>"
                            ),
                        },
                    ),
                ],
            ),
            _step(
                "Mijn rustige plekje",
                3,
                "whole_class",
                "reflection",
                "<p>Ga weer in de kring zitten. Vraag de kinderen waar en wanneer zij rustig worden. "
                "Vertel dat ze de schildpad-adem altijd mogen doen, ook als de juf of meester het niet zegt.</p>",
                activities=[
                    (
                        "reflection",
                        {
                            "prompt": "Wanneer ben jij rustig, net als de schildpad?",
                            "sentence_starters": [
                                "Ik word rustig als ...",
                                "Mijn rustige plekje is ...",
                            ],
                        },
                    ),
                ],
            ),
        ],
        "teacher_notes": (
            "<p>Deze les werkt goed na de pauze of na de gymles. Je kunt de ademoefening daarna elke dag even herhalen.</p>"
            "<p>Stil zijn is voor sommige kinderen moeilijk. Dat is niet erg. Geef een compliment als het een paar tellen lukt. "
            "Een kind dat niet mee wil doen, mag stil blijven zitten en kijken. Dat is ook 'pas'.</p>"
            "<p>In groep 3-4 kun je de luisteroefening langer maken: tot een minuut.</p>"
        ),
        "homework": (
            "<p>Doe thuis een keer de schildpad-adem, bijvoorbeeld in bed voor het slapen. "
            "Je mag het ook aan iemand thuis leren.</p>"
        ),
        "reflection_question": "Wat hielp jou vandaag om rustig te worden?",
        "further_reading": (
            "<p>Kinderen krijgen veel prikkels: geluid, beweging, schermen. "
            "Korte momenten van rust helpen hen om zich weer te concentreren. "
            "Voor jonge kinderen werkt dit het best als het speels is en kort duurt.</p>"
            "<p>Langzaam uitademen geeft het lijf een seintje dat het rustig mag worden. "
            "Je hoeft dat niet uit te leggen aan de kinderen. Het gaat om het samen doen en vaak herhalen. "
            "Na een paar weken kunnen veel kinderen de oefening zelf inzetten.</p>"
        ),
    },
    # ------------------------------------------------------------------ groep 3-4
    {
        "slug": "dankjewel-slinger",
        "title": "De dank-je-wel-slinger",
        "summary": (
            "De leerlingen ontdekken wat dankbaar zijn is. Ze noemen dingen en mensen waar ze blij mee zijn "
            "en maken samen een lange papieren slinger voor in de klas."
        ),
        "themes": ["dankbaarheid"],
        "groups": ["groep-3-4"],
        "duration": 45,
        "goals": [
            "De leerlingen weten wat 'dankbaar zijn' betekent.",
            "De leerlingen noemen minstens twee dingen of mensen waar ze dankbaar voor zijn.",
            "De leerlingen ervaren hoe fijn het is om dank je wel te zeggen en te horen.",
        ],
        "materials": [
            "Stroken gekleurd papier (ongeveer 3 bij 20 cm), twee per leerling.",
            "Kleurpotloden, lijmstiften en een nietmachine.",
            "Een zachte bal.",
            "Het korte verhaaltje uit stap 1 (staat in de les).",
        ],
        "check_in": ["start", "end"],
        "steps": [
            _step(
                "Kringgesprek: dank je wel",
                8,
                "whole_class",
                "conversation",
                "<p>Noem eerst samen de kringafspraken:</p>"
                + _AFSPRAKEN
                + "<p>Vertel dan dit verhaaltje: 'Sam laat in de klas zijn bak met potloden vallen. "
                "Alle potloden rollen over de vloer. Noor komt meteen helpen. Samen rapen ze alles op. "
                "Sam zegt: dank je wel!' Praat erover met de vragen.</p>",
                activities=[
                    (
                        "discussion",
                        {
                            "questions": [
                                "Hoe voelde Sam zich toen Noor kwam helpen?",
                                "En hoe voelde Noor zich toen Sam dank je wel zei?",
                                "Wanneer zeg jij dank je wel?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "Wat is dankbaar zijn?",
                7,
                "whole_class",
                "explanation",
                "<p>Leg uit: 'Dankbaar zijn is merken wat er goed is. Soms is dat iemand die je helpt. "
                "Soms is het iets kleins, zoals de zon of een lekkere boterham.' "
                "Teken op het bord vier vakken: <b>mensen</b>, <b>dieren</b>, <b>dingen</b> en <b>buiten</b>. "
                "Laat de kinderen voorbeelden noemen en teken bij elk vak een klein plaatje.</p>",
                activities=[
                    (
                        "gratitude",
                        {
                            "prompt": "Waar ben jij blij mee, of wie wil jij bedanken?",
                            "examples": [
                                "Mijn hond, die altijd kwispelt als ik thuiskom.",
                                "De zon op het schoolplein.",
                                "Een vriend die met mij speelt.",
                                "De klaar-over bij het zebrapad.",
                            ],
                        },
                    ),
                ],
            ),
            _step(
                "De dank-je-wel-bal",
                5,
                "whole_class",
                "game",
                "<p>Iedereen staat in een kring. Gooi de bal naar een kind. Wie de bal vangt, noemt één ding "
                "waar hij blij mee is en gooit de bal naar een ander. Weet je even niets? Zeg 'pas' en gooi door.</p>",
                teacher_note="Begin zelf, met een eenvoudig voorbeeld. Dan weten de kinderen hoe het gaat.",
            ),
            _step(
                "Slinger maken in groepjes",
                15,
                "groups",
                "creative",
                "<p>Maak groepjes van vier. Ieder kind krijgt twee papieren stroken. "
                "Op elke strook tekent het kind iets waar het dankbaar voor is. Wie wil, schrijft er één woord bij. "
                "Daarna maakt het groepje van alle stroken een ketting: steeds een ring door de vorige ring.</p>",
            ),
            _step(
                "De slinger ophangen",
                10,
                "whole_class",
                "reflection",
                "<p>Maak van alle groepsslingers één lange slinger en hang hem op in de klas. "
                "Laat een paar kinderen vertellen wat ze getekend hebben. "
                "Vraag tot slot of iemand vandaag nog iemand wil bedanken.</p>",
                activities=[
                    (
                        "reflection",
                        {
                            "prompt": "Aan wie wil jij vandaag dank je wel zeggen?",
                            "sentence_starters": [
                                "Ik wil ... bedanken, omdat ...",
                                "Ik ben blij met ...",
                            ],
                        },
                    ),
                ],
            ),
        ],
        "teacher_notes": (
            "<p>Knip de stroken vooraf. Leg per groepje een bakje met potloden en lijm klaar.</p>"
            "<p>Sommige kinderen weten niet meteen iets. Help met kleine voorbeelden: een lekkere appel, "
            "een fijne stoel, de kleur van de lucht. Een kind dat niets wil delen, mag 'pas' zeggen. "
            "De tekening op de slinger hoeft het niet uit te leggen.</p>"
            "<p>Hang de slinger op een plek waar je er later nog naar kunt wijzen, bijvoorbeeld bij het begin van de dag.</p>"
        ),
        "homework": (
            "<p>Zeg vandaag thuis, op de sport of op straat tegen één persoon: 'Dank je wel!' "
            "Kijk wat er gebeurt. Morgen mag je vertellen hoe het ging.</p>"
        ),
        "reflection_question": "Waar ben jij vandaag dankbaar voor?",
        "further_reading": (
            "<p>Dankbaarheid is een gewoonte die je kunt oefenen. Wie vaker stilstaat bij wat goed gaat, "
            "merkt dat ook sneller op. Voor kinderen helpt het als dankbaarheid concreet is: "
            "een persoon, een ding, een moment.</p>"
            "<p>Let op dat het geen moetje wordt. 'Je moet dankbaar zijn' werkt niet. "
            "Samen opmerken en er plezier in hebben werkt wel. De slinger in de klas is een reminder die je vaker kunt gebruiken.</p>"
        ),
    },
    {
        "slug": "vriendelijke-superkrachten",
        "title": "Vriendelijke superkrachten",
        "summary": (
            "Iedereen heeft superkrachten: helpen, delen, luisteren. De leerlingen spelen kleine situaties na "
            "en kiezen een superkracht die ze vandaag gebruiken."
        ),
        "themes": ["vriendelijkheid"],
        "groups": ["groep-3-4"],
        "duration": 40,
        "goals": [
            "De leerlingen noemen drie manieren om vriendelijk te zijn.",
            "De leerlingen oefenen in tweetallen met vriendelijk reageren.",
            "De leerlingen kiezen één vriendelijke daad voor vandaag.",
        ],
        "materials": [
            "Zes situatiekaartjes (zie stap 3), voor elk tweetal één.",
            "Rondjes karton voor de superheldenbadge, met een veiligheidsspeld of plakband.",
            "Muziek voor het high-five-rondje.",
        ],
        "check_in": ["start"],
        "steps": [
            _step(
                "Wat is een superkracht?",
                6,
                "whole_class",
                "conversation",
                "<p>Vraag: 'Wie kent een superheld? Wat kan die?' Laat een paar kinderen vertellen. "
                "Zeg dan: 'Jullie hebben ook superkrachten. Geen vliegen of onzichtbaar worden. "
                "Maar wel iets wat iemand anders blij maakt.' Noem even de kringafspraken:</p>"
                + _AFSPRAKEN,
                activities=[
                    (
                        "discussion",
                        {
                            "questions": [
                                "Wat deed iemand eens voor jou, waar je blij van werd?",
                                "Hoe merk je dat iemand aardig is?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "Zes superkrachten",
                8,
                "whole_class",
                "explanation",
                "<p>Laat de superkrachten-kaarten zien. Lees ze voor en doe bij elke kaart een klein gebaar, "
                "bijvoorbeeld een hand uitsteken bij 'helpen'. Vraag bij elke kaart: 'Wie heeft dit weleens gedaan?'</p>",
                activities=[
                    (
                        "strengths",
                        {
                            "intro": "Deze superkrachten heeft iedereen. Welke gebruik jij vaak?",
                            "cards": [
                                {
                                    "word": "Helpen",
                                    "description": "Je steekt een hand uit als iemand iets niet alleen kan.",
                                },
                                {
                                    "word": "Delen",
                                    "description": "Je laat een ander ook spelen met jouw spullen.",
                                },
                                {
                                    "word": "Luisteren",
                                    "description": "Je kijkt iemand aan en laat hem uitpraten.",
                                },
                                {
                                    "word": "Troosten",
                                    "description": "Je gaat even bij iemand zitten als die verdrietig is.",
                                },
                                {
                                    "word": "Samen spelen",
                                    "description": "Je vraagt of iemand mee wil doen.",
                                },
                                {
                                    "word": "Complimentje geven",
                                    "description": "Je zegt iets aardigs over wat een ander doet.",
                                },
                            ],
                        },
                    ),
                ],
            ),
            _step(
                "Speel het na",
                12,
                "pairs",
                "game",
                "<p>Elk tweetal krijgt een situatiekaartje. Lees de kaartjes voor als kinderen nog niet goed lezen. "
                "Het tweetal bedenkt hoe je vriendelijk reageert en speelt het kort na voor de klas. "
                "De klas raadt welke superkracht het is. Voorbeelden:</p>"
                "<ul><li>Iemand heeft geen gum.</li><li>De juf draagt een zware stapel boeken.</li>"
                "<li>Een kind weet niet hoe het spel gaat.</li><li>Een klasgenoot heeft een mooie tekening gemaakt.</li>"
                "<li>Iemand laat zijn drinkbeker vallen.</li><li>Een kind is nieuw in de klas.</li></ul>",
                teacher_note="Niet elk tweetal hoeft te spelen. Drie of vier tweetallen is genoeg; de rest mag een volgende keer.",
            ),
            _step(
                "Het high-five-rondje",
                6,
                "whole_class",
                "movement",
                "<p>Tijd om te bewegen. Zet de muziek aan en speel het spel een paar rondes.</p>",
                activities=[
                    (
                        "energiser",
                        {
                            "title": "High five, fijn dat je er bent!",
                            "instructions": (
                                "<p>Iedereen loopt rustig door de klas op de muziek. Stopt de muziek? "
                                "Dan geef je een high five aan wie het dichtst bij je staat en zeg je: "
                                "'<b>Fijn dat je er bent!</b>' Wil je liever geen high five? Dan zwaai je naar elkaar.</p>"
                            ),
                        },
                    ),
                ],
            ),
            _step(
                "Mijn superkracht van vandaag",
                8,
                "individual",
                "creative",
                "<p>Ieder kind kiest één superkracht die het vandaag gaat gebruiken. "
                "Op het rondje karton tekent het een plaatje bij die superkracht. "
                "Maak er een badge van om op te spelden of op te plakken.</p>",
                activities=[
                    (
                        "reflection",
                        {
                            "prompt": "Welke superkracht gebruik jij vandaag?",
                            "sentence_starters": [
                                "Vandaag ga ik ...",
                                "Ik wil ... helpen met ...",
                            ],
                        },
                    ),
                ],
            ),
        ],
        "teacher_notes": (
            "<p>Schrijf of print de situatiekaartjes vooraf. Gebruik alleen kleine, alledaagse situaties.</p>"
            "<p>Niet elk kind vindt naspelen fijn. Een kind mag ook de verteller zijn, of kijken en raden. "
            "Dat is ook meedoen. 'Pas' mag altijd.</p>"
            "<p>Vraag aan het eind van de dag even: 'Wie heeft zijn superkracht gebruikt?'</p>"
        ),
        "homework": (
            "<p>Gebruik thuis of buiten ook een keer je superkracht. "
            "Merk je hoe de ander reageert? Morgen mag je het vertellen als je wilt.</p>"
        ),
        "reflection_question": "Welke vriendelijke superkracht zag jij vandaag bij een ander?",
        "further_reading": (
            "<p>Kinderen van zes tot acht jaar leren veel door te doen en na te spelen. "
            "Door vriendelijk gedrag een naam te geven, wordt het zichtbaar. Kinderen herkennen het dan sneller, "
            "bij zichzelf en bij een ander.</p>"
            "<p>Benoem vriendelijk gedrag ook buiten deze les. Zeg bijvoorbeeld: 'Ik zag dat je hielp opruimen. "
            "Dat was echt je superkracht helpen.' Dat werkt beter dan een algemeen 'goed zo'.</p>"
        ),
    },
    # ------------------------------------------------------------------ groep 5-6
    {
        "slug": "ontdek-je-sterke-kanten",
        "title": "Ontdek je sterke kanten",
        "summary": (
            "De leerlingen leren het verschil tussen een talent en een sterke kant. "
            "Ze kiezen kaarten die bij hen passen en vertellen elkaar welke sterke kant ze bij de ander zien."
        ),
        "themes": ["sterke-kanten"],
        "groups": ["groep-5-6"],
        "duration": 45,
        "goals": [
            "De leerlingen kennen het verschil tussen een talent (wat je kunt) en een sterke kant (hoe je bent).",
            "De leerlingen noemen twee sterke kanten van zichzelf.",
            "De leerlingen noemen een sterke kant van een klasgenoot, met een voorbeeld.",
        ],
        "materials": [
            "Een set sterke-kantenkaarten op het digibord of geprint per groepje.",
            "Werkblad 'Speurtocht naar sterke kanten', één per leerling.",
            "Werkblad 'Mijn sterke kanten', één per leerling (blijft bij de leerling).",
        ],
        "check_in": ["start", "end"],
        "steps": [
            _step(
                "Waar ben je goed in?",
                7,
                "whole_class",
                "conversation",
                "<p>Herhaal de afspraken:</p>"
                + _AFSPRAKEN
                + "<p>Vertel iets over jezelf: 'Ik kan niet goed tekenen. Maar ik ben wel geduldig. "
                "Dat merk je als ik iemand iets voor de vijfde keer uitleg.' "
                "Leg uit: een <b>talent</b> is iets wat je goed kunt, zoals voetballen of rekenen. "
                "Een <b>sterke kant</b> zegt iets over hoe je bent, zoals eerlijk of behulpzaam.</p>",
                activities=[
                    (
                        "discussion",
                        {
                            "questions": [
                                "Noem eens een talent. En noem eens een sterke kant.",
                                "Kun je een sterke kant hebben zonder dat je het zelf weet?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "Kaarten kiezen",
                10,
                "individual",
                "reflection",
                "<p>Laat de kaarten zien op het digibord. Lees ze samen door. "
                "Iedere leerling kiest voor zichzelf twee kaarten die goed bij hem passen. "
                "Zeg erbij: 'Het hoeft niet perfect. Kies wat je herkent.'</p>",
                activities=[
                    (
                        "strengths",
                        {
                            "intro": "Welke twee sterke kanten passen bij jou?",
                            "cards": [
                                {
                                    "word": "Behulpzaam",
                                    "description": "Je helpt anderen graag, ook als ze het niet vragen.",
                                },
                                {
                                    "word": "Moedig",
                                    "description": "Je durft iets nieuws te proberen, ook als het spannend is.",
                                },
                                {
                                    "word": "Nieuwsgierig",
                                    "description": "Je wilt graag weten hoe dingen werken en stelt veel vragen.",
                                },
                                {
                                    "word": "Eerlijk",
                                    "description": "Je zegt hoe het echt zit, ook als dat lastig is.",
                                },
                                {
                                    "word": "Grappig",
                                    "description": "Je maakt anderen aan het lachen.",
                                },
                                {
                                    "word": "Geduldig",
                                    "description": "Je kunt goed wachten en blijft rustig.",
                                },
                                {
                                    "word": "Creatief",
                                    "description": "Je bedenkt graag nieuwe dingen en oplossingen.",
                                },
                                {
                                    "word": "Doorzetter",
                                    "description": "Je geeft niet snel op, ook niet als iets moeilijk is.",
                                },
                            ],
                        },
                    ),
                ],
            ),
            _step(
                "Wat zie ik bij jou?",
                12,
                "pairs",
                "conversation",
                "<p>Maak tweetallen van leerlingen die elkaar goed kennen. "
                "Ieder noemt een sterke kant die hij bij de ander ziet, met een voorbeeld. "
                "Daarna vertellen ze welke kaarten ze zelf hadden gekozen. Komt het overeen?</p>",
                teacher_note=(
                    "Stel de tweetallen zelf samen. Zo voorkom je dat iemand overblijft "
                    "of bij iemand zit die hem niet goed kent."
                ),
                activities=[
                    (
                        "discussion",
                        {
                            "questions": [
                                "Welke sterke kant zie jij bij je maatje?",
                                "Wanneer heb je dat gezien?",
                                "Herken je jezelf in wat je maatje zegt?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "Speurtocht naar sterke kanten",
                8,
                "whole_class",
                "game",
                "<p>Geef iedereen het werkblad met de speurtocht. "
                "Speel het spel. Sluit af met twee of drie voorbeelden uit de klas.</p>",
                activities=[
                    (
                        "energiser",
                        {
                            "title": "Zoek iemand die ...",
                            "instructions": (
                                "<p>Op het werkblad staan vakjes zoals: <i>zoek iemand die goed kan troosten</i>, "
                                "<i>iemand die een keer iets moedigs deed</i>, <i>iemand die graag nieuwe dingen bedenkt</i>. "
                                "Loop door de klas en zoek voor elk vakje een klasgenoot. "
                                "Hij zet zijn voornaam in het vakje. Elke naam mag maar één keer. Je hebt vijf minuten.</p>"
                            ),
                        },
                    ),
                ],
            ),
            _step(
                "Mijn sterke kanten",
                8,
                "individual",
                "writing",
                "<p>Iedere leerling vult voor zichzelf het werkblad 'Mijn sterke kanten' in. "
                "Dit werkblad is van de leerling zelf: jij neemt het niet in. "
                "Het mag in de la of in de map.</p>",
                activities=[
                    (
                        "reflection",
                        {
                            "prompt": "Welke sterke kant van jou wil je vaker gebruiken?",
                            "sentence_starters": [
                                "Mijn sterke kant is ...",
                                "Dat merk je als ik ...",
                                "Ik wil hem ook gebruiken bij ...",
                            ],
                        },
                    ),
                ],
            ),
        ],
        "teacher_notes": (
            "<p>Zorg dat je van elke leerling minstens één sterke kant kunt noemen, voor het geval een tweetal vastloopt.</p>"
            "<p>Sommige kinderen vinden het moeilijk om iets goeds over zichzelf te zeggen. Dat is normaal. "
            "Een kind mag 'pas' zeggen, of een kaart kiezen zonder het uit te leggen. "
            "Complimenten gaan over gedrag, niet over uiterlijk of kleding.</p>"
        ),
        "homework": (
            "<p>Let deze week op je sterke kant. Wanneer gebruik je hem? "
            "Zet een streepje op je werkblad elke keer dat het je opvalt.</p>"
        ),
        "reflection_question": "Welke sterke kant van jezelf heb je vandaag ontdekt?",
        "further_reading": (
            "<p>Kinderen weten vaak goed wat ze kunnen, maar minder goed wie ze zijn. "
            "Sterke kanten gaan over karakter: eerlijk, moedig, zorgzaam. "
            "Als een kind zijn sterke kanten kent, kan het die bewust inzetten, ook als iets moeilijk is.</p>"
            "<p>Horen van een ander wat je goed doet, heeft veel effect. "
            "Het werkt het best met een concreet voorbeeld: 'Jij bleef rustig toen het spel misging.' "
            "Geef zelf het goede voorbeeld door sterke kanten in de klas vaak te benoemen.</p>"
        ),
    },
    {
        "slug": "zonnebril-en-grijze-bril",
        "title": "De zonnebril en de grijze bril",
        "summary": (
            "Met twee papieren brillen ontdekken de leerlingen dat je op verschillende manieren naar iets kunt kijken. "
            "Ze oefenen met het vinden van een gedachte die helpt."
        ),
        "themes": ["positief-denken"],
        "groups": ["groep-5-6"],
        "duration": 45,
        "goals": [
            "De leerlingen weten dat je over hetzelfde op verschillende manieren kunt denken.",
            "De leerlingen vinden bij een lastige situatie een gedachte die helpt.",
            "De leerlingen weten dat je je niet altijd vrolijk hoeft te voelen.",
        ],
        "materials": [
            "Twee brillen van karton: één met gele glazen, één met grijze glazen.",
            "Per groepje een setje gedachtekaartjes (zie stap 2).",
            "Situatiekaartjes voor de tweetallen.",
            "Het eigen schrift van de leerlingen.",
        ],
        "check_in": ["start", "end"],
        "steps": [
            _step(
                "Twee brillen",
                8,
                "whole_class",
                "explanation",
                "<p>Noem kort de afspraken:</p>"
                + _AFSPRAKEN
                + "<p>Zet dan de grijze bril op en vertel: "
                "'Het regent. De gymles is binnen in plaats van buiten. Ik denk: alles is stom vandaag.' "
                "Wissel van bril: 'Jammer dat het regent. Maar binnen kunnen we misschien trefbal doen.' "
                "Leg uit dat het om dezelfde regen gaat. Alleen de gedachte is anders.</p>",
                teacher_note=(
                    "Zeg er duidelijk bij: de grijze gedachte is niet fout of verboden. "
                    "Je mag balen. Het gaat erom dat je ook de andere bril kunt opzetten."
                ),
            ),
            _step(
                "Gedachten sorteren",
                10,
                "groups",
                "game",
                "<p>Maak groepjes van vier. Elk groepje krijgt tien gedachtekaartjes, zoals "
                "<i>'Ik kan dit nooit'</i>, <i>'Ik kan het nog niet'</i>, <i>'Ik ben hier slecht in'</i>, "
                "<i>'Als ik oefen, word ik beter'</i>. "
                "Het groepje legt de kaartjes op twee stapels: grijze bril en zonnebril. Bespreek daarna samen.</p>",
                activities=[
                    (
                        "discussion",
                        {
                            "questions": [
                                "Welke kaartjes waren makkelijk om te sorteren?",
                                "Over welk kaartje twijfelde jullie groepje?",
                                "Welke gedachte geeft jou meer zin om iets te doen?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "Wissel van bril",
                12,
                "pairs",
                "conversation",
                "<p>Elk tweetal krijgt drie situatiekaartjes, bijvoorbeeld: <i>je hebt veel fouten in je dictee</i>, "
                "<i>je mag niet naast je beste vriend zitten</i>, <i>het schoolreisje wordt verschoven</i>. "
                "De één zegt een grijze gedachte. De ander zoekt een gedachte die helpt. Daarna wisselen ze.</p>",
            ),
            _step(
                "Grijs of zonnig?",
                5,
                "whole_class",
                "movement",
                "<p>Even bewegen. Lees een paar gedachten voor en speel het spel.</p>",
                activities=[
                    (
                        "energiser",
                        {
                            "title": "Grijs of zonnig?",
                            "instructions": (
                                "<p>Lees een gedachte voor. Vind je het een <b>zonnige</b> gedachte? "
                                "Ga op je tenen staan en steek je armen omhoog. Is het een <b>grijze</b> gedachte? "
                                "Zak door je knieën. Twijfel je? Blijf dan gewoon staan. "
                                "Vraag af en toe aan iemand waarom hij zo staat.</p>"
                            ),
                        },
                    ),
                ],
            ),
            _step(
                "Mijn helpende gedachte",
                10,
                "individual",
                "writing",
                "<p>Iedere leerling denkt aan iets kleins wat lastig was, op school of bij de sport. "
                "In het eigen schrift schrijft hij de grijze gedachte en daaronder een gedachte die helpt. "
                "Zeg erbij: 'Dit is alleen voor jou. Ik lees het niet en je hoeft het niet voor te lezen.'</p>",
                activities=[
                    (
                        "reflection",
                        {
                            "prompt": "Welke gedachte helpt jou als iets tegenvalt?",
                            "sentence_starters": [
                                "Ik dacht eerst: ...",
                                "Ik kan ook denken: ...",
                                "Wat helpt is ...",
                            ],
                        },
                    ),
                ],
            ),
        ],
        "teacher_notes": (
            "<p>Maak de brillen vooraf van karton en gekleurd folie of papier. Kinderen vinden het leuk als jij ze echt opzet.</p>"
            "<p>Positief denken is niet: alles leuk vinden. Een kind dat verdrietig is, hoeft niet te horen dat het vrolijk moet zijn. "
            "Houd de situaties klein en dichtbij school. "
            "Wil een leerling niets opschrijven of vertellen? Dan denkt hij er alleen over na. Dat is ook goed.</p>"
        ),
        "homework": (
            "<p>Merk je deze week dat je een grijze-brilgedachte hebt? "
            "Probeer dan in je hoofd de zonnebril op te zetten. Wat denk je dan?</p>"
        ),
        "reflection_question": "Wanneer kun jij deze week de zonnebril goed gebruiken?",
        "further_reading": (
            "<p>Hoe je over iets denkt, heeft invloed op hoe je je voelt en wat je daarna doet. "
            "Kinderen in groep 5-6 kunnen dit al goed begrijpen, zeker met een beeld zoals een bril.</p>"
            "<p>Het doel is niet om negatieve gedachten weg te drukken. Dat werkt meestal averechts. "
            "Het doel is dat kinderen merken dat er vaak meer dan één manier van kijken is. "
            "Een gedachte als 'ik kan het nog niet' geeft meer ruimte om te oefenen dan 'ik kan het nooit'.</p>"
        ),
    },
    {
        "slug": "van-droom-naar-eerste-stap",
        "title": "Van droom naar eerste stap",
        "summary": (
            "De leerlingen tekenen een droom in een droomwolk. Daarna maken ze er een doel van en bedenken ze "
            "een eerste kleine stap die ze deze week kunnen zetten."
        ),
        "themes": ["dromen-en-doelen"],
        "groups": ["groep-5-6", "groep-7-8"],
        "duration": 50,
        "goals": [
            "De leerlingen bedenken een droom voor later of voor dichtbij.",
            "De leerlingen weten dat je een grote droom kunt opdelen in kleine stappen.",
            "De leerlingen kiezen een eerste stap die ze deze week zetten.",
        ],
        "materials": [
            "Werkblad 'Droomwolk en trap', één per leerling.",
            "Kleurpotloden of stiften.",
            "Een tekening van een trap op het bord.",
        ],
        "check_in": ["start", "end"],
        "steps": [
            _step(
                "Dromen mag",
                8,
                "whole_class",
                "conversation",
                "<p>Noem de afspraken:</p>"
                + _AFSPRAKEN
                + "<p>Vertel over een droom van jezelf, groot of klein. "
                "Bijvoorbeeld: 'Ik wil graag leren zwemmen in zee bij Texel' of 'Ik wil een moestuin.' "
                "Zeg: 'Een droom kan groot zijn, zoals later dierenarts worden. Of klein, zoals leren jongleren.'</p>",
                activities=[
                    (
                        "discussion",
                        {
                            "questions": [
                                "Wat is het verschil tussen een droom en een wens?",
                                "Ken je iemand die een droom waar heeft gemaakt?",
                                "Moet een droom groot zijn?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "Mijn droomwolk",
                10,
                "individual",
                "creative",
                "<p>Iedereen tekent op het werkblad in de droomwolk een droom. Dat mag een plaatje zijn, "
                "met een paar woorden erbij. Zeg: 'Het mag iets voor later zijn, of iets voor dit jaar.'</p>",
                activities=[
                    (
                        "reflection",
                        {
                            "prompt": "Wat zou jij graag willen kunnen, doen of worden?",
                            "sentence_starters": [
                                "Ik droom ervan om ...",
                                "Later wil ik ...",
                                "Dit jaar wil ik leren ...",
                            ],
                        },
                    ),
                ],
            ),
            _step(
                "Grote droom, kleine stappen",
                5,
                "whole_class",
                "explanation",
                "<p>Wijs de trap op het bord aan. Zet bovenaan een voorbeelddroom: 'Een boomhut bouwen.' "
                "Vraag de klas: 'Wat is de eerste tree? En de tweede?' Schrijf de stappen op de treden. "
                "Leg uit: 'Van een droom maak je een doel als je weet wat de eerste stap is.'</p>",
            ),
            _step(
                "Trap op, trap af",
                5,
                "whole_class",
                "movement",
                "<p>Even bewegen voor de volgende stap.</p>",
                activities=[
                    (
                        "energiser",
                        {
                            "title": "Trap op, trap af",
                            "instructions": (
                                "<p>Iedereen staat naast zijn tafel. Zeg een getal van één tot vijf. "
                                "Bij elk getal zet je zoveel stappen op de plek, met je knieën hoog, alsof je een trap op loopt. "
                                "Bij '<b>Droom bereikt!</b>' spring je met je armen omhoog. "
                                "Bij '<b>Oeps, even terug</b>' zet je een stap achteruit. Dat hoort er ook bij.</p>"
                            ),
                        },
                    ),
                ],
            ),
            _step(
                "Mijn eerste stap",
                12,
                "pairs",
                "conversation",
                "<p>In tweetallen vertellen de leerlingen elkaar over hun droom, als ze dat willen. "
                "Samen bedenken ze voor allebei een eerste stap die deze week kan. "
                "Ze schrijven die stap op de onderste tree van hun trap.</p>",
                teacher_note=(
                    "Een goede eerste stap is klein en kan echt deze week. "
                    "'Een boek over dieren lenen' is beter dan 'dierenarts worden'."
                ),
                activities=[
                    (
                        "discussion",
                        {
                            "questions": [
                                "Wat is de kleinste stap die je deze week kunt zetten?",
                                "Wie of wat kan je daarbij helpen?",
                                "Hoe weet je dat het gelukt is?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "Terugblik",
                10,
                "whole_class",
                "reflection",
                "<p>Vraag een paar leerlingen om hun eerste stap te noemen. Alleen wie wil. "
                "Vertel dat een droom mag veranderen. Dat is geen mislukking, maar groeien. "
                "De werkbladen blijven bij de leerlingen.</p>",
            ),
        ],
        "teacher_notes": (
            "<p>Dromen zijn persoonlijk. Sommige kinderen vinden het fijn om te delen, anderen niet. "
            "Het tweetal-gesprek mag ook over een 'oefendroom' gaan, zoals leren fluiten. 'Pas' mag altijd.</p>"
            "<p>Reageer op elke droom met interesse, niet met een oordeel. "
            "Ook 'voetballer worden' of 'youtuber' is een prima startpunt voor een eerste stap.</p>"
            "<p>In groep 7-8 kun je de trap langer maken: vijf treden in plaats van drie.</p>"
        ),
        "homework": (
            "<p>Zet deze week je eerste stap. Kijk na een week nog eens naar je trap. "
            "Is het gelukt? Wat is dan je volgende stap?</p>"
        ),
        "reflection_question": "Wat is jouw eerste stap, en wanneer zet je hem?",
        "further_reading": (
            "<p>Doelen geven richting en houvast. Voor kinderen werkt een doel pas goed als het concreet en haalbaar is. "
            "Een grote droom kan motiveren, maar kan ook ver weg voelen. Kleine stappen maken het dichtbij.</p>"
            "<p>Het helpt als kinderen vooraf bedenken wat ze doen als het tegenzit. "
            "Bijvoorbeeld: 'Als ik geen zin heb, oefen ik maar vijf minuten.' "
            "Zo leren ze dat doorzetten iets is wat je kunt plannen.</p>"
        ),
    },
    # ------------------------------------------------------------------ groep 7-8
    {
        "slug": "wat-is-geluk-eigenlijk",
        "title": "Wat is geluk eigenlijk?",
        "summary": (
            "De eerste les van de lessenreeks. De leerlingen doen een korte meting, praten over grote en kleine "
            "geluksmomenten en maken hun eigen geluksrecept."
        ),
        "themes": ["wat-is-geluk"],
        "groups": ["groep-7-8"],
        "duration": 60,
        "goals": [
            "De leerlingen weten dat geluk voor iedereen iets anders betekent.",
            "De leerlingen kennen het verschil tussen een blij moment en tevreden zijn met je leven.",
            "De leerlingen noemen drie dingen die bij hun eigen geluk horen.",
        ],
        "materials": [
            "Digibord of Chromebooks voor de korte meting aan het begin van de lessenreeks.",
            "Een bordje 'eens' en een bordje 'oneens' aan twee kanten van de klas.",
            "Werkblad 'Mijn geluksrecept', één per leerling.",
            "Vijf stellingen (staan in stap 4).",
        ],
        "check_in": ["start", "end"],
        "steps": [
            _step(
                "Start van de lessenreeks en korte meting",
                10,
                "whole_class",
                "explanation",
                "<p>Vertel dat de klas vijf lessen over geluk krijgt. Maak samen de afspraken:</p>"
                + _AFSPRAKEN
                + "<p>Leg dan de korte meting uit: 'Je geeft een cijfer van 0 tot 10. Hoe tevreden ben je met je leven? "
                "Niemand ziet wat jij invult, ook ik niet. Je mag een vraag overslaan.' "
                "Start de meting en laat iedereen rustig antwoorden.</p>",
                teacher_note=(
                    "Laat tijdens de meting niemand over de schouder meekijken. "
                    "Laat de uitkomst nu niet zien: dat kan de antwoorden beïnvloeden."
                ),
            ),
            _step(
                "Geluk in één woord",
                8,
                "whole_class",
                "conversation",
                "<p>Schrijf het woord <b>geluk</b> in het midden van het bord. "
                "Vraag: 'Welk woord komt bij je op?' Schrijf de woorden eromheen. "
                "Kijk samen: zijn het vooral dingen, mensen, of gevoelens?</p>",
                activities=[
                    (
                        "discussion",
                        {
                            "questions": [
                                "Wat valt je op aan de woorden op het bord?",
                                "Is geluk hebben hetzelfde als gelukkig zijn?",
                                "Kun je gelukkig zijn en tegelijk ergens over balen?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "Grote en kleine geluksmomenten",
                12,
                "pairs",
                "conversation",
                "<p>In tweetallen vertellen de leerlingen elkaar over een groot geluksmoment, zoals een verjaardag of een vakantie. "
                "En over een klein moment, zoals een warm bed of een goede grap. "
                "Vraag daarna: 'Welke soort momenten heb je vaker?'</p>",
                teacher_note=(
                    "Laat leerlingen zelf kiezen wat ze vertellen. "
                    "Een moment van gisteren op school is net zo goed als een vakantie."
                ),
            ),
            _step(
                "Stellingenspel",
                12,
                "whole_class",
                "movement",
                "<p>Maak ruimte in de klas. Speel het stellingenspel. "
                "Vraag na elke stelling aan iemand aan de 'eens'-kant en iemand aan de 'oneens'-kant waarom ze daar staan.</p>",
                activities=[
                    (
                        "energiser",
                        {
                            "title": "Eens of oneens?",
                            "instructions": (
                                "<p>Lees een stelling voor. Ben je het ermee eens? Loop naar het bordje '<b>eens</b>'. "
                                "Ben je het oneens? Loop naar '<b>oneens</b>'. Twijfel je? Ga in het midden staan. Stellingen:"
                                "</p><ul><li>Met meer geld ben je gelukkiger.</li>"
                                "<li>Geluk kun je oefenen.</li>"
                                "<li>Niemand is altijd gelukkig.</li>"
                                "<li>Vrienden zijn belangrijker dan spullen.</li>"
                                "<li>Je wordt gelukkig als je iets voor een ander doet.</li></ul>"
                            ),
                        },
                    ),
                ],
            ),
            _step(
                "Mijn geluksrecept",
                12,
                "individual",
                "creative",
                "<p>Iedere leerling maakt op het werkblad een recept voor zijn eigen geluk. "
                "Welke ingrediënten heb je nodig? Hoeveel? Bijvoorbeeld: 'een schep buitenspelen, een snufje muziek, "
                "twee vrienden'. Tekenen mag ook. Het recept is van de leerling zelf.</p>",
                activities=[
                    (
                        "reflection",
                        {
                            "prompt": "Wat heb jij nodig om je goed te voelen?",
                            "sentence_starters": [
                                "Een belangrijk ingrediënt voor mij is ...",
                                "Daar heb ik veel van nodig: ...",
                                "Een snufje ... is genoeg.",
                            ],
                        },
                    ),
                ],
            ),
            _step(
                "Terugblik",
                6,
                "whole_class",
                "reflection",
                "<p>Vraag een paar leerlingen om één ingrediënt uit hun recept te noemen. "
                "Wijs op de verschillen: 'Zie je? Ieder recept is anders.' "
                "Vertel kort wat er in de volgende les komt: drie goede dingen.</p>",
            ),
        ],
        "teacher_notes": (
            "<p>Dit is de eerste les van de lessenreeks. Doe de korte meting aan het begin, voordat je over geluk praat. "
            "Lees de uitkomst later met een korreltje zout: één klas en één moment zeggen weinig.</p>"
            "<p>Bij het stellingenspel volgen kinderen vaak hun vrienden. Zeg: 'Kies voor jezelf. Er is geen goed antwoord.' "
            "Wil iemand niet uitleggen waarom hij ergens staat? Dan zegt hij 'pas'.</p>"
            "<p>Bewaar de geluksrecepten niet zelf. Laat ze in de map van de leerling. In de laatste les kijken ze er nog eens naar.</p>"
        ),
        "homework": (
            "<p>Probeer morgen één ingrediënt uit je geluksrecept extra te gebruiken. "
            "Merk je verschil? Je hoeft er niets over op te schrijven.</p>"
        ),
        "reflection_question": "Welk ingrediënt uit jouw geluksrecept is het belangrijkst?",
        "further_reading": (
            "<p>Geluk heeft twee kanten. De ene kant is je fijn voelen op een moment: lachen, plezier, ontspanning. "
            "De andere kant is tevreden zijn met je leven als geheel. Kinderen halen die twee vaak door elkaar. "
            "Het helpt om ze samen uit elkaar te halen.</p>"
            "<p>Onderzoek laat zien dat veel kinderen in Nederland tevreden zijn met hun leven. "
            "Ook laat onderzoek zien dat een paar lessen dat cijfer meestal niet snel verandert. "
            "Het doel van deze lessen is daarom niet een hoger cijfer, maar dat leerlingen weten wat hen helpt.</p>"
        ),
    },
    {
        "slug": "drie-goede-dingen",
        "title": "Drie goede dingen",
        "summary": (
            "Ons hoofd onthoudt vooral wat misging. De leerlingen oefenen met het opmerken van goede dingen, "
            "delen er een in tweetallen en starten een week met elke avond drie goede dingen."
        ),
        "themes": ["dankbaarheid", "positief-denken"],
        "groups": ["groep-7-8"],
        "duration": 45,
        "goals": [
            "De leerlingen weten waarom we negatieve dingen beter onthouden dan positieve.",
            "De leerlingen noemen drie goede dingen van de afgelopen dagen en waarom ze goed waren.",
            "De leerlingen kunnen de oefening thuis zelf doen.",
        ],
        "materials": [
            "Het eigen schrift of een klein boekje per leerling.",
            "Een kookwekker of timer op het digibord.",
            "Een groot vel papier per groepje.",
        ],
        "check_in": ["start", "end"],
        "steps": [
            _step(
                "Waarom onthouden we het gedoe?",
                8,
                "whole_class",
                "explanation",
                "<p>Herhaal de afspraken:</p>"
                + _AFSPRAKEN
                + "<p>Vraag: 'Stel: je krijgt vandaag tien complimenten en één opmerking die niet leuk is. "
                "Waar denk je vanavond aan?' Leg uit dat ons brein vooral let op wat misgaat. Vroeger was dat handig: "
                "zo bleven mensen uit de buurt van gevaar. Maar je kunt je brein ook trainen om het goede te zien.</p>",
            ),
            _step(
                "Drie goede dingen",
                10,
                "individual",
                "writing",
                "<p>Iedere leerling schrijft in het eigen schrift drie goede dingen van de afgelopen dagen op. "
                "Bij elk ding schrijft hij waarom het goed was. Het mag heel klein zijn. "
                "Zeg: 'Dit is van jou. Ik neem het niet in.'</p>",
                activities=[
                    (
                        "gratitude",
                        {
                            "prompt": "Welke drie dingen gingen de afgelopen dagen goed? En waarom?",
                            "examples": [
                                "Ik scoorde bij voetbal, omdat ik bleef oefenen.",
                                "De soep was lekker, omdat mijn opa hem had gemaakt.",
                                "Ik snapte de som, omdat ik het durfde te vragen.",
                                "Ik zag een zeehond op het strand.",
                            ],
                        },
                    ),
                ],
            ),
            _step(
                "Delen in tweetallen",
                10,
                "pairs",
                "conversation",
                "<p>In tweetallen kiest ieder één goed ding om te vertellen. Je hoeft niet alle drie te delen. "
                "De ander luistert en stelt één vraag. Daarna wisselen.</p>",
                activities=[
                    (
                        "discussion",
                        {
                            "questions": [
                                "Wat gebeurde er precies?",
                                "Hoe voelde je je op dat moment?",
                                "Had je het zonder deze les ook opgemerkt?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "Goede-dingen-estafette",
                7,
                "groups",
                "game",
                "<p>Maak groepjes van vier. Speel de estafette. "
                "Het groepje met de langste lijst leest er drie voor, de rest mag stoppen met opschrijven.</p>",
                activities=[
                    (
                        "energiser",
                        {
                            "title": "Goede-dingen-estafette",
                            "instructions": (
                                "<p>Elk groepje heeft een groot vel papier op een tafel aan de kant. "
                                "Zet de timer op drie minuten. Om de beurt loopt iemand naar het vel en schrijft een goed ding "
                                "van <b>school</b> op: de pauze, een leuke les, de conciërge. "
                                "Daarna tikt hij de volgende aan. Hoeveel dingen verzamelt jullie groepje?</p>"
                            ),
                        },
                    ),
                ],
            ),
            _step(
                "De goede-dingen-week",
                10,
                "whole_class",
                "reflection",
                "<p>Leg de thuisopdracht uit: een week lang elke avond drie goede dingen bedenken. "
                "Opschrijven mag, in je hoofd doen mag ook. Vraag: 'Wanneer op de avond lukt dit jou het best?' "
                "Sluit af met de terugblik.</p>",
                activities=[
                    (
                        "reflection",
                        {
                            "prompt": "Hoe voelde het om naar goede dingen te zoeken?",
                            "sentence_starters": [
                                "Het viel me op dat ...",
                                "Het was makkelijk/moeilijk omdat ...",
                                "Ik ga het doen als ...",
                            ],
                        },
                    ),
                ],
            ),
        ],
        "teacher_notes": (
            "<p>Doe de oefening zelf ook een week. Dan kun je in de volgende les vertellen hoe het bij jou ging.</p>"
            "<p>Sommige leerlingen hebben een lastige periode en vinden weinig goeds. Druk niet door. "
            "Zeg: 'Soms is het moeilijk. Iets heel kleins telt ook, zoals een warme trui.' "
            "Niemand hoeft iets te delen: 'pas' mag altijd.</p>"
        ),
        "homework": (
            "<p>Bedenk deze week elke avond drie goede dingen van die dag, en waarom ze goed waren. "
            "Schrijf ze op in je boekje of doe het in je hoofd. Je hoeft het niet in te leveren.</p>"
        ),
        "reflection_question": "Welk goed ding van vandaag had je bijna niet opgemerkt?",
        "further_reading": (
            "<p>Dat mensen slechte dingen beter onthouden dan goede, heet soms de negativiteitsneiging. "
            "Het is een normale eigenschap van ons brein. Door bewust naar goede dingen te zoeken, "
            "verschuift de aandacht een beetje.</p>"
            "<p>De vraag 'waarom was het goed?' is belangrijk. Die zorgt dat kinderen niet alleen een lijstje maken, "
            "maar ook zien wat ze zelf deden of wie hen hielp. Herhaling werkt beter dan één keer: "
            "een korte vaste gewoonte is meer waard dan een lange opdracht.</p>"
        ),
    },
    {
        "slug": "talenten-in-de-klas",
        "title": "Talenten in de klas",
        "summary": (
            "De leerlingen ontdekken verborgen talenten in de klas, kiezen hun eigen top drie van sterke kanten "
            "en interviewen elkaar over een moment waarop ze trots waren."
        ),
        "themes": ["sterke-kanten", "zelfvertrouwen"],
        "groups": ["groep-7-8"],
        "duration": 50,
        "goals": [
            "De leerlingen kiezen drie sterke kanten die bij hen passen.",
            "De leerlingen herkennen sterke kanten in het verhaal van een ander.",
            "De leerlingen zien dat de klas samen veel verschillende sterke kanten heeft.",
        ],
        "materials": [
            "Sterke-kantenkaarten op het digibord.",
            "Werkblad 'Mijn krachtenschild', één per leerling.",
            "Een groot vel papier of een hoek van het bord voor 'de krachten van onze klas'.",
        ],
        "check_in": ["start", "end"],
        "steps": [
            _step(
                "Wie kan ...?",
                8,
                "whole_class",
                "game",
                "<p>Begin luchtig met een spel over verborgen talenten. Noem daarna kort de afspraken:</p>"
                + _AFSPRAKEN,
                activities=[
                    (
                        "energiser",
                        {
                            "title": "Sta op als je ... kunt",
                            "instructions": (
                                "<p>Noem snel achter elkaar dingen. Kun jij het? Ga dan staan. "
                                "Bijvoorbeeld: <i>fluiten, je tong rollen, een ei bakken, een kaartspel uitleggen, "
                                "een dier tekenen, iemand opvrolijken, een band plakken</i>. "
                                "Laat bij een paar dingen iemand het echt even laten zien.</p>"
                            ),
                        },
                    ),
                ],
            ),
            _step(
                "Talent of sterke kant?",
                8,
                "whole_class",
                "explanation",
                "<p>Leg uit: een talent is wat je kunt, zoals een ei bakken. Een sterke kant is hoe je iets doet, "
                "zoals geduldig of eerlijk. Laat de kaarten zien en lees ze samen.</p>",
                activities=[
                    (
                        "strengths",
                        {
                            "intro": "Welke drie sterke kanten passen het best bij jou?",
                            "cards": [
                                {
                                    "word": "Doorzetten",
                                    "description": "Je maakt af waar je aan begint, ook als het lastig wordt.",
                                },
                                {
                                    "word": "Rechtvaardig",
                                    "description": "Je vindt het belangrijk dat iedereen een eerlijke kans krijgt.",
                                },
                                {
                                    "word": "Humor",
                                    "description": "Je ziet de grappige kant en maakt anderen aan het lachen.",
                                },
                                {
                                    "word": "Creatief",
                                    "description": "Je bedenkt nieuwe ideeën en manieren om iets te doen.",
                                },
                                {
                                    "word": "Zorgzaam",
                                    "description": "Je let op anderen en merkt snel als iemand hulp nodig heeft.",
                                },
                                {
                                    "word": "Leergierig",
                                    "description": "Je wilt steeds nieuwe dingen leren en uitzoeken.",
                                },
                                {
                                    "word": "Leiding geven",
                                    "description": "Je helpt een groep om samen iets voor elkaar te krijgen.",
                                },
                                {
                                    "word": "Zelfbeheersing",
                                    "description": "Je blijft rustig en denkt na voordat je iets doet.",
                                },
                            ],
                        },
                    ),
                ],
            ),
            _step(
                "Mijn krachtenschild",
                10,
                "individual",
                "reflection",
                "<p>Iedere leerling kiest drie sterke kanten en zet ze op zijn krachtenschild. "
                "Bij elke sterke kant tekent of schrijft hij een voorbeeld. Het schild is van de leerling zelf.</p>",
                teacher_note=(
                    "Loop rond. Helpt iemand twijfelen? Noem dan een concreet moment dat je zelf zag: "
                    "'Ik zag dat je bij het kamp de tent opzette tot hij stond.'"
                ),
            ),
            _step(
                "Het trots-interview",
                14,
                "pairs",
                "conversation",
                "<p>In tweetallen interviewt de een de ander over een moment waarop hij trots was op zichzelf. "
                "De interviewer luistert goed en zegt daarna welke sterke kanten hij in het verhaal hoorde. "
                "Na zes minuten wisselen.</p>",
                activities=[
                    (
                        "discussion",
                        {
                            "questions": [
                                "Vertel over een moment waarop je trots was op jezelf.",
                                "Wat deed je toen precies?",
                                "Wat was er moeilijk, en hoe ging je daarmee om?",
                                "Welke sterke kant hoorde jij in het verhaal van je maatje?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "De krachten van onze klas",
                10,
                "whole_class",
                "conversation",
                "<p>Vraag: 'Welke sterke kanten zijn er allemaal in onze klas?' "
                "Leerlingen noemen sterke kanten, zonder namen erbij. Schrijf ze op het grote vel. "
                "Kijk samen: 'Wat kunnen we als klas allemaal met deze krachten?'</p>",
            ),
        ],
        "teacher_notes": (
            "<p>Stel de tweetallen zelf samen, met leerlingen die redelijk met elkaar overweg kunnen.</p>"
            "<p>Over jezelf vertellen is in groep 7-8 soms ongemakkelijk. Geef het goede voorbeeld met een eigen trots moment. "
            "Een leerling die niet wil vertellen, mag een moment van iemand anders kiezen, bijvoorbeeld uit een boek of film. "
            "Ook 'pas' mag.</p>"
            "<p>Laat het vel met de krachten van de klas een tijd hangen.</p>"
        ),
        "homework": (
            "<p>Vraag aan iemand die je goed kent: 'Welke sterke kant zie jij bij mij?' "
            "Komt het overeen met je krachtenschild? Je hoeft het antwoord niet op te schrijven.</p>"
        ),
        "reflection_question": "Welke sterke kant van jezelf wil je de komende week vaker gebruiken?",
        "further_reading": (
            "<p>Leerlingen in groep 7-8 gaan zichzelf steeds meer vergelijken met anderen. "
            "Sterke kanten helpen dan om naar jezelf te kijken zonder ranglijst: iedereen heeft een eigen mix.</p>"
            "<p>Een sterke kant die je inzet, groeit. Daarom is het nuttig als leerlingen niet alleen hun sterke kanten kennen, "
            "maar ook een moment bedenken om ze te gebruiken. Sterke kanten kunnen ook 'te veel' worden: "
            "wie heel eerlijk is, kan soms bot overkomen. Dat is een mooi onderwerp voor een vervolggesprek.</p>"
        ),
    },
    {
        "slug": "ik-durf-het-bijna",
        "title": "Ik durf het (bijna)!",
        "summary": (
            "Iets spannends doen is eng, maar je leert er veel van. De leerlingen ontdekken hun eigen 'groeizone' "
            "en maken een trapje van kleine stappen voor iets wat ze willen durven."
        ),
        "themes": ["zelfvertrouwen"],
        "groups": ["groep-7-8"],
        "duration": 45,
        "goals": [
            "De leerlingen weten dat spannend en leren vaak samengaan.",
            "De leerlingen zien dat wat spannend is voor iedereen anders is.",
            "De leerlingen maken een plan met drie kleine stappen voor iets spannends.",
        ],
        "materials": [
            "Drie hoepels of drie cirkels van plakband op de vloer, met de namen 'fijne zone', 'groeizone' en 'te-veel-zone'.",
            "Werkblad 'Mijn moedtrap', één per leerling.",
        ],
        "check_in": ["start", "end"],
        "steps": [
            _step(
                "Spannend is normaal",
                8,
                "whole_class",
                "conversation",
                "<p>Noem de afspraken:</p>"
                + _AFSPRAKEN
                + "<p>Vertel over iets wat jij spannend vond, bijvoorbeeld je eerste dag als leerkracht. "
                "Wat voelde je? Wat hielp? Vraag daarna of leerlingen dat gevoel herkennen.</p>",
                activities=[
                    (
                        "discussion",
                        {
                            "questions": [
                                "Hoe merk je in je lijf dat iets spannend is?",
                                "Wat heb je weleens gedaan terwijl je het eerst eng vond?",
                                "Hoe voelde je je daarna?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "Drie zones",
                8,
                "whole_class",
                "movement",
                "<p>Leg de drie zones uit. In de <b>fijne zone</b> voel je je veilig en gaat alles vanzelf. "
                "In de <b>groeizone</b> is het spannend, maar leer je veel. In de <b>te-veel-zone</b> is het zo eng "
                "dat leren niet meer lukt. Speel dan het zonespel.</p>",
                activities=[
                    (
                        "energiser",
                        {
                            "title": "Het zonespel",
                            "instructions": (
                                "<p>Noem een activiteit. Iedereen gaat in de zone staan die voor hem past. Bijvoorbeeld: "
                                "<i>een spreekbeurt houden, van de hoge duikplank springen, een nieuw gerecht proeven, "
                                "een liedje zingen voor de klas, de weg vragen aan een vreemde, een spin oppakken</i>. "
                                "Kijk na elke activiteit even rond: iedereen staat ergens anders.</p>"
                            ),
                        },
                    ),
                ],
            ),
            _step(
                "Mijn moedtrap",
                10,
                "individual",
                "reflection",
                "<p>Iedere leerling kiest iets uit zijn eigen groeizone. Niet te groot: iets wat binnen een paar weken kan. "
                "Op het werkblad maakt hij een trap van drie treden: van een klein beetje spannend naar best spannend.</p>",
                activities=[
                    (
                        "reflection",
                        {
                            "prompt": "Wat zou jij graag durven, en wat is een eerste kleine stap?",
                            "sentence_starters": [
                                "Ik zou graag durven ...",
                                "Mijn eerste stap is ...",
                                "Als het spannend wordt, helpt het als ...",
                            ],
                        },
                    ),
                ],
            ),
            _step(
                "Moed in tweetallen",
                10,
                "pairs",
                "conversation",
                "<p>In tweetallen vertellen de leerlingen elkaar over hun eerste stap, als ze dat willen. "
                "De ander bedenkt een zin die moed geeft, zoals 'Je hebt het al eerder gekund' of 'Ook als het mislukt, heb je het geprobeerd'.</p>",
                teacher_note="Schrijf een paar voorbeelden van moedzinnen op het bord. Dat helpt leerlingen die niets kunnen bedenken.",
            ),
            _step(
                "Groot en rustig",
                5,
                "whole_class",
                "calm",
                "<p>Vertel: 'Als je iets spannends gaat doen, kun je je lijf helpen. Zo doe je dat.' "
                "Doe de oefening staand.</p>",
                activities=[
                    (
                        "breathing",
                        {
                            "title": "Groot en rustig",
                            "instructions": (
                                "Ga stevig staan, met je voeten naast elkaar. Maak je rug lang. "
                                "Adem rustig in door je neus. Adem langzaam uit door je mond en laat je schouders zakken. "
                                "Voel je voeten op de grond."
                            ),
                            "breathe_in": 4,
                            "breathe_out": 6,
                            "rounds": 4,
                        },
                    ),
                ],
            ),
            _step(
                "Terugblik",
                4,
                "whole_class",
                "reflection",
                "<p>Vraag: 'Wie wil vertellen wanneer hij zijn eerste stap zet?' "
                "Spreek af dat je er over een week naar vraagt, aan de hele klas en zonder namen.</p>",
            ),
        ],
        "teacher_notes": (
            "<p>Zet de zones vooraf klaar, of gebruik drie hoeken van de klas.</p>"
            "<p>Let op dat niemand wordt uitgelachen om wat hij spannend vindt. Zeg het hardop: "
            "'Wat voor de een makkelijk is, is voor de ander spannend. Allebei normaal.' "
            "De moedtrap is privé: een leerling hoeft hem niet te laten zien. 'Pas' mag.</p>"
            "<p>Let op: voor sommige leerlingen zijn gewone dingen al heel spannend. Dring nooit aan.</p>"
        ),
        "homework": (
            "<p>Zet deze week de eerste stap van je moedtrap. Doe daarvoor de oefening 'Groot en rustig'. "
            "Gelukt? Geef jezelf een compliment. Nog niet gelukt? Probeer het nog een keer.</p>"
        ),
        "reflection_question": "Wat ga jij deze week durven, ook al is het een beetje spannend?",
        "further_reading": (
            "<p>Zelfvertrouwen groeit vooral door te merken dat iets lukt. Een kind dat kleine spannende dingen doet, "
            "leert dat het meer kan dan het dacht. Daarom werkt een trap met kleine stappen beter dan één grote sprong.</p>"
            "<p>Fouten horen erbij. Als leerkracht kun je dat laten zien door zelf eerlijk te vertellen over iets wat mislukte "
            "en wat je ervan leerde. Dat geeft leerlingen ruimte om het ook te proberen.</p>"
        ),
    },
    {
        "slug": "week-van-de-kleine-daden",
        "title": "De week van de kleine daden",
        "summary": (
            "De laatste les van de lessenreeks. De leerlingen kijken terug, bedenken samen kleine vriendelijke daden "
            "voor school en buurt en doen de korte meting nog een keer."
        ),
        "themes": ["geluk-doorgeven", "vriendelijkheid"],
        "groups": ["groep-7-8"],
        "duration": 50,
        "goals": [
            "De leerlingen weten dat iets aardigs doen ook goed is voor jezelf.",
            "De leerlingen bedenken samen haalbare vriendelijke daden.",
            "De leerlingen kijken terug op wat ze in de lessenreeks hebben geleerd.",
        ],
        "materials": [
            "Een rij dominostenen (of een filmpje van vallende dominostenen uit de eigen mediatheek).",
            "Een groot vel papier en stiften per groepje.",
            "Digibord of Chromebooks voor de korte meting aan het eind van de lessenreeks.",
        ],
        "check_in": ["start", "end"],
        "steps": [
            _step(
                "Terugkijken op de lessenreeks",
                8,
                "whole_class",
                "conversation",
                "<p>Noem nog één keer de afspraken:</p>"
                + _AFSPRAKEN
                + "<p>Kijk samen terug op de lessen: het geluksrecept, drie goede dingen, sterke kanten en de moedtrap. "
                "Wat is blijven hangen?</p>",
                activities=[
                    (
                        "discussion",
                        {
                            "questions": [
                                "Welke les is je het meest bijgebleven? Waarom?",
                                "Heb je iets uit de lessen ook buiten school gedaan?",
                                "Wat zou je aan een nieuwe groep 7 vertellen over deze lessen?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "Het domino-effect",
                7,
                "whole_class",
                "explanation",
                "<p>Zet een rij dominostenen neer en tik de eerste om. Vertel: 'Zo werkt vriendelijkheid ook. "
                "Als jij iets aardigs doet, voelt de ander zich beter. Vaak doet die daarna ook iets aardigs. "
                "En jijzelf voelt je ook beter.' Vraag of leerlingen daar een voorbeeld van kennen.</p>",
            ),
            _step(
                "Ideeën voor kleine daden",
                15,
                "groups",
                "creative",
                "<p>Maak groepjes van vier. Elk groepje maakt een poster met ideeën voor kleine vriendelijke daden. "
                "Verdeel de plekken: <b>onze klas</b>, <b>de school</b>, <b>de sportclub</b> en <b>de buurt</b>. "
                "Elke daad moet klein zijn en niets kosten. "
                "Hang de posters op en laat elk groepje zijn beste idee noemen.</p>",
                teacher_note=(
                    "Let op dat de ideeën echt haalbaar zijn, zoals 'de deur openhouden' of 'de conciërge bedanken'. "
                    "Grote plannen zijn leuk, maar lukken vaak niet."
                ),
            ),
            _step(
                "Dank je wel, klas",
                8,
                "whole_class",
                "conversation",
                "<p>Ga in een kring zitten. Wie wil, bedankt iemand in de klas voor iets wat hij deed. "
                "Het gaat om gedrag, niet om uiterlijk. Begin zelf, zodat iedereen weet hoe het gaat.</p>",
                activities=[
                    (
                        "gratitude",
                        {
                            "prompt": "Wie in de klas wil je bedanken, en waarvoor?",
                            "examples": [
                                "Dank je wel dat je me hielp met de breuken.",
                                "Dank je wel dat je me liet meedoen met het spel in de pauze.",
                                "Dank je wel dat je altijd zo grappig bent bij de gymles.",
                            ],
                        },
                    ),
                ],
            ),
            _step(
                "Afsluiting en korte meting",
                12,
                "whole_class",
                "reflection",
                "<p>Iedere leerling kiest in stilte één kleine daad voor de komende week. "
                "Doe daarna de korte meting, net als in de eerste les: 'Niemand ziet wat jij invult. "
                "Je mag een vraag overslaan.' Bedank de klas voor het meedoen aan de lessenreeks.</p>",
                activities=[
                    (
                        "reflection",
                        {
                            "prompt": "Welke kleine daad doe jij deze week, en voor wie?",
                            "sentence_starters": [
                                "Ik ga ...",
                                "Ik doe het voor ...",
                                "Ik denk dat die persoon ...",
                            ],
                        },
                    ),
                ],
            ),
        ],
        "teacher_notes": (
            "<p>Dit is de laatste les van de lessenreeks. Doe de korte meting aan het eind. "
            "Vergelijk de uitkomst alleen voorzichtig met de eerste meting. Een klein verschil zegt weinig. "
            "Het kan komen door het weer, een toets of gewoon toeval.</p>"
            "<p>Bij het bedanken in de kring: zorg dat niemand wordt vergeten. Heb zelf een zin klaar voor leerlingen die niemand noemt. "
            "Een leerling die niets wil zeggen, zegt 'pas'.</p>"
        ),
        "homework": (
            "<p>Doe deze week je kleine daad. Kijk wat er gebeurt, bij de ander en bij jezelf. "
            "Je hoeft het aan niemand te vertellen.</p>"
        ),
        "reflection_question": "Wat neem jij mee uit deze lessen over geluk?",
        "further_reading": (
            "<p>Iets goeds doen voor een ander geeft vaak ook de gever een goed gevoel. "
            "Dat werkt het best als het vrijwillig is en als je zelf kiest wat je doet. "
            "Daarom laat je leerlingen hun eigen daad kiezen.</p>"
            "<p>Over de meting: bij de start en het eind van een lessenreeks verandert het gemiddelde cijfer vaak weinig. "
            "Dat is normaal. De meeste kinderen geven al een ruim voldoende. "
            "Gebruik de uitkomst als een gesprek over de klas, nooit als bewijs dat de lessen wel of niet werken.</p>"
        ),
    },
    # ------------------------------------------------------------------ klas 1-2
    {
        "slug": "geluk-wat-heb-jij-nodig",
        "title": "Geluk: wat heb jij nodig?",
        "summary": (
            "De eerste les van de lessenreeks voor klas 1 en 2. De leerlingen doen een korte meting, "
            "nemen stelling over geluk en brengen hun eigen geluksbronnen in kaart."
        ),
        "themes": ["wat-is-geluk"],
        "groups": ["klas-1-2"],
        "duration": 50,
        "goals": [
            "De leerlingen weten dat geluk meer is dan een fijn moment.",
            "De leerlingen kennen een paar dingen die volgens onderzoek helpen om je goed te voelen.",
            "De leerlingen maken een overzicht van hun eigen geluksbronnen.",
        ],
        "materials": [
            "Chromebooks of telefoons met de klascode voor de korte meting.",
            "Twee vellen met 'eens' en 'oneens' aan twee kanten van het lokaal.",
            "Het eigen schrift of een A4'tje per leerling (blijft bij de leerling).",
        ],
        "check_in": ["start", "end"],
        "steps": [
            _step(
                "Start en korte meting",
                10,
                "whole_class",
                "explanation",
                "<p>Vertel dat de klas vijf lessen krijgt over geluk en lekker in je vel zitten. "
                "Maak samen de afspraken en vraag of de klas er een wil toevoegen:</p>"
                + _AFSPRAKEN
                + "<p>Start daarna de korte meting met de klascode: 'Je geeft een cijfer van 0 tot 10 voor hoe tevreden je bent "
                "met je leven. Het is anoniem. Ik zie alleen het totaal van de klas, en alleen als genoeg mensen meedoen.'</p>",
                teacher_note=(
                    "Vraag de klas om tijdens de meting niet bij elkaar op het scherm te kijken. "
                    "Laat de uitkomst nu nog niet zien."
                ),
            ),
            _step(
                "Eens of oneens?",
                10,
                "whole_class",
                "movement",
                "<p>Speel het stellingenspel. Vraag na elke stelling aan twee of drie leerlingen om hun keuze uit te leggen. "
                "Er zijn geen foute antwoorden.</p>",
                activities=[
                    (
                        "energiser",
                        {
                            "title": "Kies je kant",
                            "instructions": (
                                "<p>Lees een stelling voor. Loop naar '<b>eens</b>' of '<b>oneens</b>'. Twijfel? Ga in het midden staan."
                                "</p><ul><li>Met meer volgers ben je gelukkiger.</li>"
                                "<li>Geluk is vooral geluk hebben.</li>"
                                "<li>Je kunt leren om je beter te voelen.</li>"
                                "<li>Een dag zonder telefoon is een slechte dag.</li>"
                                "<li>Iemand die altijd lacht, is ook altijd gelukkig.</li></ul>"
                            ),
                        },
                    ),
                    (
                        "discussion",
                        {
                            "questions": [
                                "Welke stelling vond je het lastigst? Waarom?",
                                "Kun je aan de buitenkant zien of iemand gelukkig is?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "Wat helpt echt?",
                8,
                "whole_class",
                "explanation",
                "<p>Vertel in je eigen woorden wat uit onderzoek bekend is. Je voelt je vaak beter als je:"
                "</p><ul><li>genoeg slaapt en beweegt;</li><li>mensen om je heen hebt bij wie je jezelf kunt zijn;</li>"
                "<li>iets doet waar je helemaal in opgaat;</li><li>iets doet voor een ander.</li></ul>"
                "<p>Zeg erbij: 'Spullen en geld helpen een beetje, maar minder dan veel mensen denken.'</p>",
            ),
            _step(
                "Mijn geluksbronnen",
                12,
                "individual",
                "writing",
                "<p>Iedere leerling maakt in zijn schrift een mindmap met in het midden 'ik'. "
                "Eromheen vier takken: <b>mensen</b>, <b>dingen die ik doe</b>, <b>plekken</b> en <b>kleine dingen</b>. "
                "Zeg: 'Dit is van jou. Niemand leest het, ook ik niet.'</p>",
                activities=[
                    (
                        "reflection",
                        {
                            "prompt": "Waar haal jij energie en plezier uit?",
                            "sentence_starters": [
                                "Ik voel me goed als ...",
                                "Een plek waar ik tot rust kom is ...",
                                "Ik vergeet de tijd als ik ...",
                            ],
                        },
                    ),
                ],
            ),
            _step(
                "Vergelijken in groepjes",
                7,
                "groups",
                "conversation",
                "<p>Maak groepjes van drie of vier. Ieder noemt twee geluksbronnen die hij wil delen. "
                "Het groepje zoekt: wat hebben we allemaal? Wat is heel verschillend?</p>",
                activities=[
                    (
                        "discussion",
                        {
                            "questions": [
                                "Welke geluksbron hebben jullie allemaal?",
                                "Welke geluksbron van een ander verbaasde je?",
                                "Welke geluksbron gebruik je te weinig?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "Terugblik",
                3,
                "whole_class",
                "reflection",
                "<p>Vraag twee groepjes om te vertellen wat ze gemeen hadden. "
                "Sluit af met de terugblikvraag en vertel wat de volgende les is: gedachten checken.</p>",
            ),
        ],
        "teacher_notes": (
            "<p>Dit is de eerste les van de lessenreeks. Doe de korte meting aan het begin. "
            "Het is een momentopname: lees de uitkomst voorzichtig en vergelijk niet met andere klassen.</p>"
            "<p>Tieners willen niet altijd iets persoonlijks delen. Dat is prima. Laat ze ook over 'iemand van jouw leeftijd' "
            "mogen praten in plaats van over zichzelf. 'Pas' of 'te persoonlijk' zeggen mag altijd.</p>"
            "<p>Houd de toon luchtig. Een beetje humor helpt, zeker bij de stellingen.</p>"
        ),
        "homework": (
            "<p>Kies één geluksbron uit je mindmap die je deze week vaker wilt gebruiken. "
            "Plan er een moment voor in je agenda. Je hoeft niets in te leveren.</p>"
        ),
        "reflection_question": "Welke geluksbron ga jij deze week bewust gebruiken?",
        "further_reading": (
            "<p>Onderzoekers maken vaak onderscheid tussen je goed voelen op een moment en tevreden zijn met je leven. "
            "De korte meting van 0 tot 10 gaat over dat tweede. "
            "Nederlandse jongeren van twaalf geven gemiddeld ongeveer een 7,5. Rond de puberteit daalt dat cijfer vaak iets.</p>"
            "<p>Wat jongeren helpt, is meestal niet spectaculair: slaap, bewegen, goede vrienden, ergens in opgaan "
            "en iets betekenen voor anderen. Deze lessenreeks laat leerlingen daar zelf mee oefenen, zonder te preken.</p>"
        ),
    },
    {
        "slug": "gedachten-checken",
        "title": "Gedachten checken",
        "summary": (
            "Niet alles wat je denkt, is waar. De leerlingen leren hoe een gedachte je gevoel en gedrag beïnvloedt "
            "en oefenen met drie vragen om een gedachte te checken."
        ),
        "themes": ["positief-denken", "emoties"],
        "groups": ["klas-1-2"],
        "duration": 50,
        "goals": [
            "De leerlingen kennen de stappen situatie, gedachte, gevoel en gedrag.",
            "De leerlingen weten dat een gedachte geen feit is.",
            "De leerlingen kunnen met drie vragen een gedachte checken.",
        ],
        "materials": [
            "Het schema 'situatie, gedachte, gevoel, gedrag' op het digibord.",
            "Situatiekaartjes voor de tweetallen (zie stap 3).",
            "Het eigen schrift van de leerlingen.",
        ],
        "check_in": ["start", "end"],
        "steps": [
            _step(
                "Een appje zonder antwoord",
                7,
                "whole_class",
                "conversation",
                "<p>Noem kort de afspraken:</p>"
                + _AFSPRAKEN
                + "<p>Vertel: 'Jesse stuurt een grap in de klassenapp. Een uur later heeft nog niemand gereageerd.' "
                "Vraag: 'Wat denkt Jesse misschien?' Schrijf de gedachten op het bord.</p>",
                activities=[
                    (
                        "discussion",
                        {
                            "questions": [
                                "Wat zou Jesse kunnen denken?",
                                "Hoe voelt Jesse zich bij elke gedachte?",
                                "Wat zijn andere redenen waarom niemand reageert?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "Gedachte, gevoel, gedrag",
                10,
                "whole_class",
                "explanation",
                "<p>Laat het schema zien: <b>situatie</b>, <b>gedachte</b>, <b>gevoel</b>, <b>gedrag</b>. "
                "Vul het in met Jesse. Gedachte 'ze vinden me stom' geeft een rotgevoel, en misschien stuurt Jesse niets meer. "
                "Gedachte 'iedereen zit aan tafel' geeft rust. Leg uit: de situatie is hetzelfde, de gedachte maakt het verschil. "
                "En: een gedachte is geen feit.</p>",
                teacher_note=(
                    "Zeg duidelijk dat het niet gaat om 'niet verdrietig mogen zijn'. "
                    "Het gaat om checken of je gedachte klopt."
                ),
            ),
            _step(
                "De gedachtecheck",
                13,
                "pairs",
                "conversation",
                "<p>Schrijf de drie checkvragen op het bord. Elk tweetal krijgt twee situatiekaartjes, zoals "
                "<i>je krijgt een 4 voor een toets</i>, <i>je wordt niet gekozen voor de basis bij voetbal</i>, "
                "<i>een docent kijkt streng naar je</i>. Ze bedenken een eerste gedachte en checken die met de vragen.</p>",
                activities=[
                    (
                        "discussion",
                        {
                            "questions": [
                                "Weet ik zeker dat het waar is?",
                                "Wat zou ik zeggen als een vriend dit dacht?",
                                "Welke andere verklaring is er ook mogelijk?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "Adempauze",
                5,
                "whole_class",
                "calm",
                "<p>Vertel: 'Als je hoofd vol zit, helpt het om eerst even te landen. Dan kun je beter nadenken.' "
                "Doe de oefening samen, zittend.</p>",
                activities=[
                    (
                        "breathing",
                        {
                            "title": "Eerst landen",
                            "instructions": (
                                "Zet je voeten plat op de grond en leg je handen op tafel. Kijk naar één punt of doe je ogen dicht. "
                                "Adem rustig in door je neus. Adem langer uit dan in. Merk op wat er in je hoofd gebeurt, zonder er iets mee te doen."
                            ),
                            "breathe_in": 4,
                            "breathe_out": 6,
                            "rounds": 5,
                        },
                    ),
                ],
            ),
            _step(
                "Mijn eigen check",
                10,
                "individual",
                "writing",
                "<p>Iedere leerling kiest een kleine situatie uit zijn eigen week. In het schrift vult hij het schema in "
                "en doet hij de gedachtecheck. 'Dit is alleen voor jou. Niemand leest mee.'</p>",
                activities=[
                    (
                        "reflection",
                        {
                            "prompt": "Welke gedachte ging laatst met je aan de haal, en wat blijkt na de check?",
                            "sentence_starters": [
                                "Ik dacht: ...",
                                "Na de check denk ik: ...",
                                "Een andere verklaring is ...",
                            ],
                        },
                    ),
                ],
            ),
            _step(
                "Terugblik",
                5,
                "whole_class",
                "reflection",
                "<p>Vraag: 'Welke checkvraag vind jij het handigst?' Laat een paar leerlingen antwoorden. "
                "Je vraagt niet naar hun eigen situatie.</p>",
            ),
        ],
        "teacher_notes": (
            "<p>Kies situaties die klein en herkenbaar zijn. Gebruik geen situaties over pesten of thuis: "
            "dat is te persoonlijk voor een klassengesprek.</p>"
            "<p>Merk je dat een leerling ergens echt mee zit? Ga daar niet in de les op in. "
            "Zoek na de les rustig contact, of verwijs naar de mentor of vertrouwenspersoon. "
            "'Te persoonlijk' of 'pas' zeggen mag altijd.</p>"
        ),
        "homework": (
            "<p>Betrap jezelf deze week op een gedachte die je een rotgevoel geeft. "
            "Stel jezelf de drie checkvragen. Merk je verschil? Je hoeft niets op te schrijven.</p>"
        ),
        "reflection_question": "Welke checkvraag ga jij deze week gebruiken?",
        "further_reading": (
            "<p>Het idee dat gedachten invloed hebben op gevoel en gedrag is een van de basisideeën van de psychologie. "
            "Voor jongeren is het vaak een eyeopener dat je niet alles hoeft te geloven wat je denkt.</p>"
            "<p>Belangrijk: dit is geen therapie. De les leert een handige denkgewoonte, niet meer. "
            "Heeft een leerling langere tijd veel last van sombere gedachten, dan hoort dat bij de mentor, "
            "de zorgcoördinator of de vertrouwenspersoon.</p>"
        ),
    },
    {
        "slug": "sterke-kanten-in-actie",
        "title": "Sterke kanten in actie",
        "summary": (
            "De leerlingen ontdekken wie ze zijn op hun best. In een groepsronde horen ze van klasgenoten welke "
            "sterke kanten die bij hen zien, en ze plannen een nieuwe manier om een sterke kant in te zetten."
        ),
        "themes": ["sterke-kanten", "zelfvertrouwen"],
        "groups": ["klas-1-2"],
        "duration": 50,
        "goals": [
            "De leerlingen noemen drie sterke kanten van zichzelf.",
            "De leerlingen geven klasgenoten feedback over sterke kanten, met een voorbeeld.",
            "De leerlingen plannen een nieuwe manier om een sterke kant te gebruiken.",
        ],
        "materials": [
            "Sterke-kantenkaarten op het digibord.",
            "Per groepje een setje geprinte kaarten.",
            "Het eigen schrift van de leerlingen.",
        ],
        "check_in": ["start", "end"],
        "steps": [
            _step(
                "Jij op je best",
                8,
                "whole_class",
                "conversation",
                "<p>Noem de afspraken:</p>"
                + _AFSPRAKEN
                + "<p>Vraag: 'Denk aan een moment waarop alles klopte. Je was op je best. Wat deed je?' "
                "Laat leerlingen eerst even nadenken. Wie wil, vertelt. Vertel zelf ook een voorbeeld.</p>",
                activities=[
                    (
                        "discussion",
                        {
                            "questions": [
                                "Wanneer ben jij op je best?",
                                "Wat zeggen anderen vaak over jou?",
                                "Waar krijg je energie van, en waarvan niet?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "Sta op als ...",
                4,
                "whole_class",
                "movement",
                "<p>Kort bewegen voordat je aan de slag gaat.</p>",
                activities=[
                    (
                        "energiser",
                        {
                            "title": "Sta op als ...",
                            "instructions": (
                                "<p>Lees snel zinnen voor. Past het bij jou? Sta op en ga weer zitten. Bijvoorbeeld: "
                                "<i>... je altijd als eerste een grap maakt</i>, <i>... je nooit te laat bent</i>, "
                                "<i>... je een ruzie weleens hebt opgelost</i>, <i>... je graag dingen uitzoekt</i>, "
                                "<i>... je altijd iemand helpt met huiswerk</i>.</p>"
                            ),
                        },
                    ),
                ],
            ),
            _step(
                "Kies je krachten",
                10,
                "individual",
                "reflection",
                "<p>Laat de kaarten zien. Iedere leerling kiest drie sterke kanten die het best bij hem passen. "
                "Bij elke sterke kant bedenkt hij een voorbeeld uit de afgelopen maand.</p>",
                activities=[
                    (
                        "strengths",
                        {
                            "intro": "Welke drie sterke kanten zijn echt van jou?",
                            "cards": [
                                {
                                    "word": "Loyaal",
                                    "description": "Je staat achter je vrienden en je team.",
                                },
                                {
                                    "word": "Eerlijk",
                                    "description": "Je zegt wat je denkt, op een manier die anderen niet kwetst.",
                                },
                                {
                                    "word": "Nieuwsgierig",
                                    "description": "Je wilt weten hoe dingen zitten en zoekt het uit.",
                                },
                                {
                                    "word": "Doorzetter",
                                    "description": "Je blijft oefenen, ook als het even niet lukt.",
                                },
                                {
                                    "word": "Empathisch",
                                    "description": "Je voelt goed aan hoe het met een ander gaat.",
                                },
                                {
                                    "word": "Creatief",
                                    "description": "Je bedenkt originele oplossingen en ideeën.",
                                },
                                {
                                    "word": "Humor",
                                    "description": "Je maakt een zware situatie lichter met een grap.",
                                },
                                {
                                    "word": "Organisator",
                                    "description": "Je houdt overzicht en zorgt dat dingen geregeld worden.",
                                },
                            ],
                        },
                    ),
                ],
            ),
            _step(
                "De krachtenronde",
                15,
                "groups",
                "conversation",
                "<p>Maak groepjes van vier. Eén leerling zit 'in de spotlight'. De anderen noemen om de beurt een sterke kant "
                "die ze bij hem zien, met een voorbeeld. De leerling in de spotlight luistert en zegt alleen 'dank je'. "
                "Daarna is de volgende aan de beurt.</p>",
                teacher_note=(
                    "Stel de groepjes zelf samen. Zeg vooraf: alleen sterke kanten, geen grapjes ten koste van iemand. "
                    "Loop rond en luister mee."
                ),
            ),
            _step(
                "Mijn kracht, nieuw ingezet",
                10,
                "individual",
                "writing",
                "<p>Iedere leerling kiest één sterke kant en bedenkt een nieuwe manier om die deze week te gebruiken. "
                "Bijvoorbeeld: 'Ik ben een organisator. Ik maak een planning voor het groepswerk bij biologie.' "
                "Ze schrijven het in hun schrift.</p>",
                activities=[
                    (
                        "reflection",
                        {
                            "prompt": "Hoe kun je een sterke kant deze week op een nieuwe manier gebruiken?",
                            "sentence_starters": [
                                "Mijn sterke kant is ...",
                                "Deze week gebruik ik hem bij ...",
                                "Ik merk dat het werkt als ...",
                            ],
                        },
                    ),
                ],
            ),
            _step(
                "Terugblik",
                3,
                "whole_class",
                "reflection",
                "<p>Vraag: 'Wat was het leukst om te horen in de krachtenronde?' Laat een paar leerlingen antwoorden.</p>",
            ),
        ],
        "teacher_notes": (
            "<p>Complimenten krijgen is voor veel pubers ongemakkelijk. Zeg dat het normaal is om daar een beetje van te blozen. "
            "De regel 'alleen dank je zeggen' helpt: je hoeft het niet weg te wuiven.</p>"
            "<p>Een leerling die niet in de spotlight wil, mag 'pas' zeggen. Hij kan dan wel complimenten geven aan anderen.</p>"
        ),
        "homework": (
            "<p>Voer je plan uit: gebruik je sterke kant deze week op een nieuwe manier. "
            "Kijk na afloop: hoe ging het, en hoe voelde het?</p>"
        ),
        "reflection_question": "Welke sterke kant hoorde je vandaag die je zelf nog niet zo zag?",
        "further_reading": (
            "<p>In de puberteit zoeken jongeren naar wie ze zijn. Feedback van leeftijdgenoten weegt dan zwaar. "
            "Juist daarom is een veilige, positieve feedbackronde waardevol. Met duidelijke regels voorkom je dat het misgaat.</p>"
            "<p>Sterke kanten inzetten op een nieuwe manier werkt beter dan alleen weten wat je sterke kanten zijn. "
            "Het zorgt voor kleine succeservaringen, en die bouwen zelfvertrouwen op.</p>"
        ),
    },
    {
        "slug": "rust-in-een-druk-hoofd",
        "title": "Rust in een druk hoofd",
        "summary": (
            "Meldingen, huiswerk, sport: je hoofd staat vaak aan. De leerlingen doen korte aandachtsoefeningen "
            "en bedenken samen hoe ze hun telefoon slimmer gebruiken."
        ),
        "themes": ["rust-en-aandacht", "emoties"],
        "groups": ["klas-1-2"],
        "duration": 50,
        "goals": [
            "De leerlingen weten wat het verschil is tussen op de automatische piloot leven en bewust aandacht geven.",
            "De leerlingen kennen twee korte oefeningen om rustig te worden.",
            "De leerlingen plannen een dagelijks rustmoment.",
        ],
        "materials": [
            "Een timer op het digibord.",
            "Een groot vel papier per groepje.",
            "Het eigen schrift van de leerlingen.",
        ],
        "check_in": ["start", "end"],
        "steps": [
            _step(
                "Hoe druk is jouw hoofd?",
                8,
                "whole_class",
                "conversation",
                "<p>Noem kort de afspraken:</p>"
                + _AFSPRAKEN
                + "<p>Vraag: 'Hoe vaak kijk je op een dag op je telefoon, denk je?' Laat schattingen noemen. "
                "Vertel daarna over de automatische piloot: je doet dingen zonder dat je het merkt, zoals fietsen naar school.</p>",
                activities=[
                    (
                        "discussion",
                        {
                            "questions": [
                                "Wanneer staat jouw hoofd het meest 'aan'?",
                                "Wat doe je op de automatische piloot?",
                                "Wanneer heb je echt rust in je hoofd?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "Aandacht is een zaklamp",
                7,
                "whole_class",
                "explanation",
                "<p>Leg uit: 'Je aandacht is als een zaklamp. Waar je hem op richt, dat zie je. "
                "Je kunt oefenen om die zaklamp zelf te sturen.' Vertel dat je in deze les twee oefeningen doet. "
                "Je hoeft niets te bereiken. Het gaat om merken wat er nu is.</p>",
            ),
            _step(
                "Vijf, vier, drie, twee, één",
                8,
                "individual",
                "calm",
                "<p>Begeleid de oefening rustig. Iedereen doet het in stilte, voor zichzelf: noem in je hoofd "
                "<b>vijf</b> dingen die je ziet, <b>vier</b> dingen die je hoort, <b>drie</b> dingen die je voelt, "
                "<b>twee</b> dingen die je ruikt en <b>één</b> ding dat je proeft. Bespreek het kort na.</p>",
                teacher_note=(
                    "Sommige leerlingen gaan giechelen. Dat is normaal bij de eerste keer. "
                    "Doe gewoon rustig verder; het wordt vanzelf stiller."
                ),
            ),
            _step(
                "Het ademanker",
                6,
                "whole_class",
                "calm",
                "<p>Vertel: 'Je adem is er altijd. Je kunt hem gebruiken als een anker als je hoofd op drift raakt.' "
                "Doe de oefening samen.</p>",
                activities=[
                    (
                        "breathing",
                        {
                            "title": "Het ademanker",
                            "instructions": (
                                "Ga rechtop zitten. Kijk naar de grond of doe je ogen dicht. Voel waar je je adem het best merkt: "
                                "in je neus, je borst of je buik. Adem rustig in en langzaam uit. "
                                "Dwalen je gedachten af? Geen probleem. Breng je aandacht gewoon terug naar je adem."
                            ),
                            "breathe_in": 4,
                            "breathe_out": 6,
                            "rounds": 6,
                        },
                    ),
                ],
            ),
            _step(
                "Slim met je telefoon",
                12,
                "groups",
                "conversation",
                "<p>Maak groepjes van vier. Elk groepje maakt een vel met twee kolommen: "
                "<b>hier geeft mijn telefoon me rust</b> en <b>hier geeft mijn telefoon me stress</b>. "
                "Daarna bedenken ze drie tips voor klasgenoten. Elk groepje noemt zijn beste tip.</p>",
                activities=[
                    (
                        "discussion",
                        {
                            "questions": [
                                "Wanneer helpt je telefoon je om te ontspannen?",
                                "Wanneer word je er juist onrustig van?",
                                "Welke tip zou jij zelf echt willen proberen?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "Mijn rustmoment",
                9,
                "individual",
                "reflection",
                "<p>Iedere leerling kiest een vast moment op de dag voor een korte rustoefening. "
                "Bijvoorbeeld op de fiets naar huis, voor het slapen of voor een toets. "
                "Ze zetten het in hun agenda of telefoon als herinnering.</p>",
                activities=[
                    (
                        "reflection",
                        {
                            "prompt": "Wanneer op de dag kun jij een minuut rust nemen?",
                            "sentence_starters": [
                                "Mijn rustmoment is ...",
                                "Ik doe dan ...",
                                "Het helpt mij als ...",
                            ],
                        },
                    ),
                ],
            ),
        ],
        "teacher_notes": (
            "<p>Doe de oefeningen zelf mee. Dat maakt het voor leerlingen minder raar.</p>"
            "<p>Niet iedereen vindt ogen dicht prettig. Zeg steeds dat naar de grond kijken ook goed is. "
            "Wil een leerling niet meedoen? Dan zit hij stil en stoort hij niemand. Dat is ook prima.</p>"
            "<p>Preek niet over telefoongebruik. Laat de leerlingen zelf ontdekken wat helpt.</p>"
        ),
        "homework": (
            "<p>Doe deze week elke dag op je rustmoment het ademanker: één minuut is genoeg. "
            "Merk je verschil na een paar dagen?</p>"
        ),
        "reflection_question": "Welke oefening van vandaag past het best bij jou?",
        "further_reading": (
            "<p>Aandachtsoefeningen, ook wel mindfulness genoemd, gaan over bewust merken wat er nu gebeurt, "
            "zonder direct te oordelen. Korte oefeningen die vaak terugkomen, werken beter dan af en toe een lange.</p>"
            "<p>Jongeren krijgen veel prikkels, onder andere via hun telefoon. Een verbod werkt meestal niet. "
            "Samen nadenken over wanneer de telefoon helpt en wanneer niet, geeft jongeren zelf de regie.</p>"
        ),
    },
    {
        "slug": "doe-eens-iets-voor-een-ander",
        "title": "Doe eens iets voor een ander",
        "summary": (
            "De laatste les van de lessenreeks voor klas 1 en 2. De leerlingen ontwerpen in groepjes een vriendelijke actie "
            "voor de school, schrijven een bedankje en doen de korte meting nog een keer."
        ),
        "themes": ["geluk-doorgeven", "dankbaarheid"],
        "groups": ["klas-1-2"],
        "duration": 50,
        "goals": [
            "De leerlingen weten waarom iets doen voor een ander ook goed is voor jezelf.",
            "De leerlingen ontwerpen samen een kleine, haalbare actie voor de school.",
            "De leerlingen kijken terug op wat ze in de lessenreeks geleerd hebben.",
        ],
        "materials": [
            "Een groot vel papier en stiften per groepje.",
            "Lege kaartjes voor het bedankje.",
            "Chromebooks of telefoons met de klascode voor de korte meting aan het eind.",
        ],
        "check_in": ["start", "end"],
        "steps": [
            _step(
                "Terugblik op de lessenreeks",
                8,
                "whole_class",
                "conversation",
                "<p>Noem de afspraken nog een keer:</p>"
                + _AFSPRAKEN
                + "<p>Kijk samen terug: geluksbronnen, gedachten checken, sterke kanten en rust in je hoofd. "
                "Wat gebruiken leerlingen nog?</p>",
                activities=[
                    (
                        "discussion",
                        {
                            "questions": [
                                "Welke les was het nuttigst voor jou?",
                                "Wat gebruik je nog, ook buiten school?",
                                "Wat zou je anders doen als je deze lessen zelf mocht geven?",
                            ]
                        },
                    ),
                ],
            ),
            _step(
                "Waarom helpen goed voelt",
                7,
                "whole_class",
                "explanation",
                "<p>Vertel: 'Als je iets doet voor een ander, voel jij je daarna vaak ook beter. "
                "Dat werkt het best als je het zelf kiest en als je ziet wat het doet.' "
                "Vraag naar voorbeelden: wanneer deed iemand iets kleins voor jou dat veel betekende?</p>",
            ),
            _step(
                "Een actie voor de school",
                15,
                "groups",
                "creative",
                "<p>Maak groepjes van vier. Elk groepje bedenkt een kleine actie voor de school. "
                "Bijvoorbeeld: de kantinemedewerkers bedanken, brugklassers van volgend jaar een tip geven, "
                "of de fietsenstalling netjes maken. Op het vel schrijven ze: <b>wat</b>, <b>voor wie</b>, <b>wanneer</b> "
                "en <b>wie doet wat</b>. Elk groepje presenteert in één minuut.</p>",
                teacher_note=(
                    "Kies met de klas één of twee acties die jullie echt gaan doen. "
                    "Overleg kort met de schoolleiding als dat nodig is."
                ),
            ),
            _step(
                "Een bedankje",
                8,
                "individual",
                "writing",
                "<p>Iedere leerling schrijft een kort bedankje aan iemand: een klasgenoot, een docent, een trainer of iemand anders. "
                "Ze beslissen zelf of ze het geven. Jij leest het niet en neemt het niet in.</p>",
                activities=[
                    (
                        "gratitude",
                        {
                            "prompt": "Wie heeft jou dit jaar geholpen, en wat wil je tegen die persoon zeggen?",
                            "examples": [
                                "Bedankt dat je me wegwijs maakte in de eerste week.",
                                "Bedankt dat je altijd even vraagt hoe het gaat.",
                                "Bedankt voor je geduld bij de wiskundeles.",
                            ],
                        },
                    ),
                ],
            ),
            _step(
                "Afsluiting en korte meting",
                12,
                "whole_class",
                "reflection",
                "<p>Start de korte meting met de klascode, net als in de eerste les. Zeg weer dat het anoniem is. "
                "Bespreek daarna hoe je zo'n uitkomst leest: 'Een cijfer gaat niet snel omhoog door een paar lessen. "
                "Dat is normaal.' Sluit af met de terugblikvraag en bedank de klas.</p>",
                activities=[
                    (
                        "reflection",
                        {
                            "prompt": "Wat neem jij mee uit deze lessenreeks?",
                            "sentence_starters": [
                                "Ik neem mee dat ...",
                                "Ik ga vaker ...",
                                "Ik wist nog niet dat ...",
                            ],
                        },
                    ),
                ],
            ),
        ],
        "teacher_notes": (
            "<p>Dit is de laatste les van de lessenreeks. Doe de korte meting aan het eind. "
            "Vergelijk de uitkomst alleen voorzichtig met de eerste meting: één klas en twee momenten zeggen weinig.</p>"
            "<p>Het bedankje is privé. Een leerling die niemand wil bedanken, mag een kaartje schrijven aan een persoon uit een boek, "
            "een serie of aan zichzelf. 'Pas' mag ook.</p>"
            "<p>Plan de gekozen schoolactie echt in. Als de actie niet doorgaat, voelt de les als lucht.</p>"
        ),
        "homework": (
            "<p>Doe deze week iets kleins voor iemand, zonder dat die persoon erom vraagt. "
            "Let op wat het met jou doet. Je hoeft het niemand te vertellen.</p>"
        ),
        "reflection_question": "Wat neem jij mee uit deze lessen over geluk?",
        "further_reading": (
            "<p>Iets betekenen voor een ander is een van de sterkste bronnen van tevredenheid. "
            "Voor jongeren werkt het het best als ze zelf mogen kiezen wat ze doen en als het iets echts oplevert.</p>"
            "<p>Over de meting: landelijk geven jongeren van twaalf gemiddeld ongeveer een 7,5 voor hun leven. "
            "Na een korte lessenreeks verschuift dat cijfer meestal weinig. "
            "Presenteer de uitkomst daarom nooit als bewijs dat de lessen wel of niet werken, maar als een gesprek waard.</p>"
        ),
    },
]

SERIES = [
    {
        "slug": "geluk-in-groep-7-8",
        "title": "Vijf lessen over geluk voor groep 7 en 8",
        "intro": (
            "Een lessenreeks van vijf lessen voor groep 7 en 8. De leerlingen praten over wat geluk is, "
            "oefenen met dankbaarheid, ontdekken hun sterke kanten, durven iets spannends en geven geluk door."
            "\n\nDe eerste les begint en de laatste les eindigt met een korte, anonieme meting: "
            "hoe tevreden ben je met je leven, op een schaal van 0 tot 10. "
            "Lees de uitkomst voorzichtig. Het cijfer verandert meestal weinig in een paar weken, "
            "en een klein verschil kan ook toeval zijn."
        ),
        "themes": [
            "wat-is-geluk",
            "dankbaarheid",
            "sterke-kanten",
            "zelfvertrouwen",
            "geluk-doorgeven",
        ],
        "groups": ["groep-7-8"],
        "lessons": [
            "wat-is-geluk-eigenlijk",
            "drie-goede-dingen",
            "talenten-in-de-klas",
            "ik-durf-het-bijna",
            "week-van-de-kleine-daden",
        ],
    },
    {
        "slug": "lekker-in-je-vel-klas-1-2",
        "title": "Lekker in je vel: vijf lessen voor klas 1 en 2",
        "intro": (
            "Een lessenreeks van vijf lessen van 50 minuten voor klas 1 en 2, voor de mentorles. "
            "Leerlingen ontdekken hun geluksbronnen, leren gedachten checken, zetten hun sterke kanten in, "
            "vinden rust in een druk hoofd en doen iets voor een ander."
            "\n\nDe eerste les begint en de laatste les eindigt met een korte, anonieme meting: "
            "hoe tevreden ben je met je leven, op een schaal van 0 tot 10. "
            "Lees de uitkomst voorzichtig: het is een momentopname, geen bewijs dat de lessen wel of niet werken."
        ),
        "themes": [
            "wat-is-geluk",
            "positief-denken",
            "sterke-kanten",
            "rust-en-aandacht",
            "geluk-doorgeven",
        ],
        "groups": ["klas-1-2"],
        "lessons": [
            "geluk-wat-heb-jij-nodig",
            "gedachten-checken",
            "sterke-kanten-in-actie",
            "rust-in-een-druk-hoofd",
            "doe-eens-iets-voor-een-ander",
        ],
    },
]
