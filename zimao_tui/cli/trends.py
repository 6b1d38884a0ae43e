"""``zimao-tui trends TERM… [--report DIR…]``: each term's count in each report, oldest first.

``--top N`` without terms lists the coined terms and documents whose use rose or fell most.
The counting and the date order are :mod:`zimao_tui.insights.trends`; this module prints them.
"""

from __future__ import annotations

import argparse
from typing import Any

from rich.text import Text

from zimao_tui.cli.common import add_report_option, console, print_json, reports_from
from zimao_tui.document.errors import UserError
from zimao_tui.document.inert import inert
from zimao_tui.i18n import Notice, t
from zimao_tui.insights.trends import Trend, bar, report_date, sparkline, top_terms, trends

NAME = "trends"
HELP = "count terms in each report, oldest first, with the first report that uses each"

BAR_WIDTH = 30
"""Cells of the longest bar in the pretty output."""


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the subcommand and its options."""
    parser = sub.add_parser(NAME, help=HELP, description=HELP + ".")
    parser.add_argument("terms", nargs="*", metavar="TERM", help="words or phrases to count")
    add_report_option(parser)
    parser.add_argument(
        "--top",
        type=int,
        metavar="N",
        default=None,
        help="without terms: the N coined terms and documents whose use changed most",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='print [{"term", "counts": [{"report", "date", "count"}], "first"}]',
    )
    parser.set_defaults(run=run)


def trend_json(trend: Trend) -> dict[str, Any]:
    """One term as documented."""
    first = trend.first
    return {
        "term": trend.term,
        "counts": [
            {"report": r.title, "date": report_date(r) or None, "count": n}
            for r, n in zip(trend.reports, trend.counts, strict=True)
        ],
        "first": first.title if first is not None else None,
    }


def print_pretty(found: list[Trend]) -> None:
    """Per term: the sparkline and the first report, then a bar per report."""
    out = console()
    for trend in found:
        first = trend.first
        out.print(
            Text.assemble(
                (inert(trend.term), "bold"),
                "  ",
                (sparkline(trend.counts), "cyan"),
                "  ",
                (t("trends.first", title=inert(first.title)) if first else t("trends.never"), "dim"),
            )
        )
        peak = max(trend.counts, default=0)
        for report, n in zip(trend.reports, trend.counts, strict=True):
            label = report_date(report) or "—"
            out.print(
                Text.assemble(
                    f"  {label:<10} ",
                    (f"{n:>5} ", "bold" if n else "dim"),
                    (bar(n, peak, BAR_WIDTH), "cyan"),
                    ("  " + inert(report.title), "dim"),
                )
            )


def run(args: argparse.Namespace) -> int:
    """Count the terms (or find the top ones) and print them."""
    if args.top is not None and args.top < 1:
        raise UserError(Notice("trends.bad_top", n=args.top))
    if not args.terms and args.top is None:
        raise UserError(Notice("trends.no_terms"))
    if args.terms and args.top is not None:
        raise UserError(Notice("trends.terms_and_top"))
    reports = reports_from(args, cached=True)
    found = trends(args.terms, reports) if args.terms else top_terms(reports, args.top)
    if args.json:
        print_json([trend_json(trend) for trend in found])
    else:
        print_pretty(found)
    return 0
