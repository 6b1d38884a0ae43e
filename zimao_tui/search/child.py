"""Running slow jieba work in a child process, so the app's threads never hold the GIL for it.

jieba's dictionary load is one long call (about 0.8 s) that freezes typing when run in a
thread of the app's process. The app's workers therefore hand such work to
``python -m <module>`` with a JSON job on stdin and wait for it (waiting releases the GIL).

Waiting is interruptible: indexing a 50 MB report takes minutes, and a user who quits
meanwhile must not wait for it. The waiting thread checks a ``cancel`` event (the Textual
worker's, set when the app exits) and then ends the child at once: SIGTERM, which the child
turns into ``SystemExit`` (:func:`exit_on_sigterm`) so its atomic writes delete their temp
files and no half-written cache is left, and SIGKILL if it does not go within a few seconds.

The child answers with JSON on stdout: what it could not write into the cache (a full disk,
a read-only folder) comes back that way, so an unwritable cache never costs the result.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import threading
    from collections.abc import Iterator
    from pathlib import Path

    from zimao_tui.i18n import Notice

POLL = 0.05
"""Seconds between looks at the cancel event while the child works."""

GRACE = 3.0
"""Seconds a terminated child gets to clean up before it is killed."""


def unsaved_caches(answer: dict[str, Any], folder: Path, notices: list[Notice] | None) -> dict[str, Any]:
    """What a child built but could not cache (its answer's ``unsaved``, {} if none or
    malformed), adding the one ``cache_unwritable`` Notice to ``notices`` when it says why.

    The index and keyword children answer the same way, so their parents read it here.
    """
    if "error" in answer and notices is not None:
        from zimao_tui.store.cachedir import add_once, unwritable

        add_once(notices, unwritable(folder, OSError(str(answer["error"]))))
    unsaved = answer.get("unsaved", {})
    return unsaved if isinstance(unsaved, dict) else {}


class ChildCancelled(Exception):
    """The child was ended because its result is no longer wanted (the app is quitting)."""


def run_child(
    module: str, job: dict[str, Any], what: str, cancel: threading.Event | None = None
) -> dict[str, Any]:
    """Run ``python -m module`` with ``job`` as JSON on stdin and return its JSON answer ({} if
    it printed none); RuntimeError with its stderr's last line if it fails.

    With ``cancel``, the child is ended as soon as the event is set (ChildCancelled is raised
    then); without it, this waits for the child as ``subprocess.run`` would. The child's
    stdout and stderr go to temp files, so waiting is a plain ``wait`` that can time out and
    look at ``cancel`` (``communicate`` retried after a timeout stops sending the rest of
    stdin). Only the last stderr line is reported: the exception, not a traceback in a toast.
    """
    import tempfile

    with tempfile.TemporaryFile() as output, tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(
            [sys.executable, "-m", module],
            stdin=subprocess.PIPE,
            stdout=output,
            stderr=errors,
            text=True,
            encoding="utf-8",
        )
        try:
            assert proc.stdin is not None
            try:
                with proc.stdin:  # the child reads it all at once (json.load), then works
                    proc.stdin.write(json.dumps(job, ensure_ascii=False))
            except BrokenPipeError:
                pass  # the child died before reading: its exit status and stderr say why
            while True:
                try:
                    proc.wait(timeout=None if cancel is None else POLL)
                    break
                except subprocess.TimeoutExpired:
                    if cancel is not None and cancel.is_set():
                        raise ChildCancelled(what) from None
        except BaseException:
            stop(proc)  # cancelled, KeyboardInterrupt, anything: never leave the child running
            raise
        if proc.returncode != 0:
            errors.seek(0)
            lines = errors.read().decode("utf-8", "replace").strip().splitlines()
            raise RuntimeError(f"{what} failed: {lines[-1] if lines else f'exit status {proc.returncode}'}")
        output.seek(0)
        stdout = output.read().decode("utf-8", "replace")
    try:
        answer = json.loads(stdout) if stdout.strip() else {}
    except json.JSONDecodeError as exc:
        raise RuntimeError(f"{what} failed: unreadable answer ({exc})") from exc
    if not isinstance(answer, dict):
        raise RuntimeError(f"{what} failed: unreadable answer")
    return answer


def stop(proc: subprocess.Popen[str]) -> None:
    """End a child now (SIGTERM, then SIGKILL after ``GRACE``) and reap it; no-op if it is done."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=GRACE)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def exit_on_sigterm() -> None:
    """In a child: SIGTERM raises SystemExit, so ``finally`` blocks and atomic writes clean up.

    Python's default for SIGTERM is to die on the spot, which would leave a cache's temp
    file behind; the handler runs between two bytecodes, which jieba's pure-Python loops
    reach at once.
    """
    import signal

    def _exit(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, _exit)


@contextlib.contextmanager
def sigterm_deferred() -> Iterator[None]:
    """Hold SIGTERM back for a step that cleans up only after ``Exception``s (jieba's cache dump,
    whose temp file a SystemExit would leave behind); it is delivered when the step is done.

    A no-op where signal masks do not exist or off the main thread.
    """
    import signal
    import threading

    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
