"""The open dialog: a file browser over the folders, showing only files zimao-tui can read.

frogmouth and harlequin open files from inside the app; so does this (``o``, or the palette).
It starts in the folder a report was last opened from, lists folders and the report files
the format readers take (the suffixes come from ``document.formats``, so a new reader shows
its files here with no change), and answers with the chosen path; the caller opens it.
Backspace goes up a folder, ``~`` home; the folder shown is the title.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Label

from zimao_tui.document.inert import inert
from zimao_tui.i18n import t


def shown_path(path: Path) -> str:
    """``path`` as the title shows it: under the home folder, ``~/…``."""
    try:
        return "~/" + str(path.relative_to(Path.home())) if path != Path.home() else "~"
    except ValueError:
        return str(path)


class ReportFiles(DirectoryTree):
    """Folders and the files whose suffix a reader takes; hidden entries left out."""

    ICON_NODE_EXPANDED = "▾ "
    ICON_NODE = "▸ "
    ICON_FILE = "  "
    """Plain marks, not Textual's emoji: one cell each in every terminal font."""

    def __init__(self, path: Path, suffixes: Iterable[str], *, id: str | None = None) -> None:
        super().__init__(path, id=id)
        self.show_root = False  # the folder is the dialog's title
        self.suffixes = frozenset(s.lower() for s in suffixes)

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [p for p in paths if not p.name.startswith(".") and self._wanted(p)]

    def _wanted(self, path: Path) -> bool:
        try:
            return path.is_dir() or (path.suffix.lower() in self.suffixes and path.is_file())
        except OSError:  # unreadable entry (a broken link, no permission): not offered
            return False


class OpenReportDialog(ModalScreen[Path | None]):
    """Pick a report file; dismisses with its path, or None on Esc."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", t("bm.key.cancel"), id="zimao.open.cancel"),
        Binding("backspace", "up", t("key.collapse"), id="zimao.open.up", show=False),
        Binding("tilde", "home", "~", id="zimao.open.home", show=False),
    ]

    def __init__(self, folder: Path, suffixes: Iterable[str]) -> None:
        super().__init__()
        self.folder = folder
        self.suffixes = tuple(suffixes)

    def compose(self) -> ComposeResult:
        with Vertical(id="open-dialog"):
            yield Label("", id="open-title", markup=False)
            yield ReportFiles(self.folder, self.suffixes, id="open-files")
            yield Label(t("open.filter", suffixes=" ".join(self.suffixes)), id="open-filter", markup=False)
            yield Label(t("open.hint"), id="open-hint", markup=False)

    @property
    def files(self) -> ReportFiles:
        return self.query_one(ReportFiles)

    def on_mount(self) -> None:
        self._show_folder()
        self.files.focus()

    def _show_folder(self) -> None:
        where = shown_path(Path(self.files.path))
        self.query_one("#open-title", Label).update(inert(f"{t('open.title')} · {where}"))

    def _go(self, folder: Path) -> None:
        self.files.path = folder
        self._show_folder()

    def action_up(self) -> None:
        """Backspace: the folder above (the tree's root is the folder shown)."""
        folder = Path(self.files.path).resolve()
        if folder.parent != folder:
            self._go(folder.parent)

    def action_home(self) -> None:
        self._go(Path.home())

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.dismiss(Path(event.path))
