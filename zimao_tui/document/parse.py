"""Files to Reports: reading, decoding and the public entry points of the parser.

The parsing itself lives in :mod:`zimao_tui.document` (text -> lines -> metadata and furniture ->
numbering -> tree); this module keeps the functions the rest of the code and the tests call.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from zimao_tui.document.errors import ReportError
from zimao_tui.document.formats import read_source, sniff, suffixes
from zimao_tui.i18n import Notice
from zimao_tui.store.statefile import MAX_REPORT_BYTES, read_bytes

if TYPE_CHECKING:
    from zimao_tui.document.report import Report
    from zimao_tui.store.report_cache import ReportCache

__all__ = [
    "REPORT_SUFFIXES",
    "load_report",
    "load_reports",
    "parse_bytes",
    "parse_text",
    "read_report_bytes",
    "report_files",
]

REPORT_SUFFIXES = suffixes()
"""Files picked up when a folder is opened."""


def parse_text(text: str, *, encoding: str = "UTF-8", origin: str = "<text>") -> Report:
    """Parse decoded report text into a Report; raises ReportError if nothing is in it.

    The pipeline (:func:`zimao_tui.document.pipeline.parse_text`) is imported on the first
    parse: a warm start reads its reports from the report cache and never loads it.
    """
    from zimao_tui.document.pipeline import parse_text as run

    return run(text, encoding=encoding, origin=origin)


def parse_bytes(data: bytes, origin: str = "<bytes>", suffix: str = "") -> Report:
    """Read a report's raw bytes as the format ``suffix`` names (plain text by default) and parse them."""
    from zimao_tui.document.pipeline import parse_source

    return parse_source(read_source(data, origin, suffix), origin=origin)


def load_report(path: Path, cache: ReportCache | None = None) -> Report:
    """Read and parse one report file; every failure is a ReportError naming the file.

    With a ``cache``, a report parsed before from the same bytes is read back instead
    (the app's start-up); a new parse is kept there for next time.
    """
    data = read_report_bytes(path)
    if cache is None:
        return parse_bytes(data, str(path), path.suffix)
    report = cache.load(data, str(path))
    if report is not None and report.format != sniff(data, path.suffix):
        report = None  # the same bytes parsed before under another name (a.md kept as a.txt)
    if report is None:
        report = parse_bytes(data, str(path), path.suffix)
        cache.save(data, report)
    return report


def read_report_bytes(path: Path) -> bytes:
    """A report file's bytes; every failure is a ReportError naming the file (regular files
    only, never /dev/zero or a FIFO, and at most MAX_REPORT_BYTES)."""
    try:
        return read_bytes(path, MAX_REPORT_BYTES)
    except FileNotFoundError as exc:
        raise ReportError(Notice("error.no_such_file", path=path)) from exc
    except IsADirectoryError as exc:
        raise ReportError(Notice("error.is_directory", path=path)) from exc
    except OSError as exc:
        raise ReportError(Notice("error.unreadable", path=path, error=exc.strerror or exc)) from exc


def report_files(path: Path) -> list[Path]:
    """The report files a path names: itself, or a folder's *.txt files sorted by name.

    A path or folder that cannot be looked at (no permission) is a ReportError naming it.
    An entry of a folder that cannot even be stat'ed (a link into a folder the user may not
    enter) is listed anyway: reading it fails with its own one-line reason, which
    ``load_reports`` reports while it opens the rest.
    """
    try:
        if path.is_dir():
            page = saved_page(path)
            if page is not None:
                return [page]  # x_files/ of a page saved complete: the page, not its assets
            files = sorted(p for p in path.iterdir() if _maybe_report(p))
            if not files:
                raise ReportError(Notice("error.empty_folder", path=path, suffixes="/".join(REPORT_SUFFIXES)))
            return files
        exists = path.exists()
    except OSError as exc:  # PermissionError from stat or listing: one line, never a traceback
        raise ReportError(Notice("error.unreadable", path=path, error=exc.strerror or exc)) from exc
    if not exists:
        raise ReportError(Notice("error.no_such_path", path=path))
    return [path]


_ASSET_FOLDERS = ("_files", ".files")
"""What browsers name the folder of a page saved complete (x.html beside x_files/; gov.cn's own
pages link theirs as 130.files/)."""


def saved_page(folder: Path) -> Path | None:
    """The page a browser's assets folder belongs to (x_files/ -> x.html), if it is beside it."""
    for ending in _ASSET_FOLDERS:
        if folder.name.endswith(ending) and len(folder.name) > len(ending):
            stem = folder.name[: -len(ending)]
            for suffix in (".html", ".htm"):
                page = folder.with_name(stem + suffix)
                if page.is_file():
                    return page
    return None


FOLDER_NOTES = frozenset({"readme", "source", "sources", "license", "licence", "changelog", "authors"})
"""Stems of the Markdown files a folder keeps about itself (``README.md``, ``SOURCE.md``…): since
Markdown is a report format, a folder of reports would otherwise open its own readme as one more
report. Only Markdown: ``notice.txt`` may well be a 通知. Named on its own (``zimao-tui
README.md``), such a file still opens."""


def _maybe_report(entry: Path) -> bool:
    """Whether a folder entry is to be opened: a file with a report suffix, not one of the
    folder's notes about itself, or one whose type cannot be known (stat refused), so that its
    failure is reported rather than hidden."""
    suffix = entry.suffix.lower()
    if suffix not in REPORT_SUFFIXES or (
        suffix in (".md", ".markdown") and entry.stem.lower() in FOLDER_NOTES
    ):
        return False
    try:
        return entry.is_file()
    except OSError:
        return True


def load_reports(
    paths: Sequence[Path], cache: ReportCache | None = None, skipped: list[Notice] | None = None
) -> list[Report]:
    """Load every report the given files and folders name, in order, each file once.

    ``--report DIR --report DIR/a.txt`` or ``zimao-tui a.txt a.txt`` would otherwise show
    the same report twice and double every search hit. A file named on its own that fails
    raises ReportError. With a ``skipped`` list, a file found in a folder that fails is left
    out and a Notice saying why goes into the list: one empty or binary file must not keep
    the other ninety-nine of a folder from opening (a folder that yields no report at all
    still raises). Without the list, every failure raises.
    """
    seen: set[Path] = set()
    files: list[tuple[Path, bool]] = []  # (file, came from a folder)
    for path in paths:
        for file in report_files(path):
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append((file, file != path))
    reports: list[Report] = []
    first_error: ReportError | None = None
    for file, in_folder in files:
        try:
            reports.append(load_report(file, cache))
        except ReportError as exc:
            if skipped is None or not in_folder:
                raise
            first_error = first_error or exc
            skipped.append(Notice("notice.report_skipped", error=exc))
    if not reports and first_error is not None:
        raise first_error
    return reports
