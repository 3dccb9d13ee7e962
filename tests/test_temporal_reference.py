"""The tagger alone gets every time expression of the reference article's gold right.

Reads the article and its gold from ../shared at test time (nothing is copied into the repo);
skips, saying why, when ../shared is not beside the repository.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from timeline_app.extract.temporal import tag

SHARED = Path(__file__).resolve().parents[2] / "shared"
ARTICLE = SHARED / "articles" / "russia-evacuation-2013-01-22.txt"
GOLD = SHARED / "acceptance" / "russia-evacuation-2013-01-22.gold.json"

pytestmark = pytest.mark.skipif(
    not (ARTICLE.is_file() and GOLD.is_file()), reason="../shared reference article not present"
)

_PREP = re.compile(r"^(?:on|in|at|since|during|by)\s+", re.IGNORECASE)


def _core(text: str) -> str:
    return _PREP.sub("", text.strip())


def test_every_gold_time_expression():
    text = ARTICLE.read_text(encoding="utf-8")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["time_expressions"]
    found = tag(text, date(2013, 1, 22))
    for expr in found:
        assert text[expr.span[0]:expr.span[1]] == expr.text
    for item in gold:
        wanted = _core(item["text"])
        hits = [e for e in found if e.text in (wanted, f"the {wanted}")
                or (wanted.endswith(e.text) and len(e.text) > 5)]
        assert hits, f"missing {item['text']!r}"
        e = hits[0]
        if "value" in item:
            assert (e.time.value, e.time.granularity) == (item["value"], item["granularity"])
        if "value_starts_with" in item:
            assert e.time.value.startswith(item["value_starts_with"])
        if item.get("approximate"):
            assert e.time.approximate
        if "ends_on_or_before" in item:
            assert e.time.end <= date.fromisoformat(item["ends_on_or_before"])
        if "starts_after" in item:
            assert e.time.start > date.fromisoformat(item["starts_after"])
