"""Command line: the same pipeline as the app, without a window.

    timeline-app extract PATH... [--published YYYY-MM-DD] [--json OUT] [--project OUT.tlproj]
    timeline-app export PATH... --format json|csv|timelinejs|gexf|graphml -o OUT
    timeline-app render PATH... [--timeline OUT] [--graph OUT] [--width W] [--height H]
                        [--from DATE --to DATE] [--title T] [--scale S] [--lanes actor|relation]
    timeline-app [PATH...] [--published YYYY-MM-DD] [--screenshot OUT.png]   (the desktop app)

Exit status is non-zero only for wrong usage: unreadable files are reported per file (on stderr
and in the JSON `errors`) while the others are processed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

COMMANDS = ("extract", "export", "render")
EXPORT_FORMATS = ("json", "csv", "timelinejs", "gexf", "graphml")


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="article files, folders, archives or a saved .tlproj project")
    parser.add_argument("--published", type=_date, metavar="YYYY-MM-DD",
                        help="publication date for articles that do not state one")
    parser.add_argument("--title-field", help="CSV column / JSON key holding the title")
    parser.add_argument("--date-field", help="CSV column / JSON key holding the date")
    parser.add_argument("--text-field", help="CSV column / JSON key holding the text")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timeline-app", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="extract events, actors and relations as JSON")
    _common(extract)
    extract.add_argument("--json", metavar="OUT", help="write JSON here (default: stdout)")
    extract.add_argument("--project", metavar="OUT.tlproj", help="also save a project file")
    export = sub.add_parser("export", help="export data for other tools")
    _common(export)
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    export.add_argument("-o", "--output", required=True, metavar="OUT")
    render = sub.add_parser("render", help="render timeline / graph images")
    _common(render)
    render.add_argument("--timeline", metavar="OUT", help="timeline image (.png, .svg, .pdf)")
    render.add_argument("--graph", metavar="OUT", help="graph image (.png, .svg, .pdf)")
    render.add_argument("--width", type=int, default=1600)
    render.add_argument("--height", type=int, default=900)
    render.add_argument("--from", dest="start", type=_date, metavar="YYYY-MM-DD")
    render.add_argument("--to", dest="end", type=_date, metavar="YYYY-MM-DD")
    render.add_argument("--title", help="title printed above the image")
    render.add_argument("--scale", type=float, default=1.0,
                        help="pixel ratio for PNG (2 for HiDPI slides)")
    render.add_argument("--lanes", choices=("actor", "relation"), default="actor",
                        help="timeline lanes by actor or by relation type")
    render.add_argument("--theme", choices=("light", "dark"), default="light")
    render.add_argument("--no-legend", action="store_true", help="leave out the legend")
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timeline-app",
                                     description="Open the Timeline App window.")
    parser.add_argument("paths", nargs="*", metavar="PATH")
    parser.add_argument("--published", type=_date, metavar="YYYY-MM-DD")
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="load, wait for extraction and layout, save a screenshot, exit")
    parser.add_argument("--theme", choices=("light", "dark"))
    parser.add_argument("--self-test", action="store_true",
                        help="load the bundled samples offscreen, render a timeline, check it")
    return parser


def load_corpus(args: argparse.Namespace):
    """A Corpus from articles, folders, archives and/or saved projects given on the line."""
    from timeline_app.ingest import Fields
    from timeline_app.pipeline import build_corpus, merge_corpora

    fields = Fields(title=args.title_field, date=args.date_field, text=args.text_field)
    projects, others = _split_projects(args.paths)
    corpora = [_project_corpus(p) for p in projects]
    if others or not corpora:
        corpora.append(build_corpus(others, published=args.published, fields=fields,
                                    progress=_progress_printer()))
    return corpora[0] if len(corpora) == 1 else merge_corpora(corpora)


def _split_projects(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """Saved projects apart from articles; a damaged .tlproj is still a project (and gets the
    store's clear message) rather than being read as an article."""
    from timeline_app.store import is_project_file

    projects = [
        p for p in paths
        if Path(p).is_file() and (p.lower().endswith(".tlproj") or is_project_file(p))
    ]
    return projects, [p for p in paths if p not in projects]


def _project_corpus(path: str):
    """What the project shows: its cached extraction with the user's edits replayed."""
    from timeline_app.domain import Corpus, FileError
    from timeline_app.store import ProjectError, edited_corpus, load_project

    try:
        return edited_corpus(load_project(path))
    except ProjectError as exc:
        return Corpus(errors=(FileError(path, str(exc)),))


def _progress_printer():
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int, path: str) -> None:
        print(f"\r{done}/{total} {Path(path).name[:50]:<50}", end="", file=sys.stderr)
        if done >= total:
            print(file=sys.stderr)

    return show


def _report_errors(corpus) -> None:
    for error in corpus.errors:
        print(f"{error.path}: {error.message}", file=sys.stderr)


def run_extract(args: argparse.Namespace) -> int:
    from timeline_app.export.json_contract import dumps, write_json

    corpus = load_corpus(args)
    _report_errors(corpus)
    if args.json:
        write_json(corpus, args.json)
    else:
        sys.stdout.write(dumps(corpus) + "\n")
    if args.project:
        from timeline_app.domain.project import Project
        from timeline_app.store import ProjectError, save_project

        try:
            save_project(args.project, Project(articles=corpus.articles, errors=corpus.errors,
                                               corpus=corpus))
        except (ProjectError, OSError) as exc:
            print(f"timeline-app extract: {exc}", file=sys.stderr)
            return 1
    return 0


def run_export(args: argparse.Namespace) -> int:
    from timeline_app.export import export_corpus

    corpus = load_corpus(args)
    _report_errors(corpus)
    try:
        export_corpus(corpus, args.output, args.format)
    except OSError as exc:
        print(f"timeline-app export: cannot write {args.output}: {exc}", file=sys.stderr)
        return 2
    return 0


def run_render(args: argparse.Namespace) -> int:
    if not args.timeline and not args.graph:
        print("timeline-app render: give --timeline OUT and/or --graph OUT", file=sys.stderr)
        return 2
    from timeline_app.export.images import render_images

    corpus = load_corpus(args)
    _report_errors(corpus)
    window = (args.start, args.end) if args.start or args.end else None
    try:
        render_images(corpus, timeline=args.timeline, graph=args.graph, width=args.width,
                      height=args.height, window=window, title=args.title, scale=args.scale,
                      lanes=args.lanes, legend=not args.no_legend, theme=args.theme)
    except (ValueError, OSError) as exc:  # a bad size or format, an unwritable folder
        print(f"timeline-app render: {exc}", file=sys.stderr)
        return 2
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        args = build_parser().parse_args(argv)
        runner = {"extract": run_extract, "export": run_export, "render": run_render}
        return runner[args.command](args)
    args = build_gui_parser().parse_args(argv)
    from timeline_app.ui.app import run_gui

    if args.self_test:
        from timeline_app.ui.app import self_test

        return self_test()
    return run_gui(args.paths, published=args.published, screenshot=args.screenshot,
                   theme=args.theme)


if __name__ == "__main__":
    raise SystemExit(main())
