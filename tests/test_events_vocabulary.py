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
