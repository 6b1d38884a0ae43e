"""The display boundary of the app: text from files becomes inert Content or Text here.

:func:`zimao_tui.document.inert.inert` decides what is dangerous and what it is shown as; these
two adapters apply it to what widgets take, keeping styles in place (the replacement is
one character for one, so every span still covers the same characters). A plain ``str``
is taken literally, never as markup: Textual's DataTable, OptionList, Tree and palette
read strings as markup, where a heading's ``[/]`` crashes and ``[link=…]`` makes a link.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.content import Content
from textual.widgets import Input

from zimao_tui.document.inert import inert


def inert_content(content: Content | str) -> Content:
    """``content`` with its text made inert and its spans kept; a ``str`` is literal text."""
    if isinstance(content, str):
        return Content(inert(content))
    plain = content.plain
    safe = inert(plain)
    return content if safe is plain else Content(safe, list(content.spans))


def inert_text(text: Text | str) -> Text:
    """``text`` with its text made inert and its spans and options kept; a ``str`` is literal."""
    if isinstance(text, str):
        return Text(inert(text))
    plain = text.plain
    safe = inert(plain)
    if safe is plain:
        return text
    copy = text.copy()
    copy.plain = safe
    return copy


class InertInput(Input):
    """An Input whose pastes arrive inert: a measure copied with ``c`` keeps the report's
    exact text, ESC included, and pasting it must not send that ESC to the terminal when
    the field is drawn. Typed keys cannot produce control characters."""

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # Input's own handler would insert the raw text
        event.stop()
        if not event.text:
            return
        line = inert(event.text.splitlines()[0])
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(line)
        else:
            self.replace(line, *selection)
