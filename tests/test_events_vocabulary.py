"""Everyday wire-copy vocabulary of diplomacy and conflict: each trigger family fires.

News agencies report the same few acts with a large, stable stock of verbs ("lambasted",
"lodged a protest", "pounded", "threw its weight behind"). These tests pin one sentence of our
own per family to its relation type, source and target, and, where a word has an innocent sense
("the pound", "a blast on Monday", "received a letter from"), a sentence where it must not fire.
"""

from __future__ import annotations

import pytest
from tests.test_events import run


def _triples(text: str) -> set[tuple[str, str, str | None]]:
    """The (type, source, target) of every relation found in one sentence."""
    return {(e.type, e.source, e.target) for e in run(text) if e.type != "occurrence"}


@pytest.mark.parametrize(("text", "expected"), [
    # criticism: rebukes and diplomatic protests
    ("Turkey chided Iran over its stance on the talks.", ("criticism", "turkey", "iran")),
    ("Turkey decried Iran's decision to close the strait.", ("criticism", "turkey", "iran")),
    ("Turkey assailed Iran over the strikes.", ("criticism", "turkey", "iran")),
    ("Turkey blasted Iran for its conduct.", ("criticism", "turkey", "iran")),
    ("Turkey hit out at Iran after the vote.", ("criticism", "turkey", "iran")),
    ("Turkey lashed out at Iran over the seizure.", ("criticism", "turkey", "iran")),
    ("Turkey took Iran to task for the delay.", ("criticism", "turkey", "iran")),
    ("Turkey reprimanded Iran for the incursion.", ("criticism", "turkey", "iran")),
    ("Turkey lodged a strong protest with Iran over the remarks.",
     ("criticism", "turkey", "iran")),
    ("Turkey filed a formal complaint against Iran at the United Nations.",
     ("criticism", "turkey", "iran")),
    ("Turkey protested to Iran over the seizure of the tanker.", ("criticism", "turkey", "iran")),
    # threat: vows to defeat a named enemy
    ("Turkey vowed to crush Iran if the attacks continued.", ("threat", "turkey", "iran")),
    ("Turkey said it would not hesitate to strike Iran.", ("threat", "turkey", "iran")),
    # distancing: relations frozen, diplomats declared unwelcome
    ("Turkey froze diplomatic ties with Iran on Tuesday.", ("distancing", "turkey", "iran")),
    ("Turkey declared two Iranian diplomats persona non grata.",
     ("distancing", "turkey", "iran")),
    # sanctions: blacklists and entry bans
    ("Turkey blacklisted Iran over the missile programme.", ("sanctions", "turkey", "iran")),
    ("Turkey blacklisted three Iranian banks.", ("sanctions", "turkey", "iran")),
    ("Turkey barred Iranian ships from its ports.", ("sanctions", "turkey", "iran")),
    ("Turkey banned Iranian officials from entering the country.",
     ("sanctions", "turkey", "iran")),
    # meeting: a host receiving a visitor, sitting down together
    ("President Amara received the Iranian foreign minister in Nairobi.",
     ("meeting", "amara", "iran")),
    ("President Amara sat down with Okafor on the sidelines of the summit.",
     ("meeting", "amara", "okafor")),
    ("President Amara conferred with Okafor by video link.", ("meeting", "amara", "okafor")),
    # humanitarian aid: relief sent or pledged
    ("Turkey dispatched aid to Syria after the earthquake.",
     ("humanitarian_aid", "turkey", "syria")),
    ("Turkey sent food and medicine to Syria.", ("humanitarian_aid", "turkey", "syria")),
    ("Turkey donated vaccines to Syria.", ("humanitarian_aid", "turkey", "syria")),
    ("Turkey sent rescue teams to Syria.", ("humanitarian_aid", "turkey", "syria")),
    # evacuation: citizens taken out
    ("Turkey withdrew its citizens from Syria as the fighting spread.",
     ("evacuation", "turkey", "syria")),
    ("Turkey pulled its nationals out of Syria.", ("evacuation", "turkey", "syria")),
    # military action: bombardment, launches, raids
    ("Turkey pounded Syrian positions overnight.", ("military_action", "turkey", "syria")),
    ("Turkey bombarded Syria for a third day.", ("military_action", "turkey", "syria")),
    ("Turkey launched drones at Syria.", ("military_action", "turkey", "syria")),
    ("Turkey rained missiles on Syria.", ("military_action", "turkey", "syria")),
    ("Turkey hit Syria with missiles.", ("military_action", "turkey", "syria")),
    ("Turkey staged an incursion into Syria.", ("military_action", "turkey", "syria")),
    ("Turkey mounted an attack on Syria.", ("military_action", "turkey", "syria")),
    ("Turkey ambushed Syrian troops near the border.", ("military_action", "turkey", "syria")),
    # support: public backing
    ("Turkey threw its weight behind Syria in the dispute.", ("support", "turkey", "syria")),
    ("Turkey came to the aid of Syria.", ("support", "turkey", "syria")),
    ("Turkey came to Syria's defence.", ("support", "turkey", "syria")),
    ("Turkey lent its support to Syria.", ("support", "turkey", "syria")),
    ("Turkey stands firmly behind Syria.", ("support", "turkey", "syria")),
    ("Russia sent its congratulations to Maduro.", ("support", "russia", "maduro")),
    ("Turkey extended a $3 billion loan to Syria.", ("support", "turkey", "syria")),
    # accusation: criminal cases and charges
    ("Russia opened a criminal case against Okafor.", ("accusation", "russia", "okafor")),
    ("Iraq charged Okafor with treason.", ("accusation", "iraq", "okafor")),
    # reported speech: punishment promised, a result judged
    ("Turkey said Iran would be punished for the attack.", ("threat", "turkey", "iran")),
    ("Petro said the results announced by Maduro were hard to believe.",
     ("criticism", "petro", "maduro")),
    ("Russia vowed a tough response against Iran.", ("threat", "russia", "iran")),
    # sanctions: an import ban as a noun
    ("Russia announced a ban on most food imports from Turkey.",
     ("sanctions", "russia", "turkey")),
    # distancing: diplomats thrown out, missions shut
    ("Turkey kicked out two Iranian diplomats.", ("distancing", "turkey", "iran")),
    ("Turkey ordered Iran's ambassador to leave the country.", ("distancing", "turkey", "iran")),
    ("Turkey ordered the closure of Iran's consulate.", ("distancing", "turkey", "iran")),
    # agreement, meeting, siege
    ("Israel established diplomatic relations with Qatar.", ("agreement", "israel", "qatar")),
    ("Turkey telephoned President Amara on Monday.", ("meeting", "turkey", "amara")),
    ("Russia laid siege to Ukraine's second city.", ("military_action", "russia", "ukraine")),
    # swaps, greetings, support by purpose, verdicts in speech
    ("Russia and Ukraine exchanged prisoners on Sunday.", ("agreement", "russia", "ukraine")),
    ("President Amara greeted Okafor at the airport.", ("meeting", "amara", "okafor")),
    ("Turkey rallied in support of Syria.", ("support", "turkey", "syria")),
    ("Turkey said Iran's drills were provocative and destabilising.",
     ("criticism", "turkey", "iran")),
    ("EU spokeswoman Jane Roe said Turkey's trade measures were deeply concerning.",
     ("criticism", "jane-roe", "turkey")),
    ("Turkey warned there would be serious consequences for Iran.",
     ("threat", "turkey", "iran")),
    ("China warned that it would intervene if Japan sent troops.",
     ("threat", "china", "japan")),
    # arms by their package, guarantees, blame
    ("Turkey stepped up military assistance to Syria.", ("arms_supply", "turkey", "syria")),
    ("Turkey offered security guarantees to Syria.", ("support", "turkey", "syria")),
    ("Russia said Ukraine was behind the attack on the bridge.",
     ("accusation", "russia", "ukraine")),
    ("Turkey pointed the finger at Iran.", ("accusation", "turkey", "iran")),
    # talks named before their parties, forces joined, a snub
    ("Talks between Turkey and Iran resumed on Monday.", ("negotiation", "turkey", "iran")),
    ("Mali joined forces with Niger against the insurgents.", ("alliance", "mali", "niger")),
    ("Turkey snubbed Iran at the summit.", ("distancing", "turkey", "iran")),
    # labels, rejected claims, opposed bids
    ("Turkey called Iran a threat to the region.", ("criticism", "turkey", "iran")),
    ("Turkey rejected Iran's claims as baseless.", ("criticism", "turkey", "iran")),
    ("Turkey opposed Iran's bid to join the bloc.", ("criticism", "turkey", "iran")),
    # listing as a measure; a presence cut back
    ("Washington designated the Rapid Support Forces a terrorist organisation.",
     ("sanctions", "united-states", "rsf")),
    ("Washington put Iran back on the list of state sponsors of terrorism.",
     ("sanctions", "united-states", "iran")),
    ("Washington drew down its embassy staff in Ukraine.",
     ("evacuation", "united-states", "ukraine")),
])
def test_wire_phrasing_finds_type_source_and_target(text: str, expected: tuple) -> None:
    assert expected in _triples(text)


@pytest.mark.parametrize(("text", "absent"), [
    # the currency is no bombardment
    ("Britain gave 200 million pounds to Ukraine.", "military_action"),
    # an explosion dated by its weekday is no rebuke
    ("The blast Monday damaged the German Embassy in Kabul.", "criticism"),
    # a letter received from a president is no meeting
    ("Turkey received a letter from the Iranian president.", "meeting"),
    # military aid is arms, not relief
    ("Washington sent military aid to Ukraine.", "humanitarian_aid"),
    # a protest held in a city names no one protested to
    ("Protesters marched to the German Embassy in Kabul.", "criticism"),
    # declaring a state of emergency declares no one persona non grata
    ("Chad declared a state of emergency after the attack.", "distancing"),
    # an inquiry into an accident accuses no one
    ("Turkey opened an investigation into the crash.", "accusation"),
    # a phone line names no one called
    ("Turkey said the phone lines to Syria were down.", "meeting"),
    # "concerning" as a preposition is no verdict
    ("Turkey issued a statement concerning Iran.", "criticism"),
    # a list of partners is no blacklist
    ("Washington listed Chad as a partner.", "sanctions"),
    # rejecting a plan of no one named criticises no one
    ("Turkey rejected the plan as unworkable.", "criticism"),
])
def test_innocent_senses_do_not_fire(text: str, absent: str) -> None:
    assert absent not in {kind for kind, _, _ in _triples(text)}


def test_vowing_revenge_on_a_named_enemy_is_a_threat_not_a_statement_only() -> None:
    triples = _triples("Israel vowed to punish Iran for the attack.")
    assert ("threat", "israel", "iran") in triples


def test_military_aid_still_counts_as_arms() -> None:
    assert ("arms_supply", "united-states", "ukraine") in _triples(
        "Washington sent military aid to Ukraine.")


# ---- Second batch: phrasings the dev gold sets had no trigger for ----

@pytest.mark.parametrize(("text", "expected"), [
    # military action: assaults and advances, campaigns pressed on, volleys, leaders killed
    ("Turkish troops stormed Syrian positions at dawn.", ("military_action", "turkey", "syria")),
    ("Turkey overran Syrian defences near the border.", ("military_action", "turkey", "syria")),
    ("Sudan's army routed the Rapid Support Forces.", ("military_action", "sudan", "rsf")),
    ("Turkey rammed an Iranian vessel.", ("military_action", "turkey", "iran")),
    ("Turkey drove Syrian forces out of the town.", ("military_action", "turkey", "syria")),
    ("Turkey pummelled Syrian cities for a week.", ("military_action", "turkey", "syria")),
    ("Turkey stepped up attacks on Syria.", ("military_action", "turkey", "syria")),
    ("Turkey expanded its offensive into Syria.", ("military_action", "turkey", "syria")),
    ("Turkey intensified its bombardment of Syria.", ("military_action", "turkey", "syria")),
    ("Israel killed a senior Iranian commander.", ("military_action", "israel", "iran")),
    ("Turkey unleashed a barrage of missiles on Syria.", ("military_action", "turkey", "syria")),
    ("Turkey answered with salvoes of rockets on Syria.", ("military_action", "turkey", "syria")),
    ("Turkey launched a counteroffensive against Syria.", ("military_action", "turkey", "syria")),
    ("Turkey launched a cross-border operation into Syria.",
     ("military_action", "turkey", "syria")),
    ("Turkey retaliated against Syria with missile strikes.",
     ("military_action", "turkey", "syria")),
    # threat: troops massed on a frontier, consequences promised, force not ruled out
    ("Russia massed troops near Ukraine's border.", ("threat", "russia", "ukraine")),
    ("Iran warned of severe consequences for Israel.", ("threat", "iran", "israel")),
    ("Washington put Iran on notice.", ("threat", "united-states", "iran")),
    ("Israel would not rule out military action against Iran.", ("threat", "israel", "iran")),
    ("China staged a show of force near Taiwan.", ("threat", "china", "taiwan")),
    ("Washington warned that it would hold Iran to account.",
     ("threat", "united-states", "iran")),
    # sanctions: a blow with sanctions, assets frozen, ports blockaded, exports licensed
    ("Washington hit Iran with new sanctions.", ("sanctions", "united-states", "iran")),
    ("Washington slapped Iran with tariffs.", ("sanctions", "united-states", "iran")),
    ("Washington targeted Iran with sanctions.", ("sanctions", "united-states", "iran")),
    ("Washington froze Iranian central bank assets.", ("sanctions", "united-states", "iran")),
    ("Turkey blockaded Syrian ports.", ("sanctions", "turkey", "syria")),
    ("Japan's trade ministry said exporters would need a licence for each shipment to China.",
     ("sanctions", "japan", "china")),
    # accusation: blame laid and groups cast as another's arm
    ("Turkey alleged that Iran had armed the militants.", ("accusation", "turkey", "iran")),
    ("Turkey attributed the attack to Iran.", ("accusation", "turkey", "iran")),
    ("Turkey levelled accusations at Iran.", ("accusation", "turkey", "iran")),
    ("Turkey implicated Iran in the plot.", ("accusation", "turkey", "iran")),
    ("Turkey regards the Rapid Support Forces as a proxy of Iran.",
     ("accusation", "turkey", "rsf")),
    # criticism and condemnation: wire idioms of rebuke
    ("Turkey took a swipe at Iran over the talks.", ("criticism", "turkey", "iran")),
    ("Turkey took aim at Iran in a speech.", ("criticism", "turkey", "iran")),
    ("Turkey railed against Iran at the summit.", ("criticism", "turkey", "iran")),
    ("Turkey derided Iran's plan.", ("criticism", "turkey", "iran")),
    ("Turkey mocked Iran's offer.", ("criticism", "turkey", "iran")),
    ("Turkey expressed disappointment with Iran.", ("criticism", "turkey", "iran")),
    ("Turkey brushed Iran aside as a junior partner.", ("criticism", "turkey", "iran")),
    ("Turkey said Israel's policy was hypocritical.", ("criticism", "turkey", "israel")),
    ("Turkey said the deal was a stab in the back by Washington.",
     ("criticism", "turkey", "united-states")),
    ("Turkey expressed outrage at Israel.", ("condemnation", "turkey", "israel")),
    # distancing: dealings refused, a party shunned, travel made harder, a deal not renewed
    ("Israel refused to negotiate with Iran.", ("distancing", "israel", "iran")),
    ("Turkey refused to recognise Maduro.", ("distancing", "turkey", "maduro")),
    ("Saudi Arabia shunned Qatar.", ("distancing", "saudi-arabia", "qatar")),
    ("Saudi Arabia boycotted Qatar.", ("distancing", "saudi-arabia", "qatar")),
    ("Russia said it would suspend its visa-free regime with Turkey.",
     ("distancing", "russia", "turkey")),
    ("Turkey said it would not renew the gas deal with Iran.", ("distancing", "turkey", "iran")),
    # support: refuge, backing of a kind, help handed over, support shown
    ("Turkey harboured Syrian fighters.", ("support", "turkey", "syria")),
    ("Qatar gave Iranian leaders sanctuary.", ("support", "qatar", "iran")),
    ("Iran provided safe haven to Syrian rebels.", ("support", "iran", "syria")),
    ("Egypt backs and hosts the Rapid Support Forces.", ("support", "egypt", "rsf")),
    ("Turkey backed the rebel Rapid Support Forces.", ("support", "turkey", "rsf")),
    ("France pledged its full support to Ukraine.", ("support", "france", "ukraine")),
    ("Petro regarded Maduro as the president-elect.", ("support", "petro", "maduro")),
    ("Washington provided Ukraine with intelligence.", ("support", "united-states", "ukraine")),
    ("Russia flew bombers over Belarus in a show of support.", ("support", "russia", "belarus")),
    # negotiation, agreement, alliance
    ("Russia and Ukraine resumed dialogue in Istanbul.", ("negotiation", "russia", "ukraine")),
    ("Turkey bargained with Iran over the pipeline.", ("negotiation", "turkey", "iran")),
    ("Qatar facilitated talks between Israel and Iran.", ("negotiation", "qatar", "israel")),
    ("Israel and Egypt inked a gas deal.", ("agreement", "israel", "egypt")),
    ("Turkey sealed a defence agreement with Qatar.", ("agreement", "turkey", "qatar")),
    ("Russia and Ukraine renewed the grain deal.", ("agreement", "russia", "ukraine")),
    ("Iraq accepted Iran's ceasefire proposal.", ("agreement", "iraq", "iran")),
    ("Russia and Ukraine agree to a ceasefire.", ("agreement", "russia", "ukraine")),
    ("Russia and China forged an alliance.", ("alliance", "russia", "china")),
])
def test_second_batch_wire_phrasing_finds_type_source_and_target(
    text: str, expected: tuple
) -> None:
    assert expected in _triples(text)


@pytest.mark.parametrize(("text", "absent"), [
    # walking out of a room is no assault
    ("The delegates stormed out of the meeting with Iran.", "military_action"),
    # calls routed through a country are no rout
    ("The calls were routed through Turkey to Iran.", "military_action"),
    # accusations levelled are no levelling of buildings
    ("Turkey levelled accusations at Iran.", "military_action"),
    # sanctions aimed at a country are no strike on it
    ("Washington targeted Iran with sanctions.", "military_action"),
    # tariffs in retaliation are no act of war
    ("China retaliated against Washington with tariffs.", "military_action"),
    # firms forced out of a market are no troops driven back
    ("Turkey forced Iranian firms out of the market.", "military_action"),
    # an assassinated leader mourned by his own country is no attack by it
    ("Kenya mourned its assassinated president.", "military_action"),
    # doubts harboured are no refuge given
    ("Iran harboured doubts about Turkey's plan.", "support"),
    # shoppers boycotting goods are no government shunning a country
    ("Shoppers in Turkey began boycotting Iranian goods.", "distancing"),
    # a call renewed is no deal renewed
    ("Turkey renewed its call for restraint by Iran.", "agreement"),
    # a show of force is a threat, not support
    ("China staged a show of force near Taiwan.", "support"),
])
def test_second_batch_innocent_senses_do_not_fire(text: str, absent: str) -> None:
    assert absent not in {kind for kind, _, _ in _triples(text)}


# ---- Third batch ----

@pytest.mark.parametrize(("text", "expected"), [
    # military action: ground taken, soldiers hurt or taken, ships boarded, gun battles
    ("Turkey took control of the town from Syrian forces.", ("military_action", "turkey", "syria")),
    ("Turkey wrested control of the village from Syria.", ("military_action", "turkey", "syria")),
    ("Turkey abducted Iranian soldiers in a raid.", ("military_action", "turkey", "iran")),
    ("Turkey wounded three Iranian soldiers.", ("military_action", "turkey", "iran")),
    ("Iran boarded a Turkish tanker in the Gulf.", ("military_action", "iran", "turkey")),
    ("Turkish commandos infiltrated Syria.", ("military_action", "turkey", "syria")),
    ("Turkey was locked in a gun battle with Syrian forces.",
     ("military_action", "turkey", "syria")),
    # agreement: a pact or truce named with its partner
    ("Turkey kept its truce with Iran.", ("agreement", "turkey", "iran")),
    # support: training, praise, asylum, money pledged
    ("Turkey trained Syrian pilots.", ("support", "turkey", "syria")),
    ("Turkey applauded Iran's reforms.", ("support", "turkey", "iran")),
    ("Turkey lauded Kenya for its leadership.", ("support", "turkey", "kenya")),
    ("Russia granted asylum to Maduro.", ("support", "russia", "maduro")),
    ("Turkey pledged $2 billion to Syria.", ("support", "turkey", "syria")),
    # criticism in other words
    ("Turkey questioned Iran's commitment to the deal.", ("criticism", "turkey", "iran")),
    ("Turkey dismissed Okafor as a puppet.", ("criticism", "turkey", "okafor")),
    ("Turkey was sharply critical of Iran.", ("criticism", "turkey", "iran")),
    ("Turkey tore into Iran at the summit.", ("criticism", "turkey", "iran")),
    ("Turkey savaged Iran's conduct.", ("criticism", "turkey", "iran")),
    # negotiation: channels and invitations
    ("Washington opened a back channel with Iran.", ("negotiation", "united-states", "iran")),
    ("Turkey invited Russia and Ukraine to talks.", ("negotiation", "turkey", "russia")),
    # threat: readiness to use force, what the other would face
    ("Turkey said it was ready to use force against Syria.", ("threat", "turkey", "syria")),
    ("Turkey warned that Syria could face military action.", ("threat", "turkey", "syria")),
    # accusation: a breach alleged, a case brought
    ("Turkey said Syria had violated the ceasefire.", ("accusation", "turkey", "syria")),
    ("Turkey took Iran to the International Court of Justice.",
     ("accusation", "turkey", "iran")),
    ("Turkey filed a case against Iran at the court.", ("accusation", "turkey", "iran")),
    # sanctions: entry restricted
    ("Washington imposed visa restrictions on Nigerian officials.",
     ("sanctions", "united-states", "nigeria")),
])
def test_third_batch_wire_phrasing_finds_type_source_and_target(
    text: str, expected: tuple
) -> None:
    assert expected in _triples(text)


@pytest.mark.parametrize(("text", "absent"), [
    # boarding a plane is no boarding of a ship
    ("The minister boarded a plane to Iran.", "military_action"),
    # a breach denied is no accusation
    ("Turkey said it had not violated Syrian airspace.", "accusation"),
    # critical to a deal is no criticism of anyone
    ("Turkey said Iran was critical to the deal.", "criticism"),
    # training one's own soldiers supports no one else
    ("Turkey trained its own soldiers.", "support"),
])
def test_third_batch_innocent_senses_do_not_fire(text: str, absent: str) -> None:
    assert absent not in {kind for kind, _, _ in _triples(text)}


# ---- Fourth batch: phrasings from the dev misses, as families ----

@pytest.mark.parametrize(("text", "expected"), [
    # a charge named by the one who denies it
    ("Turkey said Iran had armed the militants, a charge Tehran has denied.",
     ("accusation", "turkey", "iran")),
    ("Turkey said the gunmen were Syrian agents, an accusation Syria has rejected.",
     ("accusation", "turkey", "syria")),
    # concern as a verdict, a provocation in speech, a claimed right to intervene
    ("Turkey viewed the meeting with deep concern and reminded Iran of its obligations.",
     ("criticism", "turkey", "iran")),
    ("Turkey said any arms deal with Iran would be a direct provocation.",
     ("criticism", "turkey", "iran")),
    # help that decided a war, a leader put back
    ("Russia's warplanes turned the war in Maduro's favour.", ("support", "russia", "maduro")),
    ("Turkey launched a campaign aimed at restoring Okafor to power.",
     ("support", "turkey", "okafor")),
])
def test_fourth_batch_wire_phrasing_finds_type_source_and_target(
    text: str, expected: tuple
) -> None:
    assert expected in _triples(text)


def test_a_one_party_warning_of_measures_is_a_threat() -> None:
    triples = _triples("Washington warned that it will not hesitate to impose further sanctions.")
    assert ("threat", "united-states", None) in triples


@pytest.mark.parametrize(("text", "absent"), [
    # a provocation in someone else's verdict is not the speaker's criticism of the one named
    ("Turkey said voters had backed its claim on Iran, a result others dismissed as a "
     "provocation.", "criticism"),
    # a charge with no denier named accuses no one by this rule
    ("Turkey said the charges were serious.", "accusation"),
])
def test_fourth_batch_innocent_senses_do_not_fire(text: str, absent: str) -> None:
    assert absent not in {kind for kind, _, _ in _triples(text)}


@pytest.mark.parametrize(("text", "absent"), [
    # an election won is no rout in battle
    ("Okafor routed President Amara in the presidential election.", "military_action"),
    # an equaliser is no levelling of buildings
    ("Japan levelled the score against Iran.", "military_action"),
    # a chamber won is no ground taken
    ("Okafor's party took control of the parliament from President Amara.",
     "military_action"),
    # readiness to strike a deal is no threat
    ("Turkey said it was ready to strike a deal with Iran.", "threat"),
    # an occupation's history is no demand to end it
    ("Okafor said the Turkish occupation ended in 1952.", "criticism"),
    # harbours are ports, not refuge
    ("Turkish ships visited the harbours of Syria.", "support"),
])
def test_precision_guards_of_the_new_families(text: str, absent: str) -> None:
    assert absent not in {kind for kind, _, _ in _triples(text)}


# ---- Fifth batch: more everyday families ----

@pytest.mark.parametrize(("text", "expected"), [
    # military action: raids conducted, bombs dropped, fronts opened, wars waged
    ("Israel conducted raids on Syria.", ("military_action", "israel", "syria")),
    ("Turkish jets flew sorties against Syria.", ("military_action", "turkey", "syria")),
    ("Turkish jets dropped bombs on Syria.", ("military_action", "turkey", "syria")),
    ("Turkey opened a new front against Syria.", ("military_action", "turkey", "syria")),
    ("Mali waged an insurgency against Niger.", ("military_action", "mali", "niger")),
    # agreement: deals struck, disputes settled, ties mended
    ("Israel and Egypt struck a deal on Monday.", ("agreement", "israel", "egypt")),
    ("Israel and Turkey settled their dispute.", ("agreement", "israel", "turkey")),
    ("Turkey and Egypt buried the hatchet.", ("agreement", "turkey", "egypt")),
    ("Turkey ended its feud with Egypt.", ("agreement", "turkey", "egypt")),
    ("Turkey mended ties with Egypt.", ("agreement", "turkey", "egypt")),
    ("Turkey patched up relations with Israel.", ("agreement", "turkey", "israel")),
    ("Turkey reconciled with Egypt.", ("agreement", "turkey", "egypt")),
    ("Iran and Saudi Arabia exchanged ambassadors.", ("agreement", "iran", "saudi-arabia")),
    # support: help offered, votes given
    ("Qatar offered help to Turkey after the earthquake.", ("support", "qatar", "turkey")),
    ("Turkey voted in favour of Iran's membership.", ("support", "turkey", "iran")),
    # criticism: rebukes in other words
    ("Okafor bashed China over trade.", ("criticism", "okafor", "china")),
    ("Russia vilified Ukraine's leadership.", ("criticism", "russia", "ukraine")),
    ("Turkey voiced opposition to Iran's bid.", ("criticism", "turkey", "iran")),
    ("Iran protested against Israel's plan.", ("criticism", "iran", "israel")),
    # negotiation, threat, accusation, sanctions, distancing
    ("Iran held consultations with Russia.", ("negotiation", "iran", "russia")),
    ("Iran issued a warning to Israel.", ("threat", "iran", "israel")),
    ("Israel linked Iran to the attack.", ("accusation", "israel", "iran")),
    ("Turkey suspected Iran of arming the militants.", ("accusation", "turkey", "iran")),
    ("Washington restricted exports of chips to China.",
     ("sanctions", "united-states", "china")),
    ("Iran turned down Washington's offer of talks.", ("distancing", "iran", "united-states")),
    ("Russia declined an invitation from Ukraine.", ("distancing", "russia", "ukraine")),
])
def test_fifth_batch_wire_phrasing_finds_type_source_and_target(
    text: str, expected: tuple
) -> None:
    assert expected in _triples(text)


@pytest.mark.parametrize(("text", "absent"), [
    # a dispute settled in court with no partner named is no agreement with anyone
    ("Turkey settled the dispute in court.", "agreement"),
    # a deal extended by one side alone names no partner
    ("Russia extended the grain deal.", "agreement"),
    # a blow struck is no deal struck
    ("Russia struck a blow against Ukraine.", "agreement"),
    # bombs dropped from a list of charges are no bombing
    ("Turkey dropped its objections to Iran's bid.", "military_action"),
])
def test_fifth_batch_innocent_senses_do_not_fire(text: str, absent: str) -> None:
    assert absent not in {kind for kind, _, _ in _triples(text)}


def test_ties_mended_with_unnamed_allies_are_no_agreement_with_a_later_name() -> None:
    triples = _triples("Okafor came into office promising to mend relations with allies after "
                       "the Amara years.")
    assert not any(kind == "agreement" for kind, _, _ in triples)


@pytest.mark.parametrize("text", [
    "Okafor welcomed the deal on Thursday.",
    "Okafor also welcomed it, describing it as a welcome first step.",
    "Okafor hailed the agreement as a breakthrough.",
    "Okafor called the agreement an important step toward peace.",
])
def test_a_welcome_of_a_deal_is_a_statement_in_favour(text: str) -> None:
    statements = [e for e in run(text) if e.type == "statement" and e.source == "okafor"]
    assert any(e.polarity > 0 for e in statements)


def test_welcoming_someone_named_stays_support_not_a_statement_in_favour() -> None:
    events = run("Turkey welcomed Iran's decision.")
    assert ("support", "turkey", "iran") in {(e.type, e.source, e.target) for e in events}
    assert not any(e.type == "statement" and e.polarity > 0 for e in events)


# ---- Sixth batch: families from the dev7 misses ----

@pytest.mark.parametrize(("text", "expected"), [
    ("Belarus forced down a Turkish jet.", ("military_action", "belarus", "turkey")),
    ("Belarus forced a Turkish jet to land in Minsk.", ("military_action", "belarus", "turkey")),
    ("Washington said its ship had destroyed an Iranian drone.",
     ("military_action", "united-states", "iran")),
    ("Turkish forces detained an Iranian tanker off Gibraltar.",
     ("military_action", "turkey", "iran")),
    ("Qatar approved hosting Turkish troops.", ("agreement", "qatar", "turkey")),
    ("Turkey agreed to buy the missiles from Russia.", ("agreement", "turkey", "russia")),
    ("Russia said Okafor had been charged with treason.", ("accusation", "russia", "okafor")),
])
def test_sixth_batch_wire_phrasing_finds_type_source_and_target(
    text: str, expected: tuple
) -> None:
    assert expected in _triples(text)


@pytest.mark.parametrize(("text", "absent"), [
    # a storm destroying boats is no attack by anyone
    ("The storm destroyed the Turkish fishing boats.", "military_action"),
    # passengers detained are no ship seized
    ("Turkey detained two Iranian passengers at the airport.", "military_action"),
])
def test_sixth_batch_innocent_senses_do_not_fire(text: str, absent: str) -> None:
    assert absent not in {kind for kind, _, _ in _triples(text)}


def test_retaliation_by_measures_is_no_act_of_war_but_by_arms_is() -> None:
    assert "military_action" not in {kind for kind, _, _ in _triples(
        "Russia retaliated against Turkey by expelling its diplomats.")}
    assert ("military_action", "iran", "israel") in _triples(
        "Iran retaliated against Israel on Saturday.")



@pytest.mark.parametrize("text", [
    "Turkey warned that any intervention in Iran would be treated as a declaration of war.",
    "Turkey warned that any incursion would be met with a crushing response.",
    "Turkey said any attack on its bases would be met with force.",
])
def test_a_warning_of_war_or_force_in_answer_is_a_threat(text):
    assert ("threat", "turkey", None) in _triples(text)


def test_likening_to_pirates_criticises_and_withholding_funds_distances():
    assert ("criticism", "turkey", "iran") in _triples(
        "Turkey likened the Iranian crews to pirates.")
    assert ("distancing", "turkey", "iran") in _triples(
        "Turkey withheld two billion euros in funds from Iran.")
