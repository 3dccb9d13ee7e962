"""Data and image exports: the formats analysts carry the corpus on in.

`export_corpus` writes the data formats; image export lives in `export.images` (the one
module outside `ui/` that imports Qt) so the data exports stay importable without a display.
"""

from __future__ import annotations

from pathlib import Path

from timeline_app.domain import Corpus

FORMATS = ("json", "csv", "timelinejs", "gexf", "graphml")
SUFFIXES = {"json": ".json", "csv": ".csv", "timelinejs": ".json", "gexf": ".gexf",
            "graphml": ".graphml"}


def export_corpus(corpus: Corpus, output_path: str | Path, fmt: str) -> None:
    """Write `corpus` to `output_path` in one of FORMATS; ValueError for an unknown format."""
    path = Path(output_path)
    if fmt == "json":
        from timeline_app.export.json_contract import write_json

        write_json(corpus, path)
    elif fmt == "csv":
        from timeline_app.export.csv_events import write_events_csv

        write_events_csv(corpus, path)
    elif fmt == "timelinejs":
        from timeline_app.export.timelinejs import write_timelinejs

        write_timelinejs(corpus, path)
    elif fmt == "gexf":
        from timeline_app.export.graph_files import write_gexf

        write_gexf(corpus, path)
    elif fmt == "graphml":
        from timeline_app.export.graph_files import write_graphml

        write_graphml(corpus, path)
    else:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")


def format_for_path(path: str | Path) -> str | None:
    """The data format a file name asks for (".gexf" -> "gexf"), None when it is ambiguous."""
    suffix = Path(path).suffix.lower()
    return {".csv": "csv", ".gexf": "gexf", ".graphml": "graphml"}.get(suffix)


__all__ = ["FORMATS", "SUFFIXES", "export_corpus", "format_for_path"]
