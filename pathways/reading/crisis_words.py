"""The small words `pathways.reading.crisis` reads danger with: what cancels a danger phrase, what
makes a text a school text, which words are fillers, soft or texting spellings.

Data only, no logic; the danger phrases themselves are in `pathways.reading.crisis_phrases`, whose
syntax the blockers and time words use too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from pathways.reading import crisis_farewell as farewell
from pathways.reading import crisis_figures as figures
from pathways.reading import crisis_frames as frames
from pathways.reading import crisis_means as means
from pathways.reading.crisis_vocab import ANIMALS, VICTIM, phrase_list, word_set

# Wording that uses danger words in another sense. Its words must stand next to each other
# (or use ".."); a blocker's match cancels every danger match it overlaps: "vill dö av skam"
# is not a wish to die, "killing it" is praise.
GAMES: Final = (
    "mario*/kart/smash/brawl*/fortnite/minecraft/roblox/valorant/apex/overwatch/tetris/spel*/"
    "tvspel*/schack*/monopol/pingis/padel/games/match*/cod/cs/csgo/gta/warzone/fifa/pubg/"
    "battlefield/rainbow/pokemon/zelda/maffia/mafia/werewolf/varulv*/paintball/laserdome/"
    "lasertag/airsoft/game/gamet/rundan/rundan/matchen"
)
"""Games one is beaten or "killed" in (a blocker's slot)."""

BLOCKERS: Final = (
    phrase_list(f"""
    suicideboys/suicideboy/suicidboys | suicide squad
    | {VICTIM}/dödad/mördad/killed/murdered/dog/died .. i/in/på/on/under {GAMES}
    | slut på allt/alla .. godis/godiset/pengar/pengarna/mat/maten/chips/glass/mjölk/mjölken/
    kakor/kaffe/kaffet/batteri*/data/surf*/toapapper/lösgodis/snacks/bensin
    | leva/lever/levde/levt upp till | live up to
    | dag/natt/vecka/minut/day/night/week/minute till/mer/längre/more utan/med/i/på/without/with
    | kniv/kniven/knife/rakblad/sax/saxen .. för/to/att/och/and .. skära/skär/skar/cut/öppna/
    open/dela .. tårtan/tårta/äpplen/äpple/äpplet/brödet/bröd/lök/löken/frukt/frukten/kött/
    grönsaker/pizza/pizzan/paketet/snöret/cake/bread/apple/apples/onion/fruit/pizza/package
    | ger/gett/ge/gav/given/give/gave/giving bort/away .. gamla/old/used/outgrown/begagnade
    | bort/away .. till/to .. loppis/loppisen/biblioteket/bibliotek/myrorna/humana/erikshjälpen/
    välgörenhet/charity/secondhand/kyrkan/insamling*/library
    | vi/ni/we/they/dom/de har/have/hade/had planerat/planerade/planned/fixat/förberett/prepared
    | förgifta/förgiftar/förgiftat/förgiftade/poison/poisoning/poisons/poisoned .. med/with
    sin/sina/hennes/hans/her/his/their/din/your/dom/de matlagning/mat/maten/cooking/food/bakning/
    baking/soppa/soppan/surströmming/lukt/parfym/fisar/farts
    | vi/ni/we/they/dom ska/kommer/tänker/going/gonna/will göra/gör/do det/it
    | göra/gör/do det/it .. läxan/läxorna/provet/uppgiften/arbetet/homework/kalaset/festen/
    lovar/lovade/lovat/promise/promised
    | läxan/läxorna/provet/uppgiften/homework .. göra/gör/do det/it
    | brände/bränt/bränner/burned/burnt mig/myself på/i/on spisen/ugnen/plattan/kaffet/teet/
    solen/grillen/stove/oven | som/who inte/not finns/fanns kvar/längre/anymore
    | döda/dödade/dödar/kill/killed/kills mig/me/dig/oss/us i/in fortnite/spelet/minecraft/cs/
    cod/roblox/game/valorant/fifa/gta/warzone/{GAMES} | redo/ready att/to hämtas/hämta/pick/collect/
    användas/use | tabletter/tabletterna/medicinen/mediciner/medicinerna/piller/pillren/pills/
    meds .. till/från/på/to/from/at apoteket/apotek/pharmacy/vårdcentralen
    | förföljer/följer/stalkar/stalking/following mig/me på/on insta/instagram/tiktok/snap/
    snapchat/nätet/twitter/youtube | se/see mig/me igen/again på/i/at/in den/det/that/there/
    festen/skolan/jobbet/klubben/gymmet/stan |
    hejdå/farväl/adjö/goodbye/bye .. på/at/efter/after/från/from festen/skolan/klassen/jobbet/
    lektionen/träningen/party/school/kalaset/middagen/bussen/stationen/flygplatsen |
    heter/called/titled/lyrics/sjunger/sjöng/sings/citat/quote ..
    want/vill/wanna/wish/önskar .. dö/die/död/dead/kms | heter/called/titled ..
    kill/döda/dö/die/dead | röst/rösten/röster/rösterna/voice/voices i/in/på/från korridoren/
    korridor/hallen/trapphuset/telefonen/luren/hörlurarna/radion/tv/klassrummet/rummet/spelet/
    spel/game/headsetet/headset/discord/appen/{GAMES}
    | skolan/plugget/läxorna/läxan/träningen/jobbet/provet/proven/matten/mattan/gympan/
    provveckan/tentan/tentorna/schemat/morgonen/värmen/kylan/vädret/bussen/festen/barnen/
    ungarna/lärarn/läraren/tränaren/chefen/spelet/spelen/serien/låten/boken/kursen/veckan/
    dagen/kön/trafiken/game/show/song/class/week/this/it tar/tog/kommer/ska/will/is/gonna/going
    livet/kill/killing/take/ta .. av/me/mig
    | livet av mig om/när/if/when .. ser/får/hittar/vet/märker/upptäcker/sees/finds |
    dö/dör/dog/dött/döden/död/die/died/dying/dead av/of/from skratt/skrattet/skam/skammen/
    tristess/pinsamhet/längtan/nyfikenhet/laughter/laughing/embarrassment/boredom/cringe/
    pinsamt/värmen/hunger/svält/ålder
    | tråkig*/trist*/pinsam*/cringe/boring/embarrassing .. vill/ville/want/wanted dö/die/kms
    | skäms/skämdes/skämmas ihjäl | skratta/skrattar/skrattade ihjäl | fryser/frös ihjäl
    | killing/killed/kill it | inga/inte/aldrig/ingen/no/not/never självmordstankar/
    suicidtankar/suicidal/suicidala/dödstankar/självmordsbenägen
    | inte/aldrig .. haft självmordstankar/suicidtankar/dödstankar
    | orkar inte mer/längre med/av skol*/plugg*/läxor/prov*/jobb*/träning*/honom/henne/dig/
    dem/dom/bråk*/tjat*/folk/lektion*/matte*/skit/hans/hennes
    | orkar inte mer/längre plugg*/skol*/läxor/prov*/jobb*/träning*
    | sista gången jag/vi åt/var/såg/träffade/pratade | last time i saw
    | rep/repet .. gympa*/gymnastik*/idrott*/klättr*/båt*/dragkamp/gym/hopprep/gung*/tält*/
    hängmatt*/flagg*/kälk*/släd*/koppel*/scout*/segel*/segl*
    | hopprep | dragkamp | reps
    | döda/kill mig/me om/if/när/when hon/han/mamma/pappa/dom/de/she/he/they/mom/dad ser/får/
    märker/hittar/vet/sees/finds/knows/upptäcker/kommer
    | slog/slår/beat oss/dem/mig/er/us/them/me i/på/in fotboll*/match*/fifa/spelet/schack*/
    innebandy*/handboll*/tennis/basket*/finalen/kortspel*/uno/tävling*/game/{GAMES}
    | råkade/råka skära/skar mig | skar/skär/skurit mig i/på ..
    fingret/tummen/papperet/pappret/glasbit/
    kniven/kniv/glas/glaset/papper/burk/burken/konservburk
    | skadade/skadat mig på/i fotboll*/träning*/gympa*/idrott*/matchen/knät/foten
    | hoppas/hoppas inte/aldrig .. dör/dö
    | leva/live som/like/tillsammans/nära/på/av | dö/die gammal/old
    | dö/die när/when .. ser/see/sees/får .. betyg*/grades/bilden/bilder*/videon/klippet/notan
    | mamma/pappa/morsan/farsan/föräldrarna kommer slå ihjäl
    | slagen/slagna/beaten i/in/med/by .. fotboll*/match*/finalen/tävling*/spel*/game/mål/poäng
    | skäms/skämdes/ashamed/embarrassed .. vill/want dö/die
    | mamma/pappa/morsan/farsan/föräldrarna/mom/dad/parents kommer/will/gonna/going döda/kill
    mig/me | die/dying/dyed/dye my/her/his/min hair/hår/håret
    | röster/rösterna/rösten från/utanför/genom/bakom/på/i festen/grannen/grannarna/rummet/
    korridoren/gatan/tv/radion | röster/rösterna från/utanför/genom/bakom
    | försvinna en/ett/några stund/tag/dag/dagar/vecka/veckor/helg/sväng/bit/timme/while
    | orkar inte mer/längre idag/ikväll
    | aldrig/inte/never/not/wouldnt/wont/dont ta/kill/skada/skadat/hurt/hurting livet/myself/mig
    | orkar inte mer/längre med/av min/mina/mitt lillebror/
    lillasyster/bror/syster/brorsan/syrran/syskon/mamma/pappa/föräldrar/familj/kompis/kompisar/
    klass/lärare/mentor/tränare
    | end it with | plan för/inför/till/med/for sommaren/helgen/framtiden/projektet/skolan/
    jobbet/festen/resan/träningen/semestern/lovet/summer/weekend/project/arbetet
    | rep/repet i/på/under gympan/idrotten/teatern/repetitionen/lektionen/båten/klätterväggen
    | slog/slår mig/oss/honom/henne i armbrytning/brottning/boxning/kuddkrig/sten/kortspel/
    monopol/schack/tennis/pingis/padel | inte/inga/aldrig djupt/djup/djupa
    | försvinna från/till/härifrån/hemifrån/iväg skolan/stan/jobbet/klassen/festen/lektionen/
    sverige/en/ett/några/sociala/medier/insta/tiktok/nätet/appen/discord/snap/snapchat
    | hoppa/hoppar/hoppade/hoppat/jump/jumping från/i/på/off/from/into/on/ner tian/femman/sjuan/
    trean/hopptornet/hopptorn/trampolinen/trampolin/sviktbrädan/studsmattan/poolen/bassängen/
    trampoline/pool/diving | hoppa/hoppar/hoppade/hoppat fallskärm/bungee/bungy/simhopp/
    höjdhopp/längdhopp/stavhopp/hage/studsmatta | hoppa/hoppar/hoppade/hoppat/tänker av
    skolan/gymnasiet/kursen/programmet/utbildningen/plugget/jobbet/träningen/laget/klassen
    | ta/tar/tog/tagit/take/taking livet/life lugnt/lugnare/lite/lättare/enklare/som/med/easy/
    easier/slow/one | försvinna/disappear/vanish in/into i/into/in .. bok/boken/böcker/spel/
    spelet/spelen/musik/musiken/serie/serien/serier/film/filmen/fantasi*/drömvärld*/book/books/
    game/games/music/show/säng/sängen/täcket/soffan/rummet/bed/blanket/couch/room/mobilen/phone
    | försvinna/disappear/vanish .. hela/all/över/under/i sommaren/helgen/
    lovet/semestern/sommarlovet/jullovet/sportlovet/summer/weekend/holidays/break
    | övervakad/övervakade/bevakad/spionerad/avlyssnad/watched/monitored av/by .. mamma/pappa/
    föräldrarna/morsan/farsan/läraren/lärarna/skolan/mom/dad/parents/mum/teacher/teachers
    | köttet/kött/biffen/steken/meat/steak .. blöder/blod/blodigt/blodig/rått/bleeding/bloody
    | blöder/blod/blodigt/blodig/bleeding/bloody .. köttet/kött/biffen/steken/meat/steak
    | hud/huden/skinnet/skin hänger/hanging .. gått/gick/gå/tappat/lost/bantat/bantade/dieted/
    ner/down .. vikt/vikten/kilo/kg/weight | hud/huden/skinnet/skin hänger/hanging ..
    ålder/åldern/gammal/äldre/age/old/hakan/överarmarna
""")
    + farewell.ORDINARY
    + means.BLOCKERS_MORE
    + frames.BLOCKERS
)

# A text about a school task, a book or the news: a *mention* ("?") of suicide in it is not
# about the writer's own danger. A statement ("vill dö", "tagit 30 piller") still counts.
TOPIC: Final = word_set(
    """
    uppsats uppsatsen arbete arbetet skolarbete skolarbetet projekt projektet lektion lektionen
    lektionerna rapport rapporten essay essä presentation presentationen föreläsning
    föreläsningen film filmen serie serien bok boken roman romanen dokumentär dokumentären
    artikel artikeln essän essäer essan statistik forskning assignment school project prevention
    förebygga förebyggande kampanj tema temadag psykologi psykologin nyheterna nyheter nyheten podd
    podden podcast book article research homework debatt debattartikel författare
    författaren karaktären huvudpersonen movie novel läxan samhällskunskap biologi
    mean means betyder innebär class hälsokunskap health
    läser läste religionen svenskan engelskan kursen lyssnar lyssnade låten låtar bandet
    album song lyrics biologin bion biology kemi kemin fysik fysiken historia historian
    historielektionen religion samhällskunskapen hälsokunskapen
    novell novellen noveller novel story berättelse berättelsen dikt dikten poem manus
    manuset pjäs pjäsen skrivuppgift skrivuppgiften fanfic
    """
)

# Words ending so are about a topic too ("självmordsprevention").
TOPIC_ENDINGS: Final = (
    "prevention",
    "preventionen",
    "förebyggande",
    "statistik",
    "statistiken",
    "lektionen",
    "lektion",
    "uppsatsen",
    "uppsats",
    "kunskap",
    "kunskapen",
)

# Categories that a word in the text puts out of the question ("blöder mycket" in "mensen").
NOT_WITH: Final[Mapping[str, frozenset[str]]] = {
    "severe_injury": word_set(
        "mens mensen menstruation näsblod period tandköttet blodprov blodprovet blodgivning "
        "dissekerade dissekera dissekerat dissektion slaktade slaktat slakt blodpudding blodkorv "
        "fejkblod filmblod teaterblod ketchup operationen operation narkos narkosen sövd nedsövd "
        "opererades opererad opererade opererat operera surgery "
        "badbomb badbomben badbomber bathbomb alger algerna hårfärg hårfärgen hårfärgning"
    ),
    "violence_now": word_set(
        "dröm drömmen drömde drömt mardröm mardrömmen dream leken lek kuddkrig brottades "
        "kurragömma movie filmen serien brottning brottas brottningen judo"
    ),
    "self_harm": word_set(
        "rakade rakar raka rakning rakhyvel shaving shave lagade lagar laga matlagning misstag "
        "råkade olycka accident accidentally " + ANIMALS
    ),
}

# Time words that put violence in the past: then it is trauma, not danger now.
PAST: Final = phrase_list("""
    år sedan/sen | för länge sedan/sen | förra/för året/sommaren/vintern/terminen
    | när jag var liten/yngre/barn/mindre | som liten/barn | i lågstadiet/mellanstadiet
    | years ago | when i was little/young/a/younger | last year
    | ibland | brukar | förut | förr | sometimes | used to
""")

# Far-past time words: someone else's attempt, overdose or self-harm then ("min kompis
# försökte ta livet av sig för två år sen", "min bror tog en överdos förra året") is not the
# writer's danger now, unless it is happening again, or a word of now stands nearer the
# danger than the time word does ("... för två år sen och nu säger han att han ska hänga sig
# ikväll"). "#year" is a year before this one; "sedan 2019" goes on. Someone else: the match
# says "sig", or the text names someone else and has no "jag", "mig" or "vi" at all (young
# people leave out "jag": "tog en överdos för ett år sen och har tagit 20 alvedon nu" is the
# writer).
FAR_PAST: Final = (
    phrase_list("""
    år sedan/sen | för länge sedan/sen | long ago
    | månader/månad sedan/sen | förra/för året/sommaren/vintern/våren/hösten/terminen
    | när/when hon/han/hen/jag/vi/pappa/mamma/farsan/morsan/min/mina/mitt/dad/mom/my/i/he/she
    var/was/were liten/yngre/barn/mindre/ung/little/young/kid/baby | innan/before jag/i föddes/born
    | before i was born | years/months ago | last year/summer
    | sig/själv/himself/herself/themselves #year | i/år/in/under/during #year
    | överdos/overdos/overdose/självmord/suicide/dog/died #year
    | sommaren/vintern/våren/hösten/julen/summer/winter/spring/autumn #year
    | brukade | used to | förut | förr
    | på/under/i/in 20/30/40/50/60/70/80/90/1920/1930/1940/1950/1960/1970/1980/1990/2000 talet/tal
""")
    + figures.FAR_PAST
)
ABOUT_SOMEONE: Final = word_set("sig sitt sina herself himself themselves themself")
FIRST_PERSON: Final = word_set("jag mig mej me myself vi oss we us")
SOMEONE_ELSE: Final = word_set(
    """
    han hon hen he she bror brorsan syster syrran kompis kompisen kusin kusinen vän vännen
    pappa mamma son sonen dotter dottern lillebror lillasyster brother sister friend cousin
    dad mom morfar mormor farfar farmor moster faster morbror farbror granne grannen
    grandpa grandma grandfather grandmother uncle aunt
    """
)
AGAIN: Final = word_set("igen again fortfarande still återigen ännu")
NOW: Final = word_set("nu ikväll ikvall inatt idag imorgon now tonight today tomorrow")

# Two words that only make a statement stronger ("vill inte leva, på riktigt"): read as one
# soft word, so they neither stand in a phrase's way nor start a blocker ("leva på").
SOFT_PAIRS: Final[Mapping[str, frozenset[str]]] = {
    "på": word_set("riktigt allvar"),
    "for": word_set("real"),
}

# Words that add nothing to the meaning and are dropped before matching.
FILLERS: Final = word_set(
    """
    typ asså assa alltså liksom ba jävla javla jävligt seriöst serioist lixom lr eller
    ju nog lol lmao haha hahaha omg fr frfr lowkey highkey literally like um uhm eh ah
    åh öh hm hmm mm ok okej okay iykyk idk tbh ngl
    """
)
# The only words that may stand between two words of a phrase without "..".
SOFT: Final = word_set(
    """
    inte int ente nt ej bara verkligen helst nästan också ju nog vara be efter hade ha det
    fan is are was will är var har känns feels kvar in of riktigt jätte _ heller liksom hellre
    just snart kunde kan could can skulle would få fick precis nyss
    egentligen ofta alltid ibland helt lite mest så sa jag i really so just actually honestly
    kinda sometimes often still even always only all want to att ta mig själv för mycket
    gärna mer längre nu redan faktiskt absolut totalt också oxå ocks just då sen
    väldigt extremt otroligt very super
    """
)

# Words in most texts: a phrase is never indexed by a slot of them (crisis_match.Index), so
# that "men/och" or "tar/tog" does not make nearly every text try it.
COMMON: Final = word_set(
    """
    och and men but en ett a an the på on har has have had tar tog tagit took med with till
    om if för for av som who that där there här here de dom they han hon he she it det
    den this du you me my min mitt mina vi we oss us er ni när when var where
    """
)

# Intensifiers run into a word ("jättedjupt", "skitmycket"): read as the word itself.
INTENSIFIERS: Final = ("jätte", "super", "skit", "mega", "sjukt", "as")

# Short danger words whose one-letter misspellings are read as them ("lva", "wnat", "mg").
CORE_SHORT: Final = (
    "leva",
    "vill",
    "mig",
    "want",
    "die",
    "hoppa",
    "massa",
    "slår",
    "livet",
    "orkar",
)

# The heads of compound medicine words ("hjärtmediciner", "blodtryckstabletter", "lyckopiller"):
# a longer word ending so is read as its head, so every phrase about pills reads them.
COMPOUND_TAILS: Final = (
    "mediciner",
    "medicinerna",
    "medicinen",
    "medicin",
    "tabletter",
    "tabletterna",
    "tabletten",
    "tablett",
    "piller",
    "pillren",
    "pills",
    "meds",
)

# Spellings put right before matching (texting and speech).
ALIASES: Final[Mapping[str, str]] = {
    "mej": "mig",
    "imorn": "imorgon",
    "sväljt": "svalt",
    "imorrn": "imorgon",
    "dej": "dig",
    "sej": "sig",
    "vil": "vill",
    "vll": "vill",
    "int": "inte",
    "ente": "inte",
    "nt": "inte",
    "ej": "inte",
    "e": "är",
    "nåt": "något",
    "nån": "någon",
    "ngn": "någon",
    "mkt": "mycket",
    "o": "och",
    "wanna": "want",
    "gonna": "going",
    "im": "i",
    "ive": "i",
    "dont": "dont",
    "doesnt": "doesnt",
    "cant": "cant",
    "wont": "wont",
    "u": "you",
    "ppl": "people",
    "bc": "because",
    "sj": "själv",
    "sjalv": "själv",
    "dö": "dö",
    "döö": "dö",
    "pillerna": "pillren",
    "tabletterna": "tabletter",
    "tablettter": "tabletter",
    "mamsen": "mamma",
    "va": "vara",
    "farsan": "pappa",
    "morsan": "mamma",
    "blodar": "blöder",
    "blöer": "blöder",
    "bloder": "blöder",
    "khs": "kms",
    "ine": "inte",
    "inge": "ingen",
    "tabbz": "tabbar",
    "tabz": "tabbar",
    "tabbs": "tabbar",
    "ite": "inte",
    "imte": "inte",
}

# Real words a letter or two from a danger word: never read as its misspelling.
NOT_TYPOS: Final = word_set(
    """
    blonda blonde leka lena lever levde sakta vakta vaken vakten skrapa skratt skrattar
    tablå tabell tabellen pilla pillar hoppla hoppas hopper rösta röstar röstade rösten
    vilja vilken villa ville slipa slipat planka planet planeten dödade dödar döder
    rapp repa repor reps revor revat sparar sparat dräpa dräpt sova sover sovit
    sluta slutar slutat stoppa stoppar pistol planer kniven knivar hoppade hoppande psykiskt
    psykisk psykiska
    rakar rakade rakat
    händer vägrar vägra vägrade noise tycker kräks läkaren parken påsen anger behov clear
    closed delta känna legal lägg manager pressen profit skolkat state traces trans tuned
    vilket öppen doesn chose hände slang barnens behöva behövas cause drivs dropping drops
    filling finders freed gävle gavle hammarö lines lived parses policy pulling setting slower
    staden stäng times nagle morfar mormor farfar farmor actor cards chars checker daemon
    fights forgets holes hoped jobb kunnat lacked leaving loses sender sends stands stronger
    tested skickades alias boxes börja check every folds follower forks hålla ident konstigt
    kräka kräkas kräkts kråka mental other pinned quiet quite räknade speed splitting stale
    stall sticka stjälk store style traced watcher watches ändrad ändrar ändrat ändrats ångra
    ångras bastad båstad faults först halva hälso likadana locks loops lägger marking mirrors
    sämre
    """
)
