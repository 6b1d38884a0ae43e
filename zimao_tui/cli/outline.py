"""``zimao-tui outline``: the report's tree, as Rich text or JSON."""

from __future__ import annotations

import argparse
from typing import Any

from rich.text import Text
from rich.tree import Tree

from zimao_tui.cli.common import add_report_option, console, print_json, reports_from
from zimao_tui.document.inert import inert
from zimao_tui.document.report import Heading, Measure, Node, Report
from zimao_tui.document.shorten import heading_preview
from zimao_tui.i18n import t

NAME = "outline"
HELP = "print the report's chapters, sections and measure counts"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the subcommand and its options."""
    parser = sub.add_parser(NAME, help=HELP, description=HELP + ".")
    add_report_option(parser)
    parser.add_argument(
        "--json", action="store_true", help="print the whole tree, measures included, as JSON"
    )
    parser.set_defaults(run=run)


def node_json(node: Node) -> dict[str, Any]:
    """One node as the documented JSON shape."""
    if isinstance(node, Measure):
        return {"id": node.id, "kind": "measure", "number": "", "text": node.text, "children": []}
    return {
        "id": node.id,
        "kind": node.kind,
        "number": node.number,
        "title": node.title,
        "children": [node_json(c) for c in node.children],
    }


META_FIELDS = ("title", "date", "date_source", "issuer", "doc_number", "source", "subtitle", "speaker")
"""The report's metadata in ``outline --json``, null where the document does not say."""


def report_meta(report: Report) -> dict[str, Any]:
    """A report's metadata (``META_FIELDS``), null where the document does not say."""
    return {name: getattr(report, name) or None for name in META_FIELDS}


def report_json(report: Report) -> dict[str, Any]:
    """A report's metadata, its tree and the lines taken out of it (with why) as JSON."""
    doc = report_meta(report)
    doc["encoding"] = report.encoding or None  # Word and PDF have none: unstated is null
    doc["format"] = report.format
    doc["children"] = [node_json(c) for c in report.children]
    doc["dropped"] = [{"line": line, "text": text, "reason": reason} for line, text, reason in report.dropped]
    return doc


def _add(tree: Tree, heading: Heading) -> None:
    count = sum(1 for _ in heading.measures())
    preview = heading_preview(heading)  # 第十二条 has no title: its first words, dimmed
    branch = tree.add(
        Text.assemble(
            (inert(heading.label), "bold"),
            (f" {inert(preview)}" if preview else "", "dim"),
            (f"  {heading.id} · {t('outline.count', n=count)}", "dim"),
        )
    )
    for child in heading.children:
        if isinstance(child, Heading):
            _add(branch, child)


def run(args: argparse.Namespace) -> int:
    """Print each report's outline."""
    reports = reports_from(args)
    if args.json:
        print_json(report_json(reports[0]) if len(reports) == 1 else [report_json(r) for r in reports])
        return 0
    out = console()
    for report in reports:
        total = sum(1 for _ in report.measures())
        meta = " · ".join(
            x
            for x in (
                report.date,
                report.source and t("outline.source", source=report.source),
                t("outline.measures", n=total),
            )
            if x
        )
        tree = Tree(Text.assemble((inert(report.title), "bold"), (f"  {inert(meta)}", "dim")))
        for chapter in report.children:
            _add(tree, chapter)
        out.print(tree)
    return 0
