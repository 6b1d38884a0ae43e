"""The trends view: how often terms occur in each open report, oldest first, as a bar chart.

Top, a field for the terms (space-separated; empty: the coined terms whose use changed most);
left, each term with its sparkline; right, the highlighted term's chart: one hand-drawn bar
per report with its date and count, and the first report that uses it. Bars of block
characters read better at 80x24 than a plotted line (a chart library's axes and ticks take
half of 80 columns), and need no new dependency. The counting is ``insights/trends.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from zimao_tui.document.inert import inert
from zimao_tui.document.report import Measure, Report
from zimao_tui.i18n import t
from zimao_tui.insights.trends import Trend, bar, report_date, sparkline, top_terms, trends
from zimao_tui.ui.text.inert import InertInput, inert_content
from zimao_tui.ui.text.snippets import excerpt

TOP = 12
"""Terms listed when the field is empty."""
TITLE = 16
"""Characters of a report's title under its bar: one line of the right pane at 80 columns."""
BAR_WIDTH = 24
"""Cells of the longest bar: with a 10-cell date and a 5-cell count it fits the right pane at 80 columns."""


def chart(trend: Trend) -> Text:
    """The highlighted term's chart: a bar per report, then where it first occurs."""
    peak = max(trend.counts, default=0)
    out = Text.assemble((inert(trend.term), "bold"), "  ", (sparkline(trend.counts), "cyan"), "\n")
    for report, n in zip(trend.reports, trend.counts, strict=True):
        out.append(f"\n{report_date(report) or '—':<10} ", "dim")
        out.append(f"{n:>4} ", "bold" if n else "dim")
        out.append(bar(n, peak, BAR_WIDTH), "cyan")
        out.append(f"\n           {inert(excerpt(report.title, TITLE))}", "dim")
    first = trend.first
    out.append(
        "\n\n" + (t("trends.first", title=inert(first.title)) if first else t("trends.never")), "italic"
    )
    return out


class TrendsScreen(Screen[tuple[Report, Measure] | None]):
    """Terms across the open reports; Esc closes (with None: the explorer's list-screen type)."""

    CSS_PATH = "compare.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", t("key.back"), id="zimao.trends_close"),
        Binding("slash", "terms", t("key.trends.input"), id="zimao.trends_input"),
    ]

    def __init__(self, reports: Sequence[Report]) -> None:
        super().__init__()
        self.reports = list(reports)
        self.found: list[Trend] = []

    def compose(self) -> ComposeResult:
        yield Static(id="trd-title")
        yield InertInput(placeholder=t("trends.input"), id="trd-input")
        with Horizontal(id="trd-body"):
            yield OptionList(id="trd-terms")
            yield Static(id="trd-chart")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#trd-title", Static).update(
            Content.assemble(
                (t("trends.title"), "bold $primary"),
                "  ",
                (t("trends.reports", n=len(self.reports)), "$text-muted"),
            )
        )
        self.show_terms("")
        self.terms_list.focus()

    @property
    def terms_list(self) -> OptionList:
        return self.query_one("#trd-terms", OptionList)

    def show_terms(self, typed: str) -> None:
        """Count the typed terms (or list the top ones) and chart the first."""
        terms = typed.split()
        self.found = trends(terms, self.reports) if terms else top_terms(self.reports, TOP)
        options = [
            Option(
                inert_content(
                    Content.assemble((trend.term, "bold"), "  ", (sparkline(trend.counts), "cyan"))
                ),
                id=str(n),
            )
            for n, trend in enumerate(self.found)
        ]
        self.terms_list.set_options(options)
        self.terms_list.highlighted = 0 if options else None
        self._chart(self.found[0] if self.found else None)

    def _chart(self, trend: Trend | None) -> None:
        pane = self.query_one("#trd-chart", Static)
        if trend is None:
            pane.update(Content.styled(t("trends.none"), "dim"))
        else:
            pane.update(inert_content(Content.from_rich_text(chart(trend))))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self._chart(self.found[int(event.option.id)])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.show_terms(event.value)
        self.terms_list.focus()

    def action_terms(self) -> None:
        self.query_one("#trd-input", Input).focus()

    def action_close(self) -> None:
        self.dismiss(None)
