"""The jump list: where the reader was before each jump, for ``ctrl+o`` back and forward.

Plain state with no Textual in it (unit-tested in ``tests/unit/test_jump_list.py``), in the
shape vim gives its jump list: a jump records the place it leaves; going back from the
newest entry first records the place you are at, so forward returns to it; a new jump made
after going back drops the places ahead, as a browser's history does. Kept for the session.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

MAX_PLACES = 100
"""Oldest places are forgotten past this (vim keeps 100 too)."""


@dataclass(frozen=True)
class Place:
    """A node of an open report: the report's position among the open ones and the node id
    (``""`` for the report's own row). Positions, not objects, so a place is plain data."""

    report: int
    node_id: str


P = TypeVar("P")


class JumpList(Generic[P]):
    """Places left by jumps, and where ``back``/``forward`` stand among them."""

    def __init__(self, limit: int = MAX_PLACES) -> None:
        self.places: list[P] = []
        self.position = 0
        """Index of the place ``forward`` returned last; ``len(places)`` at the newest end."""
        self.limit = limit

    def record(self, here: P) -> None:
        """A jump is leaving ``here``: remember it, forgetting what lay ahead of it."""
        del self.places[self.position :]
        if not self.places or self.places[-1] != here:
            self.places.append(here)
        del self.places[: max(0, len(self.places) - self.limit)]
        self.position = len(self.places)

    def back(self, here: P) -> P | None:
        """The place before ``here``, or None when there is none (nothing moves)."""
        if self.position == len(self.places):
            if self.places and self.places[-1] == here:
                self.position -= 1  # already there: the entry before it is the one wanted
            else:
                self.places.append(here)  # so that forward can come back here
                self.position = len(self.places) - 1
        if self.position <= 0:
            return None
        self.position -= 1
        return self.places[self.position]

    def forward(self) -> P | None:
        """The place ``back`` came from, or None at the newest end."""
        if self.position + 1 >= len(self.places):
            return None
        self.position += 1
        return self.places[self.position]
