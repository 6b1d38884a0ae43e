"""Reading reports into the library: one worker process per core, each report stored as soon as
it is read, so an interrupted ``add`` keeps what it finished and the next one resumes.

A worker reads the file, hashes its bytes and, only when the fingerprint differs from what the
library knows, parses the report and builds its search index (jieba words, pinyin), all of
which it hands back as a :class:`~zimao_tui.store.library.Parsed`. The parent process alone
writes the store (SQLite takes one writer at a time anyway), one transaction per report.
"""

from __future__ import annotations

import json
import marshal
import os
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from zimao_tui.document.errors import ReportError
from zimao_tui.store.library import Library, Parsed

Progress = Callable[[int, int], None]
"""Called with (reports done, reports to do) after each one."""


@dataclass(frozen=True)
class Unchanged:
    """A file whose bytes hash to the fingerprint the library has: nothing to parse."""

    path: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Failed:
    """A file that could not be read or parsed; ``error`` is the one-line reason."""

    path: str
    error: str


def bytes_fingerprint(data: bytes) -> str:
    """The fingerprint of a file's bytes (BLAKE2b, 128 bits: collisions are not a concern)."""
    import hashlib

    return hashlib.blake2b(data, digest_size=16).hexdigest()


def read_one(path: str, known: str | None, cache_dir: str, lang: str) -> Parsed | Unchanged | Failed:
    """Read one report for the library (runs in a worker process; the arguments are plain
    so that they pickle cheaply). ``lang`` makes a failure's message speak the user's language."""
    from zimao_tui.document.parse import parse_bytes, read_report_bytes
    from zimao_tui.i18n import set_language

    set_language("en" if lang == "en" else "zh")
    file = Path(path)
    try:
        info = os.stat(file)
        data = read_report_bytes(file)
        fingerprint = bytes_fingerprint(data)
        if fingerprint == known:
            return Unchanged(path, info.st_size, info.st_mtime_ns)
        report = parse_bytes(data, path, file.suffix)
    except ReportError as exc:
        return Failed(path, str(exc))
    except OSError as exc:
        return Failed(path, f"{path}: {exc.strerror or exc}")
    return _parsed(report, path, fingerprint, info, Path(cache_dir))


def _parsed(report: object, path: str, fingerprint: str, info: os.stat_result, cache_dir: Path) -> Parsed:
    from zimao_tui.document.report import Report
    from zimao_tui.search.fold import fold
    from zimao_tui.search.segment import analyse
    from zimao_tui.store.report_cache import report_fields

    assert isinstance(report, Report)
    measures = list(report.measures())
    texts = [m.text for m in measures]
    data = analyse(texts, cache_dir)
    rows = []
    for m, starts, pinyin in zip(measures, data["starts"], data["pinyin"], strict=True):
        syllables = pinyin.split("|")
        initials = "".join(s[:1] or " " for s in syllables)
        run = "".join(s or " " for s in syllables)
        rows.append(
            (m.id, m.paragraph, m.start, m.text, json.dumps(starts), pinyin, fold(m.text), initials, run)
        )
    return Parsed(
        path=path,
        fingerprint=fingerprint,
        size=info.st_size,
        mtime_ns=info.st_mtime_ns,
        title=report.title,
        date=report.date,
        issuer=report.issuer,
        doc_number=report.doc_number,
        kind=Path(path).suffix.lstrip(".").lower() or "txt",
        tree=marshal.dumps(report_fields(report)),
        rows=rows,
    )


@dataclass
class Tally:
    """What an indexing run did: reports parsed, found unchanged, and those that failed."""

    read: int = 0
    same: int = 0
    failed: list[Failed] = field(default_factory=list)

    @property
    def done(self) -> int:
        """Reports finished, whatever the outcome."""
        return self.read + self.same + len(self.failed)


def _keep(library: Library, result: Parsed | Unchanged | Failed, tally: Tally) -> None:
    if isinstance(result, Parsed):
        library.store(result)
        tally.read += 1
    elif isinstance(result, Unchanged):
        library.unchanged(result.path, result.size, result.mtime_ns)
        tally.same += 1
    else:
        library.failed(result.path, result.error)
        tally.failed.append(result)


def index(
    library: Library,
    todo: Sequence[tuple[str, str | None]],
    cache_dir: Path,
    progress: Progress | None = None,
    workers: int | None = None,
    tally: Tally | None = None,
) -> Tally:
    """Read ``todo`` ((path, known fingerprint) pairs, see ``Library.stale``) into the library,
    storing each as it comes back; returns (and keeps in ``tally``, which stays
    right when Ctrl+C ends the run) what was done. ``workers`` defaults to one per
    core; 1 reads in this process (no pool to start for a single file).

    Ctrl+C (KeyboardInterrupt) cancels what has not started and ends the workers; every report
    stored before it stays, the rest stay ``pending`` for the next run.
    """
    from zimao_tui.i18n import language

    tally = tally if tally is not None else Tally()
    count = workers or os.cpu_count() or 1
    if count == 1 or len(todo) <= 1:
        for path, known in todo:
            _keep(library, read_one(path, known, str(cache_dir), language()), tally)
            if progress:
                progress(tally.done, len(todo))
    else:
        _in_pool(library, todo, cache_dir, progress, min(count, len(todo)), tally)
    return tally


def _ignore_ctrl_c() -> None:
    """Workers leave Ctrl+C to the parent (the terminal sends it to the whole group): the
    parent stops the run and says so once, instead of each worker printing a traceback."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _in_pool(
    library: Library,
    todo: Sequence[tuple[str, str | None]],
    cache_dir: Path,
    progress: Progress | None,
    count: int,
    tally: Tally,
) -> None:
    from zimao_tui.i18n import language

    pool = ProcessPoolExecutor(max_workers=count, initializer=_ignore_ctrl_c)
    try:
        queue = iter(todo)
        running: set[Future[Parsed | Unchanged | Failed]] = set()
        while True:
            while len(running) < 2 * count:  # a short queue: a kill or Ctrl+C wastes little
                item = next(queue, None)
                if item is None:
                    break
                running.add(pool.submit(read_one, item[0], item[1], str(cache_dir), language()))
            if not running:
                break
            finished, running = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                _keep(library, future.result(), tally)
                if progress:
                    progress(tally.done, len(todo))
    except BaseException:
        # Reports not started are dropped; a worker busy with one finishes it (a fraction of a
        # second) and its result is not stored: the report stays pending for the next run.
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
