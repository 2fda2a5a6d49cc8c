"""The danger wordings of the acute categories: severe injury, violence now and self-harm
(psychosis is in `pathways.reading.crisis_psychosis`).

Data only, split from `pathways.reading.crisis_phrases` (same syntax, same word lists) to keep
each module short; `crisis_phrases.CATEGORIES` is the one table the reader uses.
"""

from __future__ import annotations

from typing import Final

from pathways.reading.crisis_vocab import (
    FAINT,
    FALL,
    HIT_INF,
    HITS,
    HITTER,
    HURT_SELF,
    PERSON,
    SHARP,
    SOAKED,
    THIRD,
    VICTIM,
    WEAPON,
    phrase_list,
)

# (d) self-injury that needs care now
SEVERE_INJURY: Final = phrase_list(f"""
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
    | tappat/förlorat/tappar/lost/losing mycket/massa/massor/so/lots/a blod/blodet/blood
    | blöder/blödde/blött/bleeding/bled igenom/genom/through | blöder/bleeding bad/badly/alot
    | skar/skurit/skär/skurt/skära/snittade/snittat/cut/sliced/slit .. djupt/djup/deep/deeply
    | sy/sys/syas/sydd/stygn/klamras/stitches/stitch .. sår/såret/såren/cut/wound/armen/it
    | behöver/måste/borde/need/needs/needed sy/sys/syas/stygn/stitches/akuten/sjukhus
    | brände/bränt/bränner/burned/burnt/burn .. illa/svårt/blåsor/djupt/badly/blisters
    | blodet/såret/handleden/armen/pulsådern/blod ..
    sprutar/forsar/pumpar/pulserar/spurting/gushing | huvudet/head .. blöder/blod/bleeding
    | skurit/skar/skär/cut .. av/off/through .. sena/senan/senor/nerv/nerven/pulsådern/tendon/
    artery | stor/stora/djup/djupa/jättestor/enorm/enormt skärskada/skärskador/skärsår/sår/jack
    | medvetslös/svimmat/svimmade/passed/fainted .. blod/blöd*/bleed*/skurit/skar
    | blod/blodet/blood .. överallt/everywhere/{SOAKED}
    | slutar/stops/stoppar/sluta/stannar/stop inte/ej/not/wont/doesnt/aldrig/never ..
    blöda/blöder/bleeding/blodet
    | blöder/blödning* .. inte/wont/doesnt/not .. sluta/slutar/stop/stanna
    | ser/syns/see insidan/inuti/köttet/muskeln/musklerna/fett/flesh/muscle/fat/bone
    | blod/blodet/blöder/blött/blödit/blood/bleeding/skar/skurit/cut .. yr/yrsel/svimma/
    {FAINT}
    | bleeding/bleed/bleeds .. heavily/badly/profusely/bad/lot/much/alot
    | keeps/keep/kept/still bleeding | bleeding and bleeding
    | blod/blodet/blöder/blött/bleeding/bled/gått/soaked .. igenom/genom/through ..
    handduk*/bandage*/plåster*/towel*/kompress*/förband*
    | skar/skurit/skär/cut mig/sig/myself/herself/himself .. {FAINT}
    | {SOAKED} .. helt/alldeles/all/totally/completely/blivit/blev/turned/färgats/färgat ..
    röd/rött/röda/red/blodröd/blodrött/blodröda
    | tryckt/trycker/tryckte/pressat/pressar/pressade/pressed/pressing på/on/mot/
    against såret/det/it/wound/armen/handleden/snittet/blödningen .. men/but/och/and ..
    forsar/rinner/blöder/sprutar/pumpar/bleeding/gushing/spurting/pouring/slutar/stops/
    fortfarande/still
    | forsar/sprutar/pumpar/pulserar/gushing/spurting/pulsing/pumping .. ur/från/from/out
    såret/armen/handleden/snittet/wound/wrist/arm/cut
    | skurit/skar/skär/skurt/cut mig/sig/myself/herself/himself/themself/dig ..
    droppar/dripping/drips/forsar/pumpar/sprutar/pouring/gushing
    | såret/sår/snittet/handleden/wound/wrist .. droppar/dripping/drips/forsar/pumpar/sprutar/
    pouring/gushing
    | mycket/massa/massor/much blod/blodet/blood $
    | blood/wound/wrist/arm/cut .. gushing/spurting/pouring/pumping
    | fullt/full/täckt/dränkt/indränkt/nerblodat/covered/soaked/full/röd/röda/rött/
    genomblöt/genomdränkt/red av/med/in/of blod/blood
    | ser/syns/see/seeing/sees .. vitt/vit/vita/gult/gul/fett/white/yellow/bone .. i/in såret/
    såren/skärsåret/snittet/cut/wound
    | bränt/brände/bränner/burned/burnt .. huden/skin .. vit/vita/svart/svarta/white/black/
    läder*/leathery/hänger/lossnar/peeling/off | bränt/brände/burned/burnt .. gör/does/doesnt
    inte/not/ens/even ens/even/ont/hurt ont/hurt
    | blöder/blödde/bleeding/blod från/ur/from huvudet/head/örat/öronen/ears/skallen
    | blodpöl*/blodpool* | pöl/pool av/of blod/blood
    | blodig/blodiga/blodigt/nerblodad/nerblodat/nedblodad/nedblodat/bloody ..
    överallt/everywhere/yr/yrsel/svimmar/svimma/svimmat/svimmade/dizzy/faint/fainted
    | medvetslös/medvetslöst/medvetslösa/unconscious/livlös/livlöst/lifeless/avsvimmad
    | {THIRD} andas/breathing inte/not/isnt/knappt/ej | slutat/slutade/stopped andas/breathing
    | {FALL} .. rör sig inte | {FALL} .. svarar/vaknar/andas/reagerar inte/ej
    | ligger/låg/lying .. och/and .. andas/breathing inte/not/knappt/ej/barely
    | skurit/skar/skär/cut/sliced .. känner/känns/feel/cant inte/not/ingenting/nothing/feel ..
    fingrarna/fingrar/handen/hand/fingers/armen/arm/tummen/thumb
    | {FALL} .. not/isnt/wont/doesnt/cant moving/responding/waking/breathing/move/respond/
    wake/breathe
    | blå/blåa/blue läppar/läpparna/lips .. svarar/andas/vaknar/reagerar/rör/responding/
    breathing/waking/moving/answering/breathe/respond/wake/move
    | uppskuren/uppskuret/uppskurna/uppsprättad/uppsprättat
    | skar/skurit/skär/sliced/slit/cut upp/open armen/handleden/benet/låret/magen/halsen/arm/
    wrist/leg/thigh
    | går/gick/gå inte/ej/not att väcka/väckas | cant/cannot/can wake/waken him/her/them/up
    | badvattnet/badkaret/handfatet/sink/bathtub/tub .. röd/rött/röda/red/
    blodrött/blodröd/rosa/pink
    | hud/huden/skinnet/skinn/skin hänger/dinglar/lossnar/lossnat/hanging/peeling
    | tumme/tummen/finger/fingret/fingertoppen/tå/tån/örat/öra/läppen/näsan/thumb/fingertip/
    toe/ear/lip hänger/dinglar/hanging/dangling av/löst/loss/off/loose/by
    | hål/hålet/hole .. i/in/genom/through låret/armen/benet/magen/handen/foten/handleden/
    thigh/arm/leg/stomach/hand/foot/wrist | see/seeing/ser/syns .. bone/muscle/fat/flesh/
    tendon
    | gapande/gaping sår/såret/skärsår/jack/wound/cut | spik/spiken/kniv/kniven/glas/glasbit/
    järn/järnet/pinne/nail/glass/stick/metal/knife .. genom/igenom/through .. foten/handen/armen/
    benet/låret/magen/kinden/foot/hand/arm/leg/thigh/stomach/cheek
    | armen/benet/handen/foten/fingret/handleden/arm/leg/hand/foot/wrist/finger .. åt/the fel/
    wrong håll/hållet/way/direction | ben/benet/bone/bones .. sticker/sticking ut/out
    | kräks/kräktes/spyr/spydde/hostar/hostade/vomiting/coughing/throwing/spitting blod/blood
    | kräks/kräktes/spyr/spydde/vomiting/throwing up blod/blood
    | slog/slagit/slår/hit/banged huvudet/head .. kräks/kräktes/spyr/spydde/förvirrad/konstig/
    medvetslös/svimmade/minns/vomiting/confused/unconscious/passed
    """)

# (f) violence, threats to life or sexual assault, now or just now
VIOLENCE_NOW: Final = phrase_list(f"""
    {HITTER} {HITS} {PERSON} | {HITS} {PERSON} just/nu/nyss/ikväll/inatt
    | {HITTER} försöker/försökte/tries/tried/trying slå/sparka/strypa/kväva/hit/strangle/choke
    mig/me/mamma/pappa/oss/us/henne/her/mom
    | och/som/nu/sen/alltid/ofta {HITS} mig/mamma/pappa/oss/lillebror/lillasyster/me/mom
    | just nu slår/sparkar/hotar
    | hotar/hotade/hotat/threatening/threatened/threatens .. döda/dödar/kill/ihjäl/kniv/knife
    | {HITTER} ska/vill/kommer/försökte/försöker/gonna/going/will/tried/trying .. döda/kill/
    ihjäl mig/me/oss/us/mamma/pappa/mom/dad/henne/honom/her
    | slå/slår/slog ihjäl mig/oss/mamma/pappa | dödshot/dödshotad/dödshotat/dödshotade
    | hotad/hotade till livet | knivhot*/knivhotad
    | {HITTER} har/med en kniv/pistol/vapen/machete/revolver/pistolen/kniven
    | {HITTER} har/håller/hade/höll kniven/pistolen/vapnet/yxan/geväret/revolvern
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
    | någon/some/they .. bryta/bryter/breaking/break/brutit/bröt/broke sig/in in/into
    | gömmer/gömde/gömt/hiding mig/oss/myself/ourselves för/from {HITTER}
    | following/chasing/följer/jagar/jagade/chased me/mig/efter .. kniv/knife/gun/pistol/vapen/
    machete | släpper/släppte/låter/lät inte/aldrig ut/gå mig/me
    | wont/doesnt/isnt/wouldnt let/letting me leave/out/go
    | efter mig .. kniv/kniven/vapen/pistol | kniv/knife .. efter/after mig/me
    | tvingad/tvingades/forced till/to/into sex/ligga | forced/force me .. sex
    | tog/rörde/tafsade/touched på/me mig .. utan/without
    | {HITTER} .. {HITS} $ | blir/blev/blivit/gets/got/was/been/är/var .. {VICTIM}
    | {HITTER} .. ta/tar/take livet/life av/of mig/oss/mamma/pappa/henne/me/us
    | {HITTER} .. would/skulle/shall .. kill/döda/hurt/skada/ihjäl me/mig/us/oss
    | drogat/drogade/drugged/spikat/spiked mig/me/my/min/drinken/drink
    | {HITTER} .. försöker/försökte/tries/trying/tried .. ta/bryta/komma/tränga/get/break sig/
    in/into in/into/inside
    | tog/tar/rörde/rör/tafsade/tafsar/tafsat/touched/groped/grabbed på/me mig/me .. nyss/
    just/idag/igår/ikväll/inatt/now/today/tonight/bussen/festen | tafsade/tafsat/groped på/me
    mig/me
    | {HITTER} .. låst/låste/låser/locked in/inne/me/up mig/oss/in/up
    | {HITTER} {HITS} på {PERSON} | och/som/nu/sen/just {HITS} {PERSON}/dem/dom/them
    | håller/holding på att/och {HIT_INF} | håller på och {HITS}
    | kastar/kastade/slänger/slängde/throws/throwing/threw .. saker/grejer/stolar/tallrikar/
    glas/möbler/things/stuff/knivar/knives/chairs/plates .. på/mot/at/efter {PERSON}
    | låst/låste/låser/låsa/stängt/stängde in oss .. rädda/rädd/scared/afraid/hjälp/help/full/
    packad/berusad/arg/aggressiv/drunk/angry/kniv/knife
    | locked ourselves/us in/inside .. scared/afraid/help/drunk/angry/knife
    | väntar/väntade/lurar/waiting/lurking .. {HIT_INF}/hoppa/jump .. {PERSON}
    | {HITTER} .. hoppa/hoppar/hoppade/hoppat på {PERSON} | ger/gav/gett/ge sig på {PERSON}
    | {HITTER} kommer/ska/will/going slå/döda/skada/misshandla/hit/kill/hurt/beat mig/oss/
    me/us/mamma/mom | vågar/törs/dare inte/not/dont gå/åka/komma/go hem/home
    | hotar/hotade/hotat/threatening/threatened/threatens .. skjuta/skada/slå/knivhugga/
    shoot/stab/hurt/våldta/misshandla/strypa/bränna/rape | sa/sade/said nej/no/stopp/sluta ..
    fortsatte/continued/kept .. mig/me/på/sex/touching/ta/röra/ligga | fast/trots/though/även ..
    jag/i .. sa/sade/said
    nej/no/stopp | en/a man/kille/snubbe/guy med/with/har/has kniv/kniven/vapen/pistol/knife/gun/yxa
    | någon/nån/några/someone/somebody/kille/gubbe/främling/mannen ..
    kniv/kniven/vapen/pistol/gevär/yxa/knife/gun/machete .. utanför/här/hemma/dörren/huset/
    outside/here/door | kniv/kniven/vapen/pistol/knife/gun .. efter/utanför/hotar/mot/at
    | someone/somebody/nån/någon/they .. bryta/bryter/breaking/break/bröt .. in/into
    | någon/nån/someone/somebody/främling/främlingen/tjuv/tjuvar/inbrottstjuv/inbrottstjuvar
    tar/tog/tagit/klättrar/klättrade sig/in in/genom/through
    | full/packad/berusad/drunk/arg/rasande/aggressiv/angry/furious .. slår/slagit/krossar/
    krossat/krossade/slog .. sönder allt/alltihop/möblerna/köket/huset/rummet/lägenheten/dörren/
    dörrarna | drunk/angry/furious .. smashing/smashed/breaking/smashes/breaks .. everything/
    things/stuff/furniture/house/door
    | gömd/gömda/gömmer/gömde/gömt/gömma/hiding/hidden/hide .. {HITTER} .. letar/söker/looking/
    searching/kommer/coming/hittar/finds/find
    | {HITTER} slår/sparkar/bankar/krossar/smashing/kicking/breaking/smashes/kicks sönder/in/
    down dörren/door/fönstret/window/dörrarna
    | {HITTER} has/had/holding/got/carrying/pulled/drew .. {WEAPON}
    | följer/förföljer/följt/förföljt/stalkar/stalking/following efter/mig/me .. rädd/scared/
    afraid/hjälp/help | någon/nån/someone/främling/kille/killen/mannen följer/följt/following
    efter/me mig
    | väntar/väntade/lurar/står/waiting/lurking .. mig/me .. med/with {WEAPON}
    | gäng/gänget/gang/killar/killarna/grabbar/några/någon/främling/främlingen/mannen/someone/
    guys/people/folk .. jagar/jagade/förföljer/chasing/chased mig/me/oss/us
    | {HITTER} .. håller/höll/hållit/holding/held/holds fast/ner/down/kvar mig/me/oss/us
    | någon/främling/främlingen/someone/somebody/tjuv/tjuven/inbrottstjuv/inbrottstjuvar/
    stranger/burglar/intruder är/is/står/gömmer/finns i/in/inne/inside huset/lägenheten/
    källaren/hallen/house/apartment/flat/basement
""")

# self-harm without danger words: the calm safety note, not the alarm
SELF_HARM: Final = phrase_list(f"""
    skär/skar/skurit/skära/skärt mig/sig | cuttar/cuttat/cuttade/cutta
    | skär/skar/skurit/skära i armarna/armen/benen/låren/handleden/huden
    | skada/skadar/skadat/skadade mig/sig/dig själv | skada/skadar mig/sig
    | ?självskad* | ?själv skada/skadar | bränner mig | river mig/huden
    | rispar/rispade/rispat mig/huden/armarna/sig/sej/mej
    | {HURT_SELF}/rispar/rispade/ristar sig/mig/mej/sej/dig med/with {SHARP}
    | slår/dunkar/bankar huvudet/huvet/skallen mot/in väggen/golvet | slår/dunkar/bankar
    huvudet/huvet/skallen i väggen/golvet | slår/slog/slå/slagit/hit/hitting/punch mig/sig/dig
    själv
    | gör/gjort/gjorde illa mig själv | rakblad/rakbladet/rakbladen
    | ?self harm/harming/harms/harmed | ?selfharm* | cut/cutting myself | cutting again
    | hurt/hurting myself | sh igen/ärr/relapse/relapsat | gör/gjort/gjorde sh
    | håller på med sh | relapse/relapsed/relapsat/relapsade .. sh/skär/skada/cut
    | slår huvudet i väggen | bankar/banka huvudet
    | river/rev/klöser/klöste/pillar upp/sönder sår/såren/huden/armarna
    | river/rev/rivit/klöser/klöste/pillar upp/sönder mina/sina/hennes/hans sår/såren/ärren/ärr/
    huden/armarna/skorporna
    | cut/cuts/cutting/hurts/hurting herself/himself/themselves
    | been/keep/kept/started cutting/harming
    | gör/gjort/gjorde mig själv illa | tills/until det/it blöder/bleeds/blöder
    | river/rev/rivit/riva/klöser/klöste/klöst/klösa/rispar/rispade/rispat/ristar/ristade/
    ristat/bränner/brände/bränt/bränna/nyper/nöp/skrapar/skrapade/skär/skar/skurit/skära/
    skurt mig/sig/mej/sej/dig .. tills/blod/blöder/blåmärken/sår/armarna/armen/armar/benen/
    låren/låret/huden/handleden/magen/ärr/för/varje/ibland/ofta/igen
    | klöser/klöste/klöst/rispar/rispade/ristar/ristade/river/rev/nyper mig/sig $
    | tills/until .. blåmärken/bruises/blöder/bleed/bleeds/sår/ärr
    | till they/it bleed/bleeds/bled/bruise/bruises
    | cutting/scratching/burning/carving my/her/his arms/legs/thighs/wrists/skin/wrist/arm
    | brännmärken/brännsår/skärsår/märken/ärr/rispor/blåmärken/sår/såren/marks/cuts/burns ..
    gjort/gjorde/gör/made/did/does .. själv/själva/sig/himself/herself/themselves
    | burn/burning/burned/burnt/scratch/scratching/scratched/punch/punching/bite/biting/hit/
    hitting/carve/carving/starve/starving myself/herself/himself/themselves
    | cut/cuts/cutting/cutted/harm/harming/harms/hurt/hurts/burn/burns myself/herself/himself
    | cut/cutting again $ | sh/selfharm/cutting/cutta/cuttar .. igen/again/relapse/ibland/sometimes
    | ristar/ristat/ristade/skär/skar/skriver/skrev/carve/carved .. i/in/into huden/skin/armen
    | ärr/ärren/scars .. skär*/cutting/cuts/självskad*/sh/rakblad/skurit/skar/skurt/rispat
    | ärr/ärren/scars .. från/efter/from .. skurit/skar/skurt/rispat/cutting/cut/självskad*/sh
    | skärningar/skärningarna
    | clean/ren/fri/free från/from/of sh/selfharm/self/cutting/skärandet/självskad*
    | återfall/återfallit/relapsed/relapse/relapsat/relapsade i/into/in/med .. sh/selfharm/self/
    cutting/skär*/självskad*
    | friend/bestie/bff/sister/daughter/son/kid/girlfriend/boyfriend/she/he cuts/cutting/
    selfharms $ | {HURT_SELF} mig/sig/dig/mej/sej själv
    | {HURT_SELF} mig/sig/mej/sej/dig .. tills/så .. märken/blåmärken/blod/blöder/sår/ärr
    | {HURT_SELF} sönder/upp huden/armarna/armen/benen/låren/skinnet/mig/sig .. med/on
    flit/purpose
""")
