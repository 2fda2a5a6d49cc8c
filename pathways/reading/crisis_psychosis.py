"""The danger wordings of acute psychosis: voices and commands, delusions of being watched,
poisoned, replaced or chosen. Data only, split from `pathways.reading.crisis_acute` (same
syntax, same word lists) to keep each module short.
"""

from __future__ import annotations

from typing import Final

from pathways.reading.crisis_vocab import (
    APPLIANCE,
    BODY,
    BUGS,
    COPY,
    DEVICE,
    FAMILY,
    FOOD,
    HARM,
    INNARDS,
    SOURCE,
    SPY,
    WATCHERS,
    phrase_list,
)

# (e) voices or commands, and other signs of acute psychosis
PSYCHOSIS: Final = phrase_list(f"""
    rösterna/röster/voices .. säger/sa/sade/säga/vill/tvingar/befaller/skriker/hotar/
    telling/tell/told/say/says/want/make/tells
    | en/the/a röst/voice i/in huvudet/skallen/my/mitt | rösten/rösterna i/inne huvudet/skallen
    | ?hör/hörde/höra/hört/hears/heard röster/rösterna/voices | ?hearing/hear voices
    | röster/voices i/inne/in .. huvudet/huvud/skallen/head
    | ser/såg/hör/hörde saker/folk/människor/personer/grejer
    som inte finns/fanns/är | ser/såg .. som ingen annan ser | styr/styrs/läser mina tankar
    | någon styr mig | kameror i väggarna/väggen/huset
    | någon/något/nån/nåt/someone/something/de/dom/they .. styr/kontrollerar/controls/controlling ..
    kropp/kroppen/body/hjärna/hjärnan/brain/mind/tankar/tankarna/thoughts/händer/händerna/hands/
    armarna/arms/benen/legs/munnen/mouth
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
    | {SOURCE} .. säger/sa/sade/befaller/beordrar/tvingar/kräver/vill/skriker/viskar/tells/
    told/says/said/wants/commands/orders/make .. {HARM}
    | {SOURCE} .. säger/sa/sade/befaller/beordrar/tvingar/kräver/skriker/viskar/tells/told/says/
    said/commands/orders .. förtjänar/deserve/deserves/borde/should/must/måste/ska .. dö/die/
    {HARM} | {SOURCE} .. säger/sa/sade/skriker/viskar/tells/told/says/said .. inte/not/dont ..
    förtjänar/deserve/deserves .. leva/live/finnas/exist
    | förföljd/förföljda/övervakad/övervakade/avlyssnad/avlyssnade/buggad/spionerad/bevakad ..
    av/by .. {WATCHERS} | barrikaderat/barrikaderar/barrikaderade/barricaded/barricading
    sig/mig/in/himself/herself/themselves/myself
    | någon/något/nån/nåt/someone/something i/inne/in mitt/min/my huvud/huvudet/skalle/head
    | chip/chipp/chips/sändare/mikrochip/implantat/chipet .. huvud/huvudet/hjärnan/hjärna/
    kroppen/mig/head/brain | tv/tvn/radio/radion/reklamen/skyltarna/låtarna/nyheterna/tecknen ..
    meddelanden/signaler/budskap/koder/hemliga/messages/signals/signs
    | alla/dom/de/folk/regeringen/polisen/grannarna/säpo/cia/fbi/everyone/they/people ..
    förföljer/övervakar/spionerar/avlyssnar/förgiftar/watching/following/spying/poisoning ..
    mig/me | alla/dom/de/everyone/they/people är/are ute/out efter/to mig/me/get
    | pratar/talar/svarar/pratade/talking/talks med/to/with röster/rösterna/rösten/voices
    | vad/what som/is är/var verkligt/verklig/real/på/riktigt | whats/what real/is real
    | hör/hörde/höra/hearing/hear saker/ljud/things/stuff $ | kan/can flyga/fly från/off/ut/ner
    | hör/hörde/hearing/hear saker/ljud/things/stuff .. inte/ingen/nobody/noone/arent/isnt
    | satt/placerat/installerat/gömt/planted/put .. kameror/kamera/mikrofoner/buggar/cameras ..
    mitt/min/mig/me/my/rum/rummet/huvudet/kroppen/hennes/hans/her/his/lägenheten/lägenhet/huset/
    hemmet/room/house/apartment/flat/bedroom
    | tv/tvn/radio/radion/nyheterna/youtube/reklamen .. pratar/talar/handlar/skriver/talking/
    talk om/till/med/about/to mig/me | meddelanden/signaler/budskap/koder/messages/signals ..
    från/via/genom/i/from/through tv/tvn/radio/radion/nyheterna/reklamen/skyltarna/låtarna
    | alla/dom/de/everyone/they/people vill/want/ska/försöker/trying/tries döda/skada/förgifta/
    kill/hurt/poison mig/honom/henne/me/him/her
    | alla/dom/de/folk/everyone/they/people .. förföljer/övervakar/spionerar/watching/following
    honom/henne/oss/him/her/us | förgiftat/förgiftar/förgiftade/poisoning/poisoned/poisons ..
    {FOOD} | hör/ser/hörde/såg/hear/see/heard/saw ..
    fast/men/though/but/although/trots .. ingen/nobody/noone .. där/here/there/finns |
    folk/människor/personer/någon/nån/people/someone/saker/
    grejer/things/röster/voices som/who/that inte/arent/isnt/not finns/fanns/existerar/exist/
    real/där/there
    | {DEVICE} i/in/inne/inuti/under/inside/into mina/min/mitt/my/hans/hennes/his/her/sin/sina
    {BODY} | ser/hör/läser/hears/sees/reads/see/hear/read/knows allt/everything/vad/what jag/i
    tänker/think/thinks | hör/ser/hear/see/hears/sees mina/my tankar/thoughts
    | {INNARDS} .. ruttnar/ruttnat/ruttna/ruttet/ruttnade/murknar/rotting/rotten/rots/smälter/
    smälte/melting/melts | bytt/bytte/byter/byts/bytts/replaced/swapped/switched ut/out ..
    min/mitt/mina/my/hans/hennes/his/her {BODY}/organ/organen/organs
    | {FAMILY} .. {COPY} | {COPY} .. {FAMILY}
    | bytt/bytts/bytte/byts/utbytt/utbytta/replaced/swapped ut/by/with .. mot/med/by/with ..
    robotar/robot/kopior/kloner/aliens/utomjordingar/robots/clones/copies/impostors
    | läser/styr/hör/ser/läste/reads/controls/hears/hearing/reading/controlling mina/hans/hennes/
    hens/sina/my/his/her/their tankar/thoughts/mind
    | tror/påstår/thinks/believes/insists .. att/that .. {INNARDS}/kropp .. är/is/har ..
    tom/ihålig/död/borta/hollow/empty/dead/gone/ruttnat
    | tror/påstår/thinks/believes/insists .. att/that han/hon/hen/he/she/jag/i är/is/am död/dead
    | {BUGS} .. under/inuti/inside/i/in huden/skinnet/skin/blodet/blood/hjärnan/brain/kroppen/body
    | utvald/utvalda/utvalt/chosen/sänd/skickad/sent .. av/by/från/from .. gud/jesus/universum/
    god/universe/himlen/heaven
    | {FOOD} .. förgiftad/förgiftat/förgiftade/poisoned
    | {FAMILY}/{WATCHERS} .. förgifta/förgiftar/förgiftat/förgiftade/poison/poisoning/poisons/
    poisoned .. mig/me/oss/us/honom/henne/him/her/{FOOD}
    | tror/trodde/säger/påstår/thinks/believes/says/insists/övertygad/convinced .. {WATCHERS} ..
    {SPY}
    | {SPY} .. mig/me/honom/henne/oss/him/her/us/hen .. genom/via/through/med/with/i/in
    {APPLIANCE}
    | mina/min/mitt/my/hans/hennes/his/her organ/organen/hjärna/hjärnan/kropp/kroppen/ögon/ögonen/
    blod/blodet/inälvorna/brain/organs/body/eyes/blood .. bytts/bytt/utbytt/utbytta/bytta/
    replaced/swapped/stulits/stulna/stolen
    | någon/nån/något/nåt/someone/something/people/folk/dom/de bor/lever/gömmer/finns/lives/
    living/hiding/hides i/in/inne/inuti väggarna/väggen/taket/walls/wall/ceiling
    | bor/lever/gömmer/finns/lives/hiding .. någon/nån/folk/människor/someone/people ..
    i/in/inne/inuti väggarna/väggen/taket/walls/wall/ceiling
    | konspirerar/konspirera/konspirerade/conspiring/conspire .. mot/against mig/me/honom/henne/
    oss/us/him/her
    | skuggor/skuggorna/skuggan/shadows/shadow .. följer/förföljer/jagar/following/chasing/
    follow/follows/chase
    | ?guds/gods/universums/jesu utvald/utvalda/utvalde/chosen/profet/sändebud/budbärare/
    messenger/prophet
    | ?alla/folk/everyone/people/dom/de/they .. är/are skådespelare/actors/agenter/agents/
    spioner/spies/poliser/robotar/robots
    | jag/i är/blir/am/känner/feel övervakad/övervakade/avlyssnad/buggad/bevakad/iakttagen/
    spionerad | jag/i är/blir förföljd $ | being watched/followed/monitored/tracked/spied
    | hör/höra/hörde/hear/hears/läser/läsa/read .. vad/what .. folk/andra/people/alla/others/
    everyone/alla tänker/think/thinks | läsa/läser/read/reads .. folks/andras/människors/others/
    peoples/allas/everyones tankar/thoughts/minds
    | stulit/stjäl/stal/stulits/stole/steal/stealing/stolen/tömt/tömmer mina/my tankar/thoughts
    | besatt/possessed av/by .. djävulen/demon/demoner/demonen/satan/ande/anden/andar/devil/
    demons/spirit/spirits/ondskan | konspiration/konspirationen/conspiracy .. mot/against mig/me
    | ?hör/hörde/höra/hear/hearing/heard viskningar/viskande/whispers/whispering
    | prata/pratar/pratade/viska/viskar/viskade/talking/whispering .. om/about mig/me ..
    väggarna/väggen/taket/walls/ceiling/radion/tv/tvn
    | {DEVICE} i/in/inne/inuti/bakom/inside/behind {APPLIANCE}/brandvarnaren/lampan/lamporna/
    speglarna/spegeln/smoke/mirror
    | bytt/bytte/bytts/byter/replaced/swapped ut/out min/mina/mitt/my {FAMILY}
    | ser/looks likadan/likadant/same ut/out/like .. men/but .. inte/not/isnt han/hon/hen/
    henne/honom/him/her/them
    | alla/folk/bilarna/människor/polisen/säpo/regeringen/maffian/satellit*/drönare* ..
    följer/följde/följt/förföljer efter mig
    | everyone/people/cars/everybody/police/government/cia/fbi .. following/follow/follows me
    | ?skuggfigur*/skuggvarelse*/skuggmänniskor/skuggmän*/skugggestalt*/skuggmonster*
    | shadow people/figures/figure/man/men
    | djävulen/satan/demoner/demonen/demonerna/andarna/anden/spöket/devil/demons/demon/
    rösterna/rösten/röster/voices/voice säger/sa/befaller/beordrar/viskar åt mig/honom/henne/oss
    | {WATCHERS} .. {SPY} mig/me/oss/us/honom/henne/him/her
    | tankar/tankarna/thoughts sänds/sändes/sänder/sänts/broadcast/broadcasted/broadcasting/
    streamas/läcker/leaking/hörs/heard ut/out/på/on/i/in/av/by/till/to
    """)
