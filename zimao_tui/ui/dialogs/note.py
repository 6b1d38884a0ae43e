"""The note dialog: a bookmark's note (several lines) and tags, edited over the current screen.

Used by the explorer (``e`` on a measure) and the bookmarks screen (``e`` on a row). It
only edits text and returns it — ``(note, tags)`` on save, ``None`` on cancel — so the
caller decides which store call to make and shows any error from it.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, TextArea

from zimao_tui.document.inert import inert
from zimao_tui.i18n import t
from zimao_tui.store.bookmarks import parse_tags
from zimao_tui.ui.text.inert import InertInput
from zimao_tui.ui.text.snippets import excerpt


class NoteArea(TextArea):
    """The note's TextArea, whose pastes arrive inert (see :class:`InertInput`)."""

    async def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # TextArea's own handler would insert the raw text
        event.stop()
        if self.read_only:
            return
        result = self.replace(inert(event.text), *self.selection)
        self.move_cursor(result.end_location)
        self.focus()


class NoteDialog(ModalScreen[tuple[str, list[str]] | None]):
    """Edit a note and its tags; dismisses with ``(note, tags)`` or ``None``.

    ``title`` is the measure's text (it is shortened to one line); tags are typed in one
    field, separated by spaces, ASCII or Chinese commas (:func:`parse_tags`). Everything
    shown is inert: a note with an ESC (``bookmarks.toml`` is a file anyone may edit) is
    edited, and saved, with ``␛`` in its place rather than drawn raw to the terminal.
    """

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [  # noqa: RUF012 - Textual's declared class attribute
        # Not a priority binding: ctrl+s must take its turn behind the keys typed before it,
        # which wait in the focused field's queue (a priority binding saved at once, and the
        # keys of a fast burst then reached the explorer behind the dialog). Neither field
        # binds ctrl+s, so it bubbles up to here.
        Binding("ctrl+s", "save", t("note.key.save"), id="zimao.note.save"),
        Binding("escape", "cancel", t("note.key.cancel"), id="zimao.note.cancel"),
    ]

    def __init__(self, note: str = "", tags: Sequence[str] = (), title: str = "") -> None:
        super().__init__()
        self._note = note
        self._tags = list(tags)
        self._title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog"):
            yield Label(
                inert(t("note.title", excerpt=excerpt(self._title, 80))), id="note-title", markup=False
            )
            yield Label(t("note.note"), classes="note-label")
            yield NoteArea(inert(self._note), id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Label(t("note.tags"), classes="note-label")
            yield InertInput(
                inert(", ".join(self._tags)), placeholder=t("note.tags_placeholder"), id="note-tags"
            )
            with Horizontal(id="note-buttons"):
                yield Button(t("note.save"), variant="primary", id="note-save")
                yield Button(t("note.cancel"), id="note-cancel")

    def on_mount(self) -> None:
        area = self.query_one("#note-text", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        """Return the note as typed and the tags as parsed."""
        note = self.query_one("#note-text", TextArea).text
        tags = parse_tags(self.query_one("#note-tags", InertInput).value)
        self.dismiss((note, tags))

    def action_cancel(self) -> None:
        """Close without changing anything; if something was typed, ask first (Esc is
        pressed by reflex, and a long note is a lot to lose)."""
        note = self.query_one("#note-text", TextArea).text
        tags = parse_tags(self.query_one("#note-tags", InertInput).value)
        if note == inert(self._note) and tags == parse_tags(", ".join(self._tags)):
            self.dismiss(None)
            return
        from zimao_tui.ui.dialogs.confirm import ConfirmDialog

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog(t("note.discard"), excerpt(note, 50), t("note.discard_yes")), answered
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "note-save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: InertInput.Submitted) -> None:
        """Enter in the tags field saves, as in most forms."""
        event.stop()
        self.action_save()
