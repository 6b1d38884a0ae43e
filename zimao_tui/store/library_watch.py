"""What the library must read now: new files in watched folders, changed and pending reports.

One function, :func:`pending`, for every caller that brings a library up to date: a plain
``zimao-tui add`` (which then reads ``todo`` with ``search/library_index.index``) and the app's
catalogue (which shows what is pending and indexes it in the background). It is cheap: one
folder listing per watched folder, one ``stat`` per report and a few queries, no file opened
(but a new file of the size of a report whose file is gone, hashed to see whether it moved),
so it can run at every start (``benchmarks/library_pending.py`` times it over 1,000 files).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from zimao_tui.i18n import Notice
from zimao_tui.store.library import Library, Stat


@dataclass(frozen=True)
class Pending:
    """What :func:`pending` found.

    ``todo``: (path, fingerprint known for it or None) of every report to read, in library
    order: new, ``pending`` and returning ``missing`` ones, and those whose size or modification
    time changed (the reader hashes those and parses only when the fingerprint differs; hand
    ``todo`` to ``search.library_index.index`` as it is). An ``unreadable`` file is in it only
    once it changed (``add FILE`` tries it again as it is). ``found``: the files of watched
    folders that were not in the library (now listed in it as ``pending``, so they are in
    ``todo`` too).
    ``notices``: what the user should know (a watched folder that is not there). ``moved``:
    (old path, new path) of reports whose file was renamed or moved into a watched folder,
    found by its bytes: the report follows its file, nothing is read again.
    """

    todo: list[tuple[str, str | None]] = field(default_factory=list)
    found: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    moved: list[tuple[str, str]] = field(default_factory=list)


def pending(library: Library) -> Pending:
    """List what needs (re)indexing, and note what the disk says meanwhile.

    Writes only facts about membership and presence, each in one transaction: files new in a
    watched folder are added as ``pending`` (not those the user removed: ``ignored``), a report
    whose file moved follows it, and reports whose file vanished are marked ``missing`` (kept with what was known of them, never
    dropped; one that comes back is read again). Call it holding ``library_lock.index_lock``
    when the result is to be indexed, so that two processes never read the same report twice.
    """
    notices: list[Notice] = []
    skip = library.member_paths() | library.ignored()
    seen: dict[str, Stat] = {}
    found: list[str] = []
    for folder in library.watched():
        if not folder.exists:
            notices.append(Notice("library.watched_missing", path=folder.path))
            continue
        try:
            listing = folder_files(folder.path)
        except OSError:
            continue  # not listable today: its reports' own stat says what is gone
        for name, stat in listing:
            if stat.size is not None:
                seen[name] = stat
            if name not in skip:
                found.append(name)
                skip.add(name)
    moved = _moved(library, found, seen) if found else []
    if moved:
        library.relocate([(rid, new, seen[new]) for rid, _, new in moved])
        taken = {new for _, _, new in moved}
        found = [f for f in found if f not in taken]
    if found:
        library.register(Path(f) for f in found)
    todo = library.stale(stats=seen, retry_unreadable=False)
    return Pending(todo=todo, found=found, notices=notices, moved=[(old, new) for _, old, new in moved])


def _moved(library: Library, found: list[str], seen: dict[str, Stat]) -> list[tuple[int, str, str]]:
    """(report id, old path, new path) of the found files that are reports of the library
    whose file is gone: same size, then same bytes (the fingerprint the reader computes). A
    file renamed or moved between watched folders keeps its report instead of being parsed
    again beside a ``missing`` copy of itself. Only files whose size matches a vanished
    report's are hashed, so a rescan of unchanged folders opens no file."""
    sizes = {seen[f].size for f in found if f in seen}
    gone: dict[int, list[tuple[int, str, str]]] = {}
    for rid, path, bytes_, fingerprint in library.with_sizes(sizes):
        if not os.path.exists(path):
            gone.setdefault(bytes_, []).append((rid, path, fingerprint))
    moved: list[tuple[int, str, str]] = []
    for new in found:
        stat = seen.get(new)
        candidates = gone.get(stat.size) if stat is not None and stat.size is not None else None
        if not candidates:
            continue
        digest = file_fingerprint(new)
        match = next((c for c in candidates if c[2] == digest), None)
        if match is not None:
            candidates.remove(match)
            moved.append((match[0], match[1], new))
    return moved


def file_fingerprint(path: str) -> str | None:
    """BLAKE2b-128 of a file's bytes, as ``search.library_index.bytes_fingerprint`` computes it
    from what the reader read (a test holds the two equal); None if it cannot be read."""
    import hashlib

    digest = hashlib.blake2b(digest_size=16)
    try:
        with open(path, "rb") as file:
            while chunk := file.read(1 << 20):  # hashlib.file_digest is Python 3.11+
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def folder_files(folder: str) -> list[tuple[str, Stat]]:
    """The report files of a folder, as ``zimao-tui DIR`` would open them (``parse.report_files``'s
    rules: report suffixes, not the folder's own README.md), sorted by name, each with its size
    and time. One ``scandir``, which knows each entry's type without a ``stat``: listing 1,000
    files through pathlib and ``report_files`` took two thirds of ``pending``'s time.

    An entry whose type cannot be known is listed anyway (reading it then says why it fails)."""
    from zimao_tui.document.parse import FOLDER_NOTES, REPORT_SUFFIXES

    files: list[tuple[str, Stat]] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            stem, dot, suffix = entry.name.rpartition(".")
            suffix = f".{suffix.lower()}"
            if not dot or not stem or suffix not in REPORT_SUFFIXES:
                continue
            if suffix in (".md", ".markdown") and stem.lower() in FOLDER_NOTES:
                continue
            try:
                if not entry.is_file():
                    continue
                info = entry.stat()
                stat = Stat(info.st_size, info.st_mtime_ns)
            except OSError:
                stat = Stat(None, None)
            files.append((entry.path, stat))
    files.sort()
    return files
