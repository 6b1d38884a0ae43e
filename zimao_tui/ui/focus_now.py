"""Moving the focus to a field for the keys right behind the key that asked for it.

Textual's ``Widget.focus`` moves the focus on the next loop, and a key is handled after it
has been sent to the focused widget and bubbled up; the app meanwhile sends the keys behind
it to the widget that still has the focus. In a burst (a paste, a fast typist, a slow SSH
link: ``/zfgzbg⏎``) they went to the table or the tree, where a letter is a command. The key
that opens a field is therefore a priority binding (handled as the app reads it) whose
action calls ``focus_now``: the focus moves before the app reads the next key.
"""

from __future__ import annotations

from typing import Any

from textual.actions import SkipAction
from textual.screen import Screen
from textual.widget import Widget


def focus_now(screen: Screen[Any], field: Widget) -> None:
    """Focus ``field`` at once; when it has the focus already, let the key through to it
    (``/`` typed in a filter is a character of the filter)."""
    if screen.focused is field:
        raise SkipAction()
    screen.set_focus(field)
