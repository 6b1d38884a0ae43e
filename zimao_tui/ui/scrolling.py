"""One home for the keys that scroll a pane of text: vim's and less's, beside the arrows.

The detail pane, the help screen and the reading view all scroll the same way (issue 15:
``j``/``k``, space/PgDn/PgUp, ``g``/``G``), with the same binding ids, so one ``[keys]``
entry in ``config.toml`` remaps them everywhere. Where such a pane shares the screen with
others (the detail pane beside the tree), the footer shows them while it has the focus
(``FooterKeyScroll``), so the reader sees the pane has keys of its own.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll

from zimao_tui.i18n import t


def scroll_bindings(in_footer: bool = False) -> list[BindingType]:
    """The scrolling keys; ``in_footer`` shows ``j k g G`` as one footer entry ("scroll")."""
    group = Binding.Group(t("key.scroll")) if in_footer else None

    def shown(keys: str, action: str, description: str, binding_id: str) -> Binding:
        return Binding(keys, action, description, id=binding_id, show=in_footer, group=group)

    return [
        shown("j,down", "scroll_down", t("key.scroll_down"), "zimao.scroll.down"),
        shown("k,up", "scroll_up", t("key.scroll_up"), "zimao.scroll.up"),
        Binding("space,pagedown", "page_down", t("key.page_down"), id="zimao.scroll.page_down", show=False),
        Binding("pageup", "page_up", t("key.page_up"), id="zimao.scroll.page_up", show=False),
        shown("g,home", "scroll_home", t("key.top"), "zimao.scroll.top"),
        shown("G,end", "scroll_end", t("key.bottom"), "zimao.scroll.bottom"),
    ]


class KeyScroll(VerticalScroll):
    """A VerticalScroll that vim and less users can scroll without reaching for the arrows."""

    BINDINGS: ClassVar[list[BindingType]] = scroll_bindings()


class FooterKeyScroll(VerticalScroll, inherit_bindings=False):
    """A :class:`KeyScroll` whose keys the footer lists while it has the focus, as ``j k g G``.

    The footer shows, per action, the key met first; ScrollableContainer's own arrow bindings
    come first in the merged order, so its bindings are not inherited (this class starts the
    list, and ``j`` leads). Not a KeyScroll subclass: Textual merges a subclass's bindings
    after its base's, and the footer would show the base's hidden ones."""

    BINDINGS: ClassVar[list[BindingType]] = scroll_bindings(in_footer=True)
