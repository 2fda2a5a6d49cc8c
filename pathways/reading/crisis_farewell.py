"""Goodbyes and giving up: the wordings of round 16 (bench/README.md), data only.

A goodbye with no danger word is only danger when it is final: said to everyone, "för
alltid", "när jag är borta" ending a sentence, "ta hand om mamma åt mig" ending there (the
writer will not be there to do it), a last post, "ni kommer klara er utan mig". An ordinary
goodbye says when one meets again ("vi ses efter lovet"), wishes a nice summer, is said to a
thing ("hejdå gamla mobil") or asks a favour ("kan du ta hand om katten åt mig?"): those are
blockers in `pathways.reading.crisis_words`. Giving up is danger when it is on living ("ger
upp på livet", "ingen idé längre", "orkar inte kämpa mer" ending there), not on a task ("ger
upp på matten", "orkar inte mer med läxan": blockers too). Same syntax as
`pathways.reading.crisis_phrases`, whose categories these end.
"""

from __future__ import annotations

from typing import Final

from pathways.reading.crisis_vocab import (
    BELONGINGS,
    HIGH_PLACE,
    LEFT_BEHIND,
    MEANS,
    NICE_TIME,
    PILLS,
    SEE_YOU,
    TASK,
    TREATS,
    WHEN,
    phrase_list,
)

# suicidal: giving up on living, being a burden, "you will be better off without me"
GIVING_UP: Final = phrase_list("""
    ger/gett/gav/ge/given/give/gave/giving upp/up på/om/on livet/allt/allting/alltihop/
    everything/life/living | ger/gett/gav/ge/give/given/gave/giving upp/up på/on mig/my själv/
    self | give/giving/gave/given up on myself
    | ingen/inte/ingenting/no idé/ide/mening/poäng/point/use längre/mer/anymore $
    | ingen/inget/ingenting idé/ide/anledning/mening/poäng .. fortsätta/orka/kunna leva/lev/
    finnas/existera
    | ingen/inget/no/whats mening/idé/poäng/point/use .. fortsätta/kämpa/försöka/trying/
    fighting/going mer/längre/anymore/on $ | orkar/pallar/orka/palla/vill/kan/klarar/cant/
    cannot inte/ej kämpa/fortsätta/fighta/försöka/fight/keep mer/längre/emot/going/fighting/
    trying $ | tappat/förlorat/lost allt/all hopp/hoppet/hope $
    | gett/ger/gav/given/give/gave upp/up hoppet/hope $ | gett/ger/gav upp allt hopp $
    | förlåt/sorry .. klarade/orkade/pallade/klarar/orkar/pallar/couldnt inte/ej/take mer/
    längre/it/anymore
    | kommer/will/skulle/would klara/klarar/clara er/sig/dig/oss .. utan/without mig/me $
    | klarar/klara/klarat er/sig/dig bra/fint/bättre utan mig
    | fine/okay/alright/good/happier without me $
    | snart/soon slipper/slippa/rid ni/du/alla/er/you .. mig/me $ | kommer/ska slippa mig $
    | slipper/slippa/blir/bli .. mig .. för/forever alltid/gott/evigt
    | jag/i är/am/känner/feel .. börda/bördan/belastning/burden | börda/burden för/to alla/
    everyone/er/familjen/family | inte/not/no vara/va/be en/a börda/burden längre/mer/anymore
    | inget/ingenting/nothing kvar .. kämpa/fight/fighting för/for
    | inget/ingenting/nothing att/to kämpa/fight för/for
    | ger/gett/gav/give/gave/given upp/up .. förlåt/sorry/hejdå/farväl/goodbye $
    | förlåt/sorry .. ger/gett/gav/give/gave/given upp/up $
    | vad/whats/what .. poängen/meningen/idén/point längre/mer/anymore/ens $
    | vad är ens poängen/meningen $ | slutat/slutar/stopped/quit kämpa/fighting/fightas $
    | poäng/poängen/mening/meningen/point .. vakna/vaknar/wake/waking .. varje/every/each
    dag/morgon/day/morning | inte/aldrig ser/har någon/nån/ingen framtid
    | point of/in me $ | point of/in my existence/life | point of/in existing
    | dont/not/cant see myself making/living/alive/getting
""")

# plan_or_method: final goodbyes with no danger word, and looking up how
GOODBYES: Final = phrase_list(f"""
    när/efter/ifall/when/once/after jag/i är/blir/am/is borta/död/gone/dead $
    | när/efter/ifall/when/once/after jag/i borta/död/gone/dead $
    | när/efter/ifall jag är borta/död vill/ska/hoppas/får/vet/måste/kommer
    | ta/tar/look/take hand/after/care om/of .. åt/for mig/me $
    | ta/tar/look/take hand/after/care om/of .. åt/for mig/me när/when/efter/after jag/i ..
    borta/gone/död/dead/inte/not finns/lever/here/around
    | glöm/glömm/forget mig/me inte/not .. förlåt/sorry/hejdå/farväl/goodbye/bye/älskar/love
    | dont/do not forget me .. sorry/goodbye/bye/love
    | mitt/min/my sista/last inlägg/inlägget/post/sms/snap/video/tweet $
    | sista/last meddelandet/meddelande/inlägget/inlägg/message/post/sms/snap .. från/from
    mig/me $
    | sista/last meddelandet/meddelande/inlägget/inlägg/message/post .. tack/förlåt/älskar/
    thanks/sorry/love
    | skickat/skickade/skickar/sent/texted/messaged hejdå/farväl/adjö/goodbye/bye ..
    alla/allihop/kompisar/kompisarna/vänner/vännerna/friends/everyone/familjen/family
    | this/det/detta/här is/är goodbye/farväl/adjö $
    | glöm/glömm/forget inte/not bort/away mig/me .. förlåt/sorry/hejdå/farväl/goodbye/bye/
    älskar/love | kom/remember ihåg/me .. att/that jag/i älskar/love er/ni/you/alla/all
    | kommer/behöver inte/aldrig behöva oroa er/dig .. för/om mig mer/längre
    | wont/not/never/nobody .. worry/worrying about me anymore/again/more
    | mitt/min/my sista/last inlägg/inlägget/post/sms/snap/video/tweet någonsin/ever
    | mitt/min/my sista/last inlägg/inlägget/post/sms/snap/video/tweet ikväll/inatt/tonight
    | mitt/min/my sista/last inlägg/inlägget/post/sms/snap/video/tweet .. sen/then/efter/after
    .. över/slut/over/borta/gone
    | gjort/gjorde/done ert/ditt/your bästa/best .. inte/not ert/ditt/your fel/fault $
    | säg/säga/hälsa/tell .. alla/everyone/allihop/everybody .. älskar/love dom/dem/er/them/
    you/alla/everyone
    | få/får/ha/ta/take/keep/have .. mina/my {BELONGINGS} .. behöver/need .. inte/not/längre/
    mer/anymore
    | bestämt/bestämde/decided mig/myself $ .. det/it blir/händer/sker/happens/is efter/after/
    ikväll/inatt/imorgon/idag/tonight/tomorrow/today/{WHEN}
    | {MEANS}/{PILLS} .. går/gick/walking/going/heading/åker/cyklar/on .. mot/till/to/towards/
    ut/ner/my .. sjön/havet/skogen/bron/spåret/spåren/taket/stupet/klippan/isen/älven/lake/
    sea/woods/forest/bridge/tracks/roof/cliff/way
    | googlat/googlar/googla/sökt/söker/letat/letar/kollat/kollar/searched/googled/looked ..
    hur/how många/mycket/many/much .. behöver/behövs/krävs/räcker/needed/need/takes/enough
    | googlat/googlar/sökt/söker/kollat/kollar/mätt/searched/googled/checked/looked .. hur/how
    högt/hög/high/tall/långt/far .. {HIGH_PLACE}
    | köpt/köpte/skaffat/skaffade/fixat/hämtat/bought/got .. {MEANS}/{PILLS} .. det/it blir/
    händer/sker/happens/happening/is {WHEN}
""")

# Blockers (read with `crisis_words.BLOCKERS`): the ordinary goodbye, giving up on a task,
# a favour asked, a chore reminder, a story "about someone who wants to die", a trip away.
ORDINARY: Final = phrase_list(f"""
    hejdå/farväl/adjö/goodbye/bye/tack/thanks .. ses/träffas/see .. {SEE_YOU}
    | ses/träffas/see .. {SEE_YOU} .. hejdå/farväl/adjö/goodbye/bye
    | hejdå/farväl/adjö/goodbye/bye/tack/thanks .. trevlig/trevligt/glad/god/happy/nice/good ..
    {NICE_TIME} | trevlig/trevligt/glad/god/happy/nice/good .. {NICE_TIME} .. hejdå/farväl/
    adjö/goodbye/bye | hejdå/farväl/adjö/goodbye/bye .. {LEFT_BEHIND}
    | {LEFT_BEHIND} .. hejdå/farväl/adjö/goodbye/bye
    | älskar/love er/ni/you/alla/dom/dem/them .. ses/träffas/see .. {SEE_YOU}
    | hål/hålet/hole .. byxorna/byxor/tröjan/jeansen/strumpan/strumpor/jackan/pants/jeans/sock/
    shirt | bone/muscle/fat structure/mass/density/tissue
    | ger/gett/gav/ge/give/gave/giving upp/up på/om/on/with .. {TASK}
    | orkar/pallar/klarar inte/ej mer/längre med/av .. {TASK}
    | leva/live/överleva/survive utan/without {TREATS}
    | kan/kunde/orkar/hinner/vill/could/can/would/will du/ni/you ta/look/take hand/after/care
    | glöm/glömm/forget/kom/remember inte/not/ihåg att/to .. mata/rasta/vattna/ta/feed/walk/water ..
    när/medan/while/when .. borta/gone/away/bort
    | handlar/handlade/handla/handlat/is/was/about om/about .. som/who/that .. vill/ville/wants/
    wanted/want/önskar/wished/wishes .. dö/die/död/dead/leva/live
    | slipper/slippa/rid .. mig/me .. åker/flyttar/reser/läger/lägret/resan/semester/semestern/
    helgen/imorgon/vecka/veckan/dagar/lovet/sommaren/going/leaving/trip/camp/week/weekend
    | åker/flyttar/reser/going/leaving .. slipper/slippa/rid .. mig/me
""")
