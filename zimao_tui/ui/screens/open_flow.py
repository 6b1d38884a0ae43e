"""Opening a report from inside the app, and coming back to where you were reading.

Beside the explorer, not in it (ExplorerScreen stays small): ``o`` and the palette's "Open a
report…" ask the open dialog (``dialogs/open_report.py``) for a file; the palette's recent
reports come straight here. An opened report joins the open ones (a report already open is
simply shown), the explorer is rebuilt on the new set (its search index and keywords are
cached per report, so the reports already open cost nothing), and the new report opens
where it was last read.

Resuming: the explorer tells :func:`remember` every measure it shows; :func:`resume` puts the
cursor back on the measure each report was left on (``store/reading.py`` keeps them by report
key), and the app saves the positions when it quits and before switching reports.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from zimao_tui.document.errors import UserError
from zimao_tui.document.formats import suffixes
from zimao_tui.document.report import Measure, Report
from zimao_tui.i18n import t
from zimao_tui.ui.entry import Entry

if TYPE_CHECKING:
    from zimao_tui.ui.app import ZimaoApp
    from zimao_tui.ui.screens.explorer import ExplorerScreen


def ask_to_open(app: ZimaoApp) -> None:
    """The open dialog, in the folder a report was last opened from (else the current one)."""
    from zimao_tui.ui.dialogs.open_report import OpenReportDialog

    last = app.reading.last_folder
    folder = Path(last) if last and Path(last).is_dir() else Path.cwd()

    def chosen(path: Path | None) -> None:
        if path is not None:
            open_report(app, path)

    app.push_screen(OpenReportDialog(folder, suffixes()), chosen)


def open_report(app: ZimaoApp, path: Path) -> None:
    """Open ``path`` beside the reports already open and show it where it was left.

    A file that cannot be read is one toast saying why (the reports open stay as they are).
    Called as a dialog or the palette closes: the switch waits for the next refresh, when
    they are off the screen stack.
    """
    from zimao_tui.document.parse import load_report
    from zimao_tui.paths import cache_dir
    from zimao_tui.store.report_cache import ReportCache

    try:
        report = load_report(path, ReportCache(cache_dir()))
    except UserError as exc:
        app.notify(t("open.failed", error=exc), severity="error", timeout=8)
        return
    app.reading.opened(path, report.title)
    same = next((r for r in app.reports if r.key == report.key), None)
    if same is not None:
        app.notify(t("open.already", title=report.title), timeout=3)
        app.call_after_refresh(_show, app, same)
        return
    app.save_reading()
    app.call_after_refresh(_switch, app, report)


def _switch(app: ZimaoApp, report: Report) -> None:
    app.opened_report = report  # the new explorer's resume() shows it, once it has painted
    app.show_reports([*app.reports, report])
    app.notify(t("open.opened", title=report.title), timeout=3)


def _show(app: ZimaoApp, report: Report) -> None:
    explorer = app.explorer
    if explorer is not None and not resume(explorer, report):
        explorer.go_to(report, next(report.measures()))


def remember(app: ZimaoApp, entry: Entry | None) -> None:
    """The explorer shows ``entry``: if it is a measure, that is where its report is being read."""
    if entry is not None and isinstance(entry.node, Measure):
        app.reading.remember(entry.report, entry.node)


def resume(explorer: ExplorerScreen, report: Report | None = None) -> bool:
    """Put the cursor on the measure ``report`` was left on (default: the report just opened,
    else of the open reports the one read last); False when there is none to go back to.

    A report just opened that was never read before opens at its first measure."""
    app = explorer.zimao
    reading = app.reading
    if report is None and app.opened_report is not None:
        report, app.opened_report = app.opened_report, None
        at, app.opened_at = app.opened_at, None  # a library search hit opened it there
        if at is not None or reading.find(report) is None:
            explorer.go_to(report, at or next(report.measures()))
            return True
    if report is None:
        report = reading.last_read(explorer.reports)
    measure = reading.find(report) if report is not None else None
    if report is None or measure is None:
        return False
    explorer.go_to(report, measure)
    return True
