"""``zimao-tui terms``: coined terms (“…”) and cited documents (《…》) with where they occur."""

from __future__ import annotations

import argparse
from typing import Any

from rich.table import Table
from rich.text import Text

from zimao_tui.cli.common import add_report_option, console, print_json, reports_from
from zimao_tui.document.inert import inert
from zimao_tui.i18n import t
from zimao_tui.insights.terms import Term, extract_terms

NAME = "terms"
HELP = "list coined terms (“…”) and cited documents (《…》) with their counts and measures"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the subcommand and its options."""
    parser = sub.add_parser(NAME, help=HELP, description=HELP + ".")
    add_report_option(parser)
    parser.add_argument(
        "--json", action="store_true", help='print [{"term", "kind", "count", "measure_ids"}] as JSON'
    )
    parser.set_defaults(run=run)


def term_json(term: Term) -> dict[str, Any]:
    """One term as the documented JSON object."""
    return {"term": term.term, "kind": term.kind, "count": term.count, "measure_ids": list(term.measure_ids)}


def run(args: argparse.Namespace) -> int:
    """Print each report's terms and documents (several reports: one list each in JSON)."""
    reports = reports_from(args)
    per_report = [extract_terms(r) for r in reports]
    if args.json:
        docs = [[term_json(term) for term in terms] for terms in per_report]
        print_json(docs[0] if len(docs) == 1 else docs)
        return 0
    out = console()
    for report, terms in zip(reports, per_report, strict=True):
        title = f"{inert(report.title)} · {t('cli.terms_title', n=len(terms))}"
        table = Table(title=Text(title), title_justify="left")
        table.add_column(t("cli.col_term"))
        table.add_column(t("cli.col_kind"))
        table.add_column(t("cli.col_count"), justify="right")
        table.add_column(t("cli.col_measure"))
        for term in terms:
            mark = f"“{term.term}”" if term.kind == "term" else f"《{term.term}》"
            kind = t("cli.term") if term.kind == "term" else t("cli.document")
            table.add_row(Text(inert(mark)), kind, str(term.count), Text(inert(" ".join(term.measure_ids))))
        out.print(table)
    return 0
