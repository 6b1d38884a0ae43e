"""One home for the keys that scroll a pane of text: vim's and less's, beside the arrows.

The detail pane, the help screen and the reading view all scroll the same way (issue 15:
``j``/``k``, space/PgDn/PgUp, ``g``/``G``), with the same binding ids, so one ``[keys]``
entry in ``config.toml`` remaps them everywhere.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll

from zimao_tui.i18n import t


class KeyScroll(VerticalScroll):
    """A VerticalScroll that vim and less users can scroll without reaching for the arrows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", t("key.scroll_down"), id="zimao.scroll.down", show=False),
        Binding("k,up", "scroll_up", t("key.scroll_up"), id="zimao.scroll.up", show=False),
        Binding("space,pagedown", "page_down", t("key.page_down"), id="zimao.scroll.page_down", show=False),
        Binding("pageup", "page_up", t("key.page_up"), id="zimao.scroll.page_up", show=False),
        Binding("g,home", "scroll_home", t("key.top"), id="zimao.scroll.top", show=False),
        Binding("G,end", "scroll_end", t("key.bottom"), id="zimao.scroll.bottom", show=False),
    ]
