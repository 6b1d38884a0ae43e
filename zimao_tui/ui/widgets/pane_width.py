"""A side pane the user can widen and narrow: with keys, or by dragging its right border.

At 80 columns the tree pane is about 30 columns, and the titles of several reports were cut
to 《武汉自贸片区创新举措（2023年. The pane's width is the user's to choose: a key steps it
(``STEP`` columns), and a drag on the pane's right edge (its border column) follows the mouse,
as the panes of lazygit, harlequin and VS Code do. The width stays within ``MIN_WIDTH`` and
the screen less ``MIN_REST`` (room for the detail pane), and a terminal resize keeps it there.

A mixin for a widget with a right border, so it needs no sibling and no screen to do it.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget

STEP = 4
"""Columns one key press adds or takes away."""
MIN_WIDTH = 16
"""The narrowest pane: a few characters of each title still show."""
MIN_REST = 24
"""Columns always left to the right of the pane."""


class ResizablePane(Widget):
    """A pane whose width :meth:`resize_by` and a drag on its right border set."""

    _dragging = False

    def width_bounds(self) -> tuple[int, int]:
        """The narrowest and widest this pane may be on the current screen."""
        widest = max(MIN_WIDTH, self.screen.size.width - MIN_REST)
        return MIN_WIDTH, widest

    def set_width(self, columns: int) -> int:
        """Make the pane ``columns`` wide (kept within bounds); returns the width set."""
        low, high = self.width_bounds()
        columns = max(low, min(high, columns))
        self.styles.width = columns
        self.styles.min_width = low  # the stylesheet's min/max (a share of the screen) no longer apply
        self.styles.max_width = high
        return columns

    def action_resize(self, delta: int) -> None:
        """``>`` / ``<``: a few columns wider or narrower."""
        self.set_width(self.outer_size.width + delta)

    def _on_border(self, event: events.MouseEvent) -> bool:
        return event.x >= self.outer_size.width - 1

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if self._on_border(event):
            self._dragging = True
            self.capture_mouse()
            event.stop()
            event.prevent_default()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:
            self.set_width(event.screen_x - self.region.x + 1)
            event.stop()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()
            event.stop()
            event.prevent_default()
