"""The pipeline as a user meets it: undated articles, dates set later, edits that survive
re-extraction, one wire story printed twice."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from timeline_app.domain import Article
from timeline_app.domain.edits import ChangeEventType, DeleteEvent, RenameActor, SetPublished
from timeline_app.pipeline import extract_corpus

TEXT = (
    "Rivals trade blame over border clashes\n\n"
    "Turkey condemned Syria on Tuesday after shells landed near the border. "
    "Ankara has supplied weapons to Syrian rebels since March 2011, and Russia vetoed a "
    "UN Security Council resolution on Syria on 4 October 2011."
)


def _article(published: date | None, ident: str = "a1") -> Article:
    return Article(id=ident, path=f"{ident}.txt", title="Rivals", text=TEXT, published=published)


def _by_type(corpus, kind):
    return [e for e in corpus.events if e.type == kind]


def test_undated_article_keeps_absolute_dates_and_leaves_relative_ones_open():
    corpus = extract_corpus([_article(None)])
    veto = _by_type(corpus, "veto_support")[0]
    assert veto.time.value == "2011-10-04"
    condemnation = _by_type(corpus, "condemnation")[0]
    assert condemnation.time_text == "Tuesday"
    assert condemnation.time.start is None  # placed only once the article has a date


def test_setting_the_date_moves_relative_events_into_place():
    edits = [SetPublished("a1", date(2012, 10, 5))]  # a Friday
    corpus = extract_corpus([_article(None)], edits=edits)
    condemnation = _by_type(corpus, "condemnation")[0]
    assert condemnation.time.value == "2012-10-02"
    assert corpus.articles[0].published == date(2012, 10, 5)


def test_since_opens_a_period_to_the_article_date():
    corpus = extract_corpus([_article(date(2012, 10, 5))])
    supply = _by_type(corpus, "arms_supply")[0]
    assert supply.time.start == date(2011, 3, 1)
    assert supply.time.end == date(2012, 10, 5)
    assert supply.time.open_end


def test_edits_survive_re_extraction():
    first = extract_corpus([_article(date(2012, 10, 5))])
    veto = _by_type(first, "veto_support")[0]
    condemnation = _by_type(first, "condemnation")[0]
    edits = [
        ChangeEventType(veto.id, "support", 0.5),
        DeleteEvent(condemnation.id),
        RenameActor("turkey", "Republic of Türkiye"),
    ]
    again = extract_corpus([_article(date(2012, 10, 5))], edits=edits)
    assert not _by_type(again, "veto_support")
    assert veto.id in {e.id for e in _by_type(again, "support")}
    assert condemnation.id not in {e.id for e in again.events}
    assert {a.id: a.name for a in again.actors}["turkey"] == "Republic of Türkiye"


def test_duplicate_story_merges_events_and_keeps_every_source():
    one, two = _article(date(2012, 10, 5), "a1"), _article(date(2012, 10, 5), "a2")
    two = replace(two, path="other-outlet.txt")
    corpus = extract_corpus([one, two], duplicates=[("a1", ["a2"])])
    veto = _by_type(corpus, "veto_support")
    assert len(veto) == 1
    assert {ev.article for ev in veto[0].evidence} == {"a2"}
    assert veto[0].article == "a1"


def test_they_after_plural_rulers_acts_for_their_state():
    text = ("Niger's junta took power in July. The new rulers have moved quickly against Paris. "
            "On August 3 they announced they were tearing up defence accords with France. "
            "They have also accused the French of plotting.")
    article = Article(id="n1", path="n1.txt", title="Niger", text=text,
                      published=date(2023, 8, 10))
    corpus = extract_corpus([article])
    torn = _by_type(corpus, "distancing")
    assert [(e.source, e.target, e.time.value) for e in torn] == [
        ("niger", "france", "2023-08-03")]
    assert [(e.source, e.target) for e in _by_type(corpus, "accusation")] == [
        ("niger", "france")]


def test_the_datelines_date_is_a_time_expression_but_no_event_comes_from_it(tmp_path):
    from timeline_app.extract.actors import load_actor_lexicon
    from timeline_app.extract.article_extraction import extract_article
    from timeline_app.ingest import read

    path = tmp_path / "story.txt"
    path.write_text("Juntas quit the bloc\n\nDAKAR, Jan 29, 2024 (Wire) - Mali said on Sunday "
                    "it would leave ECOWAS.\n", encoding="utf-8")
    (article,) = read(path)
    assert article.published == date(2024, 1, 29)
    result = extract_article(article, load_actor_lexicon())
    expressions = [(x.text, x.time.value) for x in result.article.time_expressions]
    assert expressions == [("Jan 29, 2024", "2024-01-29"), ("Sunday", "2024-01-28")]
    assert result.events and all(e.time_text != "Jan 29, 2024" for e in result.events)
    text = result.article.text
    assert all(text[x.span[0]:x.span[1]] == x.text for x in result.article.time_expressions)
