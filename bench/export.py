"""Time to export a 10,000-event timeline to PNG (3840x2160), SVG and PDF.

    .venv/bin/python bench/export.py [N_EVENTS]

Prints seconds per step and the file sizes. The baseline in the same run is the layout alone
(no painting, no file), so the ratios show what painting and encoding each format cost.
Runs headless (offscreen Qt platform).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from timeline_app.export.images import (
    ImageOptions,
    ensure_gui,
    render_graph,
    render_timeline,
    timeline_layout,
)
from timeline_app.export.synthetic import synthetic_corpus


def _best(fn, repeat: int = 2) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    ensure_gui()
    t = time.perf_counter()
    corpus = synthetic_corpus(n, lanes=40)
    print(f"corpus: {n} events, 40 actors, built in {time.perf_counter() - t:.2f} s")
    options = ImageOptions(width=3840, height=2160, title=f"{n:,} events")
    base = _best(lambda: timeline_layout(corpus, options))
    layout = timeline_layout(corpus, options)
    labelled = sum(1 for m in layout.marks if m.label)
    print(f"layout only (baseline): {base:.2f} s — {len(layout.marks)} marks, "
          f"{labelled} labelled, {len(layout.lanes)} lanes")
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in ("png", "svg", "pdf"):
            out = Path(tmp) / f"timeline.{suffix}"
            secs = _best(lambda out=out: render_timeline(corpus, out, options))
            size = out.stat().st_size / 1e6
            print(f"timeline {suffix.upper():<4} 3840x2160: {secs:6.2f} s "
                  f"({secs / base:4.1f}x layout), {size:5.1f} MB")
        out = Path(tmp) / "timeline-8k.png"
        big = ImageOptions(width=3840, height=2160, scale=2.0)
        secs = _best(lambda: render_timeline(corpus, out, big), repeat=1)
        print(f"timeline PNG 7680x4320 (scale 2): {secs:6.2f} s")
        out = Path(tmp) / "graph.svg"
        secs = _best(lambda: render_graph(corpus, out, options), repeat=1)
        print(f"graph    SVG 3840x2160: {secs:6.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
