"""What a tree node stands for, shared by the widgets and screens that pass it around.

The tree puts an :class:`Entry` on each node; the detail pane, the explorer's copy and
bookmark commands read the model through it. Its own module, so widgets need not import
each other to name it.
"""

from __future__ import annotations

from dataclasses import dataclass

from zimao_tui.document.report import Heading, Measure, Report


@dataclass(frozen=True)
class Entry:
    """What a tree node stands for: a report (``node`` None), a heading or a measure."""

    report: Report
    node: Heading | Measure | None = None
