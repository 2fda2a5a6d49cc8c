"""The small words `pathways.reading.crisis` reads danger with: what cancels a danger phrase, what
makes a text a school text, which words are fillers, soft or texting spellings.

Data only, no logic; the danger phrases themselves are in `pathways.reading.crisis_phrases`, whose
syntax the blockers and time words use too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from pathways.reading.crisis_phrases import phrase_list, word_set

# Wording that uses danger words in another sense. Its words must stand next to each other
# (or use ".."); a blocker's match cancels every danger match it overlaps: "vill dö av skam"
# is not a wish to die, "killing it" is praise.
BLOCKERS: Final = phrase_list("""
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
    | rep/repet .. gympa*/gymnastik*/idrott*/klättr*/båt*/dragkamp/gym/hopprep
    | hopprep | dragkamp | reps
    | döda/kill mig/me om/if/när/when hon/han/mamma/pappa/dom/de/she/he/they/mom/dad ser/får/
    märker/hittar/vet/sees/finds/knows/upptäcker/kommer
    | slog/slår/beat oss/dem/mig/er/us/them/me i/på/in fotboll*/match*/fifa/spelet/schack*/
    innebandy*/handboll*/tennis/basket*/finalen/kortspel*/uno/tävling*/game
    | råkade/råka skära/skar mig | skar/skär/skurit mig i/på .. fingret/tummen/papperet/
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
    sverige/en/ett/några
""")

# A text about a school task, a book or the news: a *mention* ("?") of suicide in it is not
# about the writer's own danger. A statement ("vill dö", "tagit 30 piller") still counts.
TOPIC: Final = word_set(
    """
    uppsats uppsatsen arbete arbetet skolarbete skolarbetet projekt projektet lektion lektionen
    lektionerna rapport rapporten essay essä presentation presentationen föreläsning
    föreläsningen film filmen serie serien bok boken roman romanen dokumentär dokumentären
    artikel artikeln statistik forskning assignment school project prevention förebygga
    förebyggande kampanj tema temadag psykologi psykologin nyheterna nyheter nyheten podd
    podden podcast book article research homework debatt debattartikel författare
    författaren karaktären huvudpersonen movie novel läxan samhällskunskap biologi
    mean means betyder innebär class hälsokunskap health
    """
)

# Words ending so are about a topic too ("självmordsprevention").
TOPIC_ENDINGS: Final = ("prevention", "preventionen", "förebyggande", "statistik", "statistiken")

# Categories that a word in the text puts out of the question ("blöder mycket" in "mensen").
NOT_WITH: Final[Mapping[str, frozenset[str]]] = {
    "severe_injury": word_set("mens mensen menstruation näsblod period tandköttet"),
    "violence_now": word_set(
        "dröm drömmen drömde drömt mardröm mardrömmen dream leken lek kuddkrig brottades"
    ),
    "self_harm": word_set(
        "rakade rakar raka rakning rakhyvel shaving shave lagade matlagning misstag råkade "
        "olycka accident accidentally"
    ),
}

# Time words that put violence in the past: then it is trauma, not danger now.
PAST: Final = phrase_list("""
    år sedan/sen | för länge sedan/sen | förra/för året/sommaren/vintern/terminen
    | när jag var liten/yngre/barn/mindre | som liten/barn | i lågstadiet/mellanstadiet
    | years ago | when i was little/young/a/younger | last year
    | ibland | brukar | förut | förr | sometimes | used to
""")

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
    """
)

# Intensifiers run into a word ("jättedjupt", "skitmycket"): read as the word itself.
INTENSIFIERS: Final = ("jätte", "super", "skit", "mega", "sjukt", "as")

# Short danger words whose one-letter misspellings are read as them ("lva", "wnat", "mg").
CORE_SHORT: Final = ("leva", "vill", "mig", "want", "die", "hoppa", "massa", "slår", "livet")

# Spellings put right before matching (texting and speech).
ALIASES: Final[Mapping[str, str]] = {
    "mej": "mig",
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
    """
)
