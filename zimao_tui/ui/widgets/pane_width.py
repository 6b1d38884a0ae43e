"""A side pane the user can widen and narrow: with keys, or by dragging its right border.

At 80 columns the tree pane is about 30 columns, and the titles of several reports were cut
to 《武汉自贸片区创新举措（2023年. The pane's width is the user's to choose: a key steps it
(``STEP`` columns), and a drag on the pane's right edge (its border column) follows the mouse,
as the panes of lazygit, harlequin and VS Code do. The width stays within ``MIN_WIDTH`` and
the screen less ``MIN_REST`` (room for the detail pane), and a terminal resize keeps it there.

A mixin for a widget with a right border, so it needs no sibling and no screen to do it; the
keys live on the screen (:class:`PaneWidthKeys`), so they work whatever pane has the focus.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.widget import Widget

from zimao_tui.i18n import t

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


class PaneWidthKeys(Widget):
    """``>``/``<`` for a screen with a :class:`ResizablePane`: on the screen, not the pane, so
    they widen the tree while the detail pane has the focus too (issue 15: on the tree's own
    bindings they did nothing once Tab had moved on). Listed after ``Screen`` among a screen's
    bases: Textual reads CSS type names and component classes along the first base only."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "greater_than_sign", f"pane_width({STEP})", t("key.tree_wider"), id="zimao.tree_wider", show=False
        ),
        Binding(
            "less_than_sign",
            f"pane_width({-STEP})",
            t("key.tree_narrower"),
            id="zimao.tree_narrower",
            show=False,
        ),
    ]
    PALETTE: ClassVar[dict[str, str]] = {
        "zimao.tree_wider": t("key.tree_wider"),
        "zimao.tree_narrower": t("key.tree_narrower"),
    }
    """Bindings offered in the command palette (see ``ui/commands.py``)."""

    def resizable_pane(self) -> ResizablePane | None:
        """The pane the keys size (None: nothing to size here). ``walk_children`` tests with
        isinstance; a query by type goes by CSS type names, which a mixin base is not among."""
        return next(iter(self.walk_children(ResizablePane)), None)

    def action_pane_width(self, delta: int) -> None:
        """A few columns wider or narrower, if the pane is shown."""
        pane = self.resizable_pane()
        if pane is not None and pane.display:
            pane.action_resize(delta)
