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
``tests/data/crisis_corpus.yaml`` and run ``pytest tests/pathways/test_crisis.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

SOFT_GAP: Final = 3
WIDE_GAP: Final = 4


def word_set(text: str) -> frozenset[str]:  # shared with pathways.reading.crisis_words
    return frozenset(text.split())


def phrase_list(text: str) -> tuple[str, ...]:
    joined = (" ".join(p.split()).replace("/ ", "/") for p in text.split("|"))
    return tuple(p for p in joined if p)


_DIE = "dö/dör/döden/die/dead/död/dying"
_TAKE_PAST = (
    "tog/tagit/tagt/svalde/svalt/käkade/käkat/åt/ätit/proppat/tryckte/tryckt/slängt/"
    "slängde/took/taken/swallowed/ate/popped/drack/druckit/drank/knaprat/knaprade"
)
_PILLS = (
    "tabletter/tabletten/tabbar/piller/pillren/pills/tablets/meds/medicin/mediciner/"
    "medicinen/alvedon/panodil/ipren/paracetamol/ibuprofen/sömntabletter/sömnmedel/"
    "sömnpiller/antidepressiva/sertralin/citalopram/melatonin/stesolid/xanax/tramadol/"
    "oxycodone/painkillers/värktabletter/smärtstillande/treo/karta/kartor/kartan/tylenol/"
    "advil/iprenen/alvedonen/lugnande/atarax/propavan/theralen/concerta/elvanse/medication/"
    "medications/medicines/sleeping/painkiller"
)
_QTY = (
    "massa/massor/många/mycket/alla/allt/hela/hel/flera/tio/femton/tjugo/trettio/lot/"
    "fyrtio/femtio/hundra/too/bunch/whole/all/lots/handful/näve/näven/helt/paket/kartor/burkar/"
    "förpackningar/#many"
)
_PERSON = (
    "mig/mamma/pappa/oss/henne/honom/min/mitt/mina/lillebror/lillasyster/brorsan/syrran/"
    "me/my/us/her/him/mom/mum/dad"
)
_HITTER = (
    "pappa/mamma/styvpappa/styvmamma/styvpappan/styvmamman/bonuspappa/han/hon/dom/de/någon/"
    "kille/killen/pojkvän/pojkvännen/flickvän/flickvännen/bror/brorsan/brodern/syster/"
    "sambo/sambon/partner/mannen/exet/ex/he/she/they/someone/dad/mom/boyfriend/stepdad/"
    "styvfar/styvmor/styvfarsan/fosterpappa/farbror/morbror/kusin/kusinen/farsan/morsan/"
    "brother/husband/girlfriend"
)
_HITS = (
    "slår/slog/sparkar/sparkade/stryper/ströp/kväver/kvävde/misshandlar/misshandlade/"
    "hits/hitting/hit/beating/beats/choking/strangling/kicks/kicking/beat/slagit/sparkat/"
    "misshandlat/hotar/hotade/hotat/knivhögg/attackerade"
)

CATEGORIES: Final[Mapping[str, tuple[str, ...]]] = {
    # (a) explicit and passive wishes to die or not to exist
    "suicidal": phrase_list(f"""
        vill/ville/velat/vilja/önskar/önskade/längtar/want/wants/wanted/wish/hoppas {_DIE}
        | vill/orkar inte leva/lev/existera/finnas | vill/orkar sluta/slippa leva/existera/finnas
        | vill/orkar slippa vakna | inte/aldrig vakna/vakner/vaka igen/mer/imorgon/längre
        | vill inte vakna/vakner | hoppas .. inte/aldrig vakna/vaknar | sova/somna för alltid
        | sova .. aldrig vakna | somna .. aldrig vakna | önskar/önskade .. inte fanns/levde/föddes
        | önskar/önskade .. aldrig fötts/föddes/funnits
        | bättre/lättare/gladare/enklare om jag .. död/borta/fanns/levde
        | bättre/lättare/gladare/enklare utan mig | better off without me | better off dead
        | ingen/inte/nobody/noone .. sakna/saknar/märka/märker/bry/bryr/care/miss .. dog/död/
        borta/försvann/dead/gone/died/dö/dör | nobody/noone would/will miss me
        | vill försvinna | vill försvinna för/forever alltid | vill inte vara med/här längre/mer
        | inte finnas/leva längre/mer | vill inte finnas/existera | ta/tar livet av mig/sig/dig
        | tog/tagit livet av mig | ?tog/tagit livet av sig
        | inte vill/orkar leva/existera/finnas | end my/her/his/their/your life
        | ta mitt liv | ta mitt eget liv
        | inte/ingen/noll/zero lust/ork/vilja/kraft/energi/anledning leva/finnas/existera/live
        | varför/why .. jag/i .. leva/lever/live/living/finnas/existera/exist
        | what is the point of living
        | avsluta/avslutar mitt/livet/liv | avsluta allt | göra/gör slut på mig/livet/mitt
        | döda/dräpa mig själv | jag vill döda mig | trött/less/klar/färdig på/med livet/leva/life
        | tired of life/living | ingen/ingenting/inget mening/idé/anledning/poäng med/i livet
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
        | self delete | ge upp livet | orkar inte mer | orkar inte längre
    """),
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
        {_PILLS}
        | köpt/köpte/har/hittat/knutit/knyta/knöt/fäst/bought/tied .. rep/repet/rope
        | snara/snaran/noose | rep/repet runt halsen | hänga/hängt mig/myself/sig
        | hang myself | hoppa/hoppar/jumpa/jump/hoppat .. från/ner/framför/off/ut/in ..
        bron/taket/tåget/balkongen/fönstret/höghus*/klippan/stupet/tunnelbanan/spåret/
        bussen/bridge/roof/building/train/window/cliff/våningen/tak/pendeln/tunnelbanetåget
        | kasta/kastar/slänga mig/myself framför/från/ut/under
        | ställa/lägga mig på/framför spåret/spåren/rälsen/vägen/tåget
        | framför tåget/tunnelbanan/bussen/pendeln/train/bus | står/sitter på bron/räcket/stupet
        | står på taket | on the bridge/roof/edge
        | skära/skär/slit upp/av pulsådern/handleden/halsen/ådrorna/venerna
        | skära/skär/skar/skurit .. pulsådern/pulsådrorna/ådrorna | skjuta mig | shoot myself
        | köra ihjäl mig | dränka mig | drown myself
        | avskedsbrev*/självmordsbrev*/suicidbrev*/farvälbrev* | brev till .. när jag är borta
        | suicide note | goodbye letter/note/message | skrivit/skrev .. sista/avskeds brev
        | sagt/säger/sa/säga hejdå/farväl/adjö .. sista/alltid/forever
        | hejdå/farväl för/forever sista/alltid | sista gången/natten/dagen ni/du hör/ser
        | sista natten/kvällen/dagen/natt/kväll/dag .. livet/lever/liv
        | gett/ger/ge/gav bort alla/mina .. saker/grejer/prylar/kläder
        | ska/tänker/kommer ta/svälja alla/hela/massa .. {_PILLS}
        | tänker/ska ta en överdos | vet hur jag ska dö | ta/tar en överdos
        | say goodbye forever | ladda/laddat/laddade pistolen/vapnet/geväret
        | ska/tänker/kommer/going/gonna/will/plan/planning .. ta/kill/end livet/mitt/myself/my
        | ska/tänker/kommer/going/gonna/will hänga/hoppa/skjuta/dränka/hang/jump/shoot
        | googlat/googlar/googla/sökt/söker/letat/letar/kollat/kollar/searched/googled/googling ..
        sätt/hur/metoder/methods/ways/how .. dö/livet/självmord*/hänga/hänger/hängs/die/kill/
        suicide/överdos*
        | köpt/köpte/skaffat/hämtat/bought/got .. {_PILLS}/rep/repet/kniv/rakblad/rope .. dö/
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
        | {_PILLS} saved/stashed/hidden/collected/hoarded/stockpiled | have/got/bought a rope/noose
        | bestämt/decided hur/how .. göra/do det/it | datum/dag/dagen bestämt/bestämd/satt/klart
        | collecting pills/tablets/meds | mina/my sista ord/orden/words
        | {_PILLS}/tabletterna/repet/kniven/rakbladet .. framför/bredvid mig
        | my/mitt/min last/sista message/meddelande | planerat/planerade allt $
        | har/hittat ett rep | have a plan | har en plan | i have a plan
        | bestämt/bestämde/decided .. ikväll/inatt/idag/imorgon/tonight/tomorrow
        | tonight/ikväll/inatt .. end/avsluta/slut/dö/die/kill | valt/bestämt/satt ett datum
        | tagit/lagt/plockat/tog/la fram {_PILLS}/tabletterna/repet/rep/kniven/rakbladet
        | kanten/edge .. taket/bron/stupet/roof/bridge/cliff/balkongen
        | {_PILLS}/rep/repet/rope/tabletterna .. dö/die/självmord*/suicide
        | ställe/plats/place .. hoppa/jump | köra/kör ut i/från havet/stupet/klippan/bron
        | hur/how många/mycket/many/much .. {_PILLS}/tabletterna
        | pills/meds/tabletter/tabletterna/piller ready/redo/framme/sparade/gömda/samlade
        | ska/tänker/kommer/going/gonna/will/plan/planning .. överdos*/overdose*/överdosera
        | goodbye letters/notes | looked/looking/look up .. how/ways/sätt .. kill/die/suicide/end
        | ?kolmonoxid* | ?avgaser
    """),
    # (c) an overdose or poisoning already taken
    "overdose": phrase_list(f"""
        {_TAKE_PAST} .. {_QTY} .. {_PILLS} | {_TAKE_PAST} {_QTY} {_PILLS}
        | {_TAKE_PAST} .. {_PILLS} .. alla/allihop/allihopa/all
        | {_TAKE_PAST} tabletter/piller/pills/sömntabletter/värktabletter/tabbar/tablets
        | {_TAKE_PAST} en/an överdos/overdose
        | tog/tagit/svalde/svalt/tryckte/tryckt/took/swallowed hela/en/hel/whole burk/burken/
        kartan/karta/kartor/förpackning/förpackningen/pillerburken/tablettburken/bottle
        | överdoserat/överdoserade/överdosera/odat
        | overdosed/overdosing | too many pills/tablets/meds
        | för många tabletter/piller/alvedon/panodil/ipren/sömntabletter/mediciner/tabbar
        | {_TAKE_PAST} klorin/rengöringsmedel/tvättmedel/bleach/gift/råttgift/frostskydd/
        rödsprit/lampolja/fotogen | förgiftat/förgiftade mig/sig/myself | poisoned myself
        | ?överdos* | ?overdose*
    """),
    # (d) self-injury that needs care now
    "severe_injury": phrase_list("""
        slutar/sluta/slutat inte blöda/blöder/blod | blödningen/blodet slutar/stannar inte
        | kan inte stoppa/stoppar/stilla blödningen/blodet/blöda
        | blöder/blödde/blör mycket/massor/jättemycket/kraftigt/fortfarande/skitmycket/massa/
        sjukt/galet/extremt/otroligt/asmycket/jättemkt/ymnigt/rikligt/konstant
        | blöder/blödde genom handduken/bandaget/plåstret | blöder som fan | blöder som en gris
        | djup/djupt/djupa/stort/stora/öppet sår/såret/snitt/skärsår/jack
        | sår/såret/såren/snittet/skärsåret .. djup/djupt/djupa/stort/öppet/gapar
        | skar/skurit/skär/skurt .. för/alldeles/väldigt/jätte djupt/djup | skar/skurit djupt
        | sys/stygn/stygnen | ser/syns fettet/senan/senor/benet | ser/syns det vita
        | sprutar blod | blod överallt | forsar/sprutar/rinner/pumpar/pulserar blod
        | blod/blodet forsar/sprutar/pumpar/rinner överallt/ut
        | såret/blodet/blödningen/sår .. går inte att stoppa/stilla
        | blöder/blöda/bleeding/bleed/blodet/blod .. slutar/stops/stop inte/not/wont/doesnt
        | blöder och blöder | inte sluta/slutar blöda/blöder
        | blodet/blödningen/såret .. inte sluta/slutar/stanna/stannar
        | lot/lots blood | so/too much/lots blood | lots of blood
        | inte .. stopp .. blödningen/blodet/bleeding
        | blod/blodet rinner/forsar/sprutar | blött/blödit/blöder/bleeding .. timme/timmar/hour/
        hours/länge | cant/cannot stop .. bleeding/blood | bleeding/blood wont/doesnt/isnt stop
        | cut/cuts/wound .. deep/deeper
        | svimmar/svimmat/yr av/från blodförlust
        | blodförlust | wont/doesnt/cant stop bleeding | bleeding a lot/badly/heavily
        | cut too deep | deep cut/cuts/wound | need/needs stitches | blood everywhere
    """),
    # (e) voices or commands, and other signs of acute psychosis
    "psychosis": phrase_list("""
        rösterna/röster/voices .. säger/sa/sade/säga/vill/tvingar/befaller/skriker/hotar/
        telling/tell/told/say/says/want/make/tells
        | en/the/a röst/voice i/in huvudet/skallen/my/mitt | rösten/rösterna i/inne huvudet/skallen
        | hör/hörde/höra/hört röster/rösterna/voices | hearing/hear voices
        | röster i/inne huvudet/skallen | ser/såg/hör/hörde saker/folk/människor/personer/grejer
        som inte finns/fanns/är | ser/såg .. som ingen annan ser | styr/styrs/läser mina tankar
        | någon styr mig | kameror i väggarna/väggen/huset
        | tv/tvn/radion/datorn pratar till/med mig
        | förföljer mig .. döda | hallucinerar/hallucinationer/hallucinationerna/hallucinations
        | hallucinating | ?psykos/psykosen/psykotisk/psykotiska/psychosis/psychotic
        | seeing things that arent there | hör/hörde/hearing/hear en/a röst/voice
        | pratar/talar/viskar/talking/whispering/talks i/in .. huvudet/huvud/skallen/head
        | voices/rösterna/röster .. tillbaka/back/igen/again
        | controlling/reading/controls/reads my mind/thoughts | spionerar på mig | avlyssnar mig
        | övervakar/spionerar/avlyssnar/filmar mig genom/via tv/tvn/mobilen/datorn/kameran/väggarna
        | see/seeing/saw things/people .. not/arent/isnt/aint real/there | jag är gud/jesus
        | tror/thinks .. är/is gud/jesus/god | chip i mig/hjärnan/huvudet
        | skuggor/spöken/väggarna/möblerna/djuren/shadows .. pratar/talar/talk/talking
        | rösterna/röster/voices .. högre/värre/starkare/louder/worse
        | röst/voice/rösten säger/sa/says/said/told åt/to/att/that .. mig/me/jag/i
        | allt är en simulering
        | everything is a simulation | the/a voice says/tells/told/said
    """),
    # (f) violence, threats to life or sexual assault, now or just now
    "violence_now": phrase_list(f"""
        {_HITTER} {_HITS} {_PERSON} | {_HITS} {_PERSON} just/nu/nyss/ikväll/inatt
        | {_HITTER} försöker/försökte/tries/tried/trying slå/sparka/strypa/kväva/hit/strangle/choke
        mig/me/mamma/pappa/oss/us/henne/her/mom
        | och/som/nu/sen/alltid/ofta {_HITS} mig/mamma/pappa/oss/lillebror/lillasyster/me/mom
        | just nu slår/sparkar/hotar
        | hotar/hotade/hotat/threatening/threatened/threatens .. döda/dödar/kill/ihjäl/kniv/knife
        | {_HITTER} ska/vill/kommer/försökte/försöker/gonna/going/will/tried/trying .. döda/kill/
        ihjäl mig/me/oss/us/mamma/pappa/mom/dad/henne/honom/her
        | slå/slår/slog ihjäl mig/oss/mamma/pappa | dödshot/dödshotad/dödshotat/dödshotade
        | hotad/hotade till livet | knivhot*/knivhotad | {_HITTER} har/med en kniv
        | har en kniv .. hotar/efter | våldtagen/våldtogs/våldtagit/våldtog/raped/våldta
        | ?våldtäkt/våldtäkten | sexually assaulted | tvingade/tvingat/tvingar mig .. sex/ligga/
        suga/naken | övergrepp/antastad/antastade .. nyss/just/igår/ikväll/inatt
        | is hitting/beating/choking | hits me/my
        | står/bankar/sparkar utanför/på dörren .. döda/kniv/hotar/slå
        | låst in mig .. slå/döda/hotar | rädd att han/hon/pappa/mamma ska döda
        | kastade/kastar/knuffade/knuffar mig i/mot/ner väggen/golvet/trappan
        | stryptag/strypgrepp | kvävde/kväver/ströp/stryper mig
        | blir/blev/blivit/gets/got/was slagen/slagna/misshandlad/misshandlade/knivhuggen/
        överfallen/nedslagen/attackerad/attacked/beaten/assaulted/stabbed
        | någon/some/they .. bryta/bryter/breaking/break sig/in in/into
        | efter mig .. kniv/kniven/vapen/pistol | kniv/knife .. efter/after mig/me
        | tvingad/tvingades/forced till/to/into sex/ligga | forced/force me .. sex
        | tog/rörde/tafsade/touched på/me mig .. utan/without
    """),
    # self-harm without danger words: the calm safety note, not the alarm
    "self_harm": phrase_list("""
        skär/skar/skurit/skära/skärt mig/sig | cuttar/cuttat/cuttade
        | skär/skar/skurit/skära i armarna/armen/benen/låren/handleden/huden
        | skada/skadar/skadat/skadade mig/sig/dig själv | skada/skadar mig/sig
        | ?självskad* | ?själv skada/skadar | bränner mig | river mig/huden
        | rispar/rispade/rispat mig/huden/armarna | slår/slog mig/sig själv
        | gör/gjort/gjorde illa mig själv | rakblad/rakbladet/rakbladen
        | ?self harm/harming | ?selfharm* | cut/cutting myself | cutting again
        | hurt/hurting myself | sh igen/ärr/relapse/relapsat | gör/gjort/gjorde sh
        | håller på med sh | relapse/relapsat/relapsade .. sh/skär/skada/cut
        | slår huvudet i väggen | bankar/banka huvudet
        | river/rev/klöser/klöste/pillar upp/sönder sår/såren/huden/armarna
        | cut/cuts/cutting/hurts/hurting herself/himself/themselves
        | been/keep/kept/started cutting/harming
        | gör/gjort/gjorde mig själv illa | tills/until det/it blöder/bleeds/blöder
    """),
}
"""Danger wordings by category: the ids of CONTRACT.md's ``emergency.reasons``."""
