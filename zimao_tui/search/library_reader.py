"""Reading new and changed library files for the app, in a child process that says how far it is.

The app must stay usable while files are read: parsing and jieba would hold the GIL in one of
its threads, and a process pool cannot be started from it (``fork`` from a threaded process
may deadlock; ``spawn`` needs the real stderr, which Textual has replaced). So the app's worker
runs ``python -m zimao_tui.search.library_reader`` with a JSON job on stdin; the child takes
the index lock (``store/library_lock.py``: when an ``add`` or another app holds it, it leaves
the reading to them), asks ``store/shelf.files_to_index`` what to read, reads it with the ordinary pool of
``library_index.index`` (one process per core, each report stored in its own transaction), and
prints ``done total`` after each report. Quitting the app ends the child (SIGTERM, as
``child.py`` does): what was stored stays, the rest is read next time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from zimao_tui.search.child import POLL, ChildCancelled, stop


def read_in_child(
    store: Path,
    paths: Sequence[str] | None,
    cache_dir: Path,
    progress: Callable[[int, int], None],
    cancel: threading.Event | None = None,
) -> int:
    """Read what ``files_to_index(store, paths)`` names in a child; ``progress(done, total)``
    after each report (first with 0). Returns how many files were to read. RuntimeError with
    the child's last stderr line if it fails; ChildCancelled (the child ended) on ``cancel``."""
    import select

    from zimao_tui.i18n import language

    job = {"store": str(store), "paths": None if paths is None else list(paths), "cache_dir": str(cache_dir)}
    job["lang"] = language()
    total = 0
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(
            [sys.executable, "-m", "zimao_tui.search.library_reader"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
        )
        try:
            assert proc.stdin is not None and proc.stdout is not None
            with proc.stdin:
                proc.stdin.write(json.dumps(job, ensure_ascii=False).encode("utf-8"))
            fd, pending = proc.stdout.fileno(), b""
            while True:
                if cancel is not None and cancel.is_set():
                    raise ChildCancelled("reading the library")
                if not select.select([fd], [], [], POLL)[0]:
                    continue
                chunk = os.read(fd, 4096)
                if not chunk:
                    break
                *lines, pending = (pending + chunk).split(b"\n")
                for line in lines:
                    done, total = (int(x) for x in line.split())
                    progress(done, total)
            proc.wait()
        except BaseException:
            stop(proc)  # type: ignore[arg-type]  # bytes or text: stop only signals and waits
            raise
        if proc.returncode != 0:
            errors.seek(0)
            said = errors.read().decode("utf-8", "replace").strip().splitlines()
            raise RuntimeError(said[-1] if said else f"exit status {proc.returncode}")
    return total


def main() -> int:
    """The child: read the job, read the files, say ``done total`` after each."""
    from zimao_tui.i18n import set_language
    from zimao_tui.search.child import exit_on_sigterm
    from zimao_tui.search.library_index import index
    from zimao_tui.store.library import Library
    from zimao_tui.store.library_lock import LockBusy, index_lock, lock_path
    from zimao_tui.store.shelf import files_to_index

    exit_on_sigterm()
    job = json.load(sys.stdin)
    set_language("en" if job.get("lang") == "en" else "zh")

    def say(done: int, total: int) -> None:
        print(done, total, flush=True)

    store = Path(job["store"])
    try:
        with index_lock(lock_path(store), wait=False), Library(store) as library:
            todo = files_to_index(library, job["paths"])
            say(0, len(todo))
            if todo:
                index(library, todo, Path(job["cache_dir"]), say)
    except LockBusy:
        say(0, 0)  # another process (an add, another app) is reading them: nothing to do twice
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
