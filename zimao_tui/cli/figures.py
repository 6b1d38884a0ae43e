"""``zimao-tui figures``: every quantity in the report, as a table, JSON or CSV."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rich.table import Table
from rich.text import Text

from zimao_tui.cli.common import add_report_option, console, print_json, reports_from
from zimao_tui.document.inert import inert
from zimao_tui.document.report import Report
from zimao_tui.i18n import t
from zimao_tui.insights.figure_export import figure_json, figures_csv, stance_of
from zimao_tui.insights.figures import extract_figures, format_number, hedge_mark, target_label

NAME = "figures"
HELP = "list every figure (money, counts, percentages, amounts, durations, ages, dates) with its measure"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the subcommand and its options."""
    parser = sub.add_parser(NAME, help=HELP, description=HELP + ".")
    add_report_option(parser)
    fmt = parser.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print a JSON array of figure objects")
    fmt.add_argument("--csv", action="store_true", help="print CSV with a header row")
    parser.set_defaults(run=run)


def _rows(reports: list[Report]) -> list[dict[str, Any]]:
    return [figure_json(r, f) for r in reports for f in extract_figures(r)]


def run(args: argparse.Namespace) -> int:
    """Print the figures of each report."""
    reports = reports_from(args)
    rows = _rows(reports)
    if args.json:
        print_json(rows)
        return 0
    if args.csv:
        sys.stdout.write(figures_csv(rows))
        return 0
    console().print(_table(rows))
    return 0


HEADERS = ("measure", "raw", "value", "unit", "of", "kind", "approx", "target", "chapter")
"""Columns of the terminal table; their names and the kinds follow the interface language."""


def _table(rows: list[dict[str, Any]]) -> Table:
    table = Table(title=t("cli.figures.count", count=len(rows)), title_justify="left")
    for name in HEADERS:
        table.add_column(t(f"figures.col.{name}"), justify="right" if name == "value" else "left")
    for row in rows:
        if row["kind"] == "date":
            value = row["date"] + (f"–{row['date_high']}" if row["date_high"] else "")
        else:
            value = format_number(row["value"])
            value += f"–{format_number(row['high'])}" if row["high"] is not None else ""
        cells = (
            row["measure_id"],
            row["raw"],
            value,
            row["unit"],
            row["of"],
            t(f"figures.kind.{row['kind']}"),
        )
        table.add_row(
            *(Text(inert(v)) for v in cells),
            hedge_mark(row["approximate"], row["bound"]),
            target_label(stance_of(row["target"])),
            Text(inert(row["chapter"])),
        )
    return table
