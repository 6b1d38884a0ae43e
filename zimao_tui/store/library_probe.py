"""Does the user have a library worth opening? Asked by plain ``zimao-tui`` before anything else.

The everyday start (``zimao-tui`` on the bundled report) must not pay for the library store:
``store/library.py`` brings the report cache, the state-file helpers and a trigram check with
it. This asks SQLite directly, read-only, one ``count(*)``: nothing is created, migrated or
rebuilt here (opening the catalogue does that, with its messages). No library file at all, the
case of everyone who never ran ``zimao-tui add``, costs one ``stat`` and no import.
"""

from __future__ import annotations

from pathlib import Path

LIBRARY_FILE = "library.sqlite3"
"""The store's file name in the data folder (``store/library.py`` uses this one)."""


def store_path() -> Path:
    """Where the user's library lives: the data folder (``ZIMAO_TUI_DATA_DIR`` overrides)."""
    from zimao_tui.paths import data_dir

    return data_dir() / LIBRARY_FILE


def holds_more_than_bundled(store: Path, bundled: Path) -> bool:
    """Whether the library at ``store`` has a report of its own beside the bundled report.

    A store SQLite cannot read says True: the catalogue then opens it, sets a damaged file
    aside and says so, rather than the app quietly ignoring the user's library."""
    if not store.is_file():
        return False
    import sqlite3

    try:
        db = sqlite3.connect(f"{store.as_uri()}?mode=ro", uri=True, timeout=1.0)
        try:
            (count,) = db.execute(
                "SELECT count(*) FROM reports WHERE member = 1 AND path != ?", (str(bundled),)
            ).fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return True
    return bool(count)
