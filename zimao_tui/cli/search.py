"""``zimao-tui search``: ranked measures for a query, pretty (Rich) or JSON, one or many queries.

``--stdin`` reads one query per line and answers each in order, so scripts and the benchmark
pay the index load once instead of once per query.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from typing import IO, Any

from rich.text import Text

from zimao_tui.cli.common import (
    add_report_option,
    console,
    dumps,
    open_library,
    print_json,
    reports_from,
    warn,
)
from zimao_tui.document.errors import UserError
from zimao_tui.document.inert import inert
from zimao_tui.document.shorten import short_title
from zimao_tui.i18n import Notice, t
from zimao_tui.search.groups import group_by_report
from zimao_tui.search.query import MAX_QUERY_CHARS, MAX_TERM_CHARS, MAX_TERMS
from zimao_tui.search.search import Hit, Results, build_index

GROUP_TITLE_CHARS = 30
"""A group header's report title, at most (its start and its distinguishing end: short_title)."""

NAME = "search"
HELP = "find measures by Chinese words (typos, any order), pinyin or pinyin initials"
_SYNTAX = (
    "Query syntax: space = AND, 'a | b' = OR, 'word = exact, !word = exclude, ^word = at the start "
    "of a measure. Chinese, full pinyin (zhishichanquan) and initials (zscq) all work."
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the subcommand and its options."""
    parser = sub.add_parser(NAME, help=HELP, description=HELP + ". " + _SYNTAX)
    parser.add_argument(
        "query", nargs="?", metavar="QUERY", help="what to look for (quote it if it has spaces)"
    )
    add_report_option(parser)
    parser.add_argument(
        "--library",
        action="store_true",
        help="search every report in your library (see `add`) instead of --report",
    )
    parser.add_argument(
        "--limit", type=int, default=10, metavar="N", help="at most N hits per query (default 10)"
    )
    parser.add_argument("--json", action="store_true", help="print hits as JSON")
    parser.add_argument(
        "--stdin",
        action="store_true",
        help="read one query per line from stdin; with --json, print one JSON array per line",
    )
    parser.set_defaults(run=run, parser=parser)


def hit_json(hit: Hit) -> dict[str, Any]:
    """One hit in the documented JSON shape."""
    return {
        "id": hit.measure.id,
        "report": hit.report.origin,
        "path": list(hit.path),
        "text": hit.measure.text,
        "score": hit.score,
        "spans": [list(span) for span in hit.spans],
    }


def highlighted(hit: Hit) -> Text:
    """The measure's text, inert, with the matched characters highlighted (one character
    for one, so the spans into the exact text still fit)."""
    text = Text(inert(hit.measure.text))
    for start, end in hit.spans:
        text.stylize("bold reverse", start, end)
    return text


def _print_pretty(query: str, hits: Results, several_reports: bool) -> None:
    out = console()
    if len(hits) == hits.total:
        count = "  " + t("cli.search_count", n=len(hits))
    else:
        count = "  " + t("cli.search_count_capped", shown=len(hits), n=hits.total)
    out.print(Text.assemble(("» ", "dim"), (inert(query), "bold"), (count, "dim")))
    if not hits:
        out.print(Text("  " + t("cli.search_none"), style="dim"))
    # Over several reports, each report's hits under its title, said once (search/groups.py,
    # as the app's results list them), not the full title before every hit.
    groups = group_by_report(hits) if several_reports else [None]
    for group in groups:
        listed = hits if group is None else group.hits
        if group is not None:
            title = inert(short_title(group.report.title, GROUP_TITLE_CHARS))
            out.print(Text.assemble(("  ", ""), (f"《{title}》", "bold magenta")))
        indent = "  " if group is None else "    "
        for hit in listed:
            out.print(
                Text.assemble(
                    (indent, ""),
                    (inert(hit.measure.id), "bold cyan"),
                    (f"  {inert(' › '.join(hit.path))}", "dim"),
                    (f"  {hit.score:g}", "green"),
                )
            )
            out.print(Text(indent + "  ") + highlighted(hit))


Answer = Callable[[str], tuple[Results, bool]]
"""A query -> its hits, and whether they come from several reports (the title is then shown)."""


def _answer(answer: Answer, query: str, args: argparse.Namespace, one_line: bool) -> None:
    hits, several = answer(query)
    if hits.capped:
        shown = query if len(query) <= 40 else query[:40] + "…"
        warn(_capped_notice(shown))
    if args.json:
        rows = [hit_json(h) for h in hits]
        if one_line:
            sys.stdout.write(dumps(rows) + "\n")
        else:
            print_json(rows)
    else:
        _print_pretty(query, hits, several)


def _capped_notice(query: str) -> Notice:
    return Notice(
        "search.capped", chars=MAX_QUERY_CHARS, terms=MAX_TERMS, term_chars=MAX_TERM_CHARS, query=query
    )


MAX_LINE = 4096
"""Longest stdin line answered; longer ones get one message (queries are capped at 256 anyway)."""
MAX_SKIP = 16 * 1024 * 1024
"""A line still running after this many characters ends the input (``</dev/zero``)."""


def stdin_queries(stream: IO[str]) -> Iterator[tuple[int, str | None]]:
    """(line number, query) per line of ``stream``, reading at most MAX_LINE characters at a
    time: a too-long line yields None (skipped to its end, in bounded memory), and a line
    with no end in sight raises UserError, so ``</dev/zero`` stops instead of eating memory."""
    number = 0
    while True:
        line = stream.readline(MAX_LINE + 1)
        if not line:
            return
        number += 1
        if len(line) <= MAX_LINE or line.endswith("\n"):
            yield number, line.strip()
            continue
        skipped = len(line)
        while line and not line.endswith("\n"):
            if skipped > MAX_SKIP:
                raise UserError(Notice("search.line_endless", line=number, limit=MAX_SKIP))
            line = stream.readline(MAX_LINE)
            skipped += len(line)
        yield number, None


def _report_search(args: argparse.Namespace) -> Answer:
    """One index over the --report files (or the bundled report), built once for every query;
    from twenty files on, the library store's search over them (``cli/stored.py``)."""
    if args.report:
        from zimao_tui.cli.stored import stored_search

        stored = stored_search(args)
        if stored is not None:
            return stored
    notices: list[Notice] = []
    index = build_index(reports_from(args), notices=notices)
    for notice in notices:  # an unwritable cache: said once, and the search goes on
        warn(notice)
    several = len(index.reports) > 1
    return lambda query: (index.search(query, args.limit), several)


def _library_search(args: argparse.Namespace) -> Answer:
    """Per query, the library's best measures (``search/library_search.py``: SQL picks the
    few that can be best, the ordinary ranking ranks them)."""
    from zimao_tui.search.library_search import searcher

    if args.report:
        args.parser.error("give either --library or --report")
    library = open_library()
    present = sum(e.state == "present" for e in library.entries())
    if not present:
        raise UserError(Notice("library.empty"))
    found = searcher(library)
    return lambda query: (found.search(query, args.limit), present > 1)


def run(args: argparse.Namespace) -> int:
    """Search the reports for QUERY (or each line of stdin)."""
    if args.stdin == (args.query is not None):
        args.parser.error("give either QUERY or --stdin")
    if args.limit < 1:
        args.parser.error("--limit must be at least 1")
    answer = _library_search(args) if args.library else _report_search(args)
    if args.stdin:
        if hasattr(sys.stdin, "reconfigure"):
            sys.stdin.reconfigure(errors="replace")  # a stray byte is one odd query, not a crash
        for number, query in stdin_queries(sys.stdin):
            if query is None:
                warn(Notice("search.line_too_long", line=number, limit=MAX_LINE))
                if args.json:
                    sys.stdout.write("[]\n")  # still one answer per line, so scripts stay in step
            else:
                _answer(answer, query, args, one_line=True)
            sys.stdout.flush()
    else:
        _answer(answer, args.query, args, one_line=False)
    return 0
