"""TempEval-3 style evaluation of the temporal tagger on the TimeBank and AQUAINT gold.

Reads the .tml files in ../shared/data/timeml/{TimeBank,AQUAINT} (beside the repository),
recovers each document's raw TEXT with the exact offsets of its gold TIMEX3 spans, runs our
`tag(text, dct)` and, in the same run, the naive baseline (dateparser's search_dates with the
DCT as relative base, every hit a DATE at day granularity). Prints, per corpus and overall:
strict and relaxed span P/R/F1, type accuracy and F1, value F1 (relaxed matches with the right
value, as TempEval-3 defines attribute F1), a per-type breakdown, documents per second and the
speed ratio. The ratio times both systems document by document in turn, so that load from other
processes on a shared machine slows both alike. The DCT timex is not scored. Nothing from the
corpus is written into the repo.

    python bench/timeml_eval.py [--limit N] [--no-baseline] [--errors FILE] [--repeat N]

The error report is a TSV: kind (VALUE, TYPE, SPAN, MISSED, SPURIOUS), document, DCT, gold
text/type/value, our text/type/value and the context with the gold span in brackets.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
DATA = REPO.parent / "shared" / "data" / "timeml"
CORPORA = ("TimeBank", "AQUAINT")
TYPES = ("DATE", "TIME", "DURATION", "SET")

from timeline_app.extract.temporal import tag  # noqa: E402


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass(slots=True)
class Doc:
    name: str
    corpus: str
    text: str
    dct: datetime.date
    gold: list[Timex]


def _walk(elem: object, parts: list[str], gold: list[Timex], offset: list[int]) -> None:
    """Concatenate the element's text, noting where each TIMEX3 begins and ends."""
    tag_name = getattr(elem, "tag", "")
    start = offset[0]
    if elem.text:  # type: ignore[attr-defined]
        parts.append(elem.text)  # type: ignore[attr-defined]
        offset[0] += len(elem.text)  # type: ignore[attr-defined]
    for child in elem:  # type: ignore[attr-defined]
        _walk(child, parts, gold, offset)
        if child.tail:
            parts.append(child.tail)
            offset[0] += len(child.tail)
    if tag_name == "TIMEX3":
        attrs = elem.attrib  # type: ignore[attr-defined]
        if attrs.get("functionInDocument") != "CREATION_TIME":
            text = "".join(parts)[start:offset[0]]
            gold.append(Timex(start, offset[0], attrs.get("type", ""), attrs.get("value", ""),
                              text))


def load_doc(path: Path, corpus: str) -> Doc | None:
    from defusedxml import ElementTree

    try:
        root = ElementTree.parse(str(path)).getroot()
    except Exception as exc:
        print(f"skip {path.name}: {exc}", file=sys.stderr)
        return None
    dct: datetime.date | None = None
    for timex in root.iter("TIMEX3"):
        if timex.attrib.get("functionInDocument") == "CREATION_TIME":
            try:
                dct = datetime.date.fromisoformat(timex.attrib.get("value", "")[:10])
            except ValueError:
                dct = None
            break
    text_elem = root.find("TEXT")
    if dct is None or text_elem is None:
        print(f"skip {path.name}: no DCT or TEXT", file=sys.stderr)
        return None
    parts: list[str] = []
    gold: list[Timex] = []
    _walk(text_elem, parts, gold, [0])
    return Doc(path.stem, corpus, "".join(parts), dct, gold)


def ours(doc: Doc) -> list[Timex]:
    return [Timex(e.span[0], e.span[1], e.type, e.time.value, e.text)
            for e in tag(doc.text, doc.dct)]


def baseline(doc: Doc) -> list[Timex]:
    from dateparser.search import search_dates

    base = datetime.datetime(doc.dct.year, doc.dct.month, doc.dct.day)
    found = search_dates(doc.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    out: list[Timex] = []
    pos = 0
    for substring, when in found:
        start = doc.text.find(substring, pos)
        if start < 0:
            start = doc.text.find(substring)
            if start < 0:
                continue
        end = start + len(substring)
        pos = end
        out.append(Timex(start, end, "DATE", when.date().isoformat(), substring))
    return out


@dataclass(slots=True)
class Score:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    # per type: gold n, system n, gold matched, system matched, right values by gold type,
    # right values by system type
    by_type: dict[str, list[int]] = field(default_factory=dict)

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.system += other.system
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.type_ok += other.type_ok
        self.value_ok += other.value_ok
        for t, row in other.by_type.items():
            mine = self.by_type.setdefault(t, [0, 0, 0, 0, 0, 0])
            for i, v in enumerate(row):
                mine[i] += v


def match(gold: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one relaxed matching: exact boundaries first, then largest overlap."""
    pairs: list[tuple[Timex, Timex]] = []
    used: set[int] = set()
    exact = {(s.start, s.end): i for i, s in enumerate(system)}
    rest = []
    for g in gold:
        i = exact.get((g.start, g.end))
        if i is not None and i not in used:
            used.add(i)
            pairs.append((g, system[i]))
        else:
            rest.append(g)
    for g in rest:
        best, best_overlap = -1, 0
        for i, s in enumerate(system):
            if i in used:
                continue
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best >= 0:
            used.add(best)
            pairs.append((g, system[best]))
    return pairs


def score(doc: Doc, system: list[Timex], errors: list[str] | None) -> Score:
    sc = Score(gold=len(doc.gold), system=len(system))
    pairs = match(doc.gold, system)
    matched_sys = {id(s) for _, s in pairs}
    matched_gold = {id(g) for g, _ in pairs}
    for t in TYPES:
        sc.by_type[t] = [sum(g.type == t for g in doc.gold), sum(s.type == t for s in system),
                         0, 0, 0, 0]
    for g, s in pairs:
        sc.relaxed += 1
        sc.strict += (g.start, g.end) == (s.start, s.end)
        sc.type_ok += g.type == s.type
        sc.value_ok += g.value == s.value
        if g.type in sc.by_type:
            sc.by_type[g.type][2] += 1
            sc.by_type[g.type][4] += g.value == s.value
        if s.type in sc.by_type:
            sc.by_type[s.type][3] += 1
            sc.by_type[s.type][5] += g.value == s.value
        if errors is not None and ((g.start, g.end) != (s.start, s.end) or g.value != s.value
                                   or g.type != s.type):
            kind = "VALUE" if g.value != s.value else "TYPE" if g.type != s.type else "SPAN"
            errors.append(f"{kind}\t{doc.name}\t{doc.dct}\t{g.text!r}\t{g.type}\t{g.value}"
                          f"\t{s.text!r}\t{s.type}\t{s.value}\t{_context(doc, g.start, g.end)}")
    if errors is not None:
        for g in doc.gold:
            if id(g) not in matched_gold:
                errors.append(f"MISSED\t{doc.name}\t{doc.dct}\t{g.text!r}\t{g.type}\t{g.value}"
                              f"\t\t\t\t{_context(doc, g.start, g.end)}")
        for s in system:
            if id(s) not in matched_sys:
                errors.append(f"SPURIOUS\t{doc.name}\t{doc.dct}\t\t\t\t{s.text!r}\t{s.type}"
                              f"\t{s.value}\t{_context(doc, s.start, s.end)}")
    return sc


def _context(doc: Doc, start: int, end: int) -> str:
    left = doc.text[max(0, start - 50):start].replace("\n", " ").replace("\t", " ")
    right = doc.text[end:end + 30].replace("\n", " ").replace("\t", " ")
    return f"{left}[{doc.text[start:end]}]{right}"


def prf(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(title: str, sc: Score) -> None:
    print(f"  {title}: gold {sc.gold}, system {sc.system}")
    for name, correct in (("strict span", sc.strict), ("relaxed span", sc.relaxed),
                          ("type", sc.type_ok), ("value", sc.value_ok)):
        p, r, f = prf(correct, sc.system, sc.gold)
        print(f"    {name:<13} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    acc_t = sc.type_ok / sc.relaxed if sc.relaxed else 0.0
    acc_v = sc.value_ok / sc.relaxed if sc.relaxed else 0.0
    print(f"    accuracy on relaxed matches: type {acc_t:.3f}, value {acc_v:.3f}")


def report_types(sc: Score) -> None:
    """Precision counts system items by their type, recall gold items by theirs."""
    print("    per type (gold n / system n: relaxed P R F1 | value P R F1)")
    for t in TYPES:
        g, s, rel_g, rel_s, val_g, val_s = sc.by_type.get(t, [0, 0, 0, 0, 0, 0])
        p = rel_s / s if s else 0.0
        r = rel_g / g if g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        vp = val_s / s if s else 0.0
        vr = val_g / g if g else 0.0
        vf = 2 * vp * vr / (vp + vr) if vp + vr else 0.0
        print(f"      {t:<9} {g:>5} / {s:<5} P {p:.3f} R {r:.3f} F1 {f:.3f} | "
              f"value P {vp:.3f} R {vr:.3f} F1 {vf:.3f}")


def timed(system: Callable[[Doc], list[Timex]], docs: list[Doc],
          repeat: int = 1) -> tuple[list[list[Timex]], list[float]]:
    """The system's outputs and the seconds each of `repeat` passes took."""
    outputs: list[list[Timex]] = []
    times: list[float] = []
    for _ in range(max(1, repeat)):
        began = time.perf_counter()
        outputs = [system(doc) for doc in docs]
        times.append(time.perf_counter() - began)
    return outputs, times


def paired(docs: list[Doc]) -> tuple[list[list[Timex]], float, float]:
    """Baseline outputs, and both systems' seconds measured document by document in turn, so
    that a busy machine slows both alike (the ratio is what the acceptance asks for)."""
    outputs: list[list[Timex]] = []
    ours_s = base_s = 0.0
    for doc in docs:
        t0 = time.perf_counter()
        ours(doc)
        t1 = time.perf_counter()
        outputs.append(baseline(doc))
        t2 = time.perf_counter()
        ours_s += t1 - t0
        base_s += t2 - t1
    return outputs, ours_s, base_s


def run(name: str, docs: list[Doc], outputs: list[list[Timex]], times: list[float],
        errors: list[str] | None) -> float:
    """Score one system's outputs and print its speed (the best of its timed passes)."""
    totals = {c: Score() for c in CORPORA}
    elapsed = min(times)
    for doc, out in zip(docs, outputs, strict=True):
        totals[doc.corpus].add(score(doc, out, errors))
    overall = Score()
    print(f"\n== {name} ==")
    for corpus in CORPORA:
        report(corpus, totals[corpus])
        overall.add(totals[corpus])
    report("ALL", overall)
    report_types(overall)
    rate = len(docs) / elapsed if elapsed else float("inf")
    chars = sum(len(d.text) for d in docs)
    per_3kb = elapsed / (chars / 3000) * 1000 if chars else 0.0
    print(f"  speed: {rate:,.1f} documents/s ({elapsed:.3f} s for {len(docs)} documents; "
          f"{per_3kb:.3f} ms per 3 KB)")
    if len(times) > 1:
        mean = sum(times) / len(times)
        print(f"  (best of {len(times)} passes; mean {len(docs) / mean:,.1f} documents/s)")
    return rate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="evaluate only the first N documents")
    ap.add_argument("--no-baseline", action="store_true", help="skip the dateparser baseline")
    ap.add_argument("--errors", type=Path, help="write a per-error report (TSV) to this file")
    ap.add_argument("--repeat", type=int, default=3,
                    help="time our tagger as the best of N passes (default 3; baseline: 1)")
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        print(f"TimeML gold not found at {DATA}; skipping the evaluation.")
        return 0
    docs: list[Doc] = []
    for corpus in CORPORA:
        for path in sorted((DATA / corpus).glob("*.tml")):
            doc = load_doc(path, corpus)
            if doc is not None:
                docs.append(doc)
    if args.limit:
        docs = docs[:args.limit]
    if not docs:
        print(f"No .tml documents under {DATA}; skipping the evaluation.")
        return 0
    print(f"{len(docs)} documents, {sum(len(d.gold) for d in docs)} gold TIMEX3 (DCT excluded)")
    errors: list[str] | None = [] if args.errors else None
    for _ in range(2):  # warm up: regex compilation and caches are not what we measure
        for doc in docs[:5]:
            ours(doc)
    outputs, times = timed(ours, docs, args.repeat)
    run("ours (timeline_app.extract.temporal.tag)", docs, outputs, times, errors)
    if args.errors and errors is not None:
        header = "kind\tdoc\tdct\tgold_text\tgold_type\tgold_value\tour_text\tour_type" \
                 "\tour_value\tcontext"
        args.errors.write_text(header + "\n" + "\n".join(errors) + "\n", encoding="utf-8")
        print(f"  {len(errors)} errors written to {args.errors}")
    if not args.no_baseline:
        try:
            import dateparser.search  # noqa: F401
        except ImportError:
            print("\ndateparser not installed: no baseline.")
            return 0
        base_out, ours_s, base_s = paired(docs)
        run("baseline (dateparser.search.search_dates)", docs, base_out, [base_s], None)
        print(f"\nspeed, measured document by document in turn: ours {len(docs) / ours_s:,.1f} "
              f"documents/s, baseline {len(docs) / base_s:,.1f} documents/s; "
              f"ratio {base_s / ours_s:,.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
