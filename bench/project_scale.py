"""Save and open a 10,000-article, 200,000-event project; print times and peak memory.

Targets (issue 8): open to a usable state in <= 3 s, memory under 1.5 GB. The project is built
from synthetic domain objects (tests/test_store_data.py), so the figures measure the store, not
extraction. Open time is measured in a fresh process so nothing is shared with the build.

    .venv/bin/python bench/project_scale.py [--articles 10000] [--events-per-article 20]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

OPEN_CHILD = r"""
import sys, time

def peak_kb():  # VmHWM: ru_maxrss would include the parent's peak, inherited over fork
    with open("/proc/self/status") as f:
        return int(next(l for l in f if l.startswith("VmHWM")).split()[1])

start_rss = peak_kb()
t0 = time.perf_counter()
c0 = time.process_time()
from timeline_app.store import edited_corpus, load_project
t1 = time.perf_counter()
project = load_project(sys.argv[1])
t2 = time.perf_counter()
c2 = time.process_time()
corpus = edited_corpus(project)
t3 = time.perf_counter()
cpu = time.process_time() - c0
peak = peak_kb()
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {t3 - t2:.3f} {start_rss} {peak} {cpu:.3f} {c2 - c0:.3f} "
      f"{len(project.articles)} {len(corpus.events)} {len(corpus.relations)}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--events-per-article", type=int, default=20)
    args = parser.parse_args()

    from test_store_data import project
    from timeline_app.store import save_project

    t0 = time.perf_counter()
    proj = project(n_articles=args.articles, events_per_article=args.events_per_article)
    build = time.perf_counter() - t0
    events = len(proj.corpus.events)
    print(f"built {len(proj.articles):,} articles, {events:,} events, "
          f"{len(proj.corpus.relations):,} relations in {build:.1f} s")

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scale.tlproj"
        t0 = time.perf_counter()
        save_project(path, proj)
        first_save = time.perf_counter() - t0
        t0 = time.perf_counter()
        save_project(path, proj)  # over an existing file: includes its integrity check
        resave = time.perf_counter() - t0
        size = os.path.getsize(path)
        print(f"save (new file)       {first_save:6.2f} s   file {size / 1e6:.0f} MB")
        print(f"save (over existing)  {resave:6.2f} s")
        del proj

        out = subprocess.run(
            [sys.executable, "-c", OPEN_CHILD, str(path)], capture_output=True, text=True,
            check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        ).stdout.split()
        imports, load, edit, rss0, peak, cpu, load_cpu = map(float, out[:7])
        n_articles, n_events, n_relations = map(int, out[7:])
        print(f"open: load_project    {load:6.2f} s   CPU {load_cpu:.2f} s  ({n_articles:,} "
              f"articles, {n_events:,} events, {n_relations:,} relations)")
        print(f"open: edits replayed  {edit:6.2f} s   CPU {cpu - load_cpu:.2f} s  "
              "(domain.edits.apply_edits, as CorpusModel.set_corpus does)")
        print(f"open: total           {load + edit:6.2f} s   target <= 3 s  "
              f"ratio {(load + edit) / 3.0:.2f}   (CPU time {cpu:.2f} s: the rest is waiting "
              "for a shared CPU)")
        print(f"      imports {imports:.2f} s")
        print(f"peak RSS after open   {peak / 1024:6.0f} MB  (interpreter alone "
              f"{rss0 / 1024:.0f} MB)  target < 1536 MB  ratio {peak / 1024 / 1536:.2f}")

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this (building + saving) process {own:.0f} MB")
    print(f"load_project CPU per event {load_cpu / max(n_events, 1) * 1e6:.1f} us "
          "(articles and their text included)")


if __name__ == "__main__":
    main()
