"""Bookmarks as a Markdown file: each quote with its citation, then its note and tags.

One home for the export the ``bookmarks export`` command prints and the app's bookmark list
delivers (a file in the terminal, a download in the browser).
"""

from __future__ import annotations

from zimao_tui.document.inert import inert
from zimao_tui.i18n import t
from zimao_tui.insights.citation import cite
from zimao_tui.store.bookmarks import ResolvedBookmark


def citation(item: ResolvedBookmark) -> str:
    """The quote with its citation: from the report when resolved, else from what was saved."""
    if item.report is not None and item.measure is not None:
        return cite(item.report, item.measure)
    bm = item.bookmark
    return f"“{bm.text}”——《{bm.report_title}》{' › '.join(bm.path)}，{bm.report_date}"


def markdown(items: list[ResolvedBookmark]) -> str:
    """Each bookmark as a quote with its citation, then its note and tags; inert, since a
    Markdown file is read in a terminal too (the exact text is in ``--format json``)."""
    out = [f"# {t('cli.bm_export_title')}", ""]
    for item in items:
        quote = citation(item)
        out += ["> " + line for line in quote.splitlines()] or [">"]
        out.append("")
        if item.status == "orphaned":
            reason = t("bm.not_open") if not item.report_open else t("cli.bm_gone")
            out += [f"*({reason}: {t('cli.bm_saved_as', id=item.bookmark.measure_id)})*", ""]
        if item.bookmark.note:  # hard line breaks keep the note's own lines
            out += ["  \n".join(item.bookmark.note.splitlines()), ""]
        if item.bookmark.tags:
            out += [" ".join(f"#{tag}" for tag in item.bookmark.tags), ""]
        out += ["---", ""]
    return inert("\n".join(out))
