"""``zimao-tui search``: ranked measures for a query, pretty (Rich) or JSON, one or many queries.

``--stdin`` reads one query per line and answers each in order, so scripts and the benchmark
pay the index load once instead of once per query.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rich.text import Text

from zimao_tui.cli.common import add_report_option, console, dumps, print_json, reports_from
from zimao_tui.model.inert import inert
from zimao_tui.model.search import Hit, Results, SearchIndex, build_index

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
    count = f"  {len(hits)} 条" if len(hits) == hits.total else f"  前 {len(hits)} 条，共 {hits.total} 条"
    out.print(Text.assemble(("» ", "dim"), (inert(query), "bold"), (count, "dim")))
    if not hits:
        out.print(Text("  （无结果）", style="dim"))
    for hit in hits:
        where = " › ".join(hit.path)
        if several_reports:
            where = f"{hit.report.title} › {where}"
        where = inert(where)
        out.print(
            Text.assemble(
                ("  ", ""),
                (inert(hit.measure.id), "bold cyan"),
                (f"  {where}", "dim"),
                (f"  {hit.score:g}", "green"),
            )
        )
        out.print(Text("    ") + highlighted(hit))


def _answer(index: SearchIndex, query: str, args: argparse.Namespace, one_line: bool) -> None:
    hits = index.search(query, args.limit)
    if args.json:
        rows = [hit_json(h) for h in hits]
        if one_line:
            sys.stdout.write(dumps(rows) + "\n")
        else:
            print_json(rows)
    else:
        _print_pretty(query, hits, len(index.reports) > 1)


def run(args: argparse.Namespace) -> int:
    """Search the reports for QUERY (or each line of stdin)."""
    if args.stdin == (args.query is not None):
        args.parser.error("give either QUERY or --stdin")
    if args.limit < 1:
        args.parser.error("--limit must be at least 1")
    index = build_index(reports_from(args))
    if args.stdin:
        for line in sys.stdin:
            _answer(index, line.strip(), args, one_line=True)
            sys.stdout.flush()
    else:
        _answer(index, args.query, args, one_line=False)
    return 0
