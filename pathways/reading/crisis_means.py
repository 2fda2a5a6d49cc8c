"""Having the means, taking another one, and the other kinds of round 17 (bench/README.md):
data only, in the syntax of `pathways.reading.crisis_phrases`, whose categories these end.

"Han har tabletter och säger att ikväll är det slut": the means at hand plus a word that
it ends now is a plan, though neither alone is ("ikväll är det slut på serien", "pappa har
tabletter mot blodtrycket"). `INTENT` holds the words that it ends now; the reader files a
plan when one of them, or a wish to die, stands in a text that names a means (`MEANS_AT_HAND`).
"… och har tagit en till nu" after pills is a dose taken again (`ANOTHER`).
"""

from __future__ import annotations

from typing import Final

from pathways.reading.crisis_vocab import MEANS, PILLS, TAKE_PAST, phrase_list

MEANS_AT_HAND: Final = frozenset(
    (MEANS + "/" + PILLS + "/vapnen/gevären/sömnpillren/rakhyvel/rakbladen").split("/")
) - {"karta", "kartor", "kartan", "sleeping", "medicin"}
"""Words of a means: one of them in the text makes an `INTENT` or a wish to die a plan."""

INTENT: Final = phrase_list("""
    ikväll/inatt/idag/imorgon/tonight/today är/blir/is det/it slut/över/over $
    | det/it blir/händer/sker/happens idag/ikväll/inatt/imorgon/tonight/today $
    | inte/ej klarar/orkar/pallar/clarar en natt/dag/kväll till/mer
    | sista natten/kvällen/dagen $ | inatt/ikväll/idag gör/tar jag/hon/han det
    | vet var nyckeln/nycklarna/koden ligger/finns/är
    | tar/ta/gör/göra/making .. slut på allt/alltihop/sig/mig/livet
""")
"""That it ends now: no danger alone, a plan beside a means."""

ANOTHER: Final = phrase_list(f"""
    {TAKE_PAST} .. {PILLS} .. {TAKE_PAST} en/ett/fler/flera/några/ännu/another/more/one
    till/mer/fler/more/again/igen
    | {TAKE_PAST} en/ännu/another till/ny/annan/andra/more karta/kartan/burk/burken/
    förpackning/bottle/pack/strip/sheet
    | {TAKE_PAST} .. {PILLS} .. {TAKE_PAST} another/more one/dose/of
    | {TAKE_PAST} .. {PILLS} .. {TAKE_PAST} fler/flera/more nu/igen/now/again
    | {TAKE_PAST} .. överdos/överdosen/överdoser/overdos/overdose .. {TAKE_PAST}
    en/ett/another/one till/igen/more/again
""")
"""overdose: a dose taken again after pills or an overdose ("… och har tagit en till nu").
Said of someone else, it is also no "long ago" (`pathways.reading.crisis._long_ago`)."""

PLAN_MORE: Final = phrase_list(f"""
    ikväll/inatt/idag/tonight tar/sväljer/tänker jag/i .. alla/hela/massa/all .. {PILLS}
    | bestämt/valt/satt/picked/chose datum/datumet/dagen/date $
    | ni/du ser/hör mig/av aldrig/inte mer/igen $ | ni/du hör/ser aldrig/inte av/från mig igen/mer $
    | förlåt/sorry för/for allt/everything .. sista/last gången/gång/time $
""")
"""plan_or_method: a pill-taking tonight, a date set, "you will never see me again"."""

SUICIDAL_MORE: Final = phrase_list("""
    önskar/önskade/hoppas/wish .. aldrig/inte vaknade/vaknar/vakna imorgon/igen/mer/again
    | ger/gett/gav upp .. ni/du ser/hör mig/av aldrig/inte mer/igen
    | inte/ej klarar/orkar/pallar/clarar en dag/natt/vecka till/mer
""")
"""suicidal: never waking, giving up beside never being seen again."""

INJURY_MORE: Final = phrase_list("""
    blod/blodet .. fortsätter/slutar/keeps/wont .. komma/rinna/forsa/pumpa/spruta/inte/coming/
    flowing/stop .. trycker/tryck/pressing/pressure/handduk/handduken
""")

PSYCHOSIS_MORE: Final = phrase_list("""
    alla/dom/de/everyone/they .. spionerar/övervakar/förföljer/spying/watching .. vill/ska/want
    döda/mörda/kill | vill/ska döda/mörda mig .. dom/de/alla spionerar/övervakar/förföljer
    | superkrafter/odödlig/superpowers/immortal .. kan/can inte/not/never dö/die/skadas/dödas
    | jag/i är/am odödlig/immortal
""")

SELF_HARM_MORE: Final = phrase_list("""
    skärsår/rispor/skärmärken/självskadeärr .. på/i armarna/armen/låren/benen/
    handleden/magen
""")

BLOCKERS_MORE: Final = phrase_list("""
    skar/skurit/skär/cut mig/myself .. när/medan/while/when .. hackade/hackar/skalade/lagade/
    skivade/chopping/cooking/cutting .. lök/löken/tomat/tomaten/morot/grönsaker/maten/brödet/
    onion/onions/vegetables/bread/morötter/moroten/potatis/potatisen/potatisar/gurkan/kött
    | en/ett/one till/more/another .. mot/för/for huvudvärken/huvudvärk/värken/ont/febern/feber/
    mensvärk/headache/pain/fever/cramps
    | står/stod/sitter/väntar/standing/waiting .. bron/bro/bridge .. väntar/vänta/waiting på/for
    bussen/buss/tåget/spårvagnen/kompis/kompisen/mamma/pappa/bus/ride
    | vill/ville/want/wanna dö/die .. pinsamt/pinsam/cringe/embarrassing/skäms
    | leva/live utan/without min/mitt/mina/my telefon/mobil/mobilen/mobiltelefon/phone/dator/
    datorn/laptop/playstation/ps5/xbox/switch/ipad/surfplatta/hörlurar/airpods/wifi/internet
""")
"""Blockers: a cut while cooking, waiting for the bus on a bridge, dying of embarrassment,
not living without one's phone."""
