"""The explorer's copy keys (``c``, ``C``, ``y``, ctrl+c): what each one copies.

Split out of ``ExplorerScreen`` (issue 12): its one ``copy`` action names what to copy, and
:func:`copy_current` finds that text in what the screen shows and hands it to the app's one
copy path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.actions import SkipAction

from zimao_tui.document.report import Heading, Measure, Report
from zimao_tui.i18n import t

if TYPE_CHECKING:
    from zimao_tui.ui.screens.explorer import ExplorerScreen


def copy_current(screen: ExplorerScreen, what: str) -> None:
    """Copy ``what`` (measure, citation, section or selection) of what ``screen`` shows."""
    app = screen.zimao
    if what == "selection":
        text = app.screen.get_selected_text()  # the reading view copies through here too
        if not text:
            raise SkipAction()  # nothing selected: ctrl+c goes on to Textual's own binding
        app.copy(text, t("copy.selection"))
    elif what == "section":
        from zimao_tui.insights.citation import section_text

        entry = screen.detail.entry
        if entry is None or entry.node is None:
            screen.notify(t("notify.no_section"), severity="warning", timeout=3)
            return
        heading = entry.node
        if isinstance(heading, Measure):
            heading = entry.report.ancestors(heading.id)[-1]
        app.copy(section_text(entry.report, heading), t("copy.section"))
    elif what in ("citation", "measure") and (article := _article(screen)) is not None:
        from zimao_tui.insights.citation import article_text, cite_article

        report, heading = article
        if what == "citation":
            app.copy(cite_article(report, heading, app.config.citation_template), t("copy.citation"))
        else:
            app.copy(article_text(heading), t("copy.measure"))
    elif (current := screen.current_measure()) is not None:
        if what == "citation":
            from zimao_tui.insights.citation import cite

            app.copy(cite(*current, app.config.citation_template), t("copy.citation"))
        else:
            app.copy(current[1].text, t("copy.measure"))


def _article(screen: ExplorerScreen) -> tuple[Report, Heading] | None:
    """The law's article under the cursor (第十二条 has no title: c and C take its whole text)."""
    entry = screen.detail.entry
    if entry is None or not isinstance(entry.node, Heading) or entry.node.kind != "article":
        return None
    return entry.report, entry.node
