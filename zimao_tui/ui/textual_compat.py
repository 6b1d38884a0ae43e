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
from textual.notifications import Notification
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


def build_tree_lines(tree: Tree[Any]) -> None:
    """Make ``tree`` lay out its lines now, so node line numbers are current.

    Tree recomputes ``TreeNode.line`` only when it rebuilds ``_tree_lines`` (on idle or
    render); reading the public ``last_line`` rebuilds them as a side effect. Needed right
    after an expand or collapse, before ``move_cursor`` reads a node's line.
    """
    tree.last_line  # noqa: B018  (read for its side effect, see above)
