"""The catalogue's rows: what each cell says and how each column sorts, without Textual.

Kept apart from the screen so that the rules (a missing file says so, sizes read as KB/MB,
sorting by real values with empty cells last, the filter's best-first order) are tested as
plain functions. The screen only turns these strings into table cells.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from zimao_tui.i18n import t
from zimao_tui.store.library import Entry

COLUMNS = ("title", "date", "issuer", "kind", "measures", "size")
"""The sortable columns, in table order: keys 1-6 sort by them."""


@dataclass(frozen=True)
class Row:
    """One report of the catalogue, as the table shows it; ``order`` is its place in the library."""

    entry: Entry
    order: int

    @property
    def title(self) -> str:
        """The report's title, or its file name while it has none (not read yet, unreadable)."""
        return self.entry.title or PurePath(self.entry.path).name

    @property
    def state(self) -> str:
        """ "" for a report that is there and read; else what is wrong, in words (缺失, 无法读取, 待读入)."""
        return "" if self.entry.state == "present" else t(f"library.state.{self.entry.state}")

    def cells(self) -> tuple[str, ...]:
        """The text of each column of COLUMNS."""
        e = self.entry
        measures = "" if e.measures is None else str(e.measures)
        return (self.title, e.date or "", e.issuer or "", e.kind or "", measures, size_label(e.size))

    def haystack(self) -> str:
        """What the filter matches: title, issuer, document number, date."""
        e = self.entry
        return " ".join(x for x in (self.title, e.issuer or "", e.doc_number or "", e.date or "") if x)


def size_label(size: int | None) -> str:
    """``830 B``, ``12.4 KB``, ``3.1 MB``; "" when unknown."""
    if size is None:
        return ""
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{size / 1000:.1f} KB"
    return f"{size / 1_000_000:.1f} MB"


def _text(value: str | None) -> tuple[bool, str]:
    return (not value, value or "")  # empty cells go last, whichever way


def _number(value: int | None) -> tuple[bool, int]:
    return (value is None, value or 0)


SORT_KEYS: dict[str, Callable[[Row], Any]] = {
    "title": lambda r: _text(r.title),
    "date": lambda r: _text(r.entry.date),
    "issuer": lambda r: _text(r.entry.issuer),
    "kind": lambda r: _text(r.entry.kind),
    "measures": lambda r: _number(r.entry.measures),
    "size": lambda r: _number(r.entry.size),
}


def catalogue_rows(entries: Sequence[Entry]) -> list[Row]:
    """The entries as rows, in library order."""
    return [Row(entry, n) for n, entry in enumerate(entries)]


def arrange(
    rows: Sequence[Row], matched: Sequence[int] | None, column: str | None, reverse: bool
) -> list[Row]:
    """The rows to show: those ``matched`` (positions, best first; None: all), sorted by
    ``column`` when one is chosen (a stable sort: equal cells keep the filter's order), else in
    the filter's order or the library's. Empty cells stay at the end in either direction."""
    shown = list(rows) if matched is None else [rows[i] for i in matched]
    if column is None:
        return list(reversed(shown)) if reverse else shown
    key = SORT_KEYS[column]
    filled = [r for r in shown if not key(r)[0]]
    empty = [r for r in shown if key(r)[0]]
    return sorted(filled, key=key, reverse=reverse) + empty
