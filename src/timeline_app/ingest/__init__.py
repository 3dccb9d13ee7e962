"""Files to Articles: one entry point for every kind of file people keep news in.

    read(path) -> list[Article]          one file (a dump, mailbox or archive yields several)
    read_paths(paths) -> ReadResult      files, folders (recursive) and zips; per-file errors

Kinds (chosen from the content as well as the extension, see `sniff.py`): .txt/.md in any
encoding, saved web pages (trafilatura; nothing is ever fetched), PDF (pypdf), DOCX
(python-docx), .eml/.mbox, CSV/TSV and JSON/JSONL dumps (one article per row or object),
zip archives (members appear as "archive.zip!inner/a.txt", dump rows as "dump.csv#12").

Text is decoded once and never edited afterwards: boilerplate (sign-up boxes, share bars,
ads, credits), date lines and verbatim repeats are listed as `Article.ignored` ranges. The
publication date comes from the best source available, recorded in `published_source`:
document metadata, then a dateline or byline in the text, then a date in the file name,
then the caller's `published`; otherwise it stays unknown.

Limits (`Limits`): 64 MB per file, 512 MB per archive (uncompressed), compression ratio
100, archive nesting 3, 10,000 members, and 4 million characters per article. A single
50 MB text file is therefore refused with a message naming the limit to raise: one
"article" that size is a dump or a log, and extraction would take minutes.
"""

from timeline_app.ingest.errors import ReadError
from timeline_app.ingest.limits import Fields, Limits
from timeline_app.ingest.read import ReadResult, read, read_paths

__all__ = ["Fields", "Limits", "ReadError", "ReadResult", "read", "read_paths"]
