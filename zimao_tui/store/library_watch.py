"""What the library must read now: new files in watched folders, changed and pending reports.

One function, :func:`pending`, for every caller that brings a library up to date: a plain
``zimao-tui add`` (which then reads ``todo`` with ``search/library_index.index``) and the app's
catalogue (which shows what is pending and indexes it in the background). It is cheap: one
folder listing per watched folder, one ``stat`` per report and one query, no file opened, so
it can run at every start (``benchmarks/library_pending.py`` times it over 1,000 files).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from zimao_tui.i18n import Notice
from zimao_tui.store.library import Library


@dataclass(frozen=True)
class Pending:
    """What :func:`pending` found.

    ``todo``: (path, fingerprint known for it or None) of every report to read, in library
    order: new and ``pending`` ones, and those whose size or modification time changed (the
    reader hashes those and parses only when the fingerprint differs; hand ``todo`` to
    ``search.library_index.index`` as it is). ``found``: the files of watched folders that were
    not in the library (now listed in it as ``pending``, so they are in ``todo`` too).
    ``notices``: what the user should know (a watched folder that is not there).
    """

    todo: list[tuple[str, str | None]] = field(default_factory=list)
    found: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


def pending(library: Library) -> Pending:
    """List what needs (re)indexing, and note what the disk says meanwhile.

    Writes only facts about membership and presence, each in one transaction: files new in a
    watched folder are added as ``pending`` (not those the user removed: ``ignored``), and
    reports whose file vanished are marked ``missing`` (kept with what was known of them, never
    dropped; one that comes back is read again). Call it holding ``library_lock.index_lock``
    when the result is to be indexed, so that two processes never read the same report twice.
    """
    from zimao_tui.document.errors import ReportError
    from zimao_tui.document.parse import report_files

    notices: list[Notice] = []
    known = {e.path for e in library.entries()}
    skip = known | library.ignored()
    found: list[str] = []
    for folder in library.watched():
        if not folder.exists:
            notices.append(Notice("library.watched_missing", path=folder.path))
            continue
        try:
            files = report_files(Path(folder.path))
        except ReportError:
            continue  # emptied, or not listable today: its reports' own stat says what is gone
        for file in files:
            name = str(file)
            if name not in skip:
                found.append(name)
                skip.add(name)
    if found:
        library.register(Path(f) for f in found)
    return Pending(todo=library.stale(), found=found, notices=notices)
