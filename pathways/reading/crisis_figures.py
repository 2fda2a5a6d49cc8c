"""The kinds of round 19 (bench/README.md): data only, in the syntax of
`pathways.reading.crisis_phrases`, whose categories these end.

Frames that make danger words harmless but need more than a phrase to tell (read by
`pathways.reading.crisis_gates`):
- ``STRICT``: frames matched word for word, no soft word between ("mig" is soft, so "hänga
  mig i parken" must not read as hanging out "i parken"): hanging out somewhere or with
  someone, a story told in its own order ("i boken hotar mördaren"), listening to a song
  about wanting to die ("om att vilja dö", said of no one).
- ``LAUGHED``: hyperbole about a test, a game or a teacher, harmless only with a laugh
  ("haha", "lol", "xD", 😂) in the text: "jag ska döda mig på provet imorgon haha". The
  laugh alone cancels nothing ("jag ska döda mig haha"), nor a time word without the test.
- ``UNLESS``: a frame that holds only when none of its words of danger is in the text: a
  knife in a kitchen ("mamma har en kniv i köket"; not "... och hotar pappa"), one's inner
  voice ("min inre röst säger att jag borde plugga"; not "... att jag ska skada mig").

Wordings: pills named and then "tog dom nyss", hearing someone telling one to harm, blood
that "har inte slutat", cuts on the forearm or hidden, a weapon held with a threat or
outside the door, a shooting or stabbing threatened at school.
"""

from __future__ import annotations

from typing import Final

from pathways.reading.crisis_frames import KNIFE, STORY, TOLD
from pathways.reading.crisis_vocab import (
    DIE,
    HARM,
    PERSON,
    PILLS,
    QTY,
    TAKE_PAST,
    WEAPON,
    phrase_list,
)

HANG: Final = "hänga/hänger/hängde/hängt/hang/hanging/hangs"
HANGOUT: Final = (
    "parken/park/stan/centrum/gallerian/köpcentret/mall/skolgården/fritids/fritidsgården/"
    "skateparken/torget/stranden/badet/biblioteket/kompisar/kompisarna/polarna/vänner/"
    "vännerna/gänget/friends/dom/dem/honom/henne/oss/er/mig/mej/me/us/them/him/her/discord/"
    "insta/snap/tiktok/nätet/online/lunchen/rasten"
)
"""Where and with whom one hangs out ("hänga i parken", "hänga med polarna")."""
STORY_DOES: Final = (
    TOLD + "/hotar/hotade/slår/slog/dödar/dödade/mördar/mördade/skjuter/knivhugger/"
    "knivhögg/stryper/ströp/attackerar/attackerade/blir/blev/blöder/blödde/ska/vill/måste"
)
"""What a story tells, verb first after "i boken" (Swedish word order: "i filmen dör hon")."""
LISTEN: Final = (
    "lyssnar/lyssnade/lyssna/läser/läste/läsa/sjunger/sjöng/sjunga/hörde/hör/analyserar/"
    "analysera/analyserade/tolkar/tolka/tolkade/listening/listened/listen/reading/read/reads/"
    "singing/sing/heard/hear/analysing/analyzing/analysed/analyzed"
)
WISHED: Final = DIE + "/försvinna/leva/finnas/existera"

STRICT: Final = phrase_list(f"""
    {HANG} i/på/vid/med/ute/out/with/at/around/in {HANGOUT} | {HANG} hos/out/ute
    | vi/ni/dom/de/we/they ska/kommer/tänker/going/will/brukar {HANG} $/ikväll/idag/imorgon/
    efter/sen/senare/lite/tonight/today/tomorrow/after/later/out/ute/i/på/med/hos/with/at
    | i/in/på {STORY} {STORY_DOES}
    | {LISTEN} .. {STORY} om/about att/to vilja/wanting/want .. {WISHED}
    | {LISTEN} .. {STORY} om/about att/how man/you vill/want/wants .. {WISHED}
    | {LISTEN} .. {STORY} about wanting/wishing .. {WISHED}
""")

TEASED: Final = (
    "läx*/prov*/träning*/uppgift*/matte*/lektion*/arbete*/uppsats*/tent*/"
    "kurs*/glos*/förhör*/nationella/np/homework/assignment/essay/exam/test/quiz/spel*/"
    "match*/game/fortnite/minecraft/gympa*/idrott*/läraren/lärarn/fröken/mentorn/rektorn/"
    "tränaren/teacher/coach"
)
"""What a young person "will kill themselves" over in jest: a test, a game, a teacher (not
school or work, which are places and times: "ska döda mig efter skolan haha" is danger)."""
TEASER: Final = (
    "läraren/lärarn/fröken/mentorn/rektorn/tränaren/teacher/coach/mamma/pappa/morsan/farsan/"
    "mom/mum/dad/brorsan/syrran/bror/syster/kompisen/tjejen/killen/hon/han/she/he"
)
"""Who "will kill me" in jest for a missed task."""

LAUGHED: Final = phrase_list(f"""
    döda/dödar/mörda/kill/killing mig/mej/myself på/i/under/at/in/on/during/over/for .. {TEASED}
    | döda/dödar/mörda/kill mig/mej/myself om/if/när/when .. {TEASED}
    | {TEASER} kommer/will/going/gonna döda/mörda/kill/slakta mig/mej/me
    | {TEASED}/låten/låt/song/songs/music/musiken .. makes/made/gör/får/fick me/mig .. want/vilja/
    vill .. dö/die/kms
""")

THREAT: Final = (
    "hotar/hotade/hotat/hot/hota/skriker/skrek/slår/slog/döda/dödar/ihjäl/hugga/knivhugga/sticka/"
    "jagar/jagade/efter/mot/viftar/viftade/riktar/riktade/pekar/pekade/arg/rasande/full/packad/"
    "berusad/aggressiv/rädd/rädda/hjälp/skada/skära/skär/skar/skurit/threatening/threatens/"
    "threatened/screaming/yelling/kill/stab/chasing/drunk/angry/mad/hurt/scared/afraid/help/cut/"
    "nu/ikväll/inatt/now/tonight"
)
"""Words that make a knife in a kitchen a weapon (or a means) after all, a time of now too:
"tar kniven i köket och gör det ikväll"."""

UNLESS: Final = (
    (
        f"{KNIFE} .. i/in/på/on köket/kök/kitchen/kökslådan/lådan/knivblocket/knivstället/"
        "diskstället/diskbänken/bänken/drawer/counter/block",
        THREAT,
    ),
    ("inre/inner/egna/own röst/rösten/voice", HARM + "/" + DIE + "/livet/självmord/suicide"),
)
"""A frame and its words of danger: the frame cancels what it overlaps only without them."""

OVERDOSE: Final = phrase_list(f"""
    {QTY} {PILLS} .. {TAKE_PAST} dom/dem/them/allihop/alla/all/de
""")
"""overdose: pills named, then taken as "dom" ("är det farligt att ta 20 panodil? tog dom nyss")."""

PSYCHOSIS: Final = phrase_list(f"""
    hör/hörde/hört/höra/hearing/hear/heard/hears .. någon/nån/något/nåt/someone/something/
    somebody .. säger/sa/viskar/skriker/befaller/tells/telling/told/says/whispers/whispering/
    yelling/screaming .. {HARM}
""")

INJURY: Final = phrase_list("""
    blodet/blödningen/blöder/blödning*/bleeding/blood/såret .. inte/aldrig/not/hasnt/havent/ej
    slutat/stannat/upphört/avtagit/stopped
""")

CUTS: Final = "skärsår/skärsåren/skärsåret/rispor/rispmärken/skärmärken/självskadeärr"
SELF_HARM: Final = phrase_list(f"""
    {CUTS}/brännmärken .. på/i underarmen/underarmarna/underarm/överarmen/överarmarna/
    handleden/handlederna/handlovarna/vristen/vristerna/höften/höfterna/ljumsken/ljumskarna
    | {CUTS}/ärren .. gömmer/gömde/döljer/dolde/
    hides/hid/hiding
    | gömmer/gömde/döljer/dolde/hides/hid/hiding {CUTS}/ärren/ärr/scars/cuts
    | hides/hid/hiding .. cuts/scars
    | gömmer/gömde/döljer/dolde/hides/hid/hiding/covers/täcker {CUTS}/ärren/
    armarna/handlederna/sina/hennes/hans/her/his .. scars/cuts/wrists/arms/armarna/armar/
    handlederna/ärren/långärmat/tröjor/armband/sleeves
""")

VIOLENCE: Final = phrase_list(f"""
    {WEAPON} .. hotar/hotade/hotat/threatening/threatens/threatened/pekar/pekade/riktar/riktade/
    pointing/pointed/aiming
    | man/mannen/guy/stranger/someone/somebody/nån/någon/kille/killen/snubbe/gubbe/främling/
    främlingen .. utanför/outside/här/here/dörren/door .. {WEAPON}
    | {WEAPON} i/in väskan/skåpet/ryggsäcken/fickan/jackan/bag/backpack/locker/pocket ..
    ska/tänker/kommer/hotar/going/gonna/will/threatens skjuta/hugga/knivhugga/döda/spränga/
    shoot/stab/kill/bomb
    | {WEAPON} .. jagar/jagade/chasing/chases/chased {PERSON}
    | han/hon/hen/he/she/dom/de/they/kille/killen/någon/nån/someone/eleven .. ska/tänker/
    kommer/going/gonna/will/planerar/planning skjuta/knivhugga/spränga/shoot/stab/bomb/bomba
    .. alla/skolan/folk/klassen/oss/everyone/school/people/us/class/lärarna/teachers
""")
"""violence_now: a weapon with a threat or outside the door, a shooting threatened at school."""

FAR_PAST: Final = phrase_list("""
    in/back/during the 50/60/70/80/90/1950/1960/1970/1980/1990/2000 s
    | in/back/during the fifties/sixties/seventies/eighties/nineties | back then | decades ago
    | femtiotalet/sextiotalet/sjuttiotalet/åttiotalet/nittiotalet | back in #year
""")
"""Long ago in English decades and in Swedish decade words ("back in the 90s")."""

INTENT: Final = phrase_list("""
    gör/göra/do det/it ikväll/inatt/idag/imorgon/tonight/today/tomorrow/nu/now
""")
"""That it ends now, beside a means at hand (`pathways.reading.crisis_means.INTENT`)."""

SUICIDAL: Final = phrase_list("""
    jag/i dödar/mördar mig/mej
""")
"""suicidal: "jag dödar mig om jag inte klarar provet" (the present for the future)."""
