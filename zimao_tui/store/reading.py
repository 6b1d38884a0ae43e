"""Where you were reading: the last measure per report, recent reports and the last folder.

Reopening a report returns to the measure you left it on (kept by the report's key, title
and date, so a moved or re-encoded copy finds it, as bookmarks do); the open dialog starts
in the folder you last opened from, and the palette lists recent reports. All of it is one
small JSON file in the data folder, ``reading.json``, written atomically.

It is a convenience, so it never stops the app, but it is the user's file, so it is never
overwritten blindly (the rules of ``bookmarks.toml``): a file that does not parse, or is not
the shape written here, is moved aside byte for byte (``reading.json.corrupt-<time>``) and
the user is told where; one written by a newer zimao-tui (higher ``schema_version``), or one
that cannot be read, is used as far as possible and never rewritten, and the user is told.
A save re-reads the file first and merges, so two instances keep each other's positions.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zimao_tui import paths
from zimao_tui.document.report import Measure, Report
from zimao_tui.i18n import Notice
from zimao_tui.store import statefile
from zimao_tui.store.atomic import atomic_write_text

FILE_NAME = "reading.json"
SCHEMA_VERSION = 1
MAX_RECENT = 20
"""Recent reports kept (the palette lists them newest first)."""
MAX_POSITIONS = 500
"""Reports whose position is kept; the oldest are forgotten first."""
TEXT_CHARS = 40
"""How much of the measure's text is kept to find it again when its id has moved."""


@dataclass(frozen=True)
class Position:
    """The measure last shown in a report: its id then, and the start of its text."""

    id: str
    text: str


@dataclass(frozen=True)
class Recent:
    """A report opened before: its file and its title (shown in the palette)."""

    path: str
    title: str


class _Damaged(Exception):
    """The file is not a reading state zimao-tui wrote."""


def reading_path() -> Path:
    """Where the reading state lives."""
    return paths.data_dir() / FILE_NAME


class ReadingState:
    """The reading state, read at once; ``warnings`` says what the user must be told."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else reading_path()
        self.warnings: list[Notice] = []
        self.read_only = False
        self.last_folder: str | None = None
        self.recent: list[Recent] = []
        self.positions: dict[str, Position] = {}
        """Where each report was left, as read from the file at start (never changed by
        this session: the first screen's cursor must not replace what it is about to restore)."""
        self._mine: dict[str, Position] = {}
        self._changed = False
        self._load()

    def _load(self) -> None:
        try:
            self._take(self._read())
        except _Damaged as exc:
            try:
                moved = statefile.move_aside(self.path)
            except OSError as err:
                self.read_only = True
                self.warnings.append(
                    Notice("notice.reading_unreadable", error=f"{exc}; {err}", path=self.path)
                )
                return
            self.warnings.append(Notice("notice.reading_set_aside", error=exc, moved=moved))
        except (OSError, UnicodeDecodeError) as exc:
            self.read_only = True
            self.warnings.append(Notice("notice.reading_unreadable", error=exc, path=self.path))

    def _read(self) -> dict[str, Any]:
        """The file's document ({} when there is none); raises _Damaged or OSError."""
        try:
            raw = statefile.read_text(self.path)
        except FileNotFoundError:
            return {}
        try:
            doc = statefile.loads_json(raw)
        except json.JSONDecodeError as exc:
            raise _Damaged(str(exc)) from exc
        return _checked(doc)

    def _take(self, doc: dict[str, Any]) -> None:
        version = doc.get("schema_version", SCHEMA_VERSION)
        if version > SCHEMA_VERSION and not self.read_only:
            self.read_only = True
            self.warnings.append(Notice("notice.reading_newer", version=version, path=self.path))
        self.last_folder = doc.get("last_folder")
        self.recent = [Recent(r["path"], r["title"]) for r in doc.get("recent", [])]
        self.positions = {k: Position(v["id"], v["text"]) for k, v in doc.get("positions", {}).items()}

    # ----------------------------------------------------------------- changes

    def find(self, report: Report) -> Measure | None:
        """The measure ``report`` was left on: by its id if the text there still starts the
        same, else the measure whose text does (the report was edited); None if neither."""
        saved = self.positions.get(report.key)
        if saved is None:
            return None
        node = report.node(saved.id)
        if isinstance(node, Measure) and node.text.startswith(saved.text):
            return node
        return next((m for m in report.measures() if m.text.startswith(saved.text)), None)

    def last_read(self, reports: Sequence[Report]) -> Report | None:
        """Of ``reports``, the one read most recently in an earlier session (if any)."""
        keys = list(self.positions)
        known = [r for r in reports if r.key in self.positions]
        return max(known, key=lambda r: keys.index(r.key), default=None)

    def remember(self, report: Report, measure: Measure) -> None:
        """The measure now shown in a report (kept in memory until :meth:`save`)."""
        self._mine.pop(report.key, None)  # re-inserted last: the newest
        self._mine[report.key] = Position(measure.id, measure.text[:TEXT_CHARS])
        self._changed = True

    def opened(self, path: Path, title: str) -> None:
        """A report file was opened: first in the recent list, its folder the last one."""
        where = str(path.resolve())
        self.recent = [Recent(where, title), *(r for r in self.recent if r.path != where)][:MAX_RECENT]
        self.last_folder = str(path.resolve().parent)
        self._changed = True

    def save(self) -> None:
        """Write the changes, merged into the file as it is now; raises OSError.

        Nothing is written when nothing changed, or when the file must not be (read-only)."""
        if self.read_only or not self._changed:
            return
        try:
            doc = self._read()
        except _Damaged:
            doc = {}  # damaged since we read it: ours replaces it (it was moved aside at start)
        theirs = {k: Position(v["id"], v["text"]) for k, v in doc.get("positions", {}).items()}
        theirs = {k: v for k, v in theirs.items() if k not in self._mine}  # ours are newer
        merged = list({**theirs, **self._mine}.items())[-MAX_POSITIONS:]
        out = {
            "schema_version": SCHEMA_VERSION,
            "last_folder": self.last_folder,
            "recent": [{"path": r.path, "title": r.title} for r in self.recent],
            "positions": {k: {"id": p.id, "text": p.text} for k, p in merged},
        }
        atomic_write_text(self.path, json.dumps(out, ensure_ascii=False, indent=1) + "\n")
        self._changed = False


def _checked(doc: Any) -> dict[str, Any]:
    """``doc`` if it has the shape written here (unknown keys allowed), else _Damaged."""
    if not isinstance(doc, dict):
        raise _Damaged("not a JSON object")
    version = doc.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool):
        raise _Damaged("schema_version is not an integer")
    if not isinstance(doc.get("last_folder", ""), (str, type(None))):
        raise _Damaged("last_folder is not a string")
    recent = doc.get("recent", [])
    if not isinstance(recent, list) or not all(_strings(r, ("path", "title")) for r in recent):
        raise _Damaged("recent is not a list of {path, title}")
    positions = doc.get("positions", {})
    if not isinstance(positions, dict) or not all(_strings(p, ("id", "text")) for p in positions.values()):
        raise _Damaged("positions is not a table of {id, text}")
    return doc


def _strings(item: Any, keys: tuple[str, ...]) -> bool:
    return isinstance(item, dict) and all(isinstance(item.get(k), str) for k in keys)
