"""Exports (bookmarks as Markdown, figures as CSV, a compare report) handed to the user.

Textual's deliver API does the right thing in both places the app runs: in a terminal the file
is saved in the downloads folder; served to a browser (``zimao-tui serve``) it becomes a
browser download and nothing is written on the server's disk. ``ZimaoApp`` tells the user when
the delivery is done (``on_delivery_complete``/``on_delivery_failed``).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from textual.app import App
from textual.events import DeliveryFailed

from zimao_tui.paths import downloads_dir


def export_text(app: App[Any], text: str, filename: str, what: str) -> None:
    """Deliver ``text`` as ``filename``; ``what`` names it in the toast (``export.<what>``).

    In a terminal an earlier export is never overwritten: ``name-2.md``, ``name-3.md``…
    """
    folder = None
    if not app.is_web:
        folder = downloads_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)  # a fresh account (or a server) may have none
        except OSError as exc:  # said in the toast, like a failed write
            app.post_message(DeliveryFailed(key="", exception=exc, name=what))
            return
        filename = free_name(folder, filename)
    app.deliver_text(
        io.StringIO(text), save_directory=folder, save_filename=filename, name=what, encoding="utf-8"
    )


def free_name(folder: Path, filename: str) -> str:
    """``filename``, or ``stem-2.ext``, ``stem-3.ext``… if ``folder`` already has it."""
    path = Path(filename)
    candidate, n = filename, 1
    while (folder / candidate).exists():
        n += 1
        candidate = f"{path.stem}-{n}{path.suffix}"
    return candidate
