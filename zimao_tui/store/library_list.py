"""``library.list.json``: the library's membership, kept apart from the SQLite store.

Everything in ``library.sqlite3`` can be computed again from the report files except one thing:
which files and folders the user put in (and which files of a watched folder they took out).
That small list is written here, atomically, every time membership changes, so that a store
that SQLite can no longer open (a disk fault, a half-copied backup) is set aside and rebuilt
from it: the reports come back ``pending`` and the next ``add`` reads them again, instead of
the user having to remember what was in a library of a thousand reports.

It is written after the store's own transaction commits: a kill between the two leaves the
list one change behind, so a rebuild then misses that one change (a file a rescan had just
found is found again by the next rescan; a file just added by name must be added again).

The file is plain JSON for people too: ``{"version": 1, "reports": [...], "watched": [...],
"ignored": [...]}``, each a list of absolute paths.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from zimao_tui.store.atomic import atomic_write_text
from zimao_tui.store.statefile import loads_json, read_text

LIST_FILE = "library.list.json"
LIST_VERSION = 1


@dataclass(frozen=True)
class Membership:
    """What the user put in the library: report files, watched folders, ignored files."""

    reports: list[str] = field(default_factory=list)
    watched: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)


def list_path(store: Path) -> Path:
    """The list beside a store file (``library.sqlite3`` -> ``library.list.json``)."""
    return store.with_name(LIST_FILE)


def save(path: Path, membership: Membership) -> None:
    """Write the list atomically (a kill leaves the old list or the new one, never half)."""
    value = {
        "version": LIST_VERSION,
        "reports": membership.reports,
        "watched": membership.watched,
        "ignored": membership.ignored,
    }
    atomic_write_text(path, json.dumps(value, ensure_ascii=False, indent=1) + "\n")


def load(path: Path) -> Membership | None:
    """The list, or None when there is none or it cannot be read as one (then a damaged store
    starts empty, as it did before lists existed): a rebuild must never fail on its own input."""
    try:
        value = loads_json(read_text(path))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(value, dict) or value.get("version") != LIST_VERSION:
        return None
    lists = [value.get(key) for key in ("reports", "watched", "ignored")]
    if not all(isinstance(v, list) and all(isinstance(p, str) for p in v) for v in lists):
        return None
    reports, watched, ignored = lists
    assert isinstance(reports, list) and isinstance(watched, list) and isinstance(ignored, list)
    return Membership(reports, watched, ignored)
