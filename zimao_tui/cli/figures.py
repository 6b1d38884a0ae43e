"""``zimao-tui figures``: every quantity in the report, as a table, JSON or CSV."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rich.table import Table
from rich.text import Text

from zimao_tui.cli.common import add_report_option, console, print_json, reports_from
from zimao_tui.document.inert import inert
from zimao_tui.i18n import t
from zimao_tui.insights.figure_export import figure_json, figures_csv, stance_of
from zimao_tui.insights.figures import display_value, extract_figures, hedge_mark, target_label

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


def run(args: argparse.Namespace) -> int:
    """Print the figures of each report."""
    reports = reports_from(args)
    found = [(r, f) for r in reports for f in extract_figures(r)]
    rows = [figure_json(r, f) for r, f in found]
    if args.json:
        print_json(rows)
        return 0
    if args.csv:
        sys.stdout.write(figures_csv(rows))
        return 0
    console().print(_table(rows, [display_value(f) for _, f in found]))
    return 0


HEADERS = ("measure", "raw", "value", "unit", "of", "kind", "approx", "target", "chapter")
"""Columns of the terminal table; their names and the kinds follow the interface language."""


def _table(rows: list[dict[str, Any]], values: list[str]) -> Table:
    """The terminal table; ``values`` as the figures screen shows them (``display_value``: a
    date whose year is unknown as written, ``6月``, never ISO's ``--06``)."""
    table = Table(title=t("cli.figures.count", count=len(rows)), title_justify="left")
    for name in HEADERS:
        table.add_column(t(f"figures.col.{name}"), justify="right" if name == "value" else "left")
    for row, value in zip(rows, values, strict=True):
        cells = (
            row["measure_id"],
            row["raw"],
            value,
            "" if row["kind"] == "date" else row["unit"],  # the kind says date; 日期 is no unit
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
