"""The kinds of round 18 (bench/README.md): data only, in the syntax of
`pathways.reading.crisis_phrases`, whose categories these end.

Blockers, each a frame that makes a danger word harmless: a story, book, film or song about
someone ("en bok om en tjej som skadar sig själv"), voices heard in a game or a film, a knife
in a kitchen where food is made, a jump off a jetty into a lake, "orkar inte mer med den"
said of a task just named. They cancel only the danger match they overlap, so "… och nu vill
jag också dö" after a story still counts.

Wordings: giving up beside "ni kommer aldrig se mig igen", a voice in "mitt huvud" that nags
("tjatar"), burning oneself with a cigarette or a lighter, English "cut my wrist", "slit my
wrists" as a method, means "lined up" or "laid out", violence heard through a wall
("skriker att han ska sluta slå henne") and a weapon held in a rage.
"""

from __future__ import annotations

from typing import Final

from pathways.reading.crisis_vocab import HARM, HITTER, MEANS, PILLS, SOURCE, WEAPON, phrase_list

STORY: Final = (
    "bok/boken/böcker/film/filmen/filmer/serie/serien/serier/novell/novellen/dikt/dikten/"
    "pjäs/pjäsen/låt/låten/låtar/dokumentär/dokumentären/berättelse/berättelsen/avsnitt/"
    "avsnittet/spel/spelet/book/movie/film/show/series/song/story/poem/novel/episode/game/"
    "documentary/anime/manga/tvserie/tvserien"
)
"""What is told: someone in it who dies or self-harms is a character, not the writer."""
TOLD: Final = (
    "skadar/skadade/skär/skar/skurit/tar/tog/dör/dog/hör/hörde/försöker/försökte/rispar/"
    "rispade/bränner/brände/hoppar/hoppade/hänger/hängde/vill/ville/skjuter/sköt/svälter/"
    "cuts/cut/hurts/harms/kills/killed/takes/took/dies/died/hears/heard/tries/tried/jumps/"
    "jumped/wants/wanted/hangs/hanged/shoots/shot/overdoses/overdosed"
)
"""What a character does in a story ("… om en kille som tar livet av sig")."""
COOKING: Final = (
    "lagar/lagade/laga/hackar/hackade/hacka/skalar/skalade/skala/steker/stekte/skivar/"
    "skivade/skiva/bakar/bakade/cooking/cooks/cook/chopping/chops/chop/slicing/peeling"
)
MAKE: Final = "gör/fixar/bre/breder/brer/making/makes"
"""Making, said only of food ("gör mackor"): "gör sig redo" in a kitchen is no cooking."""
FOOD_MADE: Final = (
    "mat/maten/middag/middagen/frukost/lunch/lunchen/lök/löken/grönsaker/kött/köttet/fisk/"
    "fisken/potatis/potatisen/morötter/sallad/salladen/bröd/brödet/tårta/tårtan/smörgås/"
    "macka/mackor/dinner/food/breakfast/onions/onion/vegetables/meat/salad/bread/sandwich"
)
TELLER: Final = "som/who/that/karaktären/huvudpersonen"
"""Who does it in the story: a character ("om en tjej som"), never "jag", and after "om" no
pronoun: "en dikt om att hon vill dö" tells what someone wants, and still counts."""
PRONOUN: Final = "han/hon/hen/he/she/they/dom/de"
"""Who does it "där" in the story ("en film där han hoppar från taket")."""
RAGE: Final = (
    "skriker/skrek/vrålar/vrålade/gapar/rasande/full/packad/berusad/aggressiv/screaming/"
    "yelling/shouting/drunk/furious/raging"
)
"""Rage or drink beside a weapon in someone's hands: a threat, not cooking ("arg" only as "är arg":
"mamma blev arg när jag tappade kniven" is no threat)."""
JUMP: Final = "hoppa/hoppar/hoppade/hoppat/jump/jumping/jumped"
JETTY: Final = "bryggan/badbryggan/bryggkanten/bryggor/bryggorna/brygga/båten/dock/pier/jetty/boat"
SWIM: Final = (
    "bada/badar/badade/simma/simmar/simmade/sommar/sommaren/swim/swimming/summer/badkläder/"
    "baddräkt/badbyxor/kompisarna/friends"
)
"""A swim said beside the jump: without it, "ska hoppa från bryggan" stays a plan."""
KNIFE: Final = "kniv/kniven/knivar/knivarna/knife/knives/köksniv/kökskniven/brödkniven"

BLOCKERS: Final = phrase_list(f"""
    {STORY} om/about .. {TELLER} {TOLD} | {STORY} .. där/where .. {TELLER}/{PRONOUN} {TOLD}
    | {STORY} handlar/handlade/is/was om/about .. {TELLER} {TOLD}
    | i/in/på/on {STORY}/fortnite/minecraft/roblox/gta/discord/youtube/tiktok/podden/podcasten/
    ljudboken/trailern/trailer .. röster/rösterna/rösten/röst/voices/voice
    | in/on the/this/that/a {STORY} .. voices/voice
    | {KNIFE} .. {COOKING}/{MAKE} .. {FOOD_MADE} | {COOKING}/{MAKE} .. {FOOD_MADE} .. {KNIFE}
    | {KNIFE} .. köket/kök/kitchen .. {COOKING}
    | {JUMP} .. från/off/from {JETTY} .. {SWIM} | {SWIM} .. {JUMP} .. från/off/from {JETTY}
    | {JUMP} i/in/into sjön/havet/vattnet/lake/sea/water .. {SWIM}
    | {SWIM} .. {JUMP} i/in/into sjön/havet/vattnet/lake/sea/water
    | orkar/pallar/klarar inte/ej mer/längre med/av den/dem/dom/dig/er/hen $
    | inte/aldrig/ej döda/mörda/dödar mig/mej | döda/dödar mig/mej på/i gymmet/gym/träningen/
    passet/gympan/löpningen/workout
""")
"""Blockers of round 18: a story about someone, voices in a game, a knife for cooking, a
swim off a jetty, a task that is too much, "jag tänker inte döda mig", a hard workout."""

PLAN: Final = phrase_list(f"""
    {MEANS}/{PILLS} .. lined/laid up/out .. tonight/ikväll/inatt/today/idag
    | {MEANS}/{PILLS} .. uppradade/utlagda/framlagda/framplockade .. ikväll/inatt/idag
    | slit/slitting/slice/slicing/open/opening my/her/his wrists/wrist/throat/veins
    | stenar/sten/stenarna/tyngder/vikter/rocks/stones/weights i/in fickorna/fickan/pockets/
    ryggsäcken/backpack
""")
"""plan_or_method: means laid out for tonight, "slit my wrists", stones in the pockets."""

PSYCHOSIS: Final = phrase_list(f"""
    rösten/röst/rösterna/röster/voice/voices i/inne/in .. mitt/min/my huvud/skalle/head
    | {SOURCE} .. tjatar/tjatade/hetsar/pushar/uppmanar/nags/urges/pushes/keeps .. {HARM}
""")
"""psychosis: a voice in "mitt huvud", a voice that nags one to harm."""

SELF_HARM: Final = phrase_list("""
    bränner/brände/bränna/bränt/burn/burns/burned/burnt/burning mig/sig/armen/armarna/handen/
    händerna/handleden/huden/benet/benen/låret/låren/magen/myself/my/arm/arms/skin/wrist/hand
    .. cigg/ciggen/ciggar/cigarett/cigaretten/cigaretter/tändare/tändaren/
    tändsticka/tändstickor/strykjärn*/lighter/cigarette/cigarettes/cig/cigs
    | cut/cuts/sliced/carved my/her/his wrist/wrists/arms/thighs
""")
"""self_harm: burns with a cigarette or a lighter, "cut my wrist" (not "my legs": "shaving" is
read as "saving", so "cut my legs shaving" would be no exception)."""

VIOLENCE: Final = phrase_list(f"""
    skriker/skrek/ropar/ropade/gråter/bönar/screaming/yelling/shouting/crying/begging ..
    sluta/stop/stopp .. slå/slår/sparka/sparkar/hit/hitting/hurting/kicking/choking
    | hör/hörs/hörde/hear/hearing .. slå/slår/sparka/sparkar/misshandla/misshandlar/hits/hitting/
    beating/choking/kicking/hit/beat henne/honom/mamma/pappa/sin/sina/her/him/mom/dad/his/their
    | {HITTER} .. {WEAPON} .. {RAGE} | {HITTER} .. {RAGE} .. {WEAPON}
    | {HITTER} är/is arg/argt/angry/galen/mad .. {WEAPON} | {HITTER} .. {WEAPON} .. är/is arg/
    angry/galen/mad
    | viftar/viftade/svingar/svingade/waving/waves/waved/swinging med/with/a/the/en/ett {WEAPON}
""")
"""violence_now: violence heard ("hon skriker att han ska sluta slå henne"), a knife in
the hands of someone in a rage ("pappa står i köket med kniven och skriker")."""

SUICIDAL: Final = phrase_list("""
    ger/gett/gav/give/gave/given upp/up .. kommer/will/ska/wont aldrig/inte/never/not se/höra/
    träffa/see/hear mig/me/av/from
    | jag/i ska/vill/ville/tänker/kommer/måste/borde/behöver/planerar/försöker/försökte/orkar
    döda/mörda/dödar mig/mej | döda/mörda/dödar mig/mej själv/sjalv/själva
""")
"""suicidal: giving up beside "ni kommer aldrig se mig igen", "jag ska döda mig" (said by
anyone else it is violence)."""
