"""The mission's reference article, checked item by item against the analyst's gold file.

Runs the real CLI (`timeline-app extract --published ... --json OUT`) in a subprocess, so this is
what a user of the command line gets.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date

import pytest

from conftest import REFERENCE_ARTICLE, REFERENCE_GOLD, REPO

pytestmark = pytest.mark.skipif(
    not REFERENCE_GOLD.is_file(), reason="../shared is absent: no reference article and gold"
)


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(REFERENCE_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def result(tmp_path_factory, gold) -> dict:
    out = tmp_path_factory.mktemp("cli") / "out.json"
    proc = subprocess.run(
        [sys.executable, "-m", "timeline_app", "extract", str(REFERENCE_ARTICLE),
         "--published", gold["published"], "--json", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "timeline-app/1"
    assert data["errors"] == []
    return data


def _actors(result: dict) -> dict[str, dict]:
    return {a["id"]: a for a in result["actors"]}


def _names(actor: dict) -> list[str]:
    return [actor["name"], *actor["aliases"]]


def _matches(pattern: str, actor: dict | None) -> bool:
    return actor is not None and any(re.search(pattern, n, re.I) for n in _names(actor))


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _strip_prep(text: str) -> str:
    return re.sub(r"^(?:on|in|at|since|during)\s+", "", text.strip(), flags=re.I).lower()


def test_time_expressions(result, gold):
    article = result["articles"][0]
    text = REFERENCE_ARTICLE.read_text(encoding="utf-8")
    exprs = article["time_expressions"]
    for expr in exprs:
        start, end = expr["span"]
        assert text[start:end] == expr["text"], "spans index the article text as read"
    for item in gold["time_expressions"]:
        wanted = _strip_prep(item["text"])
        candidates = [e for e in exprs if _strip_prep(e["text"]) in (wanted, f"the {wanted}")
                      or (wanted.endswith(_strip_prep(e["text"])) and len(e["text"]) > 5)]
        assert candidates, f"no time expression for {item['text']!r}"
        expr = candidates[0]
        if "value" in item:
            assert expr["value"] == item["value"], item
            assert expr["granularity"] == item["granularity"], item
        if "value_starts_with" in item:
            assert expr["value"].startswith(item["value_starts_with"]), (item, expr)
        if item.get("approximate"):
            assert expr["approximate"] is True, (item, expr)
        if "ends_on_or_before" in item:
            assert _day(expr["end"]) <= _day(item["ends_on_or_before"]), (item, expr)
        if "starts_after" in item:
            assert _day(expr["start"]) > _day(item["starts_after"]), (item, expr)


def test_actors_and_their_aliases(result, gold):
    actors = list(_actors(result).values())
    for item in gold["actors"]:
        matching = [a for a in actors if _matches(item["pattern"], a)]
        assert matching, f"no actor matches {item['pattern']!r}"
        for cover in item.get("must_also_cover", []):
            family = matching + [a for a in actors if a["parent"] in {m["id"] for m in matching}]
            assert any(re.search(rf"^(?:{cover})$", n, re.I) for a in family for n in _names(a)), (
                f"{item['pattern']!r} does not cover {cover!r}"
            )


def test_relations(result, gold):
    actors = _actors(result)
    for item in gold["relations"]:
        found = []
        for rel in result["relations"]:
            if rel["type"] != item["type"]:
                continue
            if not _matches(item["source"], actors.get(rel["source"])):
                continue
            if "target" in item and not _matches(item["target"], actors.get(rel["target"])):
                continue
            found.append(rel)
        if not found and "target" not in item:  # one-party relation: read it off the events
            found = [
                {"polarity": e["polarity"], "start": e["time"]["start"], "end": e["time"]["end"]}
                for e in result["events"]
                if e["type"] == item["type"] and _matches(item["source"], actors.get(e["source"]))
            ]
        assert found, f"missing relation {item}"
        checks = []
        for rel in found:
            ok = True
            if item.get("polarity") == "positive":
                ok &= rel["polarity"] > 0
            if item.get("polarity") == "negative":
                ok &= rel["polarity"] < 0
            if "starts" in item:
                ok &= bool(rel["start"]) and rel["start"].startswith(item["starts"])
            if "within" in item:
                lo, hi = map(date.fromisoformat, item["within"])
                ok &= bool(rel["start"]) and lo <= _day(rel["start"]) and _day(rel["end"]) <= hi
            if "on" in item:
                day = date.fromisoformat(item["on"])
                ok &= bool(rel["start"]) and _day(rel["start"]) <= day <= _day(rel["end"])
            checks.append(ok)
        assert any(checks), f"relation {item} found but wrong: {found}"


def test_events(result, gold):
    actors = _actors(result)
    for item in gold["events"]:
        def fits(event: dict, item: dict = item) -> bool:
            if "type" in item and event["type"] != item["type"]:
                return False
            names = [actors.get(a) for a in event["actors"]]
            if not all(any(_matches(p, a) for a in names) for p in item.get("actors", [])):
                return False
            time = event["time"]
            if "date" in item and not (time["value"] or "").startswith(item["date"]):
                return False
            if "granularity" in item and time["granularity"] != item["granularity"]:
                return False
            if item.get("approximate") and not time["approximate"]:
                return False
            return item.get("sentence_contains", "") in event["sentence"]

        assert any(fits(e) for e in result["events"]), f"missing event {item}"


def test_boilerplate_never_in_events(result, gold):
    for phrase in gold["never_in_events"]:
        assert not [e for e in result["events"] if phrase in e["sentence"]], phrase


def test_repeated_caption_counted_once(result):
    text = REFERENCE_ARTICLE.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    repeated = {line for line in lines if lines.count(line) > 1}
    assert repeated, "the reference article repeats its caption"
    article = result["articles"][0]
    for line in repeated:
        starts = [m.start() for m in re.finditer(re.escape(line), text)]
        later = [(s, s + len(line)) for s in starts[1:]]
        for start, end in later:
            assert any(a <= start and end <= b for a, b in article["ignored"]), line
            assert not [e for e in result["events"] if start <= e["span"][0] < end]
            assert not [x for x in article["time_expressions"] if start <= x["span"][0] < end]
