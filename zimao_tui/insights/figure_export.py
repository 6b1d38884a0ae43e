"""Figures as rows for scripts and spreadsheets: the JSON objects of ``figures --json`` and
the CSV of ``figures --csv`` and of the figures screen's export (``x``), in one place.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from zimao_tui.document.inert import inert
from zimao_tui.document.report import Report
from zimao_tui.insights.figures import Figure, date_number

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
    "bound",
    "of",
    "target",
    "date_high",
)
"""JSON keys and CSV columns, in this order. Issue 14 added the last four after the old ones,
so scripts reading the old fields by name or by position keep working."""


def chapter_label(report: Report, measure_id: str) -> str:
    """The chapter a measure belongs to, as a reader cites it (``三、产业发展提质增效``)."""
    ancestors = report.ancestors(measure_id)
    return ancestors[0].label if ancestors else ""


TARGET_VALUES = {True: "target", False: "result", None: ""}
"""``target`` is one type, a string: ``"target"`` (a goal), ``"result"`` (done), ``""`` (the
text does not say). A nullable boolean read as two types (false and null) in every script that
tested it, and 1/0/empty in CSV meant nothing without the README."""


def stance_of(value: str) -> bool | None:
    """The figure's ``target`` back from its exported word (for tables built from rows)."""
    return {v: k for k, v in TARGET_VALUES.items()}.get(value)


def figure_json(report: Report, figure: Figure) -> dict[str, Any]:
    """One figure as the documented JSON object (``FIELDS``); a date's ``value`` and ``high``
    are numbers of the precision written (2022, 202102, 20240926), see ``date_number``."""
    dated = figure.kind == "date"
    return {
        "report": report.title,
        "measure_id": figure.measure_id,
        "chapter": chapter_label(report, figure.measure_id),
        "raw": figure.raw,
        "value": date_number(figure.value) if dated else figure.value,
        "high": date_number(figure.high) if dated else figure.high,
        "unit": figure.unit,
        "kind": figure.kind,
        "approximate": figure.approximate,
        "date": figure.iso_date,
        "start": figure.start,
        "end": figure.end,
        "bound": figure.bound,
        "of": figure.of,
        "target": TARGET_VALUES[figure.target],
        "date_high": figure.iso_high,
    }


FORMULA_STARTS = ("=", "+", "-", "@")
"""A cell a spreadsheet would read as a formula (``=HYPERLINK(…)``, ``@SUM(…)``)."""


def csv_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: inert (see ``model.inert``), and a text that
    would start a formula gets a leading ``'`` (the usual guard, OWASP's "CSV injection").
    Numbers pass unchanged; the exact text is in ``--json``.

    Booleans are ``1``/``0`` (None is empty): a spreadsheet reads them as numbers in every
    locale, so a user can filter, sum or count approximate figures at once, and the file means
    the same whatever the interface language (``True``/``False`` is Python's spelling, and
    是/否 would have to be translated back before any formula could use it)."""
    if isinstance(value, bool):
        return int(value)
    if not isinstance(value, str):
        return value
    value = inert(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def figures_csv(rows: Iterable[dict[str, Any]]) -> str:
    """CSV text with a header row (``FIELDS``), every cell made safe by :func:`csv_cell`."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
    return out.getvalue()
