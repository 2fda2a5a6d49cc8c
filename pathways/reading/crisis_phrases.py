"""The wordings of danger that `pathways.reading.crisis` reads with: data only, no logic.

Phrase syntax (write proper Swedish; everything is folded, å/ä → a and ö → o, first):
  ``a/b/c``  one word, any of these spellings
  ``word*``  a word that begins with it ("självmord*" → "självmordstankar")
  ``..``     up to ``WIDE_GAP`` words of any kind between the words on either side
Between two words without ``..`` only "soft" words may stand (``SOFT``: "inte", "bara",
"verkligen", …), at most ``SOFT_GAP`` of them: "vill verkligen bara dö" is "vill dö", but
"vill att han dör" is not.

A phrase that starts with ``?`` is a *mention*, not a statement: it counts unless the text
is about a school task, a book or the news (``TOPIC``), as in "uppsats om självmord".
``$`` stands for the end of a sentence or of the text. What cancels a phrase ("dör av
skratt"), soft words, fillers and texting spellings are in `pathways.reading.crisis_words`.

To add a wording, add it to its category here, add real examples to
``tests/data/crisis_corpus.yaml`` and run ``pytest tests/pathways/reading/test_crisis.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from pathways.reading import crisis_acute as acute
from pathways.reading import crisis_farewell as farewell
from pathways.reading import crisis_figures as figures
from pathways.reading import crisis_frames as frames
from pathways.reading import crisis_means as means
from pathways.reading import crisis_psychosis as psychosis
from pathways.reading.crisis_vocab import (
    BELONGINGS,
    CABINET,
    DIE,
    HIDE_PLACE,
    HIGH_PLACE,
    LATER,
    MEANS,
    OTHERS,
    PILLS,
    POISON,
    QTY,
    TAKE_PAST,
    WHEN,
    phrase_list,
)

SOFT_GAP: Final = 3
WIDE_GAP: Final = 4


CATEGORIES: Final[Mapping[str, tuple[str, ...]]] = {
    # (a) explicit and passive wishes to die or not to exist
    "suicidal": phrase_list(f"""
        vill/ville/velat/vilja/önskar/önskade/längtar/want/wants/wanted/wanting/wish/wishing/
        hoppas {DIE}
        | vill/orkar/orka/orkat/pallar/palla inte leva/lev/existera/finnas
        | inte orka/orkar/orkat/palla/pallar leva/lev/existera/finnas/livet
        | lika bra/gärna .. jag/i dör/dö/dog/död/dead/die/försvinner/försvann
        | bäst/best .. om/att/if jag/i .. dör/dog/dö/död/died/dead/försvann
        | jag/i finns/lever inte/aldrig kvar/längre .. {WHEN}/{LATER}
        | göra/gör/gjort slut på allt/alltihop/allting/everything
        | vill/orkar sluta/slippa leva/existera/finnas
        | vill/orkar slippa vakna | inte/aldrig vakna/vakner/vaka igen/mer/imorgon/längre
        | vill inte vakna/vakner | hoppas .. inte/aldrig vakna/vaknar | sova/somna för alltid
        | sova .. aldrig vakna | somna .. aldrig vakna | önskar/önskade .. inte fanns/levde/föddes
        | önskar/önskade .. aldrig fötts/föddes/funnits
        | bättre/lättare/gladare/enklare om jag .. död/borta/fanns/levde
        | bättre/lättare/gladare/enklare utan mig | better off without me | better off dead
        | ingen/inte/nobody/noone .. sakna/saknar/märka/märker/bry/bryr/care/miss .. dog/död/
        borta/försvann/dead/gone/died/dö/dör | nobody/noone would/will miss me
        | ifall/om/när jag inte finns/lever imorgon/längre/kvar/mer
        | vill försvinna | vill försvinna för/forever alltid | vill inte vara med/me/här längre/mer
        | inte finnas/leva längre/mer | vill inte finnas/existera
        | ta/tar livet av mig/dig | ?ta/tar livet av sig
        | tog/tagit livet av mig | ?tog/tagit livet av sig
        | inte vill/orkar leva/existera/finnas | end my/her/his/their/your life
        | ta mitt liv | ta mitt eget liv
        | inte/ingen/noll/zero lust/ork/vilja/kraft/energi/anledning leva/finnas/existera/live
        | varför/why .. jag/i .. leva/lever/live/living/finnas/existera/exist
        | what is the point of living
        | avsluta/avslutar mitt/livet/liv | avsluta allt | göra/gör/ta slut på mig/livet/mitt
        | döda/dräpa mig själv | jag vill döda mig | trött/less/klar/färdig på/med livet/leva/life
        | tired of life/living | ingen/ingenting/inget mening/idé/anledning/poäng med/i livet
        | ingen/inget mening/idé/poäng med/me/i något/nånting/någonting/allt/nåt/anything/nothing
        | ingen/ingenting/inget mening/idé/anledning/poäng/orsak att/till leva/lev/finnas
        | inget/ingenting att leva för | livet/leva är inte värt | inte värt att leva
        | dödstankar/dödstanke/dödslängtan/dödsönskan/dödsönskningar
        | självmordstankar/självmordstanke/suicidtankar/suicidala/suicidal/suicidalt
        | självmordsbenägen | tänker/tänkt/funderar/funderat/tankar/thinking/think på/om/about
        självmord*/suicid*/döden/dö/dying | ?pratar/pratade/pratat/talar om självmord*/suicid*
        | försökt/försöker/försökte .. självmord*/suicid*
        | ?självmord* | ?suicid* | ?suicide* | ?sewerslide* | ?unalive* | kms/kys
        | kill/killing myself | kill my self | end my life | end it all | ending it all
        | dont/not want live/exist | dont/not want be alive | dont want be here anymore
        | wish i was dead | wish i wasnt alive/born | want disappear forever
        | disappear/vanish forever | want/going end it/everything | feel dying
        | no/nothing reason/point live/living/alive | nothing live for
        | life/living isnt/aint/not worth living/it | not worth living
        | orkar inte med livet/leva/lev | vill/önskar .. allt/det .. ta/tar slut
        | vill/önskar .. allt/det .. vara/va över/slut | ser/har/finns ingen/noll framtid för mig
        | ser/har inte någon/nån framtid | see/have no future | no future for me
        | om/if jag/i inte/aldrig fanns/levde/existerade/funnits/fötts/föddes/existed
        | klarar/orkar/pallar/clarar inte/ej en dag/natt/vecka till/mer/längre
        | cant/cannot do/take/survive another/one day/night/week
        | want/wish it all stop/end/over | want/wish everything stop/end/over
        | stop/end/sluta forever/permanently
        | slippa/sluta vakna/leva/existera | lika gärna/bra dö/död/dead/die
        | sova/somna/somnar .. för/forever alltid/evigt/gott
        | lyckligare/lättare/bättre/gladare/enklare/happier/better .. utan/without mig/me
        | ?pratar/pratade/pratat/snackar/talar om att dö/döden
        | skönt/skönare/bäst/nice/peaceful .. dö/die/död/dead | skönt/skönare .. inte finnas/
        existera/vakna/leva | förtjänar/borde/deserve/should dö/die/död/dead/dödas
        | förtjänar/borde/deserve inte/not leva/finnas/existera/live | shouldnt be alive
        | should not be alive
        | shouldnt live/exist | should not live/exist | försvinna för gott/evigt
        | ending my/her/his life
        | ending it all | klarar/pallar/clarar inte .. leva/livet/existera
        | vill inte överleva/survive
        | wish .. never born/existed | want not exist/live/be
        | thinking/think/considering of/about ending/end it/everything
        | easier/better/happier .. if i .. dead/gone/died/wasnt
        | ta/tar sitt/sina liv | done/finished with life/living
        | sleep .. never wake/waking | never wake up | försvinna för alltid
        | lättare/enklare/easier/skönare att/to dö/die | vill/jag inte längre/mer $
        | inget/ingenting kvar .. leva/lever/leva för | livet/leva/life .. inte/not/isnt värt/worth
        | bättre/lättare/gladare/enklare om jag .. dog/dör/dö/försvann
        | ingen/ingenting/inget mening/idé/anledning/poäng med/i att/med leva/lev
        | vill/önskar/want sluta andas/breathing | vill inte andas längre/mer
        | om/if jag/i dog/dör/dö/försvann/died/disappeared .. ingen/nobody/noone
        | hate/hatar/hatear .. being/att alive/existing/exist/leva/living/finnas/existera
        | self delete | ge upp livet | klarar/pallar/orkar/clarar inte/ej mer/längre $
        | snart/soon .. jag/i .. borta/gone/död/dead $
        | jag/i är/blir/will/be borta/gone för/forever alltid/gott/evigt $
        | cant/cannot do/take this/it/life anymore/longer
        | cant/cannot go on/on anymore/longer/like | orkar inte mer | orkar inte längre
        | point/mening/poäng .. living/live/leva/existing/exist
        | göra/gjort/bry/bryr/spela/spelar/care/matter/roll .. om/if ..
        körde/kör/körs/körd/hit/påkörd/died/dog/dör/dö/dead/död på/över/mig/me/by
        | spela/spelar/spelat/matter ingen/inte/not roll/any .. om/if jag/i dog/dör/dö/died/fanns
        | vill/want/wanna inte/not/dont vara/va/be vid/alive liv
        | försvinna/disappear/vanish från/from/off jorden/världen/earth/world/planeten/existensen
        | bättre/lättare/gladare/enklare/better/easier .. om/if jag/i .. död/borta/dog/dead/gone/
        försvann/fanns | kill/killing/unalive/unaliving herself/himself/themselves/themself
        | inte/not .. förtjänar/deserve/förtjäna .. leva/live/finnas/exist/alive
        | rather/hellre be/vara dead/död $ | rather/hellre dö/die/dead/död än/than leva/live/
        living/fortsätta/go
        | sluta/slutade/slutar/stop/stopped existera/existing/exist
        | om/if jag/i .. slutade/slutar/sluta/stopped existera/finnas/andas/existing/breathing
        | inte/aldrig finnas/finns kvar .. {WHEN}/{LATER}/efter/länge/till/mer/längre
        | jag/i kommer/ska/will inte/aldrig finnas kvar/här | if/om i/jag .. killed/kill myself
        | easier/better/happier/lättare/bättre/gladare .. if/om i/jag .. killed/kill myself
        | ingen/nobody/noone .. sakna/saknar/märka/märker/miss/notice mig/me
        | sakna/saknar/märka/miss mig/me nån/någon/ingen/anyone
        | döden/dö/självmord*/death/dying/suicide .. enda/only .. utväg/utvägen/lösning/lösningen/
        way/option/solution/escape | enda/only utvägen/utväg/lösningen/way .. dö/döden/death/die
        | point/mening/poäng .. alive/vid
    """)
    + farewell.GIVING_UP
    + means.SUICIDAL_MORE
    + frames.SUICIDAL
    + figures.SUICIDAL,
    # (b) plans, preparations, methods and goodbyes
    "plan_or_method": phrase_list(f"""
        planerat/planerar/planera/planerade/plan/planen/plans/planned/planning/planer/planerna ..
        dö/die/överdos*/overdose*/
        självmord*/suicide/döden/hoppa/hänga/dödar/kill/end
        | planerat/planerar/plan/planen/planerade/planer/planerna .. ta/avsluta/göra ..
        livet/liv/slut
        | bestämt/bestämde/bestämmer .. dö/självmord*/döden/livet
        | datum/dag/dagen .. jag ska/kommer dö/ta/göra
        | samlat/samlar/sparat/sparar/samla/spara/gömt/gömmer/saving/stockpiling/hoarding ..
        {PILLS}
        | köpt/köpte/har/hittat/knutit/knyta/knöt/fäst/bought/tied .. rep/repet/rope
        | snara/snaran/noose | rep/repet runt halsen | hänga/hängt mig/myself/sig
        | hang myself | hoppa/hoppar/jumpa/jump/hoppat .. från/ner/framför/off/ut/in ..
        bron/taket/tåget/balkongen/fönstret/höghus*/klippan/stupet/tunnelbanan/spåret/
        bussen/bridge/roof/building/train/window/cliff/våningen/tak/pendeln/tunnelbanetåget
        | kasta/kastar/slänga mig/myself framför/från/ut/under
        | ställa/lägga mig på/framför spåret/spåren/rälsen/vägen/tåget
        | framför tåget/tunnelbanan/bussen/pendeln/train/bus | står/sitter på bron/räcket/stupet
        | står på taket | on the bridge/roof/edge
        | skära/skär/slit upp/av pulsådern/handleden/handlederna/halsen/ådrorna/venerna
        | skära/skär/skar/skurit .. pulsådern/pulsådrorna/ådrorna | skjuta mig | shoot myself
        | köra ihjäl mig | dränka mig | drown myself
        | avskedsbrev*/självmordsbrev*/suicidbrev*/farvälbrev*/avskedsmeddelande*/avskedssms*/
        avskedsvideo*/avskedsinlägg*/avskedstext* | förberett/förberedde/prepared/fixat allt/
        everything $ | ready/redo/prepared .. end/avsluta/die/dö/kill
        | köpt/köpte/skaffat/samlat/bought/got .. {PILLS} .. ta/take/svälja/swallow ..
        alla/all/allihop/hela/everything/once/gång
        | brev till .. när jag är borta
        | brev/brevet/lapp/lappen/meddelande/letter/note .. ifall/om/när/if jag/i inte/aldrig
        finns/lever/vaknar
        | suicide note | goodbye letter/note/message | skrivit/skrev .. sista/avskeds brev
        | sagt/säger/sa/säga hejdå/farväl/adjö .. sista/alltid/forever
        | hejdå/farväl för/forever sista/alltid | sista gången/natten/dagen ni/du hör/ser
        | sista natten/kvällen/dagen/natt/kväll/dag .. livet/lever/liv
        | bestämt/bestämde mig .. sista natten/kvällen/dagen/gången $
        | gett/ger/ge/gav bort alla/mina .. saker/grejer/prylar/kläder
        | ska/tänker/kommer ta/svälja alla/hela/massa .. {PILLS}
        | tänker/ska ta en överdos | vet hur jag ska dö | ta/tar en överdos
        | say goodbye forever | ladda/laddat/laddade pistolen/vapnet/geväret
        | ska/tänker/kommer/going/gonna/will/plan/planning .. ta/kill/end livet/mitt/myself
        | ska/tänker/kommer/going/gonna/will/plan/planning .. ta/kill/end my life/self
        | ska/tänker/kommer/going/gonna/will hänga/hoppa/skjuta/dränka/hang/jump/shoot
        | googlat/googlar/googla/sökt/söker/letat/letar/kollat/kollar/searched/googled/googling ..
        sätt/hur/metoder/methods/ways/how .. dö/dör/livet/självmord*/hänga/hänger/hängs/die/kill/
        suicide/överdos*/dödar/dies
        | köpt/köpte/skaffat/hämtat/bought/got .. {PILLS}/rep/repet/kniv/rakblad/rope .. dö/
        livet/självmord*/döda/die/kill/end
        | hoppa/hoppar/jump/hoppat .. från/framför/off/ut .. tåg/bro/tak/balkong/höghus/fönster/
        klippa/train/bridge/roof/building/cliff/window
        | framför ett/en tåg/buss/lastbil/bil/tunnelbanetåg | in front of a/the train/bus/truck
        | brev/breven/brevet/letter/letters/meddelande .. innan/before/när/when .. dö/dör/död/
        die/borta/gone
        | gjort/gjorde/göra/gör mig av med mina/alla .. saker/grejer | vet exakt/precis hur
        | know exactly how | know how i will/would/am do/die/end/kill
        | står/sitter/ligger vid/på spåret/spåren/rälsen | kniv/kniven/knife/rakblad .. mig själv
        | knife .. myself | köra/kör in i .. lastbil/vägg/väggen/träd/trädet/betongvägg
        | {PILLS} saved/stashed/hidden/collected/hoarded/stockpiled | have/got/bought a rope/noose
        | bestämt/decided hur/how .. göra/do det/it | datum/dag/dagen bestämt/bestämd/satt/klart
        | collecting pills/tablets/meds | mina/my sista ord/orden/words
        | {PILLS}/tabletterna/repet/kniven/rakbladet .. framför/bredvid mig
        | my/mitt/min last/sista message/meddelande | planerat/planerade allt $
        | har/hittat ett rep | have a plan | har en plan | i have a plan
        | bestämt/bestämde/decided .. ikväll/inatt/idag/imorgon/tonight/tomorrow
        | tonight/ikväll/inatt .. end/avsluta/dö/die/kill | tonight/ikväll/inatt .. slut $
        | valt/bestämt/satt ett datum
        | tagit/lagt/plockat/tog/la fram {PILLS}/tabletterna/repet/rep/kniven/rakbladet
        | tagit/plockat/tog/hämtat/hämtade/hämta fram/ut .. {OTHERS}/min/mitt/mina/hans/hennes
        .. {MEANS}/{PILLS}/gevär/geväret/vapen/vapnet/pistolen/pistol
        | sitter/ligger/står/sitting/lying .. badkaret/badrummet/bathtub/tub/bathroom/taket/bron/
        roof/bridge .. med/with .. {MEANS}
        | vilken/what tid/time/när/when .. tåget/tågen/pendeln/pendeltåget/tunnelbanan/godståget/
        train/trains .. förbi/passerar/passes/pass
        | i/jag going/heading/walking/driving/way to/towards the bridge/roof/rooftop/tracks/cliff/
        cliffs
        | kanten/edge .. taket/bron/stupet/roof/bridge/cliff/balkongen
        | {PILLS}/rep/repet/rope/tabletterna .. dö/die/självmord*/suicide
        | {HIGH_PLACE} .. jag/i ska/will/kommer/gonna/tänker .. hoppa/gå/ställa/kasta/lägga/jump/
        step framför/från/under/off
        | tänkt/räknat/listat/figured/worked ut/out .. hur/how/exakt/exactly $
        | tänkt/räknat/listat/planerat/figured/worked .. ut/out .. hur/how/när/var/when/where ..
        dö/die/göra/gör/do/ta/end det/it/livet/mitt
        | gett/ger/ge/gav/given bort/away sina/hans/hennes/alla/mina/min/mitt/sin/sitt/his/her/my ..
        {BELONGINGS} | sagt/skrivit/sa/said hejdå/farväl/goodbye/adjö .. till/to ..
        vänner/vännerna/kompisar/kompisarna/familjen/friends/family
        | bestämt/bestämde/decided mig/myself $ .. har/have/got/fixat/skaffat allt/everything ..
        behöver/need/needs/klart/redo/ready
        | brev/brevet/breven/lapp/lappen/lappar/letter/letters/note/notes/meddelande/meddelanden
        .. ifall/om/if/case .. händer/happens/happen/happened .. mig/me
        | hittade/hittat/hittar/found/finds .. {MEANS}/{PILLS} .. hans/hennes/sons/dotters/sonens/
        dotterns/dottern/sonen/barnets/his/her/mitt/min/mina/my .. {HIDE_PLACE}/rum
        | gett/gav/ger/ge/given/give/gave/giving bort/away allt/everything/alltihop .. äger/own/owns
        | få/får/ha/have/take/keep/ta .. mina/my/min/mitt {BELONGINGS} .. när/efter/after/when/once
        .. borta/död/dead/gone/dör/die
        | tack/thanks/thank .. för/for allt/everything .. förlåt/sorry/farväl/goodbye/adjö
        | förlåt/sorry för/for allt/everything .. tack/thanks/farväl/goodbye/adjö/hejdå/bye/
        älskar/love
        | {MEANS}/{PILLS} .. gömd/gömda/gömt/gömde/undangömd/undangömda/undangömt/hidden/stashed/hid
        | rep/repet/rope .. knut/knuten/knutit/knot/ögla/öglan/loop | {MEANS} under/i/in/bakom
        kudden/madrassen/pillow/mattress
        | {MEANS}/{PILLS} .. ifall/in/om/if/case .. bestämmer/bestämt/decide/vågar/dare
        | {MEANS} .. ska/tänker/kommer/going/gonna/will .. göra/gör/end/avsluta/do/ta .. slut/it/
        allt/livet/mitt
        | hur/how många/mycket/many/much .. ta/take/krävs/behövs/behöver/need/needed/räcker/takes ..
        dö/die/död/dead/dödlig*/lethal/kill
        | dödlig/dödliga/dödligt/lethal/letal dosen/doser/mängd/mängden/dose/amount
        | när/once/by/innan/before ni/du/you/någon/someone/anyone läser/läst/ser/hittar/read/
        reading/find/finds/see .. detta/det/denna/den/this/här/brevet/lappen/note/letter/it ..
        borta/gone/död/dead/längre/anymore/sent/late/slut
        | planned/planerat/planerade/prepared/förberett/fixat/bestämt/decided .. it/det/its ..
        happening/händer/sker .. {WHEN}
        | ställe/plats/place .. hoppa/jump | köra/kör ut i/från havet/stupet/klippan/bron
        | hur/how många/mycket/many/much .. {PILLS}/tabletterna
        | pills/meds/tabletter/tabletterna/piller ready/redo/framme/sparade/gömda/samlade
        | ska/tänker/kommer/going/gonna/will/plan/planning .. överdos*/overdose*/överdosera
        | goodbye letters/notes | looked/looking/look up .. how/ways/sätt .. kill/die/suicide/end
        | ?kolmonoxid* | ?avgaser
        | ska/tänker/kommer/going/gonna/will göra/gör/do det/it ikväll/inatt/idag/imorgon/helgen/
        snart/tonight/tomorrow/nu/now | bestämt/bestämde/decided mig/myself .. göra/gör/do det/it
        | köra/kör/krascha/krocka/drive/crash .. av/off/in/into vägen/bron/stupet/road/bridge/
        cliff/mötande/lastbil/vägg/träd/tree/wall | skrivit/skrev/lämnat/lämnar/wrote/left ..
        brev/brevet/breven/letter/letters/note/notes/meddelande .. alla/allihop/everyone/er |
        hejdå/farväl/adjö/goodbye/bye allihop/allihopa/alla/everyone/all/världen/world
        | älskar/love er/ni/you/alla .. förlåt/hejdå/farväl/goodbye/sorry/bye
        | förlåt/sorry/hejdå/farväl .. älskar/love er/ni/you/alla
        | kommer/will/wont inte/aldrig/never/not se/höra/träffa/see/hear mig/me/av/från/from igen/
        again/mer/more | vet/know hur/how jag/i ska/will/kan/gonna/going göra/do det/it
        | köpt/köpte/skaffat/hämtat/bought/got .. rakblad/kniv/rep/rope/blade/pistol/vapen/gun ..
        göra/end/avsluta slut/it/allt/det
        | ska/tänker/kommer/going/gonna/will .. offra/sacrifice mig/myself
        | bron/bro/taket/tak/balkongen/stupet/klippan/spåret/perrongen/bridge/roof/cliff ..
        hoppa/hoppar/jump/kasta
        | ska/tänker/kommer/going/gonna/will/planerar .. ta/svälja/äta/take/swallow .. {QTY} ..
        {PILLS} | skrivit/skrev/skriver/wrote/writing/written/lämnat/left .. sista/last brev/brevet/
        breven/letter/letters/note/meddelandet/inlägget/post/sms
        | bestämt/bestämde/decided/valt/chosen/vet/know .. när/var/hur/how/when/where .. göra/gör/
        do det/it | planerat/planerade/planned/fixat/förberett/prepared allt/everything ..
        {WHEN} | {MEANS} .. ready/redo/framme/prepared
        | sagt/skrivit/skrev/postat/postade/said/posted/wrote hejdå/farväl/
        adjö/goodbye/bye .. alla/allihop/er/everyone/everybody/världen/world/insta/snap/familjen
        | skrivit/skrev/postat/postade/posted/wrote/lagt hejdå/farväl/goodbye/adjö
        | brev/brevet/breven/letter/note .. varför/why/förklarar/explaining
        | ?skrivit/skrev/wrote/writing .. testamente/testamentet | ska/tänker/kommer/going/gonna
        göra/gör/do det/it ..
        måndag/tisdag/onsdag/torsdag/fredag/lördag/söndag/helgen/natten/sover/ensam/borta/åkt/
        åker/somnat/somnar/hemifrån/alone/asleep/away/ingen/nobody
        | köra/kör/krascha/krocka/drive/crash .. in/into/av/off .. träd/trädet/tree/vägg/väggen/
        wall/lastbil/truck/bergvägg/stupet/cliff | isen/havet/sjön/vattnet/älven/sea/lake ..
        inte/aldrig/never komma/come/kommer tillbaka/back/upp/up | gå/går/walk ut/into i/på
        havet/sjön/isen/vattnet/älven/sea/lake
        | räknat/räknar/calculated .. hur/how många/mycket/many/much .. {PILLS}/dö/die
        | brev/brevet/breven/letter/note/lapp/lappen .. bestämt/bestämde/valt/decided/chosen/picked
        .. dag/dagen/datum/datumet/date/day/när/when/tid/tiden/natt/kväll
        | allt/everything är/is klart/fixat/förberett/redo/ready/set/done/planerat/planned $
        | har/have/got allt/everything klart/fixat/redo/förberett/ready/planned/sorted/set $
        | hur/how högt/hög/high/långt/far .. {HIGH_PLACE} .. räcker/räcka/nog/dö/die/överleva/
        survive/enough | {HIGH_PLACE} .. tillräckligt/high högt/hög/enough
        | tillräckligt högt/hög .. dö/överleva | high enough .. die/kill/survive
        | ikväll/inatt/idag/imorgon/tonight/tomorrow gör/ska/kommer jag/i det/do/göra/it
        | hoppa/hoppar/jumpa/jump/hoppat .. från/ner/framför/off/ut/in .. {HIGH_PLACE}
    """)
    + farewell.GOODBYES
    + means.PLAN_MORE
    + frames.PLAN,
    # (c) an overdose or poisoning already taken
    "overdose": phrase_list(f"""
        {TAKE_PAST} .. {QTY} .. {PILLS} | {TAKE_PAST} {QTY} {PILLS}
        | {TAKE_PAST} .. {PILLS} .. alla/allihop/allihopa/all
        | {TAKE_PAST} tabletter/piller/pills/sömntabletter/värktabletter/tabbar/tablets
        | {TAKE_PAST} en/an överdos/overdose
        | tog/tagit/svalde/svalt/tryckte/tryckt/took/swallowed hela/en/hel/whole burk/burken/
        kartan/karta/kartor/förpackning/förpackningen/pillerburken/tablettburken/bottle
        | överdoserat/överdoserade/överdosera/odat
        | overdosed/overdosing | too many pills/tablets/meds
        | för många tabletter/piller/alvedon/panodil/ipren/sömntabletter/mediciner/tabbar
        | {TAKE_PAST} klorin/rengöringsmedel/tvättmedel/bleach/gift/råttgift/frostskydd/
        rödsprit/lampolja/fotogen | förgiftat/förgiftade mig/sig/myself | poisoned myself
        | ?överdos* | ?overdose* | {TAKE_PAST} .. {POISON}
        | blandat/blandade/blandar/mixat/mixade/mixed/mixing alkohol/sprit/vin/öl/vodka/alcohol/
        alkoholen/drinks/booze .. med/och/with/and .. {PILLS}
        | blandat/blandade/mixat/mixade/mixed {PILLS} .. med/och/with/and .. alkohol/sprit/alcohol
        | {TAKE_PAST} .. {OTHERS} .. {PILLS} | {TAKE_PAST} {PILLS} med/with flit/mening/purpose
        | {TAKE_PAST} tablett*/piller*
        | tog/tagit/svalde/svalt/took/swallowed/popped .. whole/entire/hela pack/packet/bottle/
        strip/förpackningen/kartan/karta
        | {TAKE_PAST} .. {PILLS} på en/once gång/go
        | {TAKE_PAST} för/alldeles/way/too mycket/många/much/many .. {PILLS}
        | {TAKE_PAST} .. allt/alla/hela/everything/all/whatever .. {CABINET}
        | tömt/tömde/tömmit/tömma/emptied .. {CABINET}
        | {TAKE_PAST} .. t röd/sprit
        | tomma/tom/tomt/empty/emptied/tömda/tömd/tömt {PILLS}
        | {TAKE_PAST} något/droger/knark/grejer/something/drugs/stuff .. väcka/väckas/vaknar/
        svarar/andas/medvetslös/wake/waking/responding/breathing/unconscious
    """)
    + means.ANOTHER
    + figures.OVERDOSE,
    # (d) self-injury that needs care now (crisis_acute)
    "severe_injury": acute.SEVERE_INJURY + means.INJURY_MORE + figures.INJURY,
    # (e) voices or commands, and other signs of acute psychosis (crisis_psychosis)
    "psychosis": psychosis.PSYCHOSIS + means.PSYCHOSIS_MORE + frames.PSYCHOSIS + figures.PSYCHOSIS,
    # (f) violence, threats to life or sexual assault, now or just now
    "violence_now": acute.VIOLENCE_NOW + frames.VIOLENCE + figures.VIOLENCE,
    # self-harm without danger words: the calm safety note, not the alarm
    "self_harm": acute.SELF_HARM + means.SELF_HARM_MORE + frames.SELF_HARM + figures.SELF_HARM,
}
"""Danger wordings by category: the ids of CONTRACT.md's ``emergency.reasons``."""
