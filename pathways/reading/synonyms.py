"""The words young people and parents use for each need: the data `reading.freetext` reads with.

Danger wordings (a wish to die, plans, overdoses, voices, violence now) are not here: they
live in `crisis_phrases`, read by `pathways.reading.crisis`, which also gives the need
``suicidtankar``.

Add phrasings here; `tests/pathways/reading/test_freetext.py` checks that each reads as its
own need.
A word can be marked: `word*` matches words that begin with it, `*word*` words that contain
it, and `=word` that exact spelling only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from pathways.vocab import Need

# Phrases are separated by "|". Keep short words and folded look-alikes in mind: "gäng"
# folds to "gång" and "kär" to "kår", so such words only appear in longer phrases or as =.


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(" ".join(phrase.split()) for phrase in text.split("|") if phrase.strip())


SYNONYMS: Final[Mapping[Need, tuple[str, ...]]] = {
    Need.oro_angest: _phrases("""
        ångest | *ångest* | orolig | oro | oroar mig | nervös | =nojig | =noja | panik*
        | rädd hela tiden | rädd för allt | är rädd | känner mig rädd | vågar inte
        | hjärtklappning | hjärtat slår | kan inte andas | svårt att andas | tvångstank*
        | tvångshandling* | ocd | fobi* | *fobi | grubblar | =ältar | =ältat | katastroftank*
        | övertänker | overthink* | anxiety
        | =nojar | =nojat | =nojade | =nojor | rädd för | *orolig* | panic* | anxious | worr*
        | nervous | scared | afraid | =matångest
    """),
    Need.nedstamdhet: _phrases("""
        ledsen | ledsna | =olycklig | =olyckliga | =olyckligt | deppig | deppad | deppar | depp
        | deprimerad | deprim* | depression | depression* | nedstämd | nedstämd* | mår dåligt
        | mår skit | mår piss | mår kass | mår inte bra | mår sämre | mår psykiskt dåligt
        | psykisk ohälsa | ingen ork | orkar inte | orkar ingenting | ingen energi | tom inuti
        | känner mig tom | känns tomt | gråter | känner mig nere | ingen lust | inget är kul
        | inget är roligt | ingenting är roligt | ingenting är kul | meningslös | meningslöst
        | hopplös | hopplöst | inget hopp | ingen mening | allt är tungt | känns tungt
        | hatar mig själv | ingen bryr sig om mig | ingen förstår mig | hatar mitt liv
        | livet suger | värdelös | ligger i sängen hela | vill bara sova | inget känns
        | känner ingenting | tappat gnistan | depressed
        | mår asdåligt | mår as dåligt | orkar inget | ingen glädje | sad | sadness | unhappy
        | feel empty | feel down | feel low | feel bad | hopeless | worthless | mår jättedåligt
        | mår kasst | deppress* | depp*
    """),
    Need.somn: _phrases("""
        kan inte sova | kan aldrig sova | svårt att sova | sover dåligt | sover inte
        | sover för lite | sover hela dagen | sömn | sömn* | somnar inte | svårt att somna
        | somnar sent | somnar i skolan | vaknar på natten | vaknar mitt i natten
        | vaknar tidigt | vaknar hela tiden | ligger vaken | vaken hela natten
        | uppe hela natten | mardrömmar | mardröm* | insomni* | vänt på dygnet
        | vänder på dygnet | dygnsrytm* | melatonin | trött hela tiden
        | sleep* | insomnia | sover typ ingenting | sover ingenting | vaknar flera gånger
        | vaknar varje natt | =sömmproblem | sömm* | sleepless*
    """),
    Need.stress: _phrases("""
        stressad | stress* | press | pressad | prestationsångest | prestation* | inför prov
        | =provet | =proven | provveck* | nationella prov | många prov | massa prov | alla prov
        | för mycket i skolan | för mycket att göra | för mycket läxor | för mycket plugg
        | hinner inte | hinner inget | höga krav | =kraven | krav på mig | betygshets | betygen
        | deadline* | utbränd | utmattad | utmattning* | fullt upp | allt på en gång | stressed
        | *stress* | pressure | burned out | burnt out | burnout | overwhelmed | allt är för mycket
        | =pressen
    """),
    Need.atstorning: _phrases("""
        äter inte | äter nästan inget | äter för lite | vill inte äta | vägrar äta | slutat äta
        | =hetsäter | =hetsäta | hetsätning* | =kräks | =kräkas | =kräktes | =kräkts | spyr
        | anorexi | anorexi* | anorektisk | bulimi | bulimi* | ätstörning | ätstör*
        | ät störning | ortorexi* | arfid | tycker jag är tjock | känner mig tjock | för tjock
        | är tjock | är fet | hatar min kropp | bantar | banta | bantning | räknar kalorier
        | kalori* | ner i vikt | upp i vikt | tappat i vikt | min vikt | =väger mig
        | svälter mig | svälta mig | hoppar över måltider | skippar mat | hoppar över maten
        | tränar för mycket | tränar hela tiden | vill bli smal | för smal
        | tänker på mat | mat hela tiden | =matångest | not eat | dont eat | =don =t =eat
        | =can =t =eat | =didn =t =eat | stopped eating | binge* | eating disorder | anorexia
        | bulimia | feel fat | starv* | svälter | throw up after
    """),
    Need.sjalvskada: _phrases("""
        skär mig | skurit mig | skär i armarna | cuttar | cutt* | skadar mig själv | skadar mig
        | skada mig själv | skadat mig själv | självskadebeteende | självskad* | själv skada
        | själv skadar | bränner mig | brände mig | river mig | rispar mig | slår mig själv
        | gör illa mig själv | gör mig illa | rakblad* | self harm | selfharm*
        | skär sig | skadar sig | skada sig | cut myself | cutting | hurt myself | hurting myself
        | self harm* | skära mig | skär sönder
    """),
    Need.npf: _phrases("""
        adhd | adhd* | add | autism | autis* | asperger | asperger* | npf | neuropsykiatri*
        | koncentrera | koncentr* | kan inte fokusera | svårt att fokusera | tappar fokus
        | kan inte sitta still | sitter aldrig still | svårt att sitta still | rastlös
        | rastlös* | impulsiv | impulsiv* | hyperaktiv* | glömmer allt | tourette* | tics
        | dyslexi* | ljudkänslig* | överkänslig för ljud | svårt med förändringar
        | tittar inte i ögonen
        | focus | concentrat* | autistic
    """),
    Need.trauma: _phrases("""
        trauma | trauma* | traumatiserad | traumat* | svåra minnen | jobbiga minnen
        | hemska minnen | flashback | flashback* | krig | kriget | ptsd | ptss | flykting*
        | flydde | =olycka | =olyckan | bilolycka* | =brand | =branden | blev rånad | rånad
        | något hemskt hände | såg någon dö | hemska bilder i huvudet | skottlossning*
        | skjutning*
        | något hemskt | var med om något | war | nightmares about | traumatized | traumatised
        | post traumatic | traumatic | =traumatisk
    """),
    Need.vald_overgrepp: _phrases("""
        pappa slår mamma | mamma slår pappa | slår mig | slog mig | slagit mig | slår mamma
        | slår pappa | pappa slår | mamma slår | han slår | hon slår | blir slagen | blev slagen
        | får stryk | fick stryk | sparkar mig | sparkade mig | blåmärken | örfil* | våldtäkt
        | våldtä* | våldtagen | våldtog | utsatt för våld | våld hemma | våld i hemmet
        | våld i familjen | pappa är våldsam | mamma är våldsam | misshandel | misshandlad
        | misshand* | övergrepp | övergrepp* | sexuella övergrepp | sexuellt ofredande | ofredad
        | ofredande | tafsade | tafsa* | tvingade mig | tvingad till sex | hotad | hotar mig
        | hotade mig | hotar att döda | knivhot* | utpressning | utpress* | sextortion
        | nakenbild* | grooming | groomad | hedersvåld | hedersförtryck | hedersrelaterat*
        | hederskultur* | hedersmord | tvångsgift* | rädd för pappa | rädd för mamma
        | kastar saker på mig | kvävde mig | stryptag
        | =hits | hits me | hit me | =raped | rape | abuse* | abused | hurt me | beats me | beat me
        | molest* | assault*
    """),
    Need.alkohol_droger: _phrases("""
        röker på | rökt på | rökte på | =gräs | cannabis | hasch | marijuana | weed | ganja
        | joint* | =bong | knark | knark* | =droger | =drogerna | drogad* | =drogar | =drogat
        | drogprob* | drogmissbruk* | drogberoend* | narkotika | tjack | kokain | =koks
        | amfetamin* | =spice | ecstasy | mdma | lsd | xanax | bensodiazepin* | tramadol
        | opioid* | lustgas | sniffar | sniffa | =langar | tabletter för att bli hög | bli hög
        | är hög | var hög | hög på | alkohol | alkohol* | alkis | dricker | dricka
        | pappa dricker | mamma dricker | full varje helg | blir full | blev full | var full
        | dricker mig full | super varje helg | super hela tiden | =söp | =supa | =supit
        | =fylla | =fyllan | fyllo* | bakis | berusad | missbruk | missbruk*
        | spelar bort pengar | spelar för pengar | spelberoende | spelberoend* | spelmissbruk*
        | spelproblem* | spelskuld* | gambling | gambl* | casino* | kasino* | =betting | =bettar
        | =betta | lootbox*
        | drugs | drug | drink too much | drinking | alcohol* | smoke weed | high on
    """),
    Need.skolfranvaro: _phrases("""
        vill inte skol* | orkar inte skol* | kan inte skol* | går inte skol*
        | går inte till lektion* | vägrar gå till skol* | vägrar skol* | skolvägra* | skolkar
        | skolka | skolkat | skolkade | hemmasittare | hemmasitt* | frånvaro | *frånvaro*
        | stannar hemma | missar skol* | missar mycket skol* | hemma från skol*
        | inte varit i skol* | inte gått i skol* | hoppar över lektion* | kommer inte iväg
        | kommer inte till skol*
        | go to school | skip school | skipping school | school refusal | slutat gå till skol*
        | =skolkat | till skolan | skolfrånvaro
    """),
    Need.familj_relationer: _phrases("""
        bråk hemma | bråkar hemma | bråkigt hemma | föräldrarna bråkar | föräldrar bråkar
        | bråkar med mamma | bråkar med pappa | bråkar med mina föräldrar | bråkar med min mamma
        | bråkar med min pappa | bråkar med syskon* | bråkar med min bror
        | bråkar med min syster | pappa slår mamma | mamma slår pappa | skilsmässa | skilsmässa*
        | skiljer sig | skilde sig | skilda | skild | separation | separerar | separerat
        | varannan vecka | styvpappa | styvmamma | bonuspappa | bonusmamma | vårdnadstvist
        | vårdnaden | pappa dricker | mamma dricker | jobbigt hemma | svårt hemma
        | otryggt hemma | kaos hemma | hatar mina föräldrar | kastat ut mig | kastade ut mig
        | sitter i fängelse | familjehem* | =hvb
        | ska skiljas | skiljas | skiljs | parents fight | parents are fighting | divorce*
        | divorced | problems at home | fights with my | fight with my | bråkar mycket i familjen
        | bråk i familjen | =familjen bråkar
    """),
    Need.mobbning: _phrases("""
        mobbad | mobb* | ensam | =ensamma | =ensamt | ensamhet | utanför | utfryst | fryser ut
        | fryses ut | frös ut | inga kompisar | inga vänner | inte några vänner
        | inte några kompisar | ingen att prata med | ingen vill vara med mig
        | ingen att vara med | ingen gillar mig | alla hatar mig | retas | retar mig
        | kallar mig | trakasserad | trakasserier | trakasser* | näthat | näthat* | hatkonto*
        | hånar mig | skrattar åt mig | kränkt | kränk* | utsatt i skol* | bullying | bullied
        | lonely | loneliness | no friends | bully* | left out | =mobbar
    """),
    Need.sexualitet_identitet: _phrases("""
        gay | bi | bisexuell | bisexuell* | homosexuell | homosexuell* | homo | lesbisk*
        | =trans | transperson* | transkille | transtjej | transsexuell* | ickebinär*
        | icke binär | enby | queer | hbtq* | hbt | pansexuell* | asexuell* | =kär | är kär
        | kär i | blivit kär | förälskad | kärlek* | =sex | sexualitet* | sexuell*
        | könsidentitet* | könsdysfori* | fel kropp | fel kön | komma ut som | kom ut som
        | kommit ut som | ur garderoben | gravid* | preventivmedel | kondom* | klamydia
        | könssjukdom* | p piller
        | komma ut | coming out | sexuality | gender identity | gender | =gay | transgender
        | bisexual | lesbian | trans | =homosexuell
    """),
    Need.utveckling_smabarn: _phrases("""
        mitt barn pratar inte | pratar inte än | säger inga ord | sen i talet | sent tal
        | språkutveckling* | språkförsen* | utveckling | utvecklingsförsen* | ettåring*
        | tvååring* | treåring* | fyraåring* | femåring* | ettåring | tvååring | treåring
        | fyraåring | femåring | 1 åring* | 2 åring* | 3 åring* | 4 åring* | 5 åring* | bebis
        | bebis* | bäbis* | spädbarn* | nyfödd* | småbarn* | små barn | litet barn | förskola*
        | dagis* | bvc | kolik | skriker hela tiden | trotsålder* | kryper inte | går inte än
        | amning* | anknytning*
        | toddler* | baby | my baby | language delay | doesnt talk | doesn t talk | speech delay
        | bebisen | tittar inte i ögonen
    """),
    Need.kris_sorg: _phrases("""
        dog | har =dött | =dött | är död | =avled | =avlidit | gick bort | begravning | begrav*
        | sorg | sorgen | sorgsen* | kärlekssorg | saknar min | saknar mitt | saknar honom
        | saknar henne | saknar mamma | saknar pappa | förlorat min | förlorade min | förlust
        | förlust* | dödsfall* | svårt sjuk | cancer | kris | chock* | tog livet av sig
        | gjorde slut med mig | gjort slut med mig | dumpad*
        | =sörjer | sörja | gjorde slut | died | dead | grief | griev* | lost my | passed away
        | funeral
    """),
    Need.utagerande: _phrases("""
        arg | argt | ilska | ilsk* | utbrott | utbrott* | raseri* | slåss | =slogs | aggressiv
        | aggressiv* | våldsam | våldsam* | förstör saker | kastar saker | slår sönder
        | exploderar | tappar humöret | tappar kontrollen | kort stubin | trotsig | vägrar lyda
        | lyssnar aldrig | snattar | snatt* | stjäl | kriminell | kriminell* | gängkriminal*
        | bråkar i skol* | bråkar med alla
        | anger | angry | aggressive | tantrum* | rage | outburst* | raseriutbrott
    """),
}

# Wording that uses a synonym's word in another sense. It reads as no need, but as a longer
# match it explains the words it covers away, like any longer match ("sex år" is an age).
NEUTRAL: Final[tuple[str, ...]] = _phrases("""
    sex år | sex månader | sex veckor | sex dagar | sex timmar | sex gånger
    | orolig för mitt barn | orolig för min son | orolig för min dotter | orolig för vårt barn
    | orolig för barnet | orolig för honom | orolig för henne | oroar mig för mitt barn
    | oroar mig för min son | oroar mig för min dotter | slår vad | går inte bra skol*
    | dör av skratt | ledsen att jag stör
""")

# Spoken and texting spellings, put right before stemming.
ALIASES: Final[Mapping[str, str]] = {
    "mej": "mig",
    "dej": "dig",
    "sej": "sig",
    "vil": "vill",
    "e": "är",
    "ä": "är",
    "int": "inte",
    "ente": "inte",
    "nt": "inte",
    "ej": "inte",
    "nåt": "något",
    "nått": "något",
    "ngt": "något",
    "nån": "någon",
    "ngn": "någon",
    "mkt": "mycket",
    "mycke": "mycket",
    "myke": "mycket",
    "fö": "för",
    "o": "och",
    "ångset": "ångest",
    "ångsest": "ångest",
    "angset": "ångest",
    "anggest": "ångest",
    "ångets": "ångest",
    "ledsn": "ledsen",
    "deprimmerad": "deprimerad",
    "depremerad": "deprimerad",
    "stresad": "stressad",
    "stresssad": "stressad",
    "mobad": "mobbad",
    "mobbbad": "mobbad",
    "sjävskadebetende": "självskadebeteende",
    "självskadebetende": "självskadebeteende",
}

# Real words close to a synonym's word: never read as its misspelling. Found by running the
# 60,000 most common Swedish words through the reader (the tests keep a sample of them).
NOT_TYPOS: Final = _phrases("""
    begåvning | förfalska | gamling | grubbe | hoppla | preussen | skildra | skiljde | stjälk
    | stjälpa | utrota | valdagen | övertäckt
""")
