"""``zimao-tui figures``: every quantity in the report, as a table, JSON or CSV."""

from __future__ import annotations

import argparse
import csv
import sys
from typing import Any

from rich.table import Table
from rich.text import Text

from zimao_tui.cli.common import add_report_option, console, print_json, reports_from
from zimao_tui.document.inert import inert
from zimao_tui.document.report import Report
from zimao_tui.i18n import t
from zimao_tui.insights.figures import Figure, extract_figures, format_number

NAME = "figures"
HELP = "list every figure (money, counts, percentages, durations, areas, dates) with its measure"

FIELDS = (
    "report",
    "measure_id",
    "chapter",
    "raw",
    "value",
    "high",
    "unit",
    "kind",
    "approximate",
    "date",
    "start",
    "end",
)
"""JSON keys and CSV columns, in this order."""


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the subcommand and its options."""
    parser = sub.add_parser(NAME, help=HELP, description=HELP + ".")
    add_report_option(parser)
    fmt = parser.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print a JSON array of figure objects")
    fmt.add_argument("--csv", action="store_true", help="print CSV with a header row")
    parser.set_defaults(run=run)


def chapter_label(report: Report, measure_id: str) -> str:
    """The chapter a measure belongs to, as a reader cites it (``三、产业发展提质增效``)."""
    ancestors = report.ancestors(measure_id)
    return ancestors[0].label if ancestors else ""


def figure_json(report: Report, figure: Figure) -> dict[str, Any]:
    """One figure as the documented JSON object (``FIELDS``)."""
    return {
        "report": report.title,
        "measure_id": figure.measure_id,
        "chapter": chapter_label(report, figure.measure_id),
        "raw": figure.raw,
        "value": figure.value,
        "high": figure.high,
        "unit": figure.unit,
        "kind": figure.kind,
        "approximate": figure.approximate,
        "date": figure.iso_date,
        "start": figure.start,
        "end": figure.end,
    }


FORMULA_STARTS = ("=", "+", "-", "@")
"""A cell a spreadsheet would read as a formula (``=HYPERLINK(…)``, ``@SUM(…)``)."""


def csv_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: inert (see ``model.inert``), and a text that
    would start a formula gets a leading ``'`` (the usual guard, OWASP's "CSV injection").
    Numbers and booleans pass unchanged; the exact text is in ``--json``."""
    if not isinstance(value, str):
        return value
    value = inert(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


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
        writer = csv.DictWriter(sys.stdout, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
        return 0
    table = Table(title=t("cli.figures_title", n=len(rows)), title_justify="left")
    for name, justify in (("measure", "left"), ("raw", "left"), ("value", "right"), ("unit", "left")):
        table.add_column(t(f"cli.col_{name}"), justify=justify)  # type: ignore[arg-type]
    table.add_column(t("cli.col_kind"))
    table.add_column("≈", justify="center")
    table.add_column(t("cli.col_chapter"))
    for row in rows:
        value = row["date"] if row["kind"] == "date" else format_number(row["value"])
        if row["high"] is not None:
            value += f"–{format_number(row['high'])}"
        table.add_row(
            *(Text(inert(v)) for v in (row["measure_id"], row["raw"], value, row["unit"], row["kind"])),
            "≈" if row["approximate"] else "",
            Text(inert(row["chapter"])),
        )
    console().print(table)
    return 0
