"""Start-up time to a shown window: the packaged app against `python -m timeline_app`.

    python packaging/measure_startup.py [--runs 5]

Each run opens the window offscreen with `--screenshot` and no articles: the process exits as
soon as the empty window has been shown, laid out and grabbed, so its wall time (measured by
/usr/bin/time, as a user would) is the start-up time. Prints the median of the runs for each.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TIME = "/usr/bin/time"


def timed_run(command: list[str], env: dict[str, str]) -> float:
    """Wall seconds of one run, as /usr/bin/time reports them (on its last stderr line)."""
    with tempfile.TemporaryDirectory() as tmp:
        shot = str(Path(tmp) / "startup.png")
        result = subprocess.run([TIME, "-f", "%e", *command, "--screenshot", shot], env=env,
                                capture_output=True, text=True, timeout=300, cwd=tmp)
        if result.returncode != 0 or not Path(shot).is_file():
            raise RuntimeError(f"{command[0]} failed: {result.stderr[-2000:]}")
    return float(result.stderr.strip().splitlines()[-1])


def median_time(command: list[str], runs: int, env: dict[str, str]) -> tuple[float, list[float]]:
    times = [timed_run(command, env) for _ in range(runs)]
    return statistics.median(times), times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--app", default=str(ROOT / "dist" / "TimelineApp" / "TimelineApp"))
    args = parser.parse_args(argv)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    rows = [("python -m timeline_app", [sys.executable, "-m", "timeline_app"])]
    if Path(args.app).is_file():
        rows.insert(0, ("packaged app", [args.app]))
    else:
        print(f"no packaged app at {args.app}: run packaging/build.py first", file=sys.stderr)
    medians = {}
    for label, command in rows:
        medians[label], times = median_time(command, args.runs, env)
        runs = " ".join(f"{t:.2f}" for t in times)
        print(f"{label:<24} median {medians[label]:.2f} s  runs {runs}")
    if len(medians) == 2:
        ratio = medians["packaged app"] / medians["python -m timeline_app"]
        print(f"packaged / python ratio: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
