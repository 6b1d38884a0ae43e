"""Pausing Python's cyclic garbage collector where it only costs time.

Reference counting frees almost everything this program allocates; the cyclic collector is
there for the rare cycle. But it runs by allocation count, and each run of the oldest
generation walks every live object. Two moments allocate heavily and create (almost) no
garbage cycles, so there it only costs time:

- start-up, from the command line to the first paint: importing Textual, parsing the CSS and
  the report. Paused, the first screen comes ~20 ms sooner (362 → 341 ms median at 80x24,
  ``python benchmarks/startup.py``). After the first paint what start-up built is *frozen*
  (never scanned again: it lives as long as the app) and collection resumes. The ~2,000
  unreachable objects start-up leaves (measured with gc.collect() at first paint) are frozen
  with the rest: a few hundred KB, once, against a 27 ms full collection on the UI thread.
- a search: thousands of small tuples per keystroke, none cyclic (see SearchIndex.search).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_paused_for_startup = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the collector off; restore it as it was (nesting is harmless)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def pause_for_startup() -> None:
    """Turn the collector off until :func:`end_startup` (if it was on)."""
    global _paused_for_startup
    if gc.isenabled():
        gc.disable()
        _paused_for_startup = True


def end_startup() -> None:
    """First paint done (or start-up failed): freeze what exists and collect again.

    Does nothing unless :func:`pause_for_startup` turned the collector off, so tests that
    build the app without the command line keep their collector as it is.
    """
    global _paused_for_startup
    if _paused_for_startup:
        _paused_for_startup = False
        gc.freeze()
        gc.enable()
