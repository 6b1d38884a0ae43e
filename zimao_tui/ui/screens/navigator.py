"""The explorer's moves that can be undone: jumps, ``ctrl+o`` back, forward, search previews.

Split out of ``ExplorerScreen`` (which must stay small): every jump (search hit, ``n``/``N``,
figure, glossary occurrence, bookmark, palette) goes through :meth:`Navigator.go`, which
records where the reader was in the session's :class:`JumpList` and closes the headings the
previous jump had to open, so jumping around no longer leaves the tree expanded behind it.
A search preview (↑/↓ in the results) only shows a measure; Esc puts the detail back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets.tree import TreeNode

from zimao_tui.document.report import Heading, Measure, Report
from zimao_tui.i18n import t
from zimao_tui.ui.entry import Entry
from zimao_tui.ui.screens.jump_list import JumpList, Place

if TYPE_CHECKING:
    from zimao_tui.search.search import Hit
    from zimao_tui.ui.screens.explorer import ExplorerScreen


class Navigator:
    """Jumps with a way back, for one explorer screen."""

    def __init__(self, screen: ExplorerScreen) -> None:
        self.screen = screen
        self.jumps: JumpList[Place] = JumpList()
        self._opened: list[TreeNode[Entry]] = []  # headings the last jump opened
        self.previewing = False

    def here(self) -> Place | None:
        """The place the reader is at: what the detail pane shows, or during a search
        preview the tree's cursor (the preview is only a glimpse)."""
        entry = self.screen.report_tree.entry if self.previewing else self.screen.detail.entry
        if entry is None or entry.report not in self.screen.reports:
            return None
        return Place(self.screen.reports.index(entry.report), entry.node.id if entry.node else "")

    def go(self, report: Report, node: Heading | Measure | None, record: bool = True) -> None:
        """Jump to ``node`` (the report's own row if None), remembering where the reader was."""
        here = self.here()
        if record and here is not None:
            self.jumps.record(here)
        self._move(report, node)

    def step(self, delta: int) -> None:
        """``ctrl+o``/Backspace (-1) or forward (1) through the jump list."""
        here = self.here()
        place = self.jumps.back(here) if delta < 0 and here is not None else None
        if delta > 0:
            place = self.jumps.forward()
        if place is None or not 0 <= place.report < len(self.screen.reports):
            self.screen.warn(t("jump.none_back" if delta < 0 else "jump.none_forward"))
            return
        report = self.screen.reports[place.report]
        node = report.node(place.node_id) if place.node_id else None
        self._move(report, node)

    def _move(self, report: Report, node: Heading | Measure | None) -> None:
        tree = self.screen.report_tree
        target = Entry(report, node)
        tree.close(self._opened, keep=target)
        self._opened = tree.reveal(report, node.id if node else "")
        self.previewing = False
        self.screen.show_entry(target)
        self.screen.action_focus_tree()

    def preview(self, hit: Hit, hits: list[Hit], query: str) -> None:
        """Show a result in the detail pane while the reader moves through the results."""
        self.previewing = True
        self.screen.search_hits.jump(hits, hit, query)
        self.screen.show_entry(Entry(hit.report, hit.measure))

    def end_preview(self) -> None:
        """Leaving the search bar without a jump: the detail shows the tree's cursor again."""
        if self.previewing:
            self.previewing = False
            self.screen.show_entry(self.screen.report_tree.entry)
