"""``zimao-tui compare A B``: what changed from report A (older) to report B (newer).

Pretty output (a summary per chapter, then each change with its diff coloured), Markdown an
analyst pastes into a note (``--format md``), or the documented JSON (``--json``). The model
is :mod:`zimao_tui.insights.compare`; this module only prints it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text

from zimao_tui.cli.common import console, print_json
from zimao_tui.cli.outline import report_meta
from zimao_tui.document.errors import UserError
from zimao_tui.document.inert import inert
from zimao_tui.document.parse import load_reports
from zimao_tui.document.report import Measure, Report
from zimao_tui.i18n import Notice, t
from zimao_tui.insights.compare import STATUSES, Comparison, Pair, compare, status_label
from zimao_tui.insights.compare_export import markdown, same_figure
from zimao_tui.insights.diff import Chunk
from zimao_tui.insights.figure_export import figure_json
from zimao_tui.insights.figures import Figure

NAME = "compare"
HELP = "compare two reports (A older, B newer): measures same, changed, new or dropped"

STATUS_STYLE = {"same": "dim", "changed": "yellow", "new": "green", "dropped": "red"}
DIFF_STYLE = {"=": "", "-": "red strike", "+": "green underline"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the subcommand and its options."""
    parser = sub.add_parser(NAME, help=HELP, description=HELP + ".")
    parser.add_argument("a", type=Path, metavar="A", help="the older report (a file)")
    parser.add_argument("b", type=Path, metavar="B", help="the newer report (a file)")
    fmt = parser.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print the comparison as JSON")
    fmt.add_argument(
        "--format", choices=("pretty", "md", "json"), default="pretty", help="output format (default pretty)"
    )
    parser.add_argument(
        "--only",
        type=statuses,
        default=None,
        metavar="STATUS,…",
        help="list only these statuses: same, changed, new, dropped (comma-separated)",
    )
    parser.set_defaults(run=run)


def statuses(text: str) -> frozenset[str]:
    """``--only changed,new`` -> {"changed", "new"}; an unknown name is an argparse error."""
    names = frozenset(s.strip() for s in text.replace("，", ",").split(",") if s.strip())
    unknown = sorted(names - set(STATUSES))
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            t("compare.bad_only", names=", ".join(unknown) or repr(text), allowed=", ".join(STATUSES))
        )
    return names


def one_report(path: Path) -> Report:
    """The one report a path names; a folder of several is a user error."""
    reports = load_reports([path])
    if len(reports) != 1:
        raise UserError(Notice("compare.not_one", path=path, n=len(reports)))
    return reports[0]


def measure_json(measure: Measure | None) -> dict[str, str] | None:
    return None if measure is None else {"id": measure.id, "text": measure.text}


def pair_json(pair: Pair) -> dict[str, Any]:
    """One pair as documented: status, a, b, similarity, diff."""
    if pair.status == "same":
        assert pair.b is not None
        chunks: list[list[str]] = [["=", pair.b.text]]
    elif pair.status == "changed":
        chunks = [[op, text] for op, text in pair.diff]
    else:
        chunks = []
    return {
        "status": pair.status,
        "a": measure_json(pair.a),
        "b": measure_json(pair.b),
        "similarity": pair.similarity,
        "diff": chunks,
    }


def comparison_json(comparison: Comparison, only: frozenset[str] | None = None) -> dict[str, Any]:
    """The documented JSON object; ``only`` keeps the pairs of those statuses."""

    def fig(report: Report, figure: Figure | None) -> dict[str, Any] | None:
        return None if figure is None else figure_json(report, figure)

    a, b = comparison.a, comparison.b
    return {
        "a": report_meta(a),
        "b": report_meta(b),
        "pairs": [pair_json(p) for p in comparison.pairs if only is None or p.status in only],
        "terms": {"new": list(comparison.terms_new), "dropped": list(comparison.terms_dropped)},
        "figures": [{"a": fig(a, fa), "b": fig(b, fb)} for fa, fb in comparison.figures],
    }


PLAIN_MARKS = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
"""Without colours (piped, NO_COLOR) the diff is marked as wdiff and git's --word-diff=plain do."""


def diff_text(chunks: tuple[Chunk, ...], coloured: bool = True) -> Text:
    """The diff as one line: deletions struck through in red, insertions underlined in green;
    without colours, ``[-deleted-]{+inserted+}``."""
    if not coloured:
        return Text("".join(PLAIN_MARKS[op].format(inert(text)) for op, text in chunks))
    return Text.assemble(*((inert(text), DIFF_STYLE[op]) for op, text in chunks))


def pair_head(pair: Pair) -> Text:
    """``[changed] 2.3.4 → 2.5.1  0.72  moved``."""
    ids = " → ".join(m.id for m in (pair.a, pair.b) if m is not None)
    head = Text.assemble((f"[{status_label(pair.status)}]", STATUS_STYLE[pair.status]), f" {ids}")
    if pair.status == "changed":
        head.append(f"  {t('compare.similarity', value=pair.similarity)}", "dim")
    if pair.moved:
        head.append(f"  {t('compare.moved')}", "magenta")
    return head


def pair_body(pair: Pair, coloured: bool = True) -> Text:
    if pair.status == "changed":
        return diff_text(pair.diff, coloured)
    measure = pair.b or pair.a
    assert measure is not None
    return Text(inert(measure.text), STATUS_STYLE[pair.status] if pair.status == "dropped" else "")


def _summary(comparison: Comparison) -> Table:
    table = Table(title=t("compare.chapters"), title_justify="left")
    table.add_column(t("compare.chapter"))
    for status in STATUSES:
        table.add_column(status_label(status), justify="right", style=STATUS_STYLE[status])
    for chapter in comparison.chapters:
        label = Text(inert(chapter.label))
        if chapter.renamed:
            label.append(f"\n{t('compare.renamed_from', label=inert(chapter.label_a))}", "dim")
        table.add_row(label, *(str(chapter.counts[s]) for s in STATUSES))
    total = comparison.counts()
    table.add_row(Text(t("compare.total"), "bold"), *(str(total[s]) for s in STATUSES))
    return table


def _title(comparison: Comparison) -> Text:
    a, b = comparison.a, comparison.b
    return Text.assemble(
        (inert(a.title), "bold"),
        (f" ({a.date})" if a.date else "", "dim"),
        "  →  ",
        (inert(b.title), "bold"),
        (f" ({b.date})" if b.date else "", "dim"),
    )


def figure_line(fa: Figure | None, fb: Figure | None) -> Text:
    left = fa.raw if fa is not None else "—"
    right = fb.raw if fb is not None else "—"
    where = " → ".join(f.measure_id for f in (fa, fb) if f is not None)
    return Text.assemble((where, "dim"), "  ", (inert(left), "red"), " → ", (inert(right), "green"))


def print_pretty(comparison: Comparison, only: frozenset[str]) -> None:
    """The summary table, then every pair whose status is in ``only``, then terms and figures."""
    out = console()
    out.print(_title(comparison))
    out.print(_summary(comparison))
    for pair in comparison.pairs:
        if pair.status in only:
            out.print(pair_head(pair))
            out.print(Text("  ").append_text(pair_body(pair, out.color_system is not None)))
    for key, terms in (
        ("compare.terms_new", comparison.terms_new),
        ("compare.terms_dropped", comparison.terms_dropped),
    ):
        out.print(Text.assemble((t(key, n=len(terms)), "bold"), " ", inert("、".join(terms))))
    changed = [(fa, fb) for fa, fb in comparison.figures if not same_figure(fa, fb)]
    out.print(Text(t("compare.figures", n=len(changed)), "bold"))
    for fa, fb in changed:
        out.print(Text("  ").append_text(figure_line(fa, fb)))


def run(args: argparse.Namespace) -> int:
    """Compare A with B and print it in the format asked for."""
    comparison = compare(one_report(args.a), one_report(args.b))
    fmt = "json" if args.json else args.format
    if fmt == "json":
        print_json(comparison_json(comparison, args.only))
    elif fmt == "md":
        sys.stdout.write(markdown(comparison, args.only or frozenset(STATUSES)))
    else:
        print_pretty(comparison, args.only or frozenset(STATUSES) - {"same"})
    return 0
