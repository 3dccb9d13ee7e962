"""The mission's reference article, checked item by item against the analyst's gold file.

Runs the real CLI (`timeline-app extract --published ... --json OUT`) in a subprocess, so this is
what a user of the command line gets. The item checks are bench/gold_eval.py's, which scores any
number of gold files of this shape.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from conftest import REFERENCE_ARTICLE, REFERENCE_GOLD, REPO

sys.path.insert(0, str(REPO / "bench"))
from gold_eval import (  # the harness that scores any gold file of this shape
    check_actor,
    check_boilerplate,
    check_event,
    check_relation,
    check_time_expression,
)

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


def test_time_expressions(result, gold):
    text = REFERENCE_ARTICLE.read_text(encoding="utf-8")
    for expr in result["articles"][0]["time_expressions"]:
        start, end = expr["span"]
        assert text[start:end] == expr["text"], "spans index the article text as read"
    for item in gold["time_expressions"]:
        check = check_time_expression(item, result)
        assert check.ok, (item, check.why)


def test_actors_and_their_aliases(result, gold):
    for item in gold["actors"]:
        check = check_actor(item, result)
        assert check.ok, check.why


def test_relations(result, gold):
    for item in gold["relations"]:
        check = check_relation(item, result)
        assert check.ok, (item, check.why)


def test_events(result, gold):
    for item in gold["events"]:
        assert check_event(item, result).ok, f"missing event {item}"


def test_boilerplate_never_in_events(result, gold):
    for phrase in gold["never_in_events"]:
        check = check_boilerplate(phrase, result)
        assert check.ok, (phrase, check.why)


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
