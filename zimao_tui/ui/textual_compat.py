"""The only place zimao-tui touches Textual's internals; each use is one small function here.

Textual 8 has no public API for these. Each function says why it needs the private one, and
``tests/ui/test_textual_compat.py`` fails loudly, naming the function, if a Textual upgrade
renames or changes what it relies on (pyproject pins Textual to one major version for this).
One more private use cannot be a function: ``SearchInput._on_key`` (ui/widgets/search_bar.py)
overrides Input's key handler to take the keys of a burst in order; the tests check that
Input still has that handler.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.command import CommandPalette
from textual.geometry import Region
from textual.notifications import Notification
from textual.screen import Screen
from textual.widgets import Tree


def set_ansi_filter(app: App[Any]) -> None:
    """Apply the current theme's ANSI colours to the output filter.

    ``App._watch_theme`` does this on a theme switch; the app sets its first theme without
    watchers (``ZimaoApp._start_with_theme``, ~5 ms of start-up), so it must do it itself.
    """
    app._refresh_truecolor_filter(app.ansi_theme)


def notifications(app: App[Any]) -> list[Notification]:
    """The notifications currently shown (Textual keeps them in ``App._notifications``)."""
    return list(app._notifications)


def withdraw(app: App[Any], notification: Notification) -> None:
    """Take a toast off the screen before its timeout (no public way: ``App._unnotify``).

    ``ZimaoApp.notify_in`` replaces the previous toast of a slot, so ten copies are one toast.
    """
    if notification in app._notifications:
        app._unnotify(notification, refresh=False)


def keep_toasts_within(screen: Screen[Any], area: Region) -> None:
    """Show ``screen``'s toasts inside ``area`` (screen cells) instead of its bottom right.

    Textual docks every screen's toasts in a ``ToastRack`` (private, id ``textual-toastrack``)
    at the bottom right; over the help screen they drew across the help box's border. There is
    no public setting for where toasts go, so the rack's margins are set to leave it just
    ``area``; called again after a resize, since the box is centred. A screen without a rack
    (notifications disabled, as in most headless tests) is left alone.
    """
    from textual.widgets._toast import ToastRack

    racks = list(screen.query_children(ToastRack))
    if not racks or not area:
        return
    height = screen.size.height
    rack = racks[0]
    rack.styles.width = area.width  # its own 1fr ignores side margins once docked
    rack.styles.margin = (0, 0, max(0, height - area.bottom), area.x)
    rack.styles.max_height = area.height


def build_tree_lines(tree: Tree[Any]) -> None:
    """Make ``tree`` lay out its lines now, so node line numbers are current.

    Tree recomputes ``TreeNode.line`` only when it rebuilds ``_tree_lines`` (on idle or
    render); reading the public ``last_line`` rebuilds them as a side effect. Needed right
    after an expand or collapse, before ``move_cursor`` reads a node's line.
    """
    tree.last_line  # noqa: B018  (read for its side effect, see above)


def kinsoku_toasts() -> None:
    """Make toasts break Chinese lines by the rules of ``ui/text/linebreak.py``.

    Textual builds each toast itself (``ToastRack.show`` makes a ``Toast``) and folds its text
    at any cell, so a toast could start a line with 、 or ； and split ``OSC 52``. There is no
    public hook to give it a Visual, so ``Toast.render`` is wrapped, once, to draw what it
    renders through :class:`~zimao_tui.ui.text.linebreak.Kinsoku`.
    """
    from textual.widgets._toast import Toast

    from zimao_tui.ui.text.linebreak import Kinsoku

    render = Toast.render
    if getattr(render, "kinsoku", False):
        return

    def render_kinsoku(self: Toast) -> Kinsoku:
        return Kinsoku(render(self))

    render_kinsoku.kinsoku = True  # type: ignore[attr-defined]
    Toast.render = render_kinsoku  # type: ignore[method-assign,assignment]


class LocalPalette(CommandPalette):
    """Textual's command palette, saying "no matches" in the interface language.

    Textual writes "No matches found" in English from inside the private
    ``_start_no_matches_countdown``; this replaces the words of the option it adds.
    """

    def __init__(self, no_matches: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.no_matches = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        super()._start_no_matches_countdown(search_value)
        timer = self._no_matches_timer
        if timer is None:
            return
        timer.stop()
        self._no_matches_timer = self.set_timer(
            self._NO_MATCHES_COUNTDOWN, lambda: self._show_no_matches(search_value)
        )

    def _show_no_matches(self, search_value: str) -> None:
        from rich.align import Align
        from rich.text import Text
        from textual.command import CommandList
        from textual.widgets.option_list import Option

        if not search_value:
            self._list_visible = False
            return
        self.query_one(CommandList).add_option(
            Option(Align.center(Text(self.no_matches, style="not bold")), disabled=True, id=self._NO_MATCHES)
        )
        self._list_visible = True


def returnable_default_mode(app: App[Any]) -> None:
    """Let ``switch_mode`` come back to the default mode (the screen the app started on).

    The catalogue and the explorer each live in a mode of their own (``L`` and Esc switch
    between them), and one of them is the app's first screen, which Textual keeps in mode
    ``_default``; ``switch_mode("_default")`` refuses that name because it is not in
    ``App._modes`` (and ``add_mode`` refuses it too). Registering ``get_default_screen``
    under that name is what Textual's own start-up would call for that mode anyway. Call it
    only once the first screen is up: registered before, Textual builds the first screen the
    way it builds other modes' (loading its CSS again: ~0.2 s more to the first paint).
    """
    app._modes.setdefault(app.DEFAULT_MODE, app.get_default_screen)
