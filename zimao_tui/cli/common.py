"""Helpers every subcommand shares: naming reports, printing JSON, the console."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console

from zimao_tui.i18n import Notice
from zimao_tui.model.parse import load_reports
from zimao_tui.model.report import Report
from zimao_tui.paths import bundled_report


def add_report_option(parser: argparse.ArgumentParser) -> None:
    """``--report PATH`` (repeatable, file or folder), the same in every subcommand."""
    parser.add_argument(
        "--report",
        metavar="PATH",
        action="append",
        type=Path,
        help="a report file or a folder of reports (repeatable; default: the bundled report)",
    )


def reports_from(args: argparse.Namespace) -> list[Report]:
    """The reports a command was asked for; raises ReportError on bad input.

    A bad file inside a folder is left out with one line on stderr saying why."""
    skipped: list[Notice] = []
    reports = load_reports(args.report or [bundled_report()], skipped=skipped)
    for notice in skipped:
        print(f"zimao-tui: {notice}", file=sys.stderr)
    return reports


def print_json(value: Any) -> None:
    """JSON on stdout, UTF-8 and unescaped so Chinese stays readable in pipes."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def console() -> Console:
    """The Rich console for human-readable output.

    Piped into grep or a script, lines are not hard-wrapped at 80 columns (a measure stays on
    one line, and no continuation line starts with a comma); in a terminal Rich wraps as usual.
    """
    return Console(highlight=False, soft_wrap=not sys.stdout.isatty())
