"""``zimao-tui bookmarks``: list, add, remove and export bookmarks from scripts.

The same store as the app (``bookmarks.toml`` in the data folder, lock → re-read → write),
so a script can run while the app is open. Measures are named by the id they have *now*
in the given reports (``--report``, default the bundled one); an orphaned bookmark, whose
measure is gone, is named by its ``uid`` (shown by ``list``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from typing import Any

from zimao_tui.cli.common import add_report_option, console, print_json, reports_from, warn
from zimao_tui.document.inert import inert
from zimao_tui.document.report import Measure, Report
from zimao_tui.i18n import Notice, t
from zimao_tui.insights.bookmark_export import markdown
from zimao_tui.store.bookmarks import BookmarkError, BookmarkStore, ResolvedBookmark

NAME = "bookmarks"
HELP = "list, add, remove or export bookmarks and their notes"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the subcommand, its actions and their options."""
    parser = sub.add_parser(NAME, help=HELP, description=HELP + ".")
    actions = parser.add_subparsers(title="actions", metavar="ACTION", dest="action", required=True)

    listing = actions.add_parser("list", help="every bookmark with its note, tags and status")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(run=run_list)

    add = actions.add_parser("add", help="bookmark a measure, or update its bookmark")
    add.add_argument("id", metavar="ID", help="the measure's id, e.g. 3.2.5")
    add.add_argument("--note", help="the note (replaces an existing note)")
    add.add_argument("--tag", action="append", default=[], help="a tag (repeatable; added to existing tags)")
    add.set_defaults(run=run_add)

    remove = actions.add_parser("remove", help="delete a bookmark")
    remove.add_argument("id", metavar="ID|UID", help="the measure's current id, or the bookmark's uid")
    remove.set_defaults(run=run_remove)

    export = actions.add_parser("export", help="every bookmark as Markdown quotes or JSON, for backup")
    export.add_argument("--format", choices=("md", "json"), default="md", help="output format (default md)")
    export.set_defaults(run=run_export)

    for action in (listing, add, remove, export):
        add_report_option(action)


def _open_store(*, listing: bool = False) -> BookmarkStore:
    """The store, with its load warnings (file moved aside, read-only) on stderr.

    A file that cannot be read is an error (exit 2, one line): for ``list`` and ``export``
    (``listing``) rather than an empty list a backup script would save in place of the
    user's notes, for ``add`` and ``remove`` because nothing can be changed.
    """
    store = BookmarkStore()
    if store.unreadable is not None:
        key = "error.bookmarks_unreadable" if listing else "error.bookmarks_unreadable_change"
        raise BookmarkError(Notice(key, error=store.unreadable, path=store.path))
    for warning in store.warnings:
        warn(warning)
    return store


def item_json(item: ResolvedBookmark) -> dict[str, Any]:
    """One bookmark as the documented JSON shape."""
    bm = item.bookmark
    measure, report = item.measure, item.report
    if measure is not None and report is not None:
        text = measure.text
        path = [h.label for h in report.ancestors(measure.id)]
    else:
        text, path = bm.text, list(bm.path)
    return {
        "id": measure.id if measure is not None else None,
        "uid": bm.uid,
        "status": item.status,
        "report_open": item.report_open,
        "report": {"title": bm.report_title, "date": bm.report_date},
        "text": text,
        "path": path,
        "note": bm.note,
        "tags": list(bm.tags),
        "saved_id": bm.measure_id,
        "saved_text": bm.text,
        "created": bm.created,
        "updated": bm.updated,
    }


def _find_measure(reports: list[Report], measure_id: str) -> tuple[Report, Measure]:
    found = [(r, n) for r in reports if isinstance(n := r.node(measure_id), Measure)]
    if not found:
        raise BookmarkError(Notice("cli.no_measure", id=measure_id))
    if len(found) > 1:
        raise BookmarkError(Notice("cli.measure_ambiguous", id=measure_id, n=len(found)))
    return found[0]


_STYLES = {"bold": "1", "dim": "2", "red": "31", "yellow": "33"}
"""The SGR codes ``list`` uses, the ones Rich writes for these styles."""


def _styler(styled: bool) -> Callable[[str, str], str]:
    """``paint(text, style)``: ``text`` in a style's SGR codes, or as it is when not ``styled``."""
    if not styled:
        return lambda text, style: text
    return lambda text, style: f"\x1b[{_STYLES[style]}m{text}\x1b[0m" if text else text


def _orphan_label(item: ResolvedBookmark, paint: Callable[[str, str], str]) -> str:
    """Why an orphan has no id: its report is simply not open (harmless, keep it), or its
    text is gone from the open report (失效). The two must read differently, or users
    delete good bookmarks; the same words as the app and ``export``."""
    if not item.report_open:
        return paint(t("bm.not_open"), "yellow")
    return paint(t("bm.orphaned"), "red")


def list_lines(items: list[ResolvedBookmark], styled: bool) -> Iterator[str]:
    """The human ``list``, line by line, every piece from the file or the report made inert.

    Written out directly rather than through Rich (10,000 bookmarks are ~40,000 lines: Rich's
    per-line layout took ~10 s of the 10.7 s ``list`` took); in a terminal the terminal wraps.
    """
    paint = _styler(styled)
    note_label, tags_label = t("cli.bm_note"), t("cli.bm_tags")
    for item in items:
        bm, measure, report = item.bookmark, item.measure, item.report
        if measure is not None and report is not None:
            where = paint(inert(measure.id), "bold")
            text, path = measure.text, [h.label for h in report.ancestors(measure.id)]
        else:
            saved = f" ({t('bm.saved_as', id=inert(bm.measure_id))})"
            where = _orphan_label(item, paint) + paint(saved, "dim")
            text, path = bm.text, list(bm.path)
        yield where + paint(f"  {inert(' › '.join(path))} · uid {inert(bm.uid)}", "dim") + "\n"
        yield f"  {inert(text)}\n"
        if bm.note:
            yield "  " + note_label + inert(bm.note).replace("\n", "\n        ") + "\n"
        if bm.tags:
            yield "  " + tags_label + inert(" ".join(f"#{tag}" for tag in bm.tags)) + "\n"


def run_list(args: argparse.Namespace) -> int:
    """Print every bookmark, resolved against the given reports."""
    items = _open_store(listing=True).resolved(reports_from(args, cached=True))
    if args.json:
        print_json([item_json(i) for i in items])
        return 0
    if not items:
        sys.stdout.write(inert(t("cli.bm_none")) + "\n")
        return 0
    styled = console().color_system is not None  # a terminal, FORCE_COLOR; not NO_COLOR, not a pipe
    out = sys.stdout
    batch: list[str] = []
    for line in list_lines(items, styled):
        batch.append(line)
        if len(batch) >= 4096:
            out.write("".join(batch))
            batch.clear()
    out.write("".join(batch))
    return 0


def _stored_text(value: str, option: str) -> str:
    """Command-line text that will be written to the bookmarks file, checked first.

    Python hands over bytes that are not UTF-8 (``--note $'bad\\xff'``, a file name in
    another encoding pasted into a note) as lone surrogates, which no UTF-8 file can hold:
    refuse them in one line naming the option rather than fail half-way through a save.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        shown = value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        raise BookmarkError(
            Notice("error.argument_not_utf8", option=option, offset=exc.start + 1, text=shown)
        ) from None
    return value


def run_add(args: argparse.Namespace) -> int:
    """Bookmark a measure, or set the note / add tags on its bookmark."""
    if args.note is not None:
        _stored_text(args.note, "--note")
    for tag in args.tag:
        _stored_text(tag, "--tag")
    report, measure = _find_measure(reports_from(args, cached=True), args.id)
    store = _open_store()
    bm = store.update(report, measure, args.note, None, add_tags=args.tag)  # merged under the lock
    print(inert(t("cli.bm_added", id=measure.id, uid=bm.uid)))
    return 0


def run_remove(args: argparse.Namespace) -> int:
    """Delete the bookmark on a measure (by its current id) or with a uid."""
    store = _open_store()
    items = store.resolved(reports_from(args, cached=True))
    matches = [i for i in items if i.measure is not None and i.measure.id == args.id]
    if not matches:
        matches = [i for i in items if i.bookmark.uid == args.id]
    if not matches:
        raise BookmarkError(Notice("cli.no_bookmark", id=args.id))
    if len(matches) > 1:
        raise BookmarkError(Notice("cli.bookmark_ambiguous", id=args.id, n=len(matches)))
    store.remove(matches[0].bookmark)
    print(inert(t("cli.bm_removed", id=args.id)))
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Every bookmark as Markdown (quotes with citations and notes) or JSON."""
    items = _open_store(listing=True).resolved(reports_from(args, cached=True))
    if args.format == "json":
        print_json([item_json(i) for i in items])
    else:
        sys.stdout.write(markdown(items))
    return 0
