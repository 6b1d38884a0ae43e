"""The help screen: every key of the screen underneath, read from the same bindings as the footer.

Keys come from ``Screen.active_bindings`` (so remaps from config.toml show up), grouped by
binding id so ``j``/``down`` appear on one line; the search bar's keys are listed too.
Descriptions are the footer's labels, except where a label is cut short to fit the footer
at 80 columns: then the longer wording of ``i18n.binding_help`` is shown.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from zimao_tui.i18n import binding_help, t
from zimao_tui.store.config import config_path
from zimao_tui.ui.scrolling import KeyScroll
from zimao_tui.ui.text.inert import inert_content
from zimao_tui.ui.textual_compat import keep_toasts_within
from zimao_tui.ui.widgets.search_bar import SearchInput

KEY_WIDTH = 22


def help_rows(bindings: dict[str, ActiveBinding], display: dict[str, str]) -> list[tuple[str, str, str]]:
    """(keys, help text, binding id) per binding id, in first-seen order.

    ``display`` maps each key to how the footer shows it. Bindings without an id or a
    description (Textual's internal ones) are left out: the user cannot remap them.
    """
    rows: dict[str, tuple[list[str], str]] = {}
    for key, active in bindings.items():
        binding = active.binding
        if not binding.id or not binding.description:
            continue
        keys, _ = rows.setdefault(binding.id, ([], binding_help(binding.id, binding.description)))
        shown = display.get(key, key)
        if shown not in keys:
            keys.append(shown)
    return [(" ".join(keys), description, bid) for bid, (keys, description) in rows.items()]


def help_content(rows: list[tuple[str, str, str]]) -> Content:
    """The key table, inert: key names come from ``config.toml``'s ``[keys]``."""
    lines = [
        Content.assemble((f"{keys:<{KEY_WIDTH}}", "bold $accent"), f"{description}  ", (bid, "dim"))
        for keys, description, bid in rows
    ]
    return inert_content(Content("\n").join(lines))


class HelpBody(KeyScroll):
    """The help text, which scrolls with vim's and less's keys (at 80x24 half of it is below)."""


class HelpScreen(ModalScreen[None]):
    """A modal list of keys; Esc, ? or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", t("key.back"), id="zimao.help_close"),
    ]

    def __init__(self, bindings: dict[str, ActiveBinding]) -> None:
        super().__init__()
        self._active = bindings

    def compose(self) -> ComposeResult:
        display = {key: self.app.get_key_display(active.binding) for key, active in self._active.items()}
        rows = help_rows(self._active, display)
        search_rows = [
            (self.app.get_key_display(b), binding_help(b.id or "", b.description), b.id or "")
            for b in SearchInput.BINDINGS
            if isinstance(b, Binding)
        ]
        with Vertical(id="help-box"):
            yield Static(Content.styled(t("help.title"), "bold $primary"), id="help-title")
            with HelpBody(id="help-body"):
                yield Static(help_content(rows))
                yield Static(Content.styled(t("key.search"), "bold $secondary"), classes="help-heading")
                yield Static(help_content(search_rows))
                yield Static(Content.styled(t("help.scroll"), "dim"), classes="help-note")
                yield Static(Content.styled(t("help.search_q"), "dim"), classes="help-note")
                yield Static(
                    Content.styled(t("help.syntax_title"), "bold $secondary"), classes="help-heading"
                )
                yield Static(t("help.syntax"), markup=False)
                yield Static(Content.styled(t("help.mouse"), "dim"), classes="help-note")
                yield Static(
                    inert_content(Content.styled(t("help.config", path=config_path()), "dim")),
                    classes="help-note",
                )
            yield Static(Content.styled(t("help.close"), "dim"), id="help-footer")

    def on_mount(self) -> None:
        self.query_one(HelpBody).focus()  # so j/k/space/PgDn/g/G scroll it at once
        self.call_after_refresh(self._place_toasts)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._place_toasts)

    def _place_toasts(self) -> None:
        """Toasts (a copy, a warning) appear over the key table inside the help box, clear of
        its border, its scrollbar and its "Esc closes" line: docked at the screen's bottom
        right as elsewhere, they drew over the box's right and bottom edges at every size."""
        keep_toasts_within(self, self.query_one(HelpBody).scrollable_content_region)

    def action_close(self) -> None:
        self.dismiss(None)
