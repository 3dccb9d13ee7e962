"""Score extraction against analyst gold files, item by item, over any number of articles.

A gold file has the shape of ../shared/acceptance/*.gold.json: time expressions, actors (with
the aliases they must cover), relations (type, direction, polarity, time), events, and
boilerplate that must never reach an event. The reference article's acceptance test checks its
one gold file with the same functions; this harness runs them over a folder of gold files (for
instance articles written blind by someone who never saw our output) and prints what was missed,
so that a rule change can be judged on text it was not written for.

    python bench/gold_eval.py GOLD_OR_FOLDER... [--verbose]

Each gold file names its article ("article", relative to the gold file) and its publication date.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SECTIONS = ("time_expressions", "actors", "relations", "events", "never_in_events")


@dataclass(frozen=True, slots=True)
class Check:
    section: str
    item: object
    ok: bool
    why: str  # what is wrong when not ok, for the report and for assertion messages


def _names(actor: dict) -> list[str]:
    return [actor["name"], *actor["aliases"]]


def _matches(pattern: str, actor: dict | None) -> bool:
    return actor is not None and any(re.search(pattern, n, re.I) for n in _names(actor))


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _strip_prep(text: str) -> str:
    """The expression without a leading preposition or a possessive ending ("Sunday's"),
    which TimeML leaves outside the tag."""
    text = re.sub(r"^(?:on|in|at|since|during|by|until|from|within)\s+", "", text.strip(),
                  flags=re.I)
    return re.sub(r"['’]s$", "", text).lower()


def check_time_expression(item: dict, result: dict) -> Check:
    exprs = result["articles"][0]["time_expressions"]
    wanted = _strip_prep(item["text"])
    candidates = [e for e in exprs if _strip_prep(e["text"]) in (wanted, f"the {wanted}")
                  or (wanted.endswith(f" {_strip_prep(e['text'])}") and len(e["text"]) > 5)]
    if not candidates:
        return Check("time_expressions", item, False, f"no time expression for {item['text']!r}")
    # the expression that is the gold's text itself before one that only ends it ("14 August"
    # before an earlier "August" for "on 14 August")
    expr = min(candidates, key=lambda e: _strip_prep(e["text"]) not in (wanted, f"the {wanted}"))
    problems = []
    if "value" in item and expr["value"] != item["value"]:
        problems.append(f"value {expr['value']!r}")
    if "granularity" in item and expr["granularity"] != item["granularity"]:
        problems.append(f"granularity {expr['granularity']!r}")
    if "value_starts_with" in item and not (expr["value"] or "").startswith(
        item["value_starts_with"]
    ):
        problems.append(f"value {expr['value']!r}")
    if item.get("approximate") and expr["approximate"] is not True:
        problems.append("not approximate")
    if "ends_on_or_before" in item and not (
        expr["end"] and _day(expr["end"]) <= _day(item["ends_on_or_before"])
    ):
        problems.append(f"ends {expr['end']}")
    if "starts_after" in item and not (
        expr["start"] and _day(expr["start"]) > _day(item["starts_after"])
    ):
        problems.append(f"starts {expr['start']}")
    return Check("time_expressions", item, not problems, ", ".join(problems))


def check_actor(item: dict, result: dict) -> Check:
    actors = result["actors"]
    matching = [a for a in actors if _matches(item["pattern"], a)]
    if not matching:
        return Check("actors", item, False, f"no actor matches {item['pattern']!r}")
    family = matching + [a for a in actors if a["parent"] in {m["id"] for m in matching}]
    uncovered = [cover for cover in item.get("must_also_cover", [])
                 if not any(re.search(rf"^(?:{cover})$", n, re.I)
                            for a in family for n in _names(a))]
    return Check("actors", item, not uncovered,
                 f"{item['pattern']!r} does not cover {uncovered}" if uncovered else "")


def _relation_time_ok(item: dict, rel: dict) -> bool:
    ok = True
    if item.get("polarity") == "positive":
        ok &= rel["polarity"] > 0
    if item.get("polarity") == "negative":
        ok &= rel["polarity"] < 0
    if "starts" in item:
        ok &= bool(rel["start"]) and rel["start"].startswith(item["starts"])
    if "within" in item:
        lo, hi = _period(item["within"][0])[0], _period(item["within"][1])[1]
        ok &= bool(rel["start"]) and bool(rel["end"]) and lo <= _day(rel["start"]) and (
            _day(rel["end"]) <= hi)
    if "on" in item:  # a day, or a month or year the relation must touch
        first, last = _period(item["on"])
        ok &= bool(rel["start"]) and bool(rel["end"]) and (
            _day(rel["start"]) <= last and first <= _day(rel["end"]))
    return ok


def _period(value: str) -> tuple[date, date]:
    """The first and last day of "2013", "2013-01" or "2013-01-22"."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        year, month = parts
        following = date(year + month // 12, month % 12 + 1, 1)
        return date(year, month, 1), date.fromordinal(following.toordinal() - 1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def check_relation(item: dict, result: dict) -> Check:
    actors = {a["id"]: a for a in result["actors"]}
    found = [
        rel for rel in result["relations"]
        if rel["type"] == item["type"] and _matches(item["source"], actors.get(rel["source"]))
        and ("target" not in item or _matches(item["target"], actors.get(rel["target"])))
    ]
    if not found and "target" not in item:  # one-party relation: read it off the events
        found = [
            {"polarity": e["polarity"], "start": e["time"]["start"], "end": e["time"]["end"]}
            for e in result["events"]
            if e["type"] == item["type"] and _matches(item["source"], actors.get(e["source"]))
        ]
    if not found:
        return Check("relations", item, False, "missing")
    if any(_relation_time_ok(item, rel) for rel in found):
        return Check("relations", item, True, "")
    shown = [{k: r.get(k) for k in ("polarity", "start", "end")} for r in found]
    return Check("relations", item, False, f"found but wrong: {shown}")


def check_event(item: dict, result: dict) -> Check:
    actors = {a["id"]: a for a in result["actors"]}

    def fits(event: dict) -> bool:
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

    ok = any(fits(e) for e in result["events"])
    return Check("events", item, ok, "" if ok else "missing")


def check_boilerplate(phrase: str, result: dict) -> Check:
    leaked = [e["id"] for e in result["events"] if phrase in e["sentence"]]
    return Check("never_in_events", phrase, not leaked, f"in events {leaked}" if leaked else "")


CHECKS: dict[str, Callable[[object, dict], Check]] = {
    "time_expressions": check_time_expression,
    "actors": check_actor,
    "relations": check_relation,
    "events": check_event,
    "never_in_events": check_boilerplate,
}


def check_all(gold: dict, result: dict) -> Iterator[Check]:
    for section in SECTIONS:
        for item in gold.get(section, []):
            yield CHECKS[section](item, result)


def extract(article: Path, published: str | None) -> dict:
    """The CLI's JSON for one article: what a user of `timeline-app extract` gets."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        command = [sys.executable, "-m", "timeline_app", "extract", str(article), "--json",
                   str(out)]
        if published:
            command += ["--published", published]
        env = {"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"}
        if "TIMELINE_APP_RESOURCES" in os.environ:  # to score an edited copy of the lexicons
            env["TIMELINE_APP_RESOURCES"] = os.environ["TIMELINE_APP_RESOURCES"]
        proc = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300,
                              env=env)
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr)
        return json.loads(out.read_text(encoding="utf-8"))


def unclaimed_relations(gold: dict, result: dict) -> list[dict]:
    """Relations we found that no gold relation asks for: candidates for false ones (a gold
    file need not list every relation, so these are for reading, not for scoring)."""
    actors = {a["id"]: a for a in result["actors"]}
    return [
        rel for rel in result["relations"]
        if not any(
            rel["type"] == item["type"] and _matches(item["source"], actors.get(rel["source"]))
            and ("target" not in item or _matches(item["target"], actors.get(rel["target"])))
            for item in gold["relations"]
        )
    ]


def _gold_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.gold.json")) if path.is_dir() else [path])
    return files


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+", type=Path, help="gold files or folders of them")
    ap.add_argument("--verbose", action="store_true", help="also list unclaimed relations")
    args = ap.parse_args(argv)
    totals = {s: [0, 0] for s in SECTIONS}
    extra_total = 0
    for path in _gold_files(args.paths):
        gold = json.loads(path.read_text(encoding="utf-8"))
        result = extract((path.parent / gold["article"]).resolve(), gold.get("published"))
        checks = list(check_all(gold, result))
        extra = unclaimed_relations(gold, result)
        extra_total += len(extra)
        print(f"{path.name}: {sum(c.ok for c in checks)}/{len(checks)} items, "
              f"{len(extra)} unclaimed relations")
        for c in checks:
            totals[c.section][0] += c.ok
            totals[c.section][1] += 1
            if not c.ok:
                print(f"   MISS {c.section}: {json.dumps(c.item)}  -- {c.why}")
        if args.verbose:
            names = {a["id"]: a["name"] for a in result["actors"]}
            for rel in extra:
                print(f"   UNCLAIMED {rel['type']} {names.get(rel['source'])} -> "
                      f"{names.get(rel['target'])} {rel['polarity']:+.1f} {rel['start']}")
    print("TOTAL " + ", ".join(f"{s} {ok}/{n}" for s, (ok, n) in totals.items())
          + f", unclaimed relations {extra_total}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
