"""Events from one article: relation patterns matched in its sentences, parties and times found.

Input is what the earlier stages produced for one article (its sentences, time expressions and
actor mentions); output is a list of Events whose spans point into the article text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise
from operator import attrgetter
from typing import Literal

from timeline_app.domain import (
    PERSON,
    Actor,
    Article,
    Event,
    TimeExpression,
    TimeSpan,
)
from timeline_app.domain.actor import ORGANISATION
from timeline_app.domain.event import TIME_FROM_ARTICLE_DATE, TIME_FROM_EXPRESSION
from timeline_app.extract.event_time import choose_time, modifies_noun
from timeline_app.extract.narrative import (
    NOW_TENSE,
    has_date,
    in_narrative,
    is_history,
    narrative_time,
)
from timeline_app.extract.parties import (
    MentionLike,
    Party,
    Roles,
    SubordinateIndex,
    apposition_head,
    can_be_subject,
    enclosing,
    find_co_sources,
    find_nearest,
    find_subject,
    find_target_after,
    find_target_before,
    gerund_agent,
    in_foreign_clause,
    is_irrealis,
    is_negated,
    is_participle_clause,
    is_prep_object,
    masked_ranges,
    next_clause_start,
    opens_clause,
    relative_clause_head,
    speech_verb_before,
    strip_dateline,
    whose_subject,
)
from timeline_app.extract.patterns import Pattern, load_patterns
from timeline_app.extract.pronouns import (
    CLAUSE_SUBJECT_PRONOUNS,
    OPENING_WORDS,
    PRONOUN_KINDS,
    PRONOUN_REACH,
    clause_subject,
    group_before,
    person_before,
    unknown_speaker,
)
from timeline_app.extract.scan import may_hold
from timeline_app.extract.sentences import Sentence
from timeline_app.extract.trigger_index import candidate_starts, fold

# \b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey|HE|SHE)\b, opening with the class of first letters (and
# checking the boundary before it by look-behind) so that the engine skips to those letters.
_PERSONAL = re.compile(
    r"[HhSsIiTt](?<!\w.)(?:(?<=[Hh])e|(?<=[Ss])he|(?<=[Ii])t|(?<=[Tt])hey|(?<=H)E|(?<=S)HE)\b"
)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_PASSIVE_NEEDLES = ("was", "were", "be", "is", "are", "got")
# "said last month that ...", "said on Tuesday that ...": the summary keeps what was said.
_LEAD_IN = re.compile(
    r"^(?:in\s+an?\s+(?:written\s+|joint\s+)?statement\s+)?"
    r"(?:(?:on|in|last|this|next|early|late)?\s*(?:\w+day|week|month|year|night|morning|"
    r"evening|afternoon|january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\s+)?(?:that\s+)?",
    re.IGNORECASE,
)
# A paragraph that opens by tying itself to the moment told before ("Tokyo reacted within
# hours.", "Hours later, ...") continues that story's time across the paragraph break.
_BACK_LINK = re.compile(
    r"\b(?:within|in)\s+(?:a\s+few\s+|several\s+|a\s+matter\s+of\s+)?(?:hours|minutes|days)\b"
    r"|\b(?:hours|minutes|moments)\s+(?:later|afterwards?)\b"
    r"|\b(?:shortly|soon|immediately)\s+(?:after(?:wards)?|thereafter)\b",
    re.IGNORECASE,
)
# "he" or "she" among a sentence's first words ("On Thursday he likened ..."): its subject.
_OPENING_HE = re.compile(r"\W*(?:[\w'’-]+\s+){0,3}?(?<![\w'’-])([Hh]e|[Ss]he)\b")
_SUMMARY_TAIL = re.compile(r"\s+(?:to|from|of|with|on|against|for)?\s*\{target\}.*$")


def extract_events(
    article: Article,
    sentences: Sequence[Sentence],
    mentions: Sequence[MentionLike],
    actors: Mapping[str, Actor],
    patterns: Sequence[Pattern] | None = None,
) -> list[Event]:
    """All events of one article, at most one per (sentence, type, source, target)."""
    patterns = load_patterns() if patterns is None else patterns
    text = article.text
    mentions = sorted(mentions, key=_SPAN)
    # Cities and regions ("struck Kharkiv") are parties acted upon only: they join the search
    # for a target and nothing else (no subject, antecedent, owner or co-source is a place).
    places = [m for m in mentions if m.via == "place"]
    if places:
        mentions = [m for m in mentions if m.via != "place"]
    place_starts = [m.span[0] for m in places]
    mention_starts = [m.span[0] for m in mentions]
    sentence_starts = [s.span[0] for s in sentences]
    # Lower-cased once for the whole article: the trigger scan and the clause finder share it.
    lowered = text.lower()
    matches = _matches(text, patterns, sentences, sentence_starts, fold(text, lowered))
    subordinates = SubordinateIndex(text, lowered)
    roles: Roles = {}  # why a mention cannot be a subject, asked once per mention
    speaker: dict[str, int] = {}  # the person who spoke last -> where (one entry at most)
    told: dict[int, str] = {}  # sentence -> the state or group its opening "it"/"they" is
    opened: dict[int, str] = {}  # sentence -> the person its opening "he"/"she" is
    asked: set[int] = set()  # sentences whose opening "he"/"she" was resolved for a later one

    def resolve_pronoun(word: str, position: int) -> str | None:
        kinds = PRONOUN_KINDS.get(word)
        if kinds is None:
            return None
        number = max(0, bisect.bisect_right(sentence_starts, position) - 1)
        if word in CLAUSE_SUBJECT_PRONOUNS:
            subject = clause_subject(text, position + len(word), number, sentences, mentions,
                                      mention_starts, actors, kinds, roles, told)
            if subject is not None and len(
                text[sentences[number].span[0]:position].split()
            ) <= OPENING_WORDS:
                told[number] = subject  # "On August 3 they ...": the next sentence's "they" too
            return subject
        index = bisect.bisect_left(mention_starts, position)
        sentence = sentences[number]
        barrier = unknown_speaker(text, sentence.span[0], position, mentions, mention_starts)
        opening = len(text[sentence.span[0]:position].split()) <= OPENING_WORDS
        if opening and kinds == (PERSON,) and number > 0 and not any(
            sentence.span[0] <= m.span[0] < position for m in mentions[max(0, index - 8):index]
        ):
            # "On Thursday he likened Biden to his predecessor, Donald Trump. On Saturday he went
            # further": a sentence opening with "he" goes on about the last one's subject
            topic = opened.get(number - 1)
            if topic is None and (earlier_he := _OPENING_HE.match(
                text, sentences[number - 1].span[0], sentences[number - 1].span[1]
            )) is not None and number - 1 not in asked:
                asked.add(number - 1)  # (asked once: no chain back through the story)
                topic = resolve_pronoun(earlier_he.group(1).lower(), earlier_he.start(1))
            if topic is not None:
                opened[number] = topic
                return topic
        if (participle := _ING_OPENING.match(text, sentence.span[0])) is not None and (
                participle.end() == position):
            # "After meeting Erdogan in Osaka, he said": the participle's object is not "he",
            # who is its subject: look before the sentence
            index = bisect.bisect_left(mention_starts, sentence.span[0])
        found = _resolve_back(mentions, index, position, barrier, kinds)
        if opening and found is not None and actors[found].kind == PERSON:
            opened[number] = found
        return found

    def _resolve_back(
        mentions: Sequence[MentionLike], index: int, position: int, barrier: int, kinds,
    ) -> str | None:
        fallback = None
        for mention in reversed(mentions[max(0, index - 40):index]):
            if mention.span[0] < barrier:
                return None  # "In a letter, Gonzalez said he ...": he is Gonzalez, unknown
            if position - mention.span[1] > PRONOUN_REACH and not (
                mention.actor in speaker and position - speaker[mention.actor] <= PRONOUN_REACH
            ):
                # "she says" paragraphs after the last woman named: someone unnamed (unless
                # she has been speaking since: '"...," he said' after '"...," he said')
                break
            actor = actors.get(mention.actor)
            if actor is not None and actor.kind in kinds:
                if can_be_subject(text, *mention.span, roles):
                    return actor.id
                fallback = fallback or actor.id
        return fallback

    expressions = article.time_expressions
    expression_starts = [x.span[0] for x in expressions]
    events: list[Event] = []
    narrative: tuple[int, TimeExpression] | None = None  # (where its sentence ends, the time)
    doers: dict[str, str] = {}  # who acted (militarily) last, for "condemned the invasion"
    for sentence_index, sentence in enumerate(sentences):
        s_start, s_end = sentence.span
        times = expressions[
            bisect.bisect_left(expression_starts, s_start):
            bisect.bisect_left(expression_starts, s_end)
        ]
        told_in = narrative if narrative and (
            "\n" not in text[narrative[0]:s_start]
            or _BACK_LINK.search(text, s_start, min(s_end, s_start + 60))
            or is_history(narrative[1], article.published)
        ) else None
        narrative = narrative_time(times, told_in, s_end, article.published, text)
        lo = bisect.bisect_left(mention_starts, s_start)
        hi = bisect.bisect_left(mention_starts, s_end, lo)
        local = mentions[lo:hi]
        targets = local
        if places:
            p_lo = bisect.bisect_left(place_starts, s_start)
            p_hi = bisect.bisect_left(place_starts, s_end, p_lo)
            if p_lo < p_hi:
                targets = sorted((*local, *places[p_lo:p_hi]), key=_SPAN)
        triggers = matches.get(sentence_index)
        if triggers is None and not targets and not times:
            continue  # neither a relation nor an occurrence can come out of it
        first_new = len(events)
        masked = None
        found: list[tuple[Event, Pattern]] = []
        personal = None if local else (
            _PERSONAL.search(sentence.text) or _PAIRED.search(sentence.text)
            or _COUNTED_NOUN.search(sentence.text)
        )  # ("The two countries agreed ...": the pair named just before acts)
        if triggers is not None and (local or personal):
            masked = masked_ranges(sentence.text, s_start, subordinates)
            # Two parties are needed for most relations: skip what cannot have them.
            lone = len({m.actor for m in targets}) < 2 and not (
                personal if not local else _PERSONAL.search(sentence.text)
            ) and " its " not in sentence.text and " their " not in sentence.text and not (
                _PAIRED.search(sentence.text) or _COUNTED_NOUN.search(sentence.text))
            aimed: set[tuple[tuple[int, int], str]] = set()  # triggers that found their target
            # the mentions of the sentences just before, for "the two countries" (once a sentence)
            earlier = mentions[bisect.bisect_left(mention_starts, s_start - 2000):lo]
            for pattern, trigger in triggers:
                if lone and pattern.requires_target:
                    continue
                if pattern.target == "none" and (trigger, pattern.type) in aimed:
                    continue  # "urged Azerbaijan to ...": the appeal has its addressee already
                if found and _inside_found(trigger, pattern.type, found,
                                           pattern.within_others):
                    continue  # "blame" inside "trade blame": the longer trigger has spoken
                if _in_name(trigger, local) and not (
                        pattern.symmetric and _hyphen_pair(text, trigger, local)):
                    continue  # "the Rapid Support Forces": a word of a name is no trigger
                event = _event(article, sentence, pattern, trigger, local, masked, actors,
                               resolve_pronoun, times, roles,
                               earlier, targets)
                if event is not None and event.target is None and event.co_sources and (
                        _RECIPROCAL.match(text, trigger[1])):
                    for each in _reciprocal(event, pattern, actors):
                        found.append((each, pattern))
                    continue
                if event is not None:
                    found.append((event, pattern))
                    if event.target is not None:
                        aimed.add((trigger, event.type))
                        found.extend((extra, pattern) for extra in _conjoined_targets(
                            text, event, pattern, targets, actors, s_end))
        if len(local) > 1:
            found.extend(_embedded_support(article, sentence, local, actors, patterns))
        if local and ("-brokered" in sentence.text or "-mediated" in sentence.text or (
                "-facilitated" in sentence.text)):
            # the mediator is no party to the deal it brokered ("the Egyptian-mediated
            # ceasefire with Hamas" is Egypt's mediation, not its ceasefire)
            marks = [(m.actor, m.span[1]) for m in local
                     if _GLUED_BROKER.match(text, m.span[1])]
            found[:] = [(e, p) for e, p in found if not any(
                e.source == broker and e.type in ("agreement", "negotiation")
                and e.trigger is not None and at < e.trigger[0] <= at + 80
                for broker, at in marks)]
            found.extend(_brokered(article, sentence, local, actors, patterns, times))
        if found:
            found.extend(_elliptic(article, found, local, actors))
            if "ollow" in sentence.text or " did " in sentence.text:
                found.extend(_followed(article, sentence, found, local, actors, times))
            if " after " in sentence.text:
                found.extend(_after_others(article, sentence, found, local, actors, times))
            # an event involves everyone its sentence names, its parties first ("ratified
            # Sweden's membership of NATO": NATO too), as an analyst lists them
            named = tuple(dict.fromkeys(m.actor for m in targets if m.head))
            for e in _finish_sentence(found, actors, masked or ()):
                if not set(named) <= set(e.actors):
                    # (made in this sentence and held nowhere else yet: set in place rather
                    # than copied by dataclasses.replace, which costs ten times as much)
                    object.__setattr__(e, "actors", tuple(dict.fromkeys((*e.actors, *named))))
                events.append(e)
        elif times:
            if masked is None:
                masked = masked_ranges(sentence.text, s_start, subordinates)
            events.extend(_occurrences(article, sentence, targets, times, masked))
        if told_in is not None and len(events) > first_new and not (
            NOW_TENSE.search(sentence.text)
        ) and (not has_date(times) or any(
            e.time_source == TIME_FROM_ARTICLE_DATE for e in events[first_new:]
        )):  # (a date of another clause leaves the act without one: "and that April the EC")
            events[first_new:] = [
                e if e.type == "statement" and _quote_tag(text, e.trigger)
                else in_narrative(e, told_in[1], article.published, text)
                for e in events[first_new:]
            ]
        if len(events) > first_new:
            _named_act(events, first_new, text, actors, doers, patterns)
            events[first_new:] = [e for e in events[first_new:] if e.target is not None or not (
                e.type == "criticism" and text.startswith(("regret", "Regret"), _trigger_of(e)[0])
            )]  # "she regretted calling him a traitor": regret of one's own act judges no one
            for event in events[first_new:]:
                source = event.source
                if event.type == "statement" and event.trigger and source is not None and (
                    source in actors and actors[source].kind == PERSON
                ):
                    speaker.clear()
                    speaker[source] = event.trigger[1]
    events.sort(key=_SPAN)
    return events


def _trigger_of(event: Event) -> tuple[int, int]:
    """The trigger of an event found here: every one has one (only stored events may not)."""
    trigger = event.trigger
    assert trigger is not None
    return trigger


# A quote whose subject is "we" before the trigger: '"We stand in solidarity with Turkey'.
_WE_QUOTED = re.compile(r"[\"“][^\"”]{0,60}?\b[Ww]e\s+(?:[\w'’-]+\s+){0,3}$")
_QUOTE_CLOSE = re.compile(r"[^\"”]{0,300}?[,.!?]?[\"”]\s*,?\s*")
_SAID_BY = re.compile(r"(?:said|says|told|added|declared)\b")


def _quote_speaker(
    text: str, start: int, sentence_end: int, mentions: Sequence[MentionLike],
) -> Party | None:
    """Who speaks the quote open at `start`: the actor named around the speech verb right after
    it closes ('..." Secretary General Jens Stoltenberg said', '..." said Stoltenberg')."""
    close = _QUOTE_CLOSE.match(text, start)
    if close is None or close.end() > sentence_end:
        return None
    tag_end = min(sentence_end, close.end() + 80)
    said = _SAID_BY.search(text, close.end(), tag_end)
    if said is None:
        return None
    for mention in mentions:
        if close.end() <= mention.span[0] < tag_end and mention.head:
            return Party(mention.actor, mention.span)
    return None


# ", which told Venezuela to refrain": the statement of the relative clause's head
_WHICH_SAID = re.compile(r",\s+(?:which|who)\s+(?:also\s+|later\s+)?$")


# ", Okafor said." closing a sentence: the source quoted by the writer, now, even in a history.
_TAG_BEFORE = re.compile(r"[,\"”]\s*(?:[\w.'’-]+\s+){0,6}$")
_TAG_AFTER = re.compile(r"\s*(?:[.,;]|$)")


def _quote_tag(text: str, trigger: tuple[int, int] | None) -> bool:
    return trigger is not None and bool(
        _TAG_BEFORE.search(text, max(0, trigger[0] - 60), trigger[0])
    ) and bool(_TAG_AFTER.match(text, trigger[1]))


# "condemned the invasion", "denounced the strikes": the act named before, so its doer.
_THE_ACT = re.compile(
    r"\s+(?:the|this|that|Friday's|[A-Z]\w+day's)\s+(?:[\w-]+\s+)?(?:invasion|attacks?|annexation|"
    r"offensive|incursion|strikes?|air ?strikes|bombings?|assault|occupation|raids?|shelling|"
    r"boarding|seizure|clash|skirmish|incursions?|use of (?:force|water cannons?|tear gas|"
    r"live (?:fire|ammunition)|chemical weapons))\b"
)
_THE_DECISION = re.compile(
    r"\s+(?:the|this|that|its|their|Moscow's|[A-Z]\w+'s)\s+(?:[\w-]+\s+)?(?:decision|move|"
    r"withdrawal|pullout|exit|suspension|step|announcement)\b"
)
# What a welcome of someone's misfortune looks like between the verb and that someone.
_HARMED_ONE = re.compile(
    r"\s+(?:the\s+)?(?:[\w-]+\s+)?(?:isolation|arrest|detention|expulsion|ouster|fall|defeat|"
    r"downfall|removal|punishment|killing|death|sanctioning|exclusion|suspension|blockade)"
    r"\s+of\s+(?:the\s+)?$"
)
_JUDGING = ("condemnation", "criticism")
# A threat of answering an attack: "vowed to retaliate", "would give a fitting reply".
_RETALIATION = re.compile(r"retaliat|respond|response|reply|hit back|revenge|aveng", re.IGNORECASE)


def _named_act(
    events: list[Event], first_new: int, text: str, actors: Mapping[str, Actor],
    doers: dict[str, str], patterns: Sequence[Pattern],
) -> None:
    """Give a judgement of "the invasion" (or "the decision") the one whose act was named
    before as its target ("The Security Council condemned the invasion the same day", after
    "Iraqi troops crossed into Kuwait"); `doers` keeps the last one acting militarily
    ("military") and the last one acting at all ("act") across sentences."""
    for k in range(first_new, len(events)):
        event = events[k]
        source = event.source
        if source is None:
            continue  # an occurrence naming no one (every act has its source): nothing here
        doer = None
        if event.type in _JUDGING and event.target is None and event.trigger:
            if _THE_ACT.match(text, event.trigger[1]):
                doer = doers.get("military")
            elif _THE_DECISION.match(text, event.trigger[1]):
                doer = doers.get("act")
        elif event.type == "threat" and event.target is None and event.trigger and (
            _RETALIATION.search(text, *event.trigger)
        ):
            # "Pakistan warned that it would respond at a time and place of its choosing", after
            # "Indian warplanes struck a camp inside Pakistan": aimed at the one who struck it
            doer = next((doers[f"hit:{a}"] for a in _family(source, actors)
                         if f"hit:{a}" in doers), None)
        if doer is not None and doer not in _family(source, actors):
            template = next(p.summary for p in patterns if p.type == event.type)
            events[k] = replace(
                event, target=doer, actors=tuple(dict.fromkeys((*event.actors, doer))),
                summary=template.format(source=_name(source, actors),
                                        target=_name(doer, actors)),
            )
        elif event.type == "military_action" and event.target is not None:
            doers["military"] = doers["act"] = source
            for hit in _family(event.target, actors):
                doers[f"hit:{hit}"] = source
        elif event.type not in ("statement", "occurrence", *_JUDGING):
            doers["act"] = source


_SPAN = attrgetter("span")
# A possessive pronoun owning the trigger noun after a copula or a comma: "Moscow is his most
# powerful backer", "Iran, its main patron" (not "the US and its allies": unnamed allies).
_POSSESSOR_BEFORE = re.compile(
    r"(?:\b(?:is|was|are|were|remains|remained|became|becomes|as)|,)\s+"
    r"([Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:(?:[a-z][\w-]*|\w+-\w+)\s+){0,3}$")

def _inside_found(
    trigger: tuple[int, int], kind: str, found: list[tuple[Event, Pattern]],
    within_others: bool = False,
) -> bool:
    for event, _pattern in found:
        span = event.trigger
        if span and ((span[0] <= trigger[0] and trigger[1] <= span[1] and event.type == kind)
                     or (event.type != kind and not within_others
                         and span[0] <= trigger[0] < span[1] and (
                         span[1] - span[0] > trigger[1] - trigger[0]
                         or (span == trigger and event.target is not None)))):
            return True  # ("deal with" inside "withdrew from the nuclear deal with": no deal)
    return False
_HAPPENED = re.compile(r"\b(?:[a-z]{3,}ed|began|begun|took|fell|met|won|lost|made|held|left|went|"
                       r"came|broke|said|fled|ran|led|told|sent|gave|beg[ai]n|will|would|is|was|"
                       r"were|has|have|had)\b")


_NAMED_DAY = frozenset({"day", "part_of_day", "time", "month"})
# A page's own time stamp, not news: "Last updated 19:52 EDT", "Posted on 3 May".
_STAMP = re.compile(r"\W*(?:(?:last|first)\s+)?(?:updated|published|posted|modified|edited)\b",
                    re.IGNORECASE)


def _occurrence(
    article: Article, sentence: Sentence, mentions: Sequence[MentionLike],
    times: Sequence[TimeExpression], masked: list[tuple[int, int]],
) -> Event | None:
    """A dated sentence about known actors with no relation trigger is still a timeline event
    ("The uprising against Assad began in March 2011"): analysts want it, with its actors."""
    text = article.text
    dated = [
        x for x in times
        if x.span[1] <= sentence.span[1] and x.type in ("DATE", "TIME")
        and (x.time.is_dated or x.relative)
    ]
    if not dated:
        return None
    heads = [m for m in mentions if m.head]
    if not _HAPPENED.search(sentence.text) or (not heads and (
            not any(x.time.granularity in _NAMED_DAY for x in dated)
            or _STAMP.match(sentence.text) or len(sentence.text.split()) < 4)):
        return None  # (with no one named, only a day or a month told: "The truce took effect
        # at 8am on 14 August" is on a timeline, "Growth slowed in 2019" is background)
    main = [m for m in heads if not any(a <= m.span[0] < b for a, b in masked)] or heads
    time, time_text, time_span, time_source = choose_time(
        text, sentence.span, dated[0].span, dated, article.published
    )
    # (the main clause's actors lead; those of its asides and clauses were there too: "Brussels
    # tightened its measures in May, after Belarus forced a Ryanair flight to land")
    involved = tuple(dict.fromkeys(m.actor for m in (*main, *heads)))[:4]
    words = strip_dateline(sentence.text).split()
    clipped = " ".join(words[:22]) + ("…" if len(words) > 22 else "")
    return Event(
        id=f"{article.id}:{sentence.span[0]}o",
        article=article.id,
        type="occurrence",
        summary=clipped,
        sentence=sentence.text,
        span=sentence.span,
        actors=involved,
        source=involved[0] if involved else None,
        target=None,
        polarity=0.0,
        time=time,
        time_text=time_text,
        time_span=time_span,
        time_source=time_source,
        trigger=dated[0].span,
        co_sources=(),
    )


# Where a clause of a compound sentence begins or ends: "..., and in October 2018 the court
# ordered", "..., who toppled the government in a coup in 2021", "... after the talks failed".
_CLAUSE_BOUNDARY = re.compile(
    r"[;:]|\s[—–]\s|,\s+(?:and|but|while|when|where|who|which|as|after|before|until|since)\b"
    r"|\b(?:when|after|before|until|because|whereas|although)\b"
)
_RANGE_GAP = re.compile(r"\s*(?:to|and|until|till|through|-|–)\s*")
_MORE_OCCURRENCES = 2  # besides the sentence's own: a sentence tells few dated moments


def _occurrences(
    article: Article, sentence: Sentence, mentions: Sequence[MentionLike],
    times: Sequence[TimeExpression], masked: list[tuple[int, int]],
) -> list[Event]:
    """The sentence's occurrence, and one more for each other moment a clause of it dates.

    "Japan ruled Korea from 1910, and in October 2018 South Korea's Supreme Court ordered ..."
    and "Fighting erupted on April 15 after the generals, who had toppled the government in a
    coup in October 2021, fell out" tell two dated happenings each; an analyst's timeline has
    both, each with the actors of its own clause.
    """
    first = _occurrence(article, sentence, mentions, times, masked)
    if first is None:
        return []
    out = [first]
    text = article.text
    s_start, s_end = sentence.span
    seen = [first.time]
    before = -1  # where the expression before ends: "from 1910 to 1945" is one period
    for expr in times:
        after_range, before = before >= 0 and _RANGE_GAP.fullmatch(
            text, before, expr.span[0]) is not None, expr.span[1]
        if after_range:
            continue
        if len(out) > _MORE_OCCURRENCES:
            break
        start, end = expr.span
        if start < s_start or end > s_end or expr.span == first.time_span or (
            expr.type not in ("DATE", "TIME") or not (expr.time.is_dated or expr.relative)
            or modifies_noun(text, expr.span, sentence.span)
        ) or any(_overlap(expr.time, told) for told in seen):
            continue  # ("at 8am on 14 August": one moment told twice over)
        low, high = _clause_around(text, sentence.span, expr.span)
        own = next(((a, b) for a, b in masked if a <= start and end <= b), None)
        heads = tuple(dict.fromkeys(
            m.actor for m in mentions if m.head and low <= m.span[0] < high and (
                # a subordinate clause or aside is another clause: "After X fled on 22
                # February, armed men seized ... on 27 February": not X's
                (own is not None and own[0] <= m.span[0] < own[1])
                or not any(a <= m.span[0] < b for a, b in masked))))[:4]
        if not heads and expr.time.granularity not in _NAMED_DAY:
            continue
        seen.append(expr.time)
        time, time_text, time_span, time_source = choose_time(
            text, sentence.span, expr.span, [expr], article.published)
        out.append(replace(
            first, id=f"{first.id}{len(out)}", actors=heads,
            source=heads[0] if heads else None, time=time, time_text=time_text,
            time_span=time_span, time_source=time_source, trigger=expr.span,
        ))
    return out


def _overlap(a: TimeSpan, b: TimeSpan) -> bool:
    """Whether two times share a day (or either has no days to compare: then they may)."""
    if a.start is None or b.start is None:
        return a.value == b.value
    return a.start <= (b.end or b.start) and b.start <= (a.end or a.start)


def _clause_around(
    text: str, sentence: tuple[int, int], span: tuple[int, int]
) -> tuple[int, int]:
    """The stretch of the sentence around `span` that no clause boundary crosses."""
    low, high = sentence
    for mark in _CLAUSE_BOUNDARY.finditer(text, sentence[0], sentence[1]):
        if mark.end() <= span[0]:
            low = mark.start()
        elif mark.start() >= span[1]:
            high = mark.start()
            break
    return low, high


def _matches(
    text: str, patterns: Sequence[Pattern], sentences: Sequence[Sentence],
    sentence_starts: list[int], folded: str,
) -> dict[int, list[tuple[Pattern, tuple[int, int]]]]:
    by_sentence: dict[int, list[tuple[Pattern, tuple[int, int]]]] = {}
    starts = candidate_starts(text, tuple(p.prefixes for p in patterns), folded)
    for number in sorted(starts):  # pattern order breaks ties between triggers at one place
        pattern, positions = patterns[number], starts[number]
        last_end = -1
        found = (pattern.regex.match(text, pos) for pos in positions) if positions is not None \
            else pattern.regex.finditer(text)  # no prefixes to index: one scan of its own
        for match in found:
            if match is None or match.start() < last_end:
                continue
            last_end = match.end()
            index = bisect.bisect_right(sentence_starts, match.start()) - 1
            if index < 0 or match.end() > sentences[index].span[1]:
                continue
            end = match.end()
            while end > match.start() and text[end - 1].isspace():
                end -= 1
            by_sentence.setdefault(index, []).append((pattern, (match.start(), end)))
    for items in by_sentence.values():
        items.sort(key=lambda item: item[1])
    return by_sentence


def _event(
    article: Article,
    sentence: Sentence,
    pattern: Pattern,
    trigger: tuple[int, int],
    mentions: Sequence[MentionLike],
    masked: list[tuple[int, int]],
    actors: Mapping[str, Actor],
    resolve_pronoun,
    times: Sequence[TimeExpression],
    roles: Roles,
    earlier: Sequence[MentionLike] = (),
    targets: Sequence[MentionLike] | None = None,
) -> Event | None:
    """`targets` are the mentions with the places of the sentence among them: a place can be
    the party acted upon, never the one acting."""
    text = article.text
    s_start, s_end = sentence.span
    targets = mentions if targets is None else targets
    whose: Party | None = None  # the actor after "whose", acting in its own clause
    # ("evacuated British diplomats": the people taken out, not the party acted upon)
    target: Party | None = None if pattern.owner_inside or pattern.type == "evacuation" else (
        _inside_trigger(trigger, targets, actors, text))
    if target is None and _no_target_possible(pattern, trigger, s_end, targets) and not (
        _OBJECT_PRONOUN.match(text, trigger[1])  # "branded him a dictator": him, named before
    ):
        return None
    trigger_text = text[trigger[0]:trigger[1]]
    if (trigger_text.endswith("ed") or trigger_text in _IRREGULAR_PARTICIPLES) and (
        _ADJECTIVAL.search(text, max(s_start, trigger[0] - 5), trigger[0])
    ):
        return None  # "the bombed embassy", "an occupied town": a description, not an act
    if pattern.type == "statement" and trigger_text.endswith("ing") and _OWNED_NOUN.search(
        text, max(s_start, trigger[0] - 8), trigger[0]
    ):
        return None  # "at his urging": a noun, nobody's statement in this sentence
    if trigger_text.endswith("ed") and _ATTRIBUTIVE.match(text, trigger[1], s_end) and not (
        _OF_SOON.match(text, trigger[1], s_end)
    ):
        return None  # "activist and accused bomber James Kopp": a label, not an accusation
    # A clause or apposition holding the trigger also holds its target.
    inner = enclosing(trigger, masked)
    stop = inner[1] if inner else None
    if stop is None and pattern.preps:
        # "arms ... to X" names X in the trigger's clause, not in a later "after ..." clause.
        stop = next_clause_start(text, trigger[1], masked)
    charge_at = None  # where what the accusation is about begins ("of attacking ...")
    for word in pattern.object_until:  # "accused the West of ignoring Kosovo Serbs": not Kosovo
        until = text.find(f" {word} ", trigger[1], s_end)
        if until >= 0 and (stop is None or until < stop):
            stop = until
        if until >= 0 and (charge_at is None or until < charge_at):
            charge_at = until
    if target is None and pattern.target in ("before", "either"):
        target = find_target_before(text, s_start, trigger, targets)
    if target is None and pattern.target == "either":
        target = find_target_after(text, s_end, trigger, targets, pattern.preps, set(),
                                   apposition_ok=True, stop=stop)
        if target is not None and pattern.adjacent_preps and not _prep_adjacent(
            text, trigger, target, pattern.preps
        ):
            target = None  # "If the allies succeed, ... a war with Kuwait": not Kuwait's allies
    exclude = _family(target.actor, actors) if target else set()
    between = _between(text, trigger, mentions, actors) if trigger_text[-7:].lower() == (
        "between") else None
    passive = None if between else _passive(text, sentence, pattern, trigger, targets, masked,
                                            actors, resolve_pronoun, roles)
    if passive is False:
        return None  # "Bin Laden is accused of ...": the one acting is not named
    source: Party | None
    if between is not None:
        source, target = between
    elif passive is not None:
        source, target = passive
    elif pattern.source == "speaker":
        speech = speech_verb_before(text, s_start, trigger[0])
        if speech is None:
            return None
        source = find_subject(text, s_start, speech, mentions, masked, set(), resolve_pronoun,
                              roles=roles)
    elif trigger_text.lower().startswith("according to"):
        comma = text.find(",", trigger[1], s_end)  # "according to monitors, ... Syrian"
        source = find_target_after(text, s_end, trigger, mentions, (), set(), window=60,
                                   stop=comma if comma >= 0 else None)
    else:
        # ", the emergencies ministry said,": a reporting clause between commas, no apposition;
        # but ", the two mediators said" speaks of the actors named just before it
        source = apposition_head(text, trigger, masked, mentions) if (
            pattern.type != "statement" or _COUNTED_SPEAKERS.search(
                text, max(s_start, trigger[0] - 40), trigger[0])) else None
        if source is None and "whose " in text[max(s_start, trigger[0] - 80):trigger[0]]:
            source = whose = whose_subject(text, s_start, trigger, mentions)
        special = gerund_agent(text, s_start, trigger, mentions)
        if special is False and pattern.type == "statement" and _AFTER_QUOTE.search(
            text, max(s_start, trigger[0] - 5), trigger[0]
        ):
            special = _speaker_after(text, trigger, mentions)  # '"...," said a diplomat'
        if special is False and (pattern.type != "statement" or _WHICH_SAID.search(
            text, max(s_start, trigger[0] - 12), trigger[0])):
            special = relative_clause_head(text, s_start, trigger, mentions)
            if special is None and _ACT_NOUN_HEAD.search(text, s_start, trigger[0]):
                # "Russia pulled out, a decision that drew criticism from the UN": the act's
                # doer is the subject of the clause the act noun sums up
                special = False
                source = find_subject(text, s_start, trigger, mentions, masked, exclude,
                                      resolve_pronoun, main_only=True, roles=roles)
        if special is not False:
            source = special if isinstance(special, Party) else None
            if source is None:
                return None
        elif (opening := _ING_OPENING.match(text, s_start)) is not None and (
            trigger[1] <= opening.end()
        ):
            # "After touring Dar es Salaam and meeting with Kenyan police leaders, the FBI chief
            # said ...": the opening participle's subject is the main clause's, after the comma
            if (he := _OPENING_PRONOUN.match(text, opening.end())) is not None:
                # "After meeting Erdogan in Osaka, he said ...": he, who is not Erdogan
                resolved = resolve_pronoun(he.group(1).lower(), he.start(1))
                source = Party(resolved, he.span(1)) if resolved else None
            else:
                source = next((Party(m.actor, m.span) for m in mentions if m.head and (
                    opening.end() <= m.span[0] < opening.end() + 40)), None)
            if source is None:
                return None
        elif source is None or source.actor in exclude:
            source = find_subject(
                text, s_start, trigger, mentions, masked, exclude, resolve_pronoun,
                main_only=is_participle_clause(text, s_start, trigger[0])
                and not _own_clause(text, s_start, trigger, inner),
                inverted_ok=pattern.type == "statement" and _invertible(trigger_text),
                roles=roles,
            )
            if source is not None and in_foreign_clause(text, trigger[0], source.span[0], masked):
                source = None  # "France left after supporters of the coup attacked its embassy"
            if source is not None and source.span[1] < trigger[0] - 12 and (
                    _unnamed_antecedent(text, s_start, trigger, mentions)):
                source = None  # "a standoff with the military officers who toppled Bazoum"
        source = _whose_country(text, source, trigger, actors)
    group = None
    hyphen = _hyphen_pair(text, trigger, mentions) if pattern.symmetric else None
    if hyphen is not None:  # "the Israel-UAE treaty", "the Iran-Iraq war": its two parties
        if source is None or hyphen[0].span[0] == trigger[0]:
            # (the compound is the trigger: "Trump hailed the Israel-UAE deal" is no party)
            source, target = hyphen
        else:
            own = _family(source.actor, actors)
            if hyphen[0].actor in own:
                target = hyphen[1]
            elif hyphen[1].actor in own:
                target = hyphen[0]
    if pattern.symmetric and target is None:
        pair = _the_two(text, s_start, trigger, mentions, earlier)
        if pair is not None:  # "... between Maduro and Ali, where the two leaders agreed"
            source, target = pair
            if _STATE_NOUN.search(text, max(s_start, trigger[0] - 40), trigger[0]):
                # "the two armies" after "Doval and Wang Yi": their states
                source, target = _state_party(source, actors), _state_party(target, actors)
    if source is None or (pattern.symmetric and target is None and group is None):
        group = _counted_group(text, s_start, trigger, mentions, earlier) or _envoys_of(
            text, s_start, trigger, mentions)
        if group is not None and target is not None and target.actor in {
            p.actor for p in group
        }:
            group = None
        if group is not None:  # "The four governments accused Qatar of funding extremists"
            source = group[0]
    if source is None and pattern.source != "speaker" and (
        we := _WE_QUOTED.search(text, max(s_start, trigger[0] - 80), trigger[0])
    ) is not None:
        # '"We stand in solidarity with Turkey," Stoltenberg said': we are the speaker's side
        source = _quote_speaker(text, we.end(), s_end, mentions)
    if source is None and trigger_text.lower() in pattern.nominal and (
        owned := _OWNED.search(text, max(s_start, trigger[0] - 40), trigger[0])
    ) is not None:
        # "expanded after its full-scale invasion of Ukraine": the state named last owns it
        source = _owner_before(owned.start(), mentions, earlier, actors)
    if source is None or _unnamed_speaker(text, source, trigger, pattern) or (
            targets is not mentions and any(
                m.span == source.span and m.via == "place" for m in targets)):
        return None  # (a city or region is acted upon, it does not act: "shelled by Kharkiv")
    if (trigger_text.lower() in pattern.nominal or _determined_gerund(text, trigger)) and not (
        _has_agent(text, trigger, source)
    ):
        return None
    if pattern.type != "statement" and pattern.source != "speaker" and _unowned_noun_in_speech(
            text, s_start, trigger, source):
        return None
    family = _family(source.actor, actors)
    pronoun = _OBJECT_PRONOUN.match(text, trigger[1]) if pattern.target == "after" else None
    owned = _POSSESSED_OBJECT.match(text, trigger[1]) if (
        target is None and pattern.type == "military_action") else None
    if owned is not None:
        # "a U.S. drone struck their convoy", "attacked its embassy": the owner named before
        word = owned.group(1).lower()
        target = person_before(text, trigger, mentions, actors, family, word != "its")
        if target is None and word == "their":
            target = group_before(text, trigger, mentions, actors, family)
    elif target is None and pronoun is not None:
        # "met Maduro and urged him to respect the Barbados agreement": him, not Barbados
        word = pronoun.group(1).lower()
        if word != "them":
            target = person_before(text, trigger, mentions, actors, family, word != "it")
        else:  # "denies arming the Houthis, though it openly backs them": a group named before
            target = group_before(text, trigger, mentions, actors, family) or _listed_before(
                text, trigger, earlier, family)
    elif target is None and pattern.target == "after":
        if _takes_object(pattern, text, trigger):
            # "sanctioned Iran", "suspended Mali", "warned Western governments that ... Ukraine":
            # a verb matched with its object takes that object, not an actor further on.
            target = find_target_after(text, s_end, trigger, targets, (), family,
                                       window=_OBJECT_REACH, stop=stop)
        else:
            target = find_target_after(text, s_end, trigger, targets, pattern.preps, family,
                                       stop=stop, locative=pattern.locative)
        if target is not None and _victim(pattern, text, trigger, target):
            target = None
        if target is not None and pattern.type == "support" and _HARMED_ONE.match(
            text, trigger[1], target.span[0]
        ):
            target = None  # "welcomed the isolation of Qatar": not a welcome for Qatar
        if target is not None and pattern.adjacent_preps and not _prep_right_before(
            text, trigger, target, pattern.preps
        ):
            target = None  # "launched a campaign in 2015 aimed at restoring Hadi's rule"
    elif pattern.target == "near":
        target = find_nearest(trigger, sentence.span, targets, family)
    if target is None and pattern.target in ("before", "either") and (
            poss := _POSSESSOR_BEFORE.search(text, max(s_start, trigger[0] - 40), trigger[0])
    ) is not None:
        # "while Moscow is his most powerful backer": his, the person named before
        word = poss.group(1).lower()
        target = person_before(text, trigger, mentions, actors, family, word != "its") if (
            word != "their") else group_before(text, trigger, mentions, actors, family)
    if target is None and pattern.target == "after" and not pattern.symmetric:
        target = _relative_object(text, s_start, source, mentions, family)
    if target is not None and target.actor in family:
        target = None
    mediators = _mediators(text, trigger, mentions) if pattern.type == "negotiation" and (
        trigger_text.lower().startswith(("mediat", "broker"))) else None
    if mediators:
        # "rejoined the deal after mediation by Ankara", "talks mediated by Qatar and Turkey":
        # the mediator acts on the side the sentence is about, its first party named
        source = mediators[0]
        family = _family(source.actor, actors) | {p.actor for p in mediators}
        if target is None or target.actor in family:
            target = next((Party(m.actor, m.span) for m in mentions if m.head
                           and s_start <= m.span[0] < trigger[0]
                           and m.actor not in family), None)
    co_sources = () if whose is not None else find_co_sources(
        text, s_start, trigger, source, mentions) if not (
        passive) else _joined_agents(text, source, mentions, s_end)
    if co_sources and inner is not None and inner[0] <= source.span[0] and (
            _SUBORDINATE_OPENING.match(text, inner[0])):
        # "was killed along with X, when a U.S. drone struck": the clause's own acting ones
        own = {m.actor for m in mentions if inner[0] <= m.span[0] < trigger[0]}
        co_sources = tuple(a for a in co_sources if a in own)
    if mediators:
        co_sources = tuple(dict.fromkeys((*co_sources, *(p.actor for p in mediators[1:]))))
    if group is not None:
        co_sources = tuple(p.actor for p in group[1:])
    elif pattern.type != "statement":
        co_sources = co_sources + _as_did(text, trigger, stop or s_end, mentions, co_sources,
                                          source)
    if co_sources and group is None and not pattern.symmetric:
        listed = [m for m in mentions if m.head and m.actor in co_sources
                  and s_start <= m.span[0] < source.span[0]]
        if listed:  # "Saudi Arabia, the UAE, Bahrain and Egypt severed ...": the first leads
            order = [m.actor for m in listed] + [source.actor, *co_sources]
            source = Party(listed[0].actor, listed[0].span)
            co_sources = tuple(a for a in dict.fromkeys(order) if a != source.actor)
    if target is None and pattern.symmetric and co_sources and not mediators:
        partner = next((m for m in mentions if m.actor == co_sources[0]
                        and s_start <= m.span[0] < trigger[0]), None)
        if partner is not None and partner.span[0] < source.span[0]:
            # "Saudi Arabia and Iran agreed": the first named leads, as a reader lists them
            target, source = source, Party(partner.actor, partner.span)
        else:
            target = Party(co_sources[0], (0, 0))
        co_sources = co_sources[1:]
    if pattern.type == "alliance" and target is not None and (
        source.span[1] <= target.span[0] < trigger[0]
    ) and _OTHER_VERB.search(text, source.span[1], target.span[0]):
        # "It also cautioned U.S. allies in the region": allies of the U.S., unnamed, not "it"
        return None
    if pattern.requires_target and target is None:
        return None
    if pattern.reverse and target is not None:
        source, target, co_sources = target, source, ()
    kind, polarity = pattern.type, pattern.polarity
    verb_at = trigger[0] + 3 if text.startswith("to ", trigger[0]) else trigger[0]
    if kind != "statement" and is_irrealis(text, s_start, verb_at):  # ("plans to strike")
        return None
    if is_negated(text, s_start, trigger[0]):
        if not pattern.negated:
            return None
        kind, polarity = pattern.negated, -abs(pattern.polarity) or -0.5
    if charge_at is not None and times:
        # "blames them for the killing of 26 men on April 22": April 22 dates the killing
        times = [x for x in times if x.span[0] < charge_at or x.span[0] < trigger[0]]
    time, time_text, time_span, time_source = choose_time(
        text, sentence.span, trigger, times, article.published,
        speech=kind == "statement" and _reports_clause(text, trigger),
        appositions=_appositions(text, masked, mentions) if times else (),
    )
    return Event(
        id=f"{article.id}:{trigger[0]}",
        article=article.id,
        type=kind,
        summary=_summary(pattern, kind, source, target, actors, text, trigger),
        sentence=sentence.text,
        span=sentence.span,
        actors=tuple(dict.fromkeys(
            a for a in (source.actor, target.actor if target else None, *co_sources) if a
        )),
        source=source.actor,
        target=target.actor if target else None,
        polarity=polarity,
        time=time,
        time_text=time_text,
        time_span=time_span,
        time_source=time_source,
        trigger=trigger,
        co_sources=co_sources,
    )


def _appositions(
    text: str, masked: Sequence[tuple[int, int]], mentions: Sequence[MentionLike],
) -> list[tuple[int, int]]:
    """The masked ranges that are appositions to an actor, closed by a comma: "Russia,
    Armenia's treaty ally since the 1990s, has been distancing itself ..."."""
    ends = {m.span[1] for m in mentions}
    return [(a, b) for a, b in masked if a in ends and text[a] == "," and text[b - 1] == ","
            and not _PARTICIPLE_OPENING.match(text, a)]


# An aside that opens with a participle tells of the same occasion as its sentence's verb
# ("Sisi, addressing troops on Saturday, said ..."): its time is the sentence's.
_PARTICIPLE_OPENING = re.compile(r",\s+[a-z]+ing\s")
_NO_CONTENT = re.compile(
    r"(?:in\s+an?\s+(?:written\s+|joint\s+)?statement\s*)?(?:(?:on|late|early)\s+)?"
    r"(?:\w+day|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{1,2})?[\s.,]*",
    re.IGNORECASE,
)
_AUDIENCE = re.compile(
    r"(?:reporters|journalists|the press|a (?:news|press) conference|state (?:media|television)|"
    r"parliament|lawmakers|the (?:BBC|CNN|AP|Associated Press|Reuters))\b", re.IGNORECASE)
_PAIRED = re.compile(
    r"\b(?:[Tt]he two|[Bb]oth) (?:leaders|sides|countries|governments|nations|armies|militaries)\b"
    r"|\b[Tt]he two (?=[a-z]+ed\b)"  # "The two agreed that ..."
)
_THE_TWO = re.compile(
    r"\b(?:the\s+two|both)\s+(?:(?:leaders|sides|countries|governments|nations|men|presidents|"
    r"ministers|parties|neighbou?rs|rivals|armies|militaries|delegations|camps)\s+)?"
    # ("the two governments said they had reached ...": they are the two)
    r"(?:(?:said|say|says|announced|confirmed)\s+(?:that\s+)?they\s+)?"
    r"(?:(?:have|had|also|then|finally)\s+)*$",
    re.IGNORECASE,
)


_STATE_NOUN = re.compile(
    r"\b(?:the\s+two|both)\s+(?:countries|governments|nations|armies|militaries|neighbou?rs|"
    r"capitals)\b", re.IGNORECASE)


def _state_party(party: Party, actors: Mapping[str, Actor]) -> Party:
    """The state a person in office stands for, else the party itself."""
    actor = actors.get(party.actor)
    if actor is not None and actor.kind == PERSON and actor.parent:
        return Party(actor.parent, party.span)
    return party


_HYPHEN = frozenset({"-", "–", "—", "/"})


def _hyphen_pair(
    text: str, trigger: tuple[int, int], mentions: Sequence[MentionLike],
) -> tuple[Party, Party] | None:
    """Two actors joined by a hyphen in or just before the trigger: "signed the Israel-UAE
    treaty", "the Iran-Iraq war", "US-China trade talks"."""
    near = [m for m in mentions if trigger[0] - 40 <= m.span[0] and m.span[1] <= trigger[1]]
    for a, b in pairwise(near):
        if a.actor != b.actor and text[a.span[1]:b.span[0]] in _HYPHEN:
            return Party(a.actor, a.span), Party(b.actor, b.span)
    return None


# What follows a name that begins a clause of its own: "sent aid to Ukraine and Russia said ...".
_VERB_NEXT = re.compile(
    r"['’]?s?\s+(?:has|have|had|is|was|were|are|will|would|can|could|said|says|also|then|"
    r"[a-z]+ed)\b")


# An aside with no name in it, then a verb: "Iran, its main patron, said".
_VERB_AFTER_ASIDE = re.compile(
    r",\s+(?:the|its|his|her|their|a|an)\s+[^,;.()A-Z]{1,50},\s*(?:has|have|had|is|was|were|are|"
    r"will|would|can|could|said|says|also|then|[a-z]+ed)\b")


def _joined_agents(
    text: str, agent: Party, mentions: Sequence[MentionLike], sentence_end: int,
) -> tuple[str, ...]:
    """The actors listed with a passive's agent: "backed by Russia and China" (China too)."""
    found: list[str] = []
    previous = agent.span
    for mention in mentions:
        if mention.span[0] < previous[1]:
            continue
        if mention.span[0] >= sentence_end or not _LIST_JOIN.fullmatch(
                text, previous[1], mention.span[0]):
            break
        if _VERB_NEXT.match(text, mention.span[1]) or opens_clause(text, mention.span[1]):
            break  # "attacked by Somalia, and Uganda protested": a clause of its own
        previous = mention.span
        if mention.head and mention.actor != agent.actor and mention.actor not in found:
            found.append(mention.actor)
    return tuple(found)


# "Dagalo's forces and the army have accused each other": each did it to the other.
_RECIPROCAL = re.compile(r"\s+(?:each\s+other|one\s+another)\b", re.IGNORECASE)


def _reciprocal(event: Event, pattern: Pattern, actors: Mapping[str, Actor]) -> list[Event]:
    """The act of two parties named together done to each other, as one event each way."""
    assert event.source is not None  # an act's event always has its source
    other = event.co_sources[0]
    both = []
    for source, target in ((event.source, other), (other, event.source)):
        both.append(replace(
            event, id=event.id if source == event.source else f"{event.id}+{source}",
            source=source, target=target, co_sources=event.co_sources[1:],
            actors=tuple(dict.fromkeys((source, target, *event.co_sources[1:]))),
            summary=pattern.summary.format(source=_name(source, actors),
                                           target=_name(target, actors)),
        ))
    return both


def _conjoined_targets(
    text: str, event: Event, pattern: Pattern, mentions: Sequence[MentionLike],
    actors: Mapping[str, Actor], sentence_end: int,
) -> list[Event]:
    """The same act towards each further party listed after its target: "signs normalisation
    deals with the UAE and Bahrain", "imposed sanctions on Iran, Syria and North Korea"."""
    trigger = event.trigger
    if not trigger:
        return []
    first = next((m for m in mentions if m.actor == event.target and m.span[0] >= trigger[0]),
                 None)
    if first is None:
        return []
    assert event.source is not None  # an act's event always has its source
    taken = {event.source, event.target, *event.co_sources}
    extra = []
    previous = first
    for mention in mentions:
        if mention.span[0] < previous.span[1]:
            continue
        if mention.span[0] >= sentence_end or not _LIST_JOIN.fullmatch(
                text, previous.span[1], mention.span[0]):
            break
        previous = mention
        if mention.actor in taken or not mention.head or _VERB_NEXT.match(
                text, mention.span[1]) or _VERB_AFTER_ASIDE.match(text, mention.span[1]):
            continue  # ("..., and Iran, its main patron, said nothing": a clause of its own)
        taken.add(mention.actor)
        extra.append(replace(
            event, id=f"{event.id}+{mention.actor}", target=mention.actor,
            actors=tuple(dict.fromkeys((event.source, mention.actor, *event.co_sources))),
            summary=pattern.summary.format(source=_name(event.source, actors),
                                           target=_name(mention.actor, actors)),
        ))
    return extra


# "The four governments accused Qatar", "the three countries have since ...": a counted group as
# the subject stands for the last N actors named together in a list.
_COUNTED = re.compile(
    r"\b(?:the\s+(two|three|four|five|six)|all\s+(three|four|five|six))\s+"
    r"(?:[a-z-]+\s+)?(?:leaders|sides|countries|governments|nations|states|powers|capitals|"
    r"neighbou?rs|rivals|allies|members|parties|presidents|ministers|monarchies|juntas)\s+"
    r"(?:(?:have|had|also|then|finally|jointly|all|later|swiftly|quickly|immediately)\s+)*$",
    re.IGNORECASE,
)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNTED_AND = re.compile(
    r"\b(?:the\s+(two|three|four)|all\s+(three|four))\s+(?:leaders|sides|countries|governments|"
    r"nations|states|neighbou?rs|rivals|parties)\s+and\s+(?:the\s+)?$", re.IGNORECASE)
_COUNTED_NOUN = re.compile(r"\b(?:[Tt]he|[Aa]ll) (?:two|three|four|five|six) [a-z]")
_LIST_JOIN = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|[ \t]+and[ \t]+(?:the[ \t]+)?")


def _counted_group(
    text: str, sentence_start: int, trigger: tuple[int, int], mentions: Sequence[MentionLike],
    earlier: Sequence[MentionLike],
) -> list[Party] | None:
    """The actors "the four governments" (before the trigger) stands for: the last list of
    that many distinct actors, in its own sentence before it or in the sentences just before;
    None when it names no group or no such list was named."""
    match = _COUNTED.search(text, max(sentence_start, trigger[0] - 60), trigger[0])
    joined: MentionLike | None = None
    if match is None:
        # "the two countries and Britain signed the Geneva Agreement": the pair and one more
        joined = next((m for m in reversed(mentions) if m.span[1] <= trigger[0]), None)
        if joined is None or not _SUBJECT_GAP.fullmatch(text, joined.span[1], trigger[0]):
            return None
        match = _COUNTED_AND.search(text, max(sentence_start, joined.span[0] - 60),
                                    joined.span[0])
        if match is None:
            return None
    count = _NUMBERS[(match.group(1) or match.group(2)).lower()]
    heads = [m for m in (*earlier, *mentions) if m.head and m.span[1] <= match.start()]
    for k in range(len(heads) - 1, count - 2, -1):
        run = heads[k - count + 1:k + 1]
        if len({m.actor for m in run}) == count and all(
            _LIST_JOIN.fullmatch(text, a.span[1], b.span[0]) for a, b in pairwise(run)
        ) and "and" in text[run[-2].span[1]:run[-1].span[0]] and (not is_prep_object(
            text, run[0].span[0]
        ) or _ENVOYS_OF.search(text, max(0, run[0].span[0] - 60), run[0].span[0])):
            # ("The military rulers of Mali, Burkina Faso and Niger ... the three juntas")
            group = [Party(m.actor, m.span) for m in run]
            if joined is not None and joined.actor not in {p.actor for p in group}:
                group.append(Party(joined.actor, joined.span))
            return group
    return None


# "The foreign ministers of Russia, Iran and Turkey met", "the military rulers of Mali, Burkina
# Faso and Niger": the states their envoys or rulers stand for.
_ENVOYS_OF = re.compile(
    r"\b(?:foreign |defen[cs]e |prime |finance )?(?:ministers|leaders|presidents|heads of state|"
    r"heads of government|representatives|delegations|envoys|officials|negotiators|"
    r"commanders|chiefs|rulers|governments|juntas|militaries|armies|regimes)\s+(?:from|of)\s+"
    r"(?:the\s+)?$", re.IGNORECASE)


def _envoys_of(
    text: str, sentence_start: int, trigger: tuple[int, int], mentions: Sequence[MentionLike],
) -> list[Party] | None:
    """The listed actors whose envoys are the subject right before the trigger, if so."""
    run: list[MentionLike] = []
    for mention in reversed(mentions):
        if mention.span[1] > trigger[0] or mention.span[0] < sentence_start:
            continue
        if not run:
            if not _SUBJECT_GAP.fullmatch(text, mention.span[1], trigger[0]):
                return None
        elif not _LIST_JOIN.fullmatch(text, mention.span[1], run[-1].span[0]):
            break
        run.append(mention)
    if len(run) < 2 or not _ENVOYS_OF.search(text, max(sentence_start, run[-1].span[0] - 60),
                                             run[-1].span[0]):
        return None
    return [Party(m.actor, m.span) for m in reversed(run)]


_SUBJECT_GAP = re.compile(
    r"(?:\s*,[^,;.]{1,80},)?\s+(?:(?:have|had|also|then|finally|jointly|all|later)\s+)*")


def _the_two(
    text: str, sentence_start: int, trigger: tuple[int, int], mentions: Sequence[MentionLike],
    earlier: Sequence[MentionLike] = (),
) -> tuple[Party, Party] | None:
    """The two actors "the two leaders" stands for: the last two named before it, when they
    were named together ("talks between Maduro and Ali, where the two leaders agreed"); when
    its own sentence names no one before it ("The two governments said on Sunday ..."), the
    last pair named together in the sentences just before."""
    match = _THE_TWO.search(text, max(sentence_start, trigger[0] - 40), trigger[0])
    if match is None:
        return None
    before = [m for m in mentions if m.span[1] <= match.start() and m.head]
    if not before:
        heads = [m for m in earlier if m.head]
        for k in range(len(heads) - 1, 0, -1):
            first, second = heads[k - 1], heads[k]
            if first.actor != second.actor and _AND_TITLED_GAP.fullmatch(
                text, first.span[1], second.span[0]
            ):
                return Party(first.actor, first.span), Party(second.actor, second.span)
        return _protagonists([*earlier, *(m for m in mentions if m.span[1] <= match.start())],
                             text)
    if len(before) < 2:
        pair = _protagonists([*earlier, *(m for m in mentions if m.span[1] <= match.start())],
                             text)
        return pair if pair and before[0].actor in {p.actor for p in pair} else None
    first, second = before[-2], before[-1]
    if first.actor == second.actor or not _AND_GAP.fullmatch(
        text, first.span[1], second.span[0]
    ):
        return None  # named apart, or in an earlier sentence: the usual subject search
    return Party(first.actor, first.span), Party(second.actor, second.span)


# "Pakistan, which Kabul and Washington have long accused of ...": the head of a relative
# clause whose own subject acts on it
_WHICH_OPENS = re.compile(
    r",\s+(?:which|whom)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.'’-]*,?\s+(?:and\s+(?:the\s+)?)?){0,4}$"
)


def _relative_object(
    text: str, sentence_start: int, source: Party, mentions: Sequence[MentionLike],
    exclude: set[str],
) -> Party | None:
    """The head of the relative clause the source opens, when the clause's verb acts on it."""
    which = _WHICH_OPENS.search(text, max(sentence_start, source.span[0] - 60), source.span[0])
    if which is None:
        return None
    head = next((m for m in reversed(mentions) if m.span[1] <= which.start()), None)
    if head is None or head.span[1] != which.start() or head.actor in exclude:
        return None
    return Party(head.actor, head.span)


def _listed_before(
    text: str, trigger: tuple[int, int], earlier: Sequence[MentionLike], exclude: set[str],
) -> Party | None:
    """Whom "them" stands for in a sentence that names no one before it: the list of actors
    the sentence just before ended with ("withdrawing its staff from Argentina, Chile and Peru.
    He accused them of ..."), by its first member."""
    heads = [m for m in earlier if m.head and trigger[0] - m.span[1] <= 400]
    run: list[MentionLike] = []
    for mention in reversed(heads):
        if run and not _LIST_JOIN.fullmatch(text, mention.span[1], run[-1].span[0]):
            break
        if mention.actor in exclude:
            break
        run.append(mention)
    if len({m.actor for m in run}) < 2 or _SENTENCE_BREAK.search(text, run[0].span[1], trigger[0]) \
            is None:
        return None
    return Party(run[-1].actor, run[-1].span)


_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s")


def _protagonists(mentions: Sequence[MentionLike], text: str = "") -> tuple[Party, Party] | None:
    """The two actors the story has been about ("Chinese troops ... Indian soldiers ... where
    the two sides fought"): the two named most often in the lines before, when no third is
    named as often as the second. A venue ("met Kim in Singapore") is no side."""
    counts: dict[str, int] = {}
    last: dict[str, MentionLike] = {}
    for m in mentions:
        if text and text.endswith(_VENUE_PREPS, max(0, m.span[0] - 4), m.span[0]):
            continue
        counts[m.actor] = counts.get(m.actor, 0) + 1
        last[m.actor] = m
    ranked = sorted(counts, key=counts.__getitem__, reverse=True)
    if len(ranked) < 2 or (len(ranked) > 2 and counts[ranked[1]] == counts[ranked[2]]):
        return None
    first, second = sorted((last[ranked[0]], last[ranked[1]]), key=lambda m: m.span)
    return Party(first.actor, first.span), Party(second.actor, second.span)


_VENUE_PREPS = (" in ", " at ")


# A participle phrase opening the sentence before its subject: "After touring X and meeting
# with Y, the FBI chief said", "Addressing troops on Saturday, Sisi said".
# (Not a title or a name ending in -ing: "Acting deputy secretary of state Victoria Nuland".)
_OPENING_PRONOUN = re.compile(r"(he|she|it|they)\b", re.IGNORECASE)
_ING_OPENING = re.compile(
    r"\s*(?:(?:After|Before|While|When|Since|Upon|On|Despite)\s+)?"
    r"(?!(?:Acting|Outgoing|Incoming|Ruling|Leading|Governing|Visiting|Departing|Opposing|"
    r"Remaining|Morning|Evening|During|Nothing|Something|Everything|King|Spring|Beijing|"
    r"Wellington|Reading|Sterling|Nanjing|Chongqing|Xining|Kunming|Harbin)\b)"
    r"[A-Za-z]+ing\b[^,;]{1,120},\s*"
)
_ACT_NOUN_HEAD = re.compile(
    r",\s+(?:a|the)\s+(?:[\w-]+\s+)?(?:decision|move|step|announcement|withdrawal|act|action)"
    r"\s+(?:that|which)\s+(?:\w+\s+)?$"
)
_COUNTED_SPEAKERS = re.compile(r",\s+(?:the\s+)?(?:two|both|three|four)\s+[a-z-]+\s+$")
_ADJECTIVAL = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)
# A participle before a bare common noun and a name: "accused bomber James Kopp", "accused spy
# Okafor". A verb takes a determiner, a pronoun or a name as object ("accused the envoy").
_FUNCTION_WORDS = (
    r"(?:the|a|an|his|her|its|their|our|my|your|him|them|it|us|me|both|each|all|some|"
    r"any|no|one|two|three|several|other|another|this|that|these|those|and|or|but|not|on|in|"
    r"at|of|for|to|with|by|from|over|after|before|during|as|between|among|against|into|onto|"
    r"upon|across|through|toward|towards|under|within|without|about|around|near|via|amid|"
    r"alongside|behind|beyond|despite|since|until|while|when|where|who|whom|whose|which|what|whatever|how|why|than|then|"
    r"there|here|also|again|back|out|up|down|off|away|later|earlier|together|only|just|"
    r"even|once|twice|last|next|late|\w+ly)\b"
)
_ATTRIBUTIVE = re.compile(
    rf"\s+(?!{_FUNCTION_WORDS})[a-z][a-z-]+(?:\s+(?!{_FUNCTION_WORDS})[a-z][a-z-]+)?\s+[A-Z]"
)
# "accused rebel leader Okafor of ...": "of" right after the name makes the participle a verb.
_OF_SOON = re.compile(r"\s+(?:[a-z][a-z-]*\s+){0,2}(?:[A-Z][\w.'’-]*\s+){1,4}of\b")


_AS_DID = re.compile(r",\s+as\s+(?:did|do|does|have|has|had)\s+(?:the\s+)?")
_LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:and\s+)?(?:the\s+)?")


def _as_did(
    text: str, trigger: tuple[int, int], sentence_end: int, mentions: Sequence[MentionLike],
    known: tuple[str, ...], source: Party,
) -> tuple[str, ...]:
    """ "Saudi Arabia condemned the strikes, as did Qatar and Egypt": the actors listed after
    "as did" act alike, with the same target. (`sentence_end` is the end of the trigger's
    aside when it has one: "as did" after it speaks of the main clause.)"""
    if text.find(", as ", trigger[1], sentence_end) < 0:
        return ()
    match = _AS_DID.search(text, trigger[1], sentence_end)
    if match is None:
        return ()
    found: list[str] = []
    position = match.end()
    for mention in mentions:
        if mention.span[0] < position:
            continue
        if mention.span[0] != position and not _LIST_GAP.fullmatch(
            text, position, mention.span[0]
        ):
            break
        if mention.actor not in known and mention.actor != source.actor:
            found.append(mention.actor)
        position = mention.span[1]
    return tuple(dict.fromkeys(found))


# Speech verbs whose object is what was said, with its own times ("said the war began in
# 2011"); "announced the evacuations on Monday" dates the announcing and is not among them.
_CLAUSE_VERBS = frozenset(
    # ("according to UN estimates" reports a clause too: "Fighting has killed 100,000 people
    # since March 2011, according to UN estimates" is no statement made since 2011)
    "said says told stated added insisted argued claimed declared warned according".split()
)


# Speech verbs that come before their speaker ("..., said Denisov"); "called for Vacco to ..."
# names whom the call is about, not who made it.
# ("told" takes its hearer after it: "which told Venezuela to refrain" is not Venezuela's)
_INVERTIBLE = frozenset(
    "said says stated added insisted argued claimed declared announced confirmed "
    "denied according".split()
)


def _invertible(trigger_text: str) -> bool:
    word = trigger_text.split(maxsplit=1)
    return bool(word) and word[0].lower() in _INVERTIBLE


def _reports_clause(text: str, trigger: tuple[int, int]) -> bool:
    word = text[trigger[0]:trigger[1]].split(maxsplit=1)
    return bool(word) and word[0].lower() in _CLAUSE_VERBS


_OBJECT_REACH = 40  # characters from a transitive trigger to the start of its object
# "it" only where it must be an actor: "accused it of", "urged it to", "thanked it for".
_OBJECT_PRONOUN = re.compile(r"\s+(him|her|them\b|it(?=\s+(?:of|for|to)\b))\b", re.IGNORECASE)
_POSSESSED_OBJECT = re.compile(
    r"\s+(his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:convoy|motorcade|car|vehicle|home|house|"
    r"residence|compound|headquarters|bases?|embassy|consulate|positions?|forces|troops|"
    r"soldiers|ships?|vessels?|aircraft|jets?|plane|outposts?)\b", re.IGNORECASE)


_HARM_OF = re.compile(
    r"\b(?:arrests?|detentions?|killings?|murders?|assassinations?|deaths?|jailing|"
    r"imprisonment|executions?|sentencing|kidnappings?|abductions?|exclusion|disqualification|"
    r"expulsions?|disappearance|persecution|mistreatment|poisoning|torture)\s+of\s+"
    r"(?:[\w.’'-]+\s+){0,3}$"
    # "condemned the bomb attacks on U.S. embassies in Kenya": those hit, not those condemned
    r"|\b(?:attacks?|bombings?|blasts?|explosions?|strikes?|shootings?|shelling|massacres?|"
    r"acts|violence|aggression|crimes|atrocities)\s+"
    r"(?:[\w.’'-]+\s+){0,4}?(?:on|at|in|of|against|outside|near)\s+(?:[\w.’'-]+\s+){0,3}$",
    re.IGNORECASE,
)
_JUDGEMENTS = frozenset(("criticism", "condemnation"))


_TO_HARM = re.compile(
    r"\bto\s+(?:attack|bomb|strike|hit|shell|target|fight|destroy|raid|pound|invade)\b"
)


def _victim(pattern: Pattern, text: str, trigger: tuple[int, int], target: Party) -> bool:
    """Whether the actor after a judgement is the one harmed, not the one judged; or after a
    sending, the one attacked ("sent jets to attack Cambodia"), not a recipient."""
    if target.span[0] <= trigger[1]:
        return False
    if pattern.type in ("arms_supply", "support"):
        return _TO_HARM.search(text, trigger[1], target.span[0]) is not None
    if pattern.type not in _JUDGEMENTS:
        return False
    gap = text[trigger[1]:target.span[0]]
    return len(gap) <= 80 and _HARM_OF.search(gap) is not None


def _takes_object(pattern: Pattern, text: str, trigger: tuple[int, int]) -> bool:
    """Whether the trigger was matched as a transitive verb: its alternative ends in a space
    before a capital ("sanction(?:s|ed)?\\s+(?=[A-Z])"), so the match ran past the trigger's
    last word."""
    match = pattern.regex.match(text, trigger[0])
    return match is not None and match.end() > trigger[1]


def _in_name(trigger: tuple[int, int], mentions: Sequence[MentionLike]) -> bool:
    """Whether a trigger starts inside an actor's name ("Rapid Support Forces", "Alliance of
    Sahel States"): the name's words describe no relation."""
    start = trigger[0]
    for mention in mentions:
        if mention.span[0] > start:
            return False
        if start < mention.span[1] and mention.span[0] <= start:
            return True
    return False


# A masked stretch that opens a clause of its own ("..., when a U.S. drone struck"), unlike the
# rest of a list read as an aside ("Russia, the United States and Britain signed").
_SUBORDINATE_OPENING = re.compile(
    r"[\s,;—–-]*(?:when|after|before|while|as|because|since|if|although|though|until|once|"
    r"which|who|whom|whose|that|where)\b", re.IGNORECASE)


# A relative pronoun as the trigger's subject: "the officers who toppled", "Russia, which
# invaded".
_RELATIVE_SUBJECT = re.compile(
    r",?\s+(?:who|which|that)\s+(?:(?:had|has|have|was|were|is|are|also|then|later|"
    r"reportedly|allegedly)\s+)*$")


def _unnamed_antecedent(
    text: str, sentence_start: int, trigger: tuple[int, int], mentions: Sequence[MentionLike],
) -> bool:
    """Whether a relative pronoun right before the trigger stands for a noun that names no
    actor: then whoever the sentence named before is not the one acting."""
    relative = _RELATIVE_SUBJECT.search(text, max(sentence_start, trigger[0] - 40), trigger[0])
    if relative is None:
        return False
    end = relative.start()
    return not any(m.span[1] <= end and _ANTECEDENT_TAIL.fullmatch(text, m.span[1], end)
                   for m in mentions if end - 30 <= m.span[1])


# What may follow a name inside the noun phrase a relative pronoun stands for: "al-Shabaab
# fighters who were attacking", "Russia's forces, which" (not a verb and its object: "Turkey
# said everyone who attacked Iran would be punished" names no one who attacked).
_ANTECEDENT_TAIL = re.compile(
    r"(?:['’]s?)?(?:\s+(?!(?:said|says|say|told|tells|warned|warns|added|insisted|stressed|"
    r"announced|vowed|declared|believes|believed|thinks|thought|everyone|anyone|anybody|"
    r"everybody|those|whoever)\b)[a-z-]+){0,2}\s*,?"
)


def _own_clause(
    text: str, sentence_start: int, trigger: tuple[int, int], inner: tuple[int, int] | None
) -> bool:
    """Whether the trigger sits in a subordinate clause opened after the last comma before it:
    ", sending jets days after the US approved an arms sale" -- the clause has its own subject,
    not the participle's."""
    if inner is None or text[inner[0]] == ",":
        return False
    return inner[0] > text.rfind(",", sentence_start, trigger[0])


def _no_target_possible(
    pattern: Pattern, trigger: tuple[int, int], sentence_end: int,
    mentions: Sequence[MentionLike],
) -> bool:
    """Whether a pattern that needs a target after its trigger cannot find one, whatever the
    source: no actor is named within the reach of find_target_after (which the passive agent
    search shares), and the target is not inside the trigger (the caller checks). Answering
    early spares the search for a source of an event that would be dropped."""
    if not pattern.requires_target or pattern.target != "after" or pattern.symmetric:
        return False
    reach = min(sentence_end, trigger[1] + 120)
    return not any(trigger[1] <= m.span[0] < reach for m in mentions)


def _passive(
    text: str, sentence: Sentence, pattern: Pattern, trigger: tuple[int, int],
    mentions: Sequence[MentionLike], masked: list[tuple[int, int]],
    actors: Mapping[str, Actor], resolve_pronoun, roles: Roles,
) -> tuple[Party, Party | None] | Literal[False] | None:
    """ "Y was attacked by X": X acts on Y, whatever the word order says.

    False for a passive with no agent ("Y was accused of ..."): Y is acted upon by someone
    unnamed, so Y must not be taken for the one acting.
    """
    if pattern.target not in ("after", "either") or pattern.source != "subject":
        return None  # ("either": "Serbia, backed by Russia" as much as "Russia backed Serbia")
    window = text[max(sentence.span[0], trigger[0] - 25):trigger[0]]
    if not may_hold(window, _PASSIVE_NEEDLES) or not _PASSIVE.search(window):
        return _reduced_passive(text, sentence, trigger, mentions)
    agent = find_target_after(text, sentence.span[1], trigger, mentions, ("by",), set())
    if agent is None:
        return False if _is_participle(text, trigger) else None
    patient = find_subject(text, sentence.span[0], trigger, mentions, masked,
                           _family(agent.actor, actors), resolve_pronoun, roles=roles)
    if patient is None:
        return None
    return agent, patient


# Past participles that do not end in -ed, among the verbs of the pattern lexicon.
_IRREGULAR_PARTICIPLES = frozenset(
    "struck shot sold held hit sent fought seen taken given brought won led made built met told "
    "beaten shut cut".split()
)


def _is_participle(text: str, trigger: tuple[int, int]) -> bool:
    words = text[trigger[0]:trigger[1]].split(maxsplit=1)
    if not words:
        return False
    word = words[0].lower()
    return word.endswith("ed") or word in _IRREGULAR_PARTICIPLES


_BY_AGENT = re.compile(r"\s+by\s+(?:the\s+)?")
_NOUN_BEFORE = re.compile(r"(?:['’]s?)?\s*,?\s*$")


def _reduced_passive(
    text: str, sentence: Sentence, trigger: tuple[int, int], mentions: Sequence[MentionLike],
) -> tuple[Party, Party | None] | None:
    """ "talks mediated by Qatar", "rebels, backed by Turkey,": a participle with its agent
    right after it and no auxiliary. The agent acts; the actor the participle describes, if
    it stands right before it, is acted on."""
    if not text.endswith("ed", trigger[0], trigger[1]):
        return None
    by = _BY_AGENT.match(text, trigger[1])
    if by is None:
        return None
    agent = next((m for m in mentions if m.span[0] == by.end()), None)
    if agent is None:
        return None
    patient = None
    for mention in mentions:
        if mention.span[1] > trigger[0]:
            break
        if mention.span[0] >= sentence.span[0] and _NOUN_BEFORE.fullmatch(
            text, mention.span[1], trigger[0]
        ):
            patient = Party(mention.actor, mention.span)
    return Party(agent.actor, agent.span), patient


_AFTER_QUOTE = re.compile(r"(?:[\"”’]|'')\s*,?\s*$")  # '' closes a quote in some wires


def _speaker_after(
    text: str, trigger: tuple[int, int], mentions: Sequence[MentionLike]
) -> Party | None:
    """After a quotation the speaker follows the verb, or is no actor we know."""
    for mention in mentions:
        if mention.span[0] >= trigger[1]:
            gap = text[trigger[1]:mention.span[0]]
            if len(gap) <= 40 and mention.head and not re.search(r"[,.;]|\bwho\b", gap):
                return Party(mention.actor, mention.span)
            return None
    return None


# "reached what the Philippine foreign ministry called a 'provisional arrangement'": the one
# who names the thing is no party to it.
_WHAT_CALLED = re.compile(r"\bwhat\s+[^,.;]{1,60}?\s+(?:called|calls|described as|termed)\b")


def _inside_trigger(
    trigger: tuple[int, int], mentions: Sequence[MentionLike], actors: Mapping[str, Actor],
    text: str = "",
) -> Party | None:
    """An actor inside the trigger phrase is the party acted on ("supplied Damascus with arms"),
    unless it is the venue ("block any U.N. resolution") or only names the thing."""
    namer = _WHAT_CALLED.search(text, trigger[0], trigger[1]) if text and (
        trigger[1] - trigger[0] > 30) else None
    for mention in mentions:
        if namer is not None and namer.start() <= mention.span[0] < namer.end():
            continue
        if trigger[0] < mention.span[0] and mention.span[1] <= trigger[1]:
            actor = actors.get(mention.actor)
            if actor is not None and actor.kind == ORGANISATION:
                continue
            if text.endswith(_OWN_PEOPLE, max(0, mention.span[0] - 6), mention.span[0]):
                continue  # "evacuated its diplomats": the source's own people, not a party
            return Party(mention.actor, mention.span)
    return None


_OWN_PEOPLE = ("its ", "their ", "his ", "her ", "our ")


_WHOSE = re.compile(r",\s+whose\s+(?:country|nation|government|state)\b", re.IGNORECASE)


def _whose_country(
    text: str, source: Party | None, trigger: tuple[int, int], actors: Mapping[str, Actor]
) -> Party | None:
    """ "Lavrov, whose country remains Damascus' ally": the country acts, not the person."""
    if source is None or not _WHOSE.match(text, source.span[1], trigger[0]):
        return source
    actor = actors.get(source.actor)
    return Party(actor.parent, source.span) if actor and actor.parent else source


_UNNAMED = re.compile(
    r"\b(?:officials?|sources?|diplomats?|media|reports?|lawmakers|ministers|state media|police|"
    r"(?:a|the|its|their|joint)\s+(?:statement|communiqu[eé])|"
    # people who do not speak for the actor named before them ("Cuba experts", "Kyiv residents")
    r"(?P<loose>analysts?|experts?|residents?|witnesses?|observers?|activists?|people|critics|"
    r"commentators|lawyers|attorneys|scholars|academics|researchers|economists|"
    # people of a country who do not act for it: "South Korean shoppers began boycotting"
    r"shoppers|consumers|farmers|truckers|fishermen|tourists|fans|voters|students|workers|"
    r"protesters|demonstrators|businessmen|investors)|"
    # nouns that are subjects only right before their verb ("Western governments accuse")
    r"(?P<head>governments|countries|nations|powers|leaders|states|capitals))"
    r"\s*,?\s*(?:(?:have|has|had|also|now|then)\s+)?$",
    re.IGNORECASE,
)


_DEFINITE = re.compile(r"\b(?:the|both|these|those|two|three|its|their)\s+(?:[a-z-]+\s+)?$",
                       re.IGNORECASE)
_UNNAMED_NEEDLES = (  # one is in every match of _UNNAMED
    "official", "source", "analyst", "diplomat", "expert", "resident", "witness", "observer",
    "activist", "media", "report", "people", "critics", "lawmaker", "commentator", "statement",
    "governments", "countries", "nations", "powers", "leaders", "states", "capitals", "ministers",
    "lawyers", "attorneys", "scholars", "academics", "researchers", "economists", "police",
    "shoppers", "consumers", "farmers", "truckers", "fishermen", "tourists", "fans", "voters",
    "students", "workers", "protesters", "demonstrators", "businessmen", "investors",
)


def _unnamed_speaker(
    text: str, source: Party, trigger: tuple[int, int], pattern: Pattern
) -> bool:
    """ "..., officials said", "Western governments accuse it of ...": the one acting is
    unnamed unless an actor qualifies the noun ("Russian officials said"); an actor earlier in
    the sentence is not the one acting. Outside statements the noun must head the verb."""
    if source.span[1] > trigger[0]:
        return False
    before = text[max(0, trigger[0] - 40):trigger[0]]
    if not may_hold(before, _UNNAMED_NEEDLES):
        return False
    noun = _UNNAMED.search(before)
    if noun is None:
        return False
    if pattern.type != "statement" and not noun.group().split()[0].lower().endswith("s"):
        return False  # "on an official visit to": an adjective, not who acts
    if (pattern.type != "statement" or noun.group("head")) and "," in noun.group():
        return False
    if noun.group("head") and _DEFINITE.search(before, 0, noun.start()):
        return False  # "the two leaders signed": leaders named before, not unnamed ones
    if noun.group("loose"):
        return True  # "Cuba experts said": experts on Cuba do not speak for it
    noun_start = trigger[0] - len(before) + noun.start()
    gap = text[source.span[1]:noun_start]
    return not re.fullmatch(r"(?:['’]s)?\s*(?:\w+\s+){0,2}", gap)


def _prep_adjacent(
    text: str, trigger: tuple[int, int], target: Party, preps: Sequence[str]
) -> bool:
    """Whether one of `preps` ends the trigger or opens the gap to the target ("ally of X")."""
    if target.span[0] < trigger[1]:
        return True
    words = text[trigger[0]:trigger[1]].split()
    if words and words[-1].lower() in preps:
        return True
    gap = text[trigger[1]:target.span[0]].split(maxsplit=1)
    return bool(gap) and gap[0].lower() in preps


def _prep_right_before(
    text: str, trigger: tuple[int, int], target: Party, preps: Sequence[str]
) -> bool:
    """Whether one of `preps` (and perhaps "the") stands right before the target."""
    if target.span[0] < trigger[1]:
        return True
    words = text[trigger[0]:target.span[0]].split()
    while len(words) > 1 and words[-1][:1].isupper():
        words.pop()  # "signed with South Korean President Moon": the modifier of the name
    if words and words[-1].lower() == "the":
        words.pop()
    return bool(words) and words[-1].lower() in preps


_NOUN_COMPOUND = re.compile(r"\b(?:the|a|an)\s+(?:car|suicide|truck|roadside|bus|air|"
                            r"drone|mortar|rocket|bomb|missile|knife|gun|mass)\s+$", re.I)


# A verb between an actor and "X's allies" that is not one of being or of calling.
_OTHER_VERB = re.compile(
    r"\b(?!(?:is|was|are|were|been|remains|remained|became|becomes|seems|seemed|considers|"
    r"considered|regards|regarded|calls|called|described|named|sees|saw|as)\b)"
    r"(?:[a-z]{3,}ed|[a-z]{3,}s|told|warned|urged|cautioned|met|hit|struck)\b")


_ACT_NOUNS = frozenset(("strike", "strikes", "airstrike", "airstrikes", "air", "raid", "raids",
                        "attack", "attacks", "offensive", "invasion", "assault", "incursion"))


def _determined_gerund(text: str, trigger: tuple[int, int]) -> bool:
    """ "the bombing of U.S. embassies": an -ing word after an article is a noun, and a noun
    names its agent right before it or not at all."""
    word = text[trigger[0]:trigger[1]].split(maxsplit=1)
    if not word or not (word[0].endswith("ing") or word[0].lower() in _ACT_NOUNS):
        return False  # ("condemned the strike on Syria": a noun too, its agent not Russia)
    if _ADJECTIVAL.search(text, max(0, trigger[0] - 5), trigger[0]) is not None:
        return True
    # "the car bombing of the embassy", "a suicide bombing": a noun between article and -ing
    return _NOUN_COMPOUND.search(text, max(0, trigger[0] - 25), trigger[0]) is not None


def _has_agent(text: str, trigger: tuple[int, int], source: Party) -> bool:
    """A bare noun ("the evacuation") is an event only when its agent modifies it directly."""
    gap = text[source.span[1]:trigger[0]]
    # "Moscow's invasion", or "its full-scale invasion" with the owner named before
    return bool(re.fullmatch(r"(?:['’]s?)?\s*(?:[a-z-]+\s+)?", gap)) or bool(
        _OWNED.search(gap))


_OWNED = re.compile(r"\b(?:its|their)\s+(?:[a-z-]+\s+){0,2}$")
_OWNED_NOUN = re.compile(r"\b(?:his|her|its|their|the)\s+$", re.IGNORECASE)


def _owner_before(
    position: int, mentions: Sequence[MentionLike], earlier: Sequence[MentionLike],
    actors: Mapping[str, Actor],
) -> Party | None:
    """The state, group or organisation named last before a possessive "its"/"their"."""
    for mention in reversed((*earlier, *mentions)):
        if mention.span[1] > position:
            continue
        actor = actors.get(mention.actor)
        if actor is not None and actor.kind != PERSON:
            return Party(mention.actor, mention.span)
    return None


# A speech verb whose clause the trigger opens: "warned (Western governments) that further
# weapons deliveries ...", "said arms sales ...".
_SPEECH_CLAUSE = re.compile(
    r"\b(?:said|says|say|told|stated|declared|added|insisted|argued|warned|warns|claimed|"
    r"claims)\b(?P<rest>[^,;:]*)$",
    re.IGNORECASE,
)
_THAT = re.compile(r"\bthat\s+", re.IGNORECASE)
# Words that make the part before the trigger more than the trigger's own noun phrase: a
# subject and a verb ("it would deliver"), an owner ("its arms deliveries") or a preposition.
_CLAUSE_WORDS = frozenset(
    """it they he she we i you its their his her our my your would will could should might may
    must can had has have was were is are be been being did does do not to of on in for with by
    from as after before""".split()
)


def _unowned_noun_in_speech(
    text: str, sentence_start: int, trigger: tuple[int, int], source: Party,
) -> bool:
    """Whether the trigger is a noun opening a reported clause, with no one's act named.

    "Lavrov warned that further weapons deliveries to Ukraine would prolong the war": the
    deliveries are not Lavrov's; "Moscow says its arms deliveries ..." names its agent ("its"),
    and "Germany said it would deliver ..." has a subject of its own.
    """
    if source.span[1] > trigger[0] or trigger[0] - source.span[1] > 200:
        return False
    match = _SPEECH_CLAUSE.search(text, max(sentence_start, source.span[1]), trigger[0])
    if match is None:
        return False
    rest = match.group("rest")
    thats = list(_THAT.finditer(rest))
    that = thats[-1] if thats else None
    phrase = rest[that.end():] if that is not None else rest
    words = phrase.lower().split()
    if that is None and len(words) > 1:
        return False  # "warned Kyiv ...", "told reporters ...": not clearly a clause
    return len(words) <= 3 and not any(w.strip(".'’") in _CLAUSE_WORDS for w in words)


_BETWEEN_GAP = re.compile(r"[ \t]+(?:the[ \t]+)?")
_AND_GAP = re.compile(r"[ \t]+and[ \t]+(?:the[ \t]+)?")


# Title words may stand before each of the two: "a call between India's National Security
# Adviser Ajit Doval and Chinese Foreign Minister Wang Yi".
_BETWEEN_TITLED_GAP = re.compile(r"[ \t]+(?:the[ \t]+)?(?:[A-Za-z][\w.'’-]*[ \t]+){0,4}")
_AND_TITLED_GAP = re.compile(r"[ \t]+and[ \t]+(?:the[ \t]+)?(?:[A-Za-z][\w.'’-]*[ \t]+){0,4}")


def _between(
    text: str, trigger: tuple[int, int], mentions: Sequence[MentionLike],
    actors: Mapping[str, Actor],
) -> tuple[Party, Party] | None:
    """"fighting between the army and the RSF": both parties follow the trigger, whoever
    reports it ("the UN said fighting between ..." is not the UN's fighting)."""
    after = [m for m in mentions if m.span[0] >= trigger[1] and m.head][:2]
    if len(after) < 2:
        return None
    first, second = after
    if not _BETWEEN_TITLED_GAP.fullmatch(text, trigger[1], first.span[0]) or not (
        _AND_TITLED_GAP.fullmatch(text, first.span[1], second.span[0])
    ) or second.actor in _family(first.actor, actors) or first.actor in _family(
        second.actor, actors
    ):
        return None
    return Party(first.actor, first.span), Party(second.actor, second.span)


_BY_AGENT = re.compile(r"[ \t]+by[ \t]+(?:the[ \t]+)?")


def _mediators(
    text: str, trigger: tuple[int, int], mentions: Sequence[MentionLike],
) -> list[Party]:
    """The agents named right after a mediation ("mediated by Qatar and Turkey", "mediation by
    Ankara"), in order; none when no "by" follows the trigger."""
    by = _BY_AGENT.match(text, trigger[1])
    if by is None:
        return []
    found: list[Party] = []
    at = by.end()
    for mention in mentions:
        if mention.span[0] < at:
            continue
        if mention.span[0] > at or text.startswith("-", mention.span[1]):
            break  # ("talks by the IRA-allied Sinn Fein": no agent named)
        found.append(Party(mention.actor, mention.span))
        joined = _AND_GAP.match(text, mention.span[1]) or _LIST_GAP_BY.match(
            text, mention.span[1])
        if joined is None:
            break
        at = joined.end()
    return found


_LIST_GAP_BY = re.compile(r",[ \t]+(?:and[ \t]+)?(?:the[ \t]+)?")


def _family(actor_id: str, actors: Mapping[str, Actor]) -> set[str]:
    """An actor, its parents and nothing else: Putin does not act on Russia."""
    family = {actor_id}
    current = actors.get(actor_id)
    while current is not None and current.parent and current.parent not in family:
        family.add(current.parent)
        current = actors.get(current.parent)
    return family


def _name(actor_id: str | None, actors: Mapping[str, Actor]) -> str:
    if actor_id is None:
        return ""
    actor = actors.get(actor_id)
    return actor.name if actor else actor_id


def _summary(
    pattern: Pattern, kind: str, source: Party, target: Party | None,
    actors: Mapping[str, Actor], text: str, trigger: tuple[int, int],
) -> str:
    src, tgt = _name(source.actor, actors), _name(target.actor if target else None, actors)
    if kind == "statement" and text[trigger[0]:trigger[1]].lower() == "according to":
        # "Fighting has killed 100,000 people, according to UN estimates": what comes before.
        start = text.rfind("\n", 0, trigger[0]) + 1
        before = _after_last(_SENTENCE_GAP, text[start:trigger[0]]).strip(" ,")
        words = before.split()
        clipped = " ".join(words[:18]) + ("…" if len(words) > 18 else "")
        return f"{src}: {clipped}"
    if kind == "statement":
        after = text[trigger[1]:trigger[1] + 160]
        if after.lstrip(" \"'‘’“”")[:1] in (".", "!", "?", ",", ""):
            # the sentence ends with the verb, or only an aside follows it ("..., the ministry
            # said, a day after ..."): what was said came before it
            rest = ""
        else:
            rest = _first_line(after.strip(" ,:\"'‘’“”."))
        quoted = _AFTER_QUOTE.search(text, max(0, source.span[0] - 6), source.span[0])
        if _NO_CONTENT.fullmatch(rest):  # "in a statement on Tuesday": nothing said in it
            rest = ""
        if len(rest.split()) <= 2 or (quoted and (
            len(rest.split()) <= 4 or _AUDIENCE.match(rest)
        )):
            # '“Syria needs change,” Putin said in December', '..., X said Tuesday.', '"...,"
            # Cavusoglu told reporters after talks': what was said came before
            rest = ""
        if len(rest) < 8:  # quote before the attribution: "‘‘...,’’ Denisov said."
            line_start = text.rfind("\n", 0, trigger[0]) + 1
            if source.span[0] < trigger[0] and trigger[0] - source.span[1] <= 40 and (
                "," not in text[source.span[1]:trigger[0]]
            ):
                before = text[line_start:source.span[0]]
                comma = before.rfind(", ")
                if comma > 0 and len(before) - comma < 45:
                    before = before[:comma]  # "..., Foreign Minister Cavusoglu said"
            else:  # "Russia sent planes ..., the emergencies ministry said": up to the comma
                before = text[line_start:trigger[0]]
                comma = before.rfind(", ")
                before = before[:comma] if comma > 0 else before
            before = strip_dateline(_after_last(_QUOTE_GAP, before))
            close = max(before.rfind('"', 1), before.rfind("”"), before.rfind("''", 1))
            if close > 0:  # '"...," a ministry spokeswoman for Russia said': the quotation
                before = before[:close]
            rest = before.strip(" ,:\"'‘’“”")
        lead = _LEAD_IN.match(rest)  # all of it optional: matches, perhaps empty, at 0
        rest = rest[lead.end():] if lead else rest
        words = rest.split()
        clipped = " ".join(words[:18]) + ("…" if len(words) > 18 else "")
        return f"{src} {text[trigger[0]:trigger[1]]}: {clipped}".strip()
    if kind != pattern.type:
        template = "{source} distances itself from {target}" if kind == "distancing" else (
            "{source} " + kind.replace("_", " ") + " {target}")
    else:
        template = pattern.summary
    if not tgt:
        template = _without_target(template)
    return template.format(source=src, target=tgt).strip()


# (?<=[.!?])\s and (?<=[.!?])\s+(?=[\"“‘A-Z]) as split points, written to consume the mark
# instead of looking behind for it: the same match ends, but the engine can skip ahead to
# the next mark at C speed instead of trying every position of a paragraph.
_SENTENCE_GAP = re.compile(r"[.!?]\s")
_QUOTE_GAP = re.compile(r"[.!?]\s+(?=[\"“‘A-Z])")
_STOP_SPACE = re.compile(r"[.!?]\s")  # opens with a character class: the engine skips ahead


def _after_last(gap: re.Pattern[str], text: str) -> str:
    """What re.split(gap, text)[-1] is, without building the list (the last match's end)."""
    end = 0
    for match in gap.finditer(text):
        end = match.end()
    return text[end:]


def _first_line(text: str) -> str:
    """re.split(r"(?<=[.!?])\\s|\\n", text)[0]: up to the first sentence end or line break."""
    stop = _STOP_SPACE.search(text)
    cut = stop.start() + 1 if stop is not None else len(text)
    newline = text.find("\n", 0, cut)
    return text[:newline if newline >= 0 else cut]


@lru_cache(maxsize=256)
def _without_target(template: str) -> str:
    """A summary template without its "... {target}" tail (templates come from the lexicon)."""
    return _SUMMARY_TAIL.sub("", template)


# ", and Saudi Arabia promised a further $100 million": the same act by another actor, its
# object left out. Group 1 is the verb; the actor must stand right before it.
_ELLIPSIS = re.compile(
    r"\b(pledged|promised|offered|gave|provided|contributed|committed|donated|added|sent)[ \t]+"
    r"(?:a[ \t]+further|another|an[ \t]+(?:additional|extra)|a[ \t]+(?:similar|matching))\b",
    re.IGNORECASE,
)
_ELLIPSIS_NEEDLES = ("further", "another", "additional", "extra", "similar", "matching")
_ELLIPSIS_TYPES = frozenset({"humanitarian_aid", "arms_supply", "support"})
_AND_BEFORE = re.compile(r",?[ \t]+and[ \t]+(?:the[ \t]+)?$")


def _elliptic(
    article: Article, found: list[tuple[Event, Pattern]], mentions: Sequence[MentionLike],
    actors: Mapping[str, Actor],
) -> list[tuple[Event, Pattern]]:
    """Events of a coordinated clause that repeats an earlier act with its object left out.

    "The EU pledged 150 million euros in aid to Sudan, and Saudi Arabia promised a further
    $100 million": Saudi Arabia gives aid to Sudan too. Only giving acts, only with the new
    actor as the clause's subject right after "and", and only with the earlier act's target.
    """
    if not mentions:
        return []
    sentence = found[0][0].sentence
    if not may_hold(sentence, _ELLIPSIS_NEEDLES):
        return []
    text = article.text
    sentence_start, sentence_end = found[0][0].span
    extra: list[tuple[Event, Pattern]] = []
    for match in _ELLIPSIS.finditer(text, sentence_start, sentence_end):
        verb_start = match.start(1)
        subject = next((m for m in reversed(mentions) if m.span[1] <= verb_start), None)
        if subject is None or not _AND_BEFORE.search(
            text, max(sentence_start, subject.span[0] - 12), subject.span[0]
        ) or text[subject.span[1]:verb_start].strip(" \t") not in ("", "also"):
            continue
        donor = next((
            (e, p) for e, p in reversed(found)
            if _trigger_of(e)[1] <= subject.span[0] and e.type in _ELLIPSIS_TYPES and e.target
            and e.polarity > 0 and e.source != subject.actor and e.target != subject.actor
        ), None)
        if donor is None:
            continue
        event, pattern = donor
        assert event.target is not None  # donors have a target
        source = Party(subject.actor, subject.span)
        target = Party(event.target, (0, 0))
        extra.append((replace(
            event, id=f"{article.id}:{verb_start}", source=subject.actor, co_sources=(),
            actors=(subject.actor, event.target), trigger=match.span(1),
            summary=_summary(pattern, event.type, source, target, actors, text, match.span(1)),
        ), pattern))
    return extra


# ", and Israel and Syria followed on May 31 that year", ", and Kenya did the same": the act
# before, done again by the new subject.
# ", and that April the European Community followed": a time may stand after "and"
_AND_THEN_BEFORE = re.compile(
    r",?[ \t]+and[ \t]+(?:(?:then|later|soon|that[ \t]+\w+|(?:in|on|by)[ \t]+\w+(?:[ \t]+\d+)?)"
    r",?[ \t]+)?(?:the[ \t]+)?$")
_FOLLOWED = re.compile(
    r"\s+(?:then\s+|later\s+)?(followed(?:\s+suit)?|did\s+(?:so|the\s+same|likewise))\b")


def _followed(
    article: Article, sentence: Sentence, found: list[tuple[Event, Pattern]],
    mentions: Sequence[MentionLike], actors: Mapping[str, Actor],
    times: Sequence[TimeExpression],
) -> list[tuple[Event, Pattern]]:
    """The act repeated by "followed" or "did the same" after "and": a pair subject ("Israel
    and Syria followed") does it to each other, a single one to the earlier act's target."""
    text = article.text
    extra: list[tuple[Event, Pattern]] = []
    for k, mention in enumerate(mentions):
        match = _FOLLOWED.match(text, mention.span[1])
        if match is None or not mention.head:
            continue
        pair = mentions[k - 1] if k and _AND_GAP.fullmatch(
            text, mentions[k - 1].span[1], mention.span[0]) else None
        first = pair or mention
        joined = _AND_THEN_BEFORE.search(text, max(sentence.span[0], first.span[0] - 40),
                                         first.span[0])
        if joined is None:
            continue
        donor = next(((e, p) for e, p in reversed(found)
                      if e.trigger and e.trigger[1] <= first.span[0] and e.target
                      and e.type != "statement"), None)
        if donor is None:
            continue
        event, pattern = donor
        assert event.target is not None  # donors have a target
        if pair is not None:
            source, target = Party(pair.actor, pair.span), Party(mention.actor, mention.span)
        elif mention.actor not in (event.target, event.source):
            source, target = Party(mention.actor, mention.span), Party(event.target, (0, 0))
        else:
            continue
        trigger = match.span(1)
        time, time_text, time_span, time_source = choose_time(  # its own clause's times
            text, sentence.span, trigger, [x for x in times if x.span[0] >= joined.start()],
            article.published)
        if time_span is None:  # "and France did the same": when the act it repeats was done
            time, time_text, time_span, time_source = (
                event.time, event.time_text, event.time_span, event.time_source)
        extra.append((replace(
            event, id=f"{article.id}:{trigger[0]}", source=source.actor, target=target.actor,
            co_sources=(), actors=(source.actor, target.actor), trigger=trigger, time=time,
            time_text=time_text, time_span=time_span, time_source=time_source,
            summary=_summary(pattern, event.type, source, target, actors, text, trigger),
        ), pattern))
    return extra


# "... to normalise ties with Israel after Egypt in 1979 and Jordan in 1994": each state named
# with its year after "after" did the same act earlier. The list must close the clause, so that
# "after Kyiv in 2019 elected ..." (a clause of its own) is left alone.
_AFTER_OTHERS = re.compile(r"\s+after\s+(?:the\s+)?$")
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
_IN_ON = re.compile(r"\s+(?:in|on)\s+")
_LIST_END = re.compile(r"\s*(?:[.;:!?)]|,\s|—|$)")


def _after_others(
    article: Article, sentence: Sentence, found: list[tuple[Event, Pattern]],
    mentions: Sequence[MentionLike], actors: Mapping[str, Actor],
    times: Sequence[TimeExpression],
) -> list[tuple[Event, Pattern]]:
    """The act done earlier by each actor listed with its own time after "after"."""
    text = article.text
    by_start = {x.span[0]: x for x in times}
    for k, mention in enumerate(mentions):
        if not _AFTER_OTHERS.search(text, max(sentence.span[0], mention.span[0] - 12),
                                    mention.span[0]):
            continue
        place = next((i for i in range(len(found) - 1, -1, -1)
                      if (e := found[i][0]).trigger and e.trigger[1] <= mention.span[0]
                      and e.target and e.type not in ("statement", "military_action")
                      and mention.actor not in (e.source, e.target)), None)
        if place is None:
            return []
        listed: list[tuple[MentionLike, TimeExpression]] = []
        position = mention.span[0]
        for each in mentions[k:]:
            if listed and not _LIST_GAP.fullmatch(text, position, each.span[0]):
                break
            word = _IN_ON.match(text, each.span[1])
            when = by_start.get(word.end()) if word else None
            if when is None or not when.time.is_dated:
                return []
            listed.append((each, when))
            position = when.span[1]
        if not listed or not _LIST_END.match(text, position):
            return []
        event, pattern = found[place]
        trigger, done_to = event.trigger, event.target
        if trigger is None or done_to is None:
            return []
        if event.time_span in {when.span for _each, when in listed}:  # not the main act's time
            others = [x for x in times if all(x is not when for _each, when in listed)]
            time, time_text, time_span, time_source = choose_time(
                text, sentence.span, trigger, others, article.published)
            found[place] = (replace(event, time=time, time_text=time_text, time_span=time_span,
                                    time_source=time_source), pattern)
        extra = []
        for each, when in listed:
            source, target = Party(each.actor, each.span), Party(done_to, (0, 0))
            extra.append((replace(
                event, id=f"{article.id}:{each.span[0]}", source=each.actor, co_sources=(),
                target=done_to, actors=(each.actor, done_to), trigger=trigger,
                time=when.time, time_text=when.text, time_span=when.span,
                time_source=TIME_FROM_EXPRESSION,
                summary=_summary(pattern, event.type, source, target, actors, text, trigger),
            ), pattern))
        return extra
    return []


# "Iran-backed Houthi rebels", "the US-funded militia": the backer is the word before the hyphen.
_BACKED = re.compile(r"-(?:backed|supported|sponsored|funded)\b")
# "The Houthi movement, which Iran backs, ...": the actor after "which" backs the one before.
_WHICH_BACKS = re.compile(
    r",?[ \t]+(?:which|whom|that)[ \t]+(?:the[ \t]+)?$"
)
_BACKS = re.compile(
    r"[ \t]+(?:(?:has|have|had|long|openly|also)[ \t]+)*"
    r"(?:backs|backed|supports|supported|sponsors|sponsored|funds|funded|arms|armed)\b"
)
_PLACE_OF = re.compile(
    r"[ \t]+(?:[a-z-]+[ \t]+){1,2}(?:in|of|from|based[ \t]+in)[ \t]+(?:the[ \t]+)?"
)
_BACKED_GAP = re.compile(r"[ \t]+(?:[a-z-]+[ \t]+){0,2}")
_COMPOUND_NEEDLES = ("-backed", "-supported", "-sponsored", "-funded")
_RELATIVE_NEEDLES = ("which", "whom", "that")
_BACKS_NEEDLES = (" back", " support", " sponsor", " fund", " arm")


def _may_embed(sentence: str) -> bool:
    """Whether either form can be in the sentence: most sentences are ruled out by a few finds."""
    if "-" not in sentence and "which" not in sentence and "whom" not in sentence and (
        "that" not in sentence
    ):
        return False  # the usual sentence: four finds
    if not sentence.isascii():
        return True
    lowered = sentence.lower()
    return may_hold(lowered, _COMPOUND_NEEDLES) or (
        may_hold(lowered, _RELATIVE_NEEDLES) and may_hold(lowered, _BACKS_NEEDLES))


def _embedded_support(
    article: Article, sentence: Sentence, mentions: Sequence[MentionLike],
    actors: Mapping[str, Actor], patterns: Sequence[Pattern],
) -> list[tuple[Event, Pattern]]:
    """Support named inside a noun phrase rather than by a clause's verb.

    "Iran-backed Houthi rebels" and "the Houthi movement, which Iran backs," both say that Iran
    supports the Houthis; no trigger of the pattern lexicon sees it, because the backer is not
    the subject of "backed" (it is glued to it, or stands in an object relative clause).
    """
    if not _may_embed(sentence.text):
        return []
    pattern = next((p for p in patterns if p.type == "support"), None)
    if pattern is None:
        return []
    text = article.text
    s_start, s_end = sentence.span
    pairs: list[tuple[MentionLike, MentionLike, tuple[int, int]]] = []
    for match in _BACKED.finditer(text, s_start, s_end):
        backer = next((m for m in mentions if m.span[1] == match.start()), None)
        backed = next((m for m in mentions if m.span[0] >= match.end()), None)
        if backer is None or backed is None or backed.span[0] - match.end() > 30:
            continue
        if _BACKED_GAP.fullmatch(text, match.end(), backed.span[0]):
            pairs.append((backer, backed, (match.start() + 1, match.end())))
    for index, backer in enumerate(mentions):
        verb = _BACKS.match(text, backer.span[1])
        if verb is None or index == 0:
            continue
        relative = _WHICH_BACKS.search(text, max(s_start, backer.span[0] - 12), backer.span[0])
        backed = mentions[index - 1]
        if index > 1 and _PLACE_OF.fullmatch(text, mentions[index - 2].span[1], backed.span[0]):
            backed = mentions[index - 2]  # "the Houthi movement in Yemen, which Iran backs"
        if relative is not None and mentions[index - 1].span[1] == relative.start():
            pairs.append((backer, backed, (verb.end() - len(verb.group().split()[-1]),
                                           verb.end())))
    found = []
    for backer, backed, trigger in pairs:
        if backer.actor in _family(backed.actor, actors) or backed.actor in _family(
            backer.actor, actors
        ):
            continue
        # A relation held at the time of writing, not at a time the sentence names for its act.
        time, time_text, time_span, time_source = choose_time(
            text, sentence.span, trigger, (), article.published)
        found.append((_pair_event(
            article, sentence, pattern, Party(backer.actor, backer.span),
            Party(backed.actor, backed.span), trigger, time, time_text, time_span, time_source,
            actors, f"{article.id}:{trigger[0]}"), pattern))
    return found


def _pair_event(
    article: Article, sentence: Sentence, pattern: Pattern, source: Party, target: Party,
    trigger: tuple[int, int], time: TimeSpan, time_text: str,
    time_span: tuple[int, int] | None, time_source: str, actors: Mapping[str, Actor],
    event_id: str,
) -> Event:
    """An event of one source and one target found outside the trigger loop (a noun phrase's
    "Iran-backed", a "Qatar-brokered" truce)."""
    return Event(
        id=event_id,
        article=article.id,
        type=pattern.type,
        summary=_summary(pattern, pattern.type, source, target, actors, article.text, trigger),
        sentence=sentence.text,
        span=sentence.span,
        actors=(source.actor, target.actor),
        source=source.actor,
        target=target.actor,
        polarity=pattern.polarity,
        time=time,
        time_text=time_text,
        time_span=time_span,
        time_source=time_source,
        trigger=trigger,
        co_sources=(),
    )


# "a Qatar-brokered truce between Israel and Hamas", "the US-mediated talks with Iran": the
# mediator is glued to the verb (triggers never start inside a hyphenated word), and its parties
# follow the deal's noun.
_BROKERED = re.compile(
    r"-(?:brokered|mediated|facilitated)[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:deals?|truces?|ceasefires?|"
    r"cease-fires?|agreements?|accords?|talks|peace|settlements?|pacts?|swaps?|exchanges?|"
    r"negotiations|dialogue)[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:between|with)[ \t]+(?:the[ \t]+)?")


_GLUED_BROKER = re.compile(r"-(?:brokered|mediated|facilitated)\b")


def _brokered(
    article: Article, sentence: Sentence, mentions: Sequence[MentionLike],
    actors: Mapping[str, Actor], patterns: Sequence[Pattern], times: Sequence[TimeExpression],
) -> list[tuple[Event, Pattern]]:
    """The mediator's negotiation with each party of the deal it brokered."""
    pattern = next((p for p in patterns if p.type == "negotiation"), None)
    if pattern is None:
        return []
    text = article.text
    found: list[tuple[Event, Pattern]] = []
    for match in _BROKERED.finditer(text, *sentence.span):
        broker = next((m for m in mentions if m.span[1] == match.start()), None)
        if broker is None:
            continue
        parties = [m for m in mentions if m.span[0] == match.end()]
        if parties:
            second = next((m for m in mentions if m.span[0] > parties[0].span[1]), None)
            if second is not None and _AND_GAP.fullmatch(text, parties[0].span[1],
                                                         second.span[0]):
                parties.append(second)
        trigger = (match.start() + 1, match.start() + len(match.group().split()[0]))  # "brokered"
        time, time_text, time_span, time_source = choose_time(
            text, sentence.span, trigger, times, article.published)
        for party in parties:
            if party.actor in _family(broker.actor, actors):
                continue
            found.append((_pair_event(
                article, sentence, pattern, Party(broker.actor, broker.span),
                Party(party.actor, party.span), trigger, time, time_text, time_span,
                time_source, actors, f"{article.id}:{trigger[0]}:{party.actor}"), pattern))
    return found


def _trigger_text(event: Event) -> str:
    """The trigger's words (the sentence holds them: spans are article offsets)."""
    if not event.trigger:
        return ""
    start = event.trigger[0] - event.span[0]
    return event.sentence[start:start + event.trigger[1] - event.trigger[0]]


def _finish_sentence(found: list[tuple[Event, Pattern]], actors: Mapping[str, Actor],
                     masked: Sequence[tuple[int, int]] = ()) -> list[Event]:
    """Inherit targets along participle lists, then keep one event per (type, source, target).

    Each event keeps the pattern that found it: a type may have several patterns, and only
    some of them (participles in a list) take a target from a neighbour.
    """
    with_target = [e for e, _pattern in found if e.target]
    finished: list[Event] = []
    for event, pattern in found:
        if event.target is None and pattern.inherit_target and (
            pattern.type != "accusation" or _trigger_text(event).endswith("ing")
        ):  # ("Saddam had accused his neighbour of ...": a finite accusation inherits nothing)
            # "Qatar, which has mediated talks with X, welcomed the deal": an aside's target is
            # not the main clause's; only events in the same stretch of the sentence share.
            place = enclosing(event.trigger, masked) if masked and event.trigger else None
            donors = [e for e in with_target if not masked or not e.trigger
                      or enclosing(e.trigger, masked) == place]
            donor = next((e for e in donors if e.source == event.source), None) or next(
                (e for e in donors if e.source in event.co_sources), None)
            if donor is not None:
                target = donor.target
                assert target is not None  # donors have a target
                event = replace(
                    event, target=target,
                    actors=tuple(dict.fromkeys((*event.actors, target))),
                    summary=pattern.summary.format(
                        source=_name(event.source, actors), target=_name(target, actors)
                    ),
                )
        finished.append(event)
    seen: dict[tuple, list[tuple[int, int] | None]] = {}
    unique = []
    for event in finished:
        key = (event.type, event.source, event.target)
        when = event.time_span if event.time_source == TIME_FROM_EXPRESSION else None
        earlier = seen.get(key)
        if earlier is not None and (when is None or when in earlier or None in earlier):
            continue
        # (kept: "The measures first imposed in 2014, after Russia annexed Crimea, were
        # expanded after its invasion of Ukraine in February 2022": two acts, each dated)
        seen.setdefault(key, []).append(when)
        unique.append(event)
    return _toned_statements(unique)


_TONES = {"support": 0.3, "agreement": 0.3, "criticism": -0.3, "condemnation": -0.3,
          "accusation": -0.3, "threat": -0.3}


def _toned_statements(events: list[Event]) -> list[Event]:
    """A statement carries the tone of the judgement its speaker makes in the same sentence:
    "Blinken welcomed the agreement and said ..." is a positive statement, "X condemned the
    attack, saying ..." a negative one (both tones at once leave it neutral)."""
    tones: dict[str | None, set[float]] = {}  # by source (None: an occurrence's nobody)
    for event in events:
        tone = _TONES.get(event.type)
        if tone is not None:
            tones.setdefault(event.source, set()).add(tone)
    if not tones:
        return events
    return [
        replace(event, polarity=next(iter(tones[event.source])))
        if event.type == "statement" and event.polarity == 0.0
        and len(tones.get(event.source, ())) == 1 else event
        for event in events
    ]
