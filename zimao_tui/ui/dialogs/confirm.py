"""A yes/no question over the current screen (deleting a bookmark, replacing a note).

Shared by the explorer and the bookmarks screen, so it lives with the other modal dialogs
rather than in either screen.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from zimao_tui.document.inert import inert
from zimao_tui.i18n import t


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question; dismisses with True only on an explicit confirmation."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [  # noqa: RUF012 - Textual's declared class attribute
        Binding("y,enter", "answer(True)", t("bm.key.confirm"), id="zimao.confirm.yes"),
        Binding("n,escape", "answer(False)", t("bm.key.cancel"), id="zimao.confirm.no"),
    ]

    def __init__(self, question: str, detail: str = "", yes: str = "") -> None:
        super().__init__()
        self._question = question
        self._detail = detail
        self._yes = yes or t("bm.yes")  # what "yes" does, in a word: 删除 by default

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog"):
            yield Label(inert(self._question), id="confirm-question", markup=False)
            if self._detail:
                yield Label(inert(self._detail), id="confirm-detail", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self._yes} (y)", variant="error", id="confirm-yes")
                yield Button(f"{t('bm.no')} (n)", id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()  # the safe answer has the focus

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")
