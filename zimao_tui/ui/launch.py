"""From parsed arguments to a running app.

Reports (from the report cache when they were parsed before) and config are loaded BEFORE Textual starts: a bad report must end as one line on
stderr and exit status 2 (the CLI catches ReportError), not as a traceback inside a TUI.
The interface language is set before the UI modules are imported because binding
descriptions are translated when their classes are created.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from zimao_tui.document.parse import load_reports, report_files
from zimao_tui.i18n import Notice, set_language
from zimao_tui.paths import bundled_report, cache_dir, config_dir
from zimao_tui.search.gcpause import end_startup, pause_for_startup
from zimao_tui.store.config import load_config
from zimao_tui.store.report_cache import ReportCache

if TYPE_CHECKING:
    from zimao_tui.document.report import Report
    from zimao_tui.ui.screens.catalogue_flow import Shelf

CATALOGUE_FROM = 50
"""``zimao-tui DIR`` with more reports than this opens as a catalogue (a tree of fifty
reports is already long; a thousand would take seconds to build and be no use)."""


def launch(paths: Sequence[Path] = (), lang: str | None = None, *, read_only: bool = False) -> int:
    """Run the app on ``paths`` (default: the bundled report); returns the exit status.

    ``lang`` (``zh``/``en``) overrides the config's interface language; ``read_only`` starts
    a session that writes no bookmark, note, theme or search history (``serve --read-only``).

    The garbage collector is paused from here to the first paint (the explorer ends the
    pause), or to the end if the app never paints (a bad report, an early exception).
    """
    pause_for_startup()
    try:
        config, warnings = load_config()
        set_language(lang or config.lang)  # first: a bad report's error is printed in it
        shelf = _shelf(paths)
        reports: list[Report] = []
        if shelf is None:
            cache = ReportCache(cache_dir())
            skipped: list[Notice] = []
            reports = load_reports(list(paths) or [bundled_report()], cache, skipped)
            warnings = [*skipped, *cache.warnings, *warnings]
        warnings = [*warnings, *_furniture_notices()]

        from zimao_tui.ui.app import ZimaoApp

        app = ZimaoApp(reports, config, warnings, read_only=read_only, shelf=shelf)
        app.run()
        if app.reading_error:  # said in a toast too, but the app was closing
            import sys

            print(f"zimao-tui: {app.reading_error}", file=sys.stderr)
        return app.return_code or 0
    finally:
        end_startup()


def _shelf(paths: Sequence[Path]) -> Shelf | None:
    """The catalogue to start on, or None for the explorer: plain ``zimao-tui`` when the
    library holds reports of its own (a probe that costs nothing without a library), a
    folder (or several paths) of more than CATALOGUE_FROM reports. A folder's files are
    listed in the store as non-members (``add`` makes them members), so what is read of them
    once is not read again."""
    if not paths:
        from zimao_tui.store.library_probe import holds_more_than_bundled, store_path

        if not holds_more_than_bundled(store_path(), bundled_report()):
            return None
        from zimao_tui.store.library import Library
        from zimao_tui.ui.screens.catalogue_flow import Shelf

        return Shelf(Library())
    import os.path

    files: dict[str, None] = {}
    folders: dict[str, str] = {}  # str, not Path: hashing a thousand Paths alone cost ~25 ms
    for path in paths:
        for file in report_files(path):
            name = str(file)
            if os.path.islink(name):
                files.setdefault(os.path.realpath(name), None)
            else:  # resolving the folder once, not each of a thousand files (~40 ms)
                parent, base = os.path.split(os.path.abspath(name))
                if parent not in folders:
                    folders[parent] = os.path.realpath(parent)
                files.setdefault(os.path.join(folders[parent], base), None)
    if len(files) <= CATALOGUE_FROM:
        return None
    from zimao_tui.store.library import Library
    from zimao_tui.store.shelf import list_opened
    from zimao_tui.ui.screens.catalogue_flow import Shelf

    library = Library()
    list_opened(library, tuple(files))  # a member stays one
    return Shelf(library, tuple(files))


def _furniture_notices() -> list[Notice]:
    """What is wrong with the user's furniture.toml, if they have one.

    The furniture module is imported only then: no new import on the usual start path.
    """
    if not (config_dir() / "furniture.toml").is_file():
        return []
    from zimao_tui.document.furniture import furniture_notices

    return list(furniture_notices())
