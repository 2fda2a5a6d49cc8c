"""The word lists the crisis phrases are built from: data only, no logic.

Each is one phrase slot ("a/b/c", ``word*`` for a word that begins so) that
`pathways.reading.crisis_phrases` puts into its wordings. Broaden a list here and every
wording that uses it reads the new word: a new medicine, poison, attacker or command.
"""

from __future__ import annotations

from typing import Final


def word_set(text: str) -> frozenset[str]:  # for pathways.reading.crisis_words
    return frozenset(text.split())


def phrase_list(text: str) -> tuple[str, ...]:
    """Phrases separated by "|", a phrase's lines joined ("a/b/\n c" is "a/b/c")."""
    joined = (" ".join(p.split()).replace("/ ", "/") for p in text.split("|"))
    return tuple(p for p in joined if p)


DIE: Final = "dö/dör/döden/die/dead/död/dying"
TAKE_PAST: Final = (
    "tog/tagit/tagt/svalde/svalt/käkade/käkat/åt/ätit/proppat/tryckte/tryckt/slängt/"
    "slängde/took/taken/swallowed/ate/popped/drack/druckit/drank/knaprat/knaprade"
)
PILLS: Final = (
    "tabletter/tabletten/tabbar/piller/pillren/pills/tablets/meds/medicin/mediciner/"
    "medicinen/alvedon/panodil/ipren/paracetamol/ibuprofen/sömntabletter/sömnmedel/"
    "sömnpiller/antidepressiva/sertralin/citalopram/melatonin/stesolid/xanax/tramadol/"
    "oxycodone/painkillers/värktabletter/smärtstillande/treo/karta/kartor/kartan/tylenol/"
    "advil/iprenen/alvedonen/lugnande/atarax/propavan/theralen/concerta/elvanse/medication/"
    "medications/medicines/sleeping/painkiller/sobril/oxascand/imovane/zopiklon/zolpidem/"
    "stilnoct/lergigan/seroquel/quetiapin/litium/fluoxetin/escitalopram/cipralex/venlafaxin/"
    "mirtazapin/ritalin/kodein/citodon/morfin/oxikodon/oxycontin/fentanyl/benzo/benzos/benso/"
    "bensodiazepiner/lyrica/pregabalin/xanor/diazepam/valium/pamol/ibumetin/magnecyl/aspirin/"
    "naproxen/voltaren/järntabletter/allergitabletter/insulin/tabbarna/tablett*/medicin*/"
    "sömntablett*/värktablett*/pills/pillerburk*/ibuprofen/acetaminophen/benadryl/antidepp*/"
    "antidepressant*/ssri/snri/sömnis/sömnisar/xannies/xanny/percs/sömntabletterna/adhdmedicin*/"
    "pillerkart*/tablettkart*/tablettask*/medicinask*"
)
POISON: Final = (
    "klorin/rengöringsmedel/tvättmedel/bleach/gift/råttgift/frostskydd/rödsprit/lampolja/"
    "fotogen/ogräsmedel/diskmedel/avloppsrensare/propplösare/kaustiksoda/lut/glykol/"
    "tändvätska/bensin/handsprit/desinfektionsmedel/insektsmedel/antifreeze/poison/"
    "batteri/batterier/batterierna/magneter/ättiksprit/tröd/tsprit/ammoniak/ättika/blekmedel/"
    "maskindiskmedel/metanol/kemikalier/kylarvätska/spolarvätska/denaturerad"
)
QTY: Final = (
    "massa/massor/många/mycket/alla/allt/hela/hel/flera/tio/femton/tjugo/trettio/lot/"
    "fyrtio/femtio/hundra/too/bunch/whole/all/lots/handful/näve/näven/helt/paket/kartor/burkar/"
    "förpackningar/mängder/mängd/massvis/tonvis/jättemånga/asmånga/flertal/bunt/#many"
)
PERSON: Final = (
    "mig/mamma/pappa/oss/henne/honom/min/mitt/mina/lillebror/lillasyster/brorsan/syrran/"
    "me/my/us/her/him/mom/mum/dad/kompis/kompisen/vän/vännen/polare/polaren/friend/bror/syster/"
    "systern/brodern"
)
HITTER: Final = (
    "pappa/mamma/styvpappa/styvmamma/styvpappan/styvmamman/bonuspappa/han/hon/dom/de/någon/"
    "kille/killen/pojkvän/pojkvännen/flickvän/flickvännen/bror/brorsan/brodern/syster/"
    "sambo/sambon/partner/mannen/exet/ex/he/she/they/someone/dad/mom/boyfriend/stepdad/"
    "styvfar/styvmor/styvfarsan/fosterpappa/farbror/morbror/kusin/kusinen/farsan/morsan/"
    "brother/husband/girlfriend/killar/killarna/tjejer/tjejerna/gänget/gäng/"
    "grabbar/pojkar/elever/klasskompisar/främling/främlingen/kvinna/guy/guys/"
    "vakten/tränaren/läraren/grannen/styvbror/fosterfar"
)
HITS: Final = (
    "slår/slog/sparkar/sparkade/stryper/ströp/kväver/kvävde/misshandlar/misshandlade/"
    "hits/hitting/hit/beating/beats/choking/strangling/kicks/kicking/beat/slagit/sparkat/"
    "misshandlat/hotar/hotade/hotat/knivhögg/attackerade/knuffar/knuffade/nyper/drar/drog/"
    "örfilade/örfilar/punches/punched/slapped/stabbed/stabbade/choked/strangled/kicked/"
    "hurt/hurts/hurting/attacked/attacks/raped/rapes/drogade/drogat/drugged/spiked/våldtar/våldtog"
)
VICTIM: Final = (
    "slagen/slagna/misshandlad/misshandlade/knivhuggen/överfallen/nedslagen/nerslagen/"
    "attackerad/attacked/beaten/assaulted/stabbed/tafsad/drogad/"
    "drugged/groped/utnyttjad/antastad/skjuten/shot/hotad/våldtagen/gruppvåldtagen/raped/"
    "knivskuren/sparkad/strypt/kidnappad/kidnapped/inlåst"
)
WHEN: Final = (
    "ikväll/inatt/idag/imorgon/helgen/natten/kvällen/snart/måndag/tisdag/onsdag/torsdag/"
    "fredag/lördag/söndag/tonight/tomorrow/today/weekend/friday/saturday/sunday/monday"
)
MEANS: Final = (
    "rep/repet/snara/snaran/rope/noose/rakblad/rakbladet/rakbladen/kniv/kniven/knife/blade/"
    "blades/pistol/pistolen/vapen/vapnet/gun/gevär/geväret/tabletter/tabletterna/piller/"
    "pillren/pills/meds/tablets/medicinen/mediciner/medicinerna"
)
OTHERS: Final = (
    "mammas/pappas/mormors/morfars/farmors/farfars/moms/dads/brorsans/syrrans/hennes/hans/"
    "deras/någons/grannens/föräldrarnas/nans/grandmas/someones/styvpappas/sambons"
)
HARM: Final = (
    "döda/dödar/skada/skadar/hoppa/skära/skär/dö/ihjäl/kill/hurt/jump/cut/die/slå/hänga/"
    "offra/bränna/svälja/stabba/knivhugga/dränka/drunkna/strypa/skjuta/harm/stab"
)
SOURCE: Final = (
    "rösterna/röster/rösten/röst/voices/voice/demoner/demonerna/demonen/djävulen/satan/"
    "andarna/anden/spöket/spökena/devil/demons/ängeln/änglarna/varelsen/entity/huvudet/"
    "skallen/head/gud/guds/god/jesus/väggarna/väggen/skuggorna/skuggan/walls/shadows"
)
HIGH_PLACE: Final = (
    "bron/taket/tåget/balkongen/fönstret/höghus*/klippan/stupet/tunnelbanan/spåret/bussen/"
    "bridge/roof/building/train/window/cliff/våningen/tak/pendeln/tunnelbanetåget/"
    "parkeringshus*/tornet/kranen/bro/balcony/rooftop/kanten/tåg/spår"
)
CABINET: Final = (
    "badrumsskåpet/badrumsskåp/medicinskåpet/medicinskåp/medicinlådan/medicinlåda/"
    "husapoteket/apoteksskåpet/pillerburk*/tablettburk*/cabinet/medicinerna"
)
BODY: Final = (
    "ögon/ögonen/ögat/hjärna/hjärnan/huvud/huvudet/kropp/kroppen/blod/blodet/tänder/"
    "tänderna/öron/öronen/huden/hud/armen/armarna/organ/organen/hjärtat/nacken/tungan/"
    "eyes/eye/brain/head/body/blood/teeth/ears/skin/organs/heart/arm/neck/öra/örat/näsan/näsa/"
    "tand/tanden/handen/hand/foten/benet/magen/halsen/ear/nose/tooth/stomach/throat"
)
"""Where a delusion puts things (cameras in the eyes, a chip in the neck)."""
INNARDS: Final = (
    "organ/organen/inälvorna/tarmarna/tarmar/magen/hjärtat/kroppen/insidan/blodet/levern/"
    "lungorna/organs/insides/guts/heart/body/blood/kropp/inifrån/inuti"
)
"""Insides said to rot or melt (not "hjärnan": "brain rot" is slang)."""
DEVICE: Final = (
    "chip/chipp/chips/chipet/mikrochip/kameror/kamera/kameran/sändare/sändaren/mikrofon/"
    "mikrofoner/mikrofonen/buggar/implantat/spårsändare/antenn/antenner/cameras/camera/"
    "tracker/trackers/microchip/implant/implants/microphone/microphones"
)
BUGS: Final = (
    "insekter/insekterna/maskar/maskarna/kryp/krypen/spindlar/parasiter/skalbaggar/"
    "bugs/insects/worms/spiders/parasites/beetles"
)
FAMILY: Final = (
    "föräldrar/föräldrarna/mamma/pappa/familj/familjen/syster/bror/brorsan/syrran/"
    "lillebror/lillasyster/parents/mom/mum/dad/family/sister/brother"
)
COPY: Final = (
    "kopior/kopia/kopian/kloner/klon/klonad/klonade/bedragare/dubbelgångare/utbytt/utbytta/"
    "utbytts/bytts/impostor/impostors/imposter/imposters/clone/clones/replaced"
)
"""What a parent is said to have been turned into (Capgras): not "robot" or "fake", which
young people say of parents in anger."""
HIT_INF: Final = (
    "slå/sparka/strypa/kväva/misshandla/döda/knivhugga/våldta/skada/skjuta/örfila/"
    "knuffa/spöa/klå/puckla/hit/beat/kill/stab/choke/strangle/kick/hurt/attack/"
    "rape/shoot/jump"
)
"""Violence as an infinitive: "håller på att strypa", "väntar för att slå"."""
HURT_SELF: Final = (
    "biter/bet/bitit/bita/nyper/nöp/nypt/nypa/kniper/knep/klöser/klöste/klöst/river/rev/"
    "rivit/rispar/rispade/bränner/brände/bränt/slår/slog/slagit/skadar/skadade/skadat/"
    "skär/skar/skurit/stryper/bankar/bankade/skrapar/skrapade/sticker/stack/stuckit/kliar/"
    "kliade/kliat/klia"
)
"""What one does to oneself in self-harm, said of oneself or (by a parent) of a child."""
FALL: Final = (
    "ramlat/ramlade/föll/fallit/trillat/trillade/fell/fallen/slog/slagit/hit/hoppat/hoppade/"
    "jumped/krockade/krockat/påkörd/kört/körde"
)
SHARP: Final = (
    "passare/passaren/rakblad/rakbladet/kniv/kniven/nål/nålen/sax/saxen/glas/glasbit/tändare/"
    "tändaren/cigg/cigarett/blade/knife/needle/scissors/lighter/pennvässare/gem/kompass/"
    "strykjärn*/vass*"
)
"""What self-harm is done with ("rispar sig med passare")."""
THIRD: Final = (
    "han/hon/hen/he/she/kompisen/sonen/dottern/barnet/bebisen/brorsan/syrran/lillebror/"
    "lillasyster/pappa/mamma/killen/tjejen/friend/son/daughter/dad/mom/baby"
)
FAINT: Final = (
    "yr/yrsel/snurrar/snurra/svimma/svimmar/svimmat/svimmade/svimfärdig/svimfärdigt/"
    "svimningskänsla/svag/svart/blek/kallsvettig/dizzy/faint/fainting/lightheaded/woozy/pale"
)
"""How losing blood feels ("svimfärdig", "allt snurrar") after a cut or with blood."""
SOAKED: Final = (
    "golvet/golv/badrumsgolvet/badrumsgolv/handfatet/handduken/handdukarna/handdukar/"
    "lakanet/lakanen/sängen/badkaret/badvattnet/duschen/kaklet/mattan/floor/sink/towel/"
    "towels/sheets/bathtub/tub/shower"
)
"""What blood is seen on or turns red ("badrumsgolvet är helt rött", "blod på mattan")."""
LATER: Final = (
    "vecka/veckan/veckor/månad/månaden/månader/jul/julen/sommaren/påsk/påsken/lovet/"
    "födelsedagen/week/weeks/month/months/christmas/summer/birthday"
)
"""Further ahead than WHEN: "finns inte kvar om en vecka" (not in WHEN: "planerat allt till
sommaren" is no plan)."""
HIDE_PLACE: Final = (
    "garderob/garderoben/kudden/madrassen/sängen/säng/byrålådan/lådan/skrivbordslådan/"
    "penalen/väskan/ryggsäcken/skåpet/rummet/closet/wardrobe/pillow/mattress/bed/drawer/"
    "backpack/room"
)
"""Where a young person keeps means hidden, found by a parent."""
BELONGINGS: Final = (
    "saker/grejer/prylar/kläder/kläderna/things/stuff/playstation/ps5/ps4/xbox/switch/"
    "nintendo/dator/datorn/laptop/mobil/mobilen/ipad/smycken/smycket/halsband/gosedjur/"
    "gosedjuret/nalle/nallen/böcker/spel/spelen/katt/katten/hund/hunden/console/phone/"
    "jewelry/jewellery"
)
"""What is given away before a death (not a bike or old clothes outgrown)."""
WEAPON: Final = (
    "kniv/kniven/knivar/vapen/vapnet/pistol/pistolen/gevär/geväret/yxa/yxan/machete/"
    "slagträ/basebollträ/hammare/hammaren/knife/knives/gun/guns/axe/bat/hammer"
)
WATCHERS: Final = (
    "dom/de/regeringen/polisen/grannarna/grannen/säpo/cia/fbi/staten/maffian/police/"
    "government/neighbours/neighbors/they/satellit/satelliten/satelliter/satelliterna/"
    "satellite/satellites/drönare/drönaren/drönarna/drone/drones/aliens/utomjordingar/"
    "illuminati/frimurarna/mossad/kgb/militären/military"
)
"""Who a paranoid belief says watches or listens in (not family: parents who "spionerar" or
"övervakar mobilen" are a teenager's complaint, not a delusion)."""
SPY: Final = "förföljer/övervakar/spionerar/avlyssnar/buggar/spying/bugging/wiretapping"
APPLIANCE: Final = (
    "tv/tvn/väggarna/väggen/micron/mikron/mikrovågsugnen/kylskåpet/eluttaget/uttaget/"
    "lamporna/lampan/brandvarnaren/elen/tandfyllningen/fyllningarna/microwave/fridge/walls/"
    "lights/outlet/fillings"
)
"""Things a delusion hears through (not a phone or a computer, which do spy)."""
FOOD: Final = (
    "mat/maten/skolmaten/skolmat/lunchen/lunch/middagen/middag/frukosten/frukost/"
    "kvällsmaten/vattnet/kranvattnet/drickan/dricka/mjölken/juicen/kaffet/teet/godiset/"
    "medicinen/medicinerna/tabletterna/food/water/drink/drinks/dinner/breakfast/meal/meals/"
    "medicine"
)
"""What a delusion says is poisoned (compound words too: "skolmaten")."""
ANIMALS: Final = (
    "katt katten kattungen kattungar hund hunden valp valpen kanin kaninen marsvin "
    "marsvinet hamster hamstern papegojan fågeln hästen cat kitten dog puppy bunny"
)
"""Pets that scratch and bite: "katten river mig" is no self-harm (a NOT_WITH word set)."""
LEFT_BEHIND: Final = (
    "mobil/mobilen/telefon/telefonen/iphone/dator/datorn/skola/skolan/klassen/mellanstadiet/"
    "högstadiet/gymnasiet/huset/lägenheten/rummet/stan/håret/tandställning*/gips*/lovet/"
    "sommarlov*/sommaren/jobbet/bilen/cykeln/kontot/phone/school/"
    "house/summer/braces/cast/hair/account"
)
"""What an ordinary farewell is said to ("hejdå för alltid gamla mobil"), not a person (nor
insta or snap: a goodbye posted there is to everyone)."""
TREATS: Final = (
    "choklad/chokladen/godis/godiset/kaffe/kaffet/te/glass/chips/pizza/mobil/mobilen/"
    "telefonen/wifi/internet/netflix/musik/musiken/spotify/tiktok/insta/mat/maten/sömn/"
    "chocolate/candy/coffee/tea/icecream/phone/music/food/sleep"
)
"""What one "cannot live without" in jest: "vill inte leva utan choklad"."""
TASK: Final = (
    "skol*/plugg*/läx*/prov*/jobb*/träning*/uppgift*/matte*/lektion*/arbete*/uppsats*/tent*/"
    "kurs*/bråk*/tjat*/homework/school/assignment/essay/exam/test/work"
)
"""What one gives up on or cannot take any more of that is a task, not living."""
SEE_YOU: Final = (
    "imorgon/snart/sen/senare/efter/nästa/ikväll/måndag/tisdag/onsdag/torsdag/fredag/lördag/"
    "söndag/later/soon/tomorrow/next/tonight/monday/tuesday/wednesday/thursday/friday/"
    "saturday/sunday"
)
"""When an ordinary goodbye says one will meet again ("vi ses efter lovet"; not "på": "ses på
andra sidan" is final)."""
NICE_TIME: Final = (
    "sommar/sommaren/sommarlov/helg/helgen/kväll/jul/lov/lovet/påsk/weekend/summer/holidays/"
    "holiday/christmas/evening/day/dag"
)
"""What an ordinary goodbye wishes a nice time of ("hejdå, trevlig sommar")."""
