"""One bookmark as ``bookmarks.toml`` stores it, and how tags are typed.

Split out of ``bookmarks.py`` so the file's text format (``bookmarks_file.py``: the parsed-copy
cache and the incremental save) and the store can both use it without importing each other.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from zimao_tui.document.report import Measure, Report, fingerprint

_KNOWN_KEYS = frozenset(
    {
        "uid",
        "report_title",
        "report_date",
        "measure_id",
        "fingerprint",
        "text",
        "path",
        "note",
        "tags",
        "created",
        "updated",
    }
)
_TAG_SPLIT = re.compile(r"[\s,，、;；]+")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def parse_tags(text: str) -> list[str]:
    """Tags as typed in one field: split on spaces, ASCII or Chinese commas, 、 and semicolons.

    Empty pieces and repeats are dropped, order is kept; ``#`` prefixes are stripped so
    ``#自贸区`` and ``自贸区`` are the same tag.
    """
    tags: list[str] = []
    for piece in _TAG_SPLIT.split(text):
        tag = piece.lstrip("#")
        if tag and tag not in tags:
            tags.append(tag)
    return tags


@dataclass(frozen=True)
class Bookmark:
    """One saved bookmark, as stored in the file.

    ``uid`` identifies the bookmark itself (so two instances can edit and delete the same
    one); ``measure_id``, ``fingerprint`` and ``text`` are what the measure was when it
    was bookmarked, used to find it again; ``path`` holds its heading labels, chapter
    first. ``extra`` keeps keys written by a newer zimao-tui or by hand.
    """

    uid: str
    report_title: str
    report_date: str
    measure_id: str
    fingerprint: str
    text: str
    path: tuple[str, ...] = ()
    note: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""
    updated: str = ""
    extra: dict[str, Any] = field(default_factory=dict, hash=False)

    @property
    def report_key(self) -> str:
        """The key of the report it belongs to (same shape as ``Report.key``)."""
        return f"{self.report_title}@{self.report_date}"

    @classmethod
    def new(cls, report: Report, measure: Measure, note: str = "", tags: Sequence[str] = ()) -> Bookmark:
        """A fresh bookmark on ``measure``."""
        stamp = now()
        return cls(
            uid=uuid.uuid4().hex[:16],
            report_title=report.title,
            report_date=report.date,
            measure_id=measure.id,
            fingerprint=measure.fingerprint,
            text=measure.text,
            path=tuple(h.label for h in report.ancestors(measure.id)),
            note=note,
            tags=tuple(tags),
            created=stamp,
            updated=stamp,
        )

    def to_toml(self) -> dict[str, Any]:
        """The table written to the file; unknown keys go last, untouched."""
        table: dict[str, Any] = {
            "uid": self.uid,
            "report_title": self.report_title,
            "report_date": self.report_date,
            "measure_id": self.measure_id,
            "fingerprint": self.fingerprint,
            "text": self.text,
            "path": list(self.path),
            "note": self.note,
            "tags": list(self.tags),
            "created": self.created,
            "updated": self.updated,
        }
        table.update(self.extra)
        return table

    @classmethod
    def from_toml(cls, table: Any) -> Bookmark:
        """One table from the file; raises ValueError when it is not a usable bookmark.

        Only the report title and the measure text are required, so a bookmark written by
        hand works; a missing uid is derived from the content so it stays the same on
        every read until the next write stores it.
        """
        if not isinstance(table, dict):
            raise ValueError("a [[bookmarks]] entry is not a table")

        def text(key: str, default: str | None = "") -> str:
            value = table.get(key, default)
            if not isinstance(value, str):
                raise ValueError(f"'{key}' must be a string")
            return value

        def strings(key: str) -> tuple[str, ...]:
            value = table.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"'{key}' must be a list of strings")
            return tuple(value)

        title, body = text("report_title", None), text("text", None)
        uid = (
            text("uid")
            or hashlib.sha1(
                f"{title}\0{text('report_date')}\0{text('measure_id')}\0{body}\0{text('created')}".encode()
            ).hexdigest()[:16]
        )
        return cls(
            uid=uid,
            report_title=title,
            report_date=text("report_date"),
            measure_id=text("measure_id"),
            fingerprint=text("fingerprint") or fingerprint(body),
            text=body,
            path=strings("path"),
            note=text("note"),
            tags=strings("tags"),
            created=text("created"),
            updated=text("updated"),
            extra={k: v for k, v in table.items() if k not in _KNOWN_KEYS},
        )
