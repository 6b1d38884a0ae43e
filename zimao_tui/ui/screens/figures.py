"""The figures screen: every quantity of the open reports in a sortable, filterable table.

A reader asks "how much money, how many firms, how many days": this answers it without
reading 126 measures. Rows are rebuilt from the model on every sort or filter (a report has
dozens of figures, not thousands), so sorting is by real values, not by the cell text.
A small chart under the table shows, per chapter, the number of figures and the largest sum
of money in 元 as the report words it, following the filter. It never adds amounts together:
an industry's size, an investment and an output are not one quantity (issue 15); with several reports open, each report's chapters come under its 《title》, as in the
tree (two reports both have a chapter "一、…"). Enter jumps to the measure (the screen's
result); Esc returns None.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Input, Static

from zimao_tui.document.inert import inert
from zimao_tui.document.report import Heading, Measure, Report
from zimao_tui.document.shorten import shorten
from zimao_tui.i18n import t
from zimao_tui.insights.figures import (
    KINDS,
    Figure,
    display_value,
    extract_figures,
    format_amount,
    hedge_mark,
    target_label,
)
from zimao_tui.ui.focus_now import focus_now
from zimao_tui.ui.text.inert import InertInput, inert_text
from zimao_tui.ui.text.snippets import marked_excerpt

REPORT_CHARS = 6
"""Characters of a report's title in the table: enough to tell reports apart, not a third of
the width at 80 columns (the full title is in the chart below and in the tree)."""

EXCERPT = 8
"""Characters of context on each side of a figure in the excerpt column."""
COLUMNS = ("raw", "value", "unit", "approx", "kind", "target", "of", "measure", "chapter", "excerpt")
"""Column order: what the figure is first (its words, value, unit, hedge, kind, target or
result), then what it counts and where it is. The short columns (≈, kind, target) come before
the counted noun, whose ten characters would push them off an 80-column screen."""
WIDTHS = {"raw": 14, "of": 12}
"""Cells at most for the columns whose text can be long (``2020年到2025年``, a counted noun of
ten characters): at 80 columns every column up to the counted noun stays on screen. The full
text is in the excerpt and the chart."""


@dataclass(frozen=True)
class Row:
    """One figure with what the table needs to show, filter and sort it."""

    report: Report
    measure: Measure
    chapter: Heading | None
    figure: Figure
    order: int

    @property
    def kind_label(self) -> str:
        return t(f"figures.kind.{self.figure.kind}")

    def haystack(self) -> str:
        """What the filter searches: kind (both languages), unit, counted noun, chapter, raw text,
        id, and the marks (≈ ≤ ≥, 目标/实绩)."""
        f = self.figure
        chapter = self.chapter.label if self.chapter else ""
        marks = (hedge_mark(f.approximate, f.bound), "≈" * f.approximate, target_label(f.target))
        return " ".join((f.kind, self.kind_label, f.unit, f.of, chapter, f.raw, f.measure_id, *marks))


def figure_rows(reports: Sequence[Report]) -> list[Row]:
    """Every figure of every report, in report order."""
    rows: list[Row] = []
    for report in reports:
        for figure in extract_figures(report):
            measure = report.node(figure.measure_id)
            assert isinstance(measure, Measure), figure.measure_id
            ancestors = report.ancestors(figure.measure_id)
            rows.append(Row(report, measure, ancestors[0] if ancestors else None, figure, len(rows)))
    return rows


SORT_KEYS: dict[str, Callable[[Row], Any]] = {
    "raw": lambda r: r.figure.raw,
    "value": lambda r: (KINDS.index(r.figure.kind), r.figure.unit, r.figure.value),
    "unit": lambda r: (r.figure.unit, r.figure.value),
    "kind": lambda r: (KINDS.index(r.figure.kind), r.figure.value),
    "approx": lambda r: (not r.figure.approximate, r.figure.bound or "", r.order),
    "of": lambda r: (r.figure.of == "", r.figure.of, r.order),
    "target": lambda r: ({True: 0, False: 1, None: 2}[r.figure.target], r.order),
    "chapter": lambda r: r.order,
    "measure": lambda r: r.order,
    "excerpt": lambda r: r.order,
}
"""How each column sorts. Values sort within kind and unit: 3 天 and 3 家 are not comparable."""


def filter_rows(rows: Sequence[Row], query: str) -> list[Row]:
    """Rows whose haystack contains every space-separated word of ``query`` (case-insensitive)."""
    words = query.lower().split()
    return [r for r in rows if all(w in r.haystack().lower() for w in words)]


_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: float, top: float, width: int) -> str:
    """A horizontal bar of block characters, ``width`` cells for ``top``, eighth-cell precise."""
    if top <= 0 or value <= 0 or width <= 0:
        return ""
    eighths = max(1, round(value / top * width * 8))
    return "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")


def _fit(text: str, cells: int) -> str:
    """Cut ``text`` to ``cells`` terminal cells (CJK is two), padded to exactly that width."""
    out = ""
    for ch in text:
        if cell_len(out + ch) > cells:
            break
        out += ch
    return out + " " * (cells - cell_len(out))


def _rjust(text: str, cells: int) -> str:
    """Right-align ``text`` in ``cells`` terminal cells (万亿 is four cells, not two)."""
    return " " * max(0, cells - cell_len(text)) + text


@dataclass
class _Chapter:
    """One line of the chart: a chapter, its number of figures and its largest sum in 元."""

    report: Report
    label: str
    count: int = 0
    largest: Figure | None = None


def _chapters(rows: Sequence[Row]) -> list[_Chapter]:
    """Chapters in report order (whatever the sort), each with its count and largest sum."""
    chapters: dict[tuple[int, str], _Chapter] = {}
    for row in sorted(rows, key=lambda r: r.order):
        if row.chapter is None:
            continue
        key = (id(row.report), row.chapter.id)
        line = chapters.setdefault(key, _Chapter(row.report, row.chapter.label))
        line.count += 1
        f = row.figure
        if f.kind == "money" and f.unit == "元" and (line.largest is None or f.value > line.largest.value):
            line.largest = f
    return list(chapters.values())


def chart(rows: Sequence[Row], width: int, with_reports: bool = False) -> Content:
    """Number of figures per chapter as bars, and the chapter's largest sum in 元 with its words.

    ``with_reports`` (several reports open): a 《title》 line before each report's chapters,
    even when the filter leaves one report, since the chapter labels alone do not say which.
    """
    chapters = _chapters(rows)
    if not chapters:
        return Content("")
    label_w = 14 if width < 96 else 24
    largest_w = 18 if width < 96 else 30
    count_w = max(6, width - label_w - 1 - 4 - 2 - largest_w)
    top_count = max(c.count for c in chapters)
    head = Content.assemble(
        " " * (label_w + 1),
        (_fit(t("figures.chart.count"), count_w + 4), "bold $secondary"),
        "  ",
        (t("figures.chart.largest"), "bold $secondary"),
    )
    lines = [head]
    shown_report: Report | None = None
    for line in chapters:
        if with_reports and line.report is not shown_report:
            lines.append(
                Content.styled(_fit(f"《{inert(line.report.title)}》", width).rstrip(), "bold $secondary")
            )
            shown_report = line.report
        largest = line.largest
        lines.append(
            Content.assemble(
                (_fit(inert(line.label), label_w), "$text-muted"),
                " ",
                (_fit(bar(line.count, top_count, count_w), count_w), "$primary"),
                f" {line.count:>3}",
                "  ",
                (_fit(inert(_largest_text(largest)), largest_w).rstrip(), "$accent"),
            )
        )
    return Content("\n").join(lines)


def _largest_text(figure: Figure | None) -> str:
    """``1.225亿 (1.225亿元)``: the amount in one scale, then the words the report used."""
    if figure is None:
        return "–"
    amount = format_amount(figure.value)
    return amount if amount == figure.raw else f"{amount} ({figure.raw})"


class FigureChart(Widget):
    """The per-chapter bar chart; redrawn at the widget's own width.

    ``with_reports``: name each report above its chapters (several reports are open).
    """

    DEFAULT_CSS = """
    FigureChart { height: auto; }
    """

    def __init__(self, rows: Sequence[Row], with_reports: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rows = list(rows)
        self.with_reports = with_reports

    def show(self, rows: Sequence[Row]) -> None:
        self.rows = list(rows)
        self.refresh(layout=True)

    def render(self) -> Content:
        return chart(self.rows, self.size.width or 80, self.with_reports)

    def get_content_height(self, container: Any, viewport: Any, width: int) -> int:
        return chart(self.rows, width, self.with_reports).plain.count("\n") + 1


class FiguresScreen(Screen[tuple[Report, Measure] | None]):
    """All figures; Enter returns ``(report, measure)`` of the highlighted row, Esc None."""

    CSS_PATH = "insights.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", t("key.back"), id="zimao.figures_close"),
        Binding("s", "next_sort", t("key.figures.sort"), id="zimao.figures_sort"),
        Binding("r", "reverse", t("key.figures.reverse"), id="zimao.figures_reverse"),
        Binding("slash,f", "filter", t("key.figures.filter"), id="zimao.figures_filter", priority=True),
        Binding(
            "x", "export", t("key.figures.export"), id="zimao.figures_export", show=False
        ),  # in ? help: 80 columns are full
    ]

    def __init__(self, reports: Sequence[Report]) -> None:
        super().__init__()
        self.reports = list(reports)
        self.rows = figure_rows(self.reports)
        self.shown: list[Row] = list(self.rows)
        self.sort_column = "measure"
        self.reverse = False

    def compose(self) -> ComposeResult:
        with Vertical(id="fig-box"):
            yield Static(id="fig-title")
            yield FilterInput(placeholder=t("figures.filter"), id="fig-filter")
            yield FigureTable(id="fig-table", cursor_type="row", zebra_stripes=True)
            yield FigureChart(self.rows, with_reports=len(self.reports) > 1, id="fig-chart")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#fig-table", DataTable)
        if len(self.reports) > 1:
            table.add_column(t("figures.col.report"), key="report")
        for column in COLUMNS:
            table.add_column(t(f"figures.col.{column}"), key=column, width=WIDTHS.get(column))
        self._refill()
        table.focus()

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one("#fig-table", DataTable)

    def _refill(self) -> None:
        """Filter, sort and redraw the table, the title and the chart; keeps the cursor's figure."""
        table = self.table
        current = self.current_row()
        query = self.query_one("#fig-filter", Input).value
        shown = filter_rows(self.rows, query)
        shown.sort(key=SORT_KEYS[self.sort_column], reverse=self.reverse)
        self.shown = shown
        table.clear()
        for row in shown:
            cells: list[Text] = [
                Text(row.figure.raw),
                Text(display_value(row.figure), style="bold"),
                Text("" if row.figure.kind == "date" else row.figure.unit),  # the kind says 日期 already
                Text(hedge_mark(row.figure.approximate, row.figure.bound)),
                Text(row.kind_label),
                Text(target_label(row.figure.target)),
                Text(row.figure.of),
                Text(row.figure.measure_id),
                Text(row.chapter.label if row.chapter else ""),
                marked_excerpt(row.measure.text, row.figure.start, row.figure.end, EXCERPT),
            ]
            if len(self.reports) > 1:
                cells.insert(0, Text(shorten(row.report.title, REPORT_CHARS)))
            table.add_row(*map(inert_text, cells), key=str(row.order))
        if current is not None and current in shown:
            table.move_cursor(row=shown.index(current), animate=False)
        arrow = " ↓" if self.reverse else " ↑"
        self.query_one("#fig-title", Static).update(
            Content.assemble(
                (t("figures.title"), "bold $primary"),
                "  ",
                (t("figures.count", shown=len(shown), total=len(self.rows)), "$text-muted"),
                "  ",
                (
                    t("figures.sorted", column=t(f"figures.col.{self.sort_column}"), arrow=arrow),
                    "$text-muted",
                ),
            )
        )
        self.query_one(FigureChart).show(shown)

    def current_row(self) -> Row | None:
        """The row under the table's cursor, if any."""
        table = self.table
        if not self.shown or table.cursor_row < 0 or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def sort_by(self, column: str, reverse: bool | None = None) -> None:
        """Sort by a column; the same column again flips the order."""
        if reverse is None:
            reverse = not self.reverse if column == self.sort_column else False
        self.sort_column, self.reverse = column, reverse
        self._refill()
        self.table.move_cursor(row=0, animate=False)  # a new order is read from its top

    def on_input_changed(self, event: Input.Changed) -> None:
        self._refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter jumps to the highlighted row, as Enter in the search bar does;
        Down goes to the table to pick another."""
        row = self.current_row()
        if row is not None:
            self.dismiss((row.report, row.measure))

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        if event.column_key.value in SORT_KEYS:
            self.sort_by(str(event.column_key.value))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        row = self.current_row()
        if row is not None:
            self.dismiss((row.report, row.measure))

    def action_next_sort(self) -> None:
        columns = [c for c in COLUMNS if c not in ("chapter", "excerpt")]
        position = columns.index(self.sort_column) if self.sort_column in columns else -1
        self.sort_by(columns[(position + 1) % len(columns)], reverse=False)

    def action_reverse(self) -> None:
        self.sort_by(self.sort_column, reverse=not self.reverse)

    def action_filter(self) -> None:
        focus_now(self, self.query_one("#fig-filter", Input))  # before the keys behind it

    def action_export(self) -> None:
        """The figures shown (filtered and sorted as on screen) as CSV: a file in the downloads
        folder, or a browser download when served."""
        from zimao_tui.insights.figure_export import figure_json, figures_csv
        from zimao_tui.ui.export import export_text

        rows = [figure_json(row.report, row.figure) for row in self.shown]
        export_text(self.app, figures_csv(rows), "zimao-figures.csv", "figures")

    def action_close(self) -> None:
        self.dismiss(None)


class FigureTable(DataTable[Any]):
    """The figures table with vim's and less's ends: ``g``/Home the first row, ``G``/End the last."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("g,home", "edge_row(0)", t("key.top"), id="zimao.figures_top", show=False),
        Binding("G,end", "edge_row(-1)", t("key.bottom"), id="zimao.figures_bottom", show=False),
        Binding("j", "cursor_down", t("key.down"), id="zimao.figures_down", show=False),
        Binding("k", "cursor_up", t("key.up"), id="zimao.figures_up", show=False),
    ]

    def action_edge_row(self, end: int) -> None:
        """The first row (``end`` 0) or the last (-1)."""
        if self.row_count:
            self.move_cursor(row=0 if end == 0 else self.row_count - 1, animate=False)


class FilterInput(InertInput):
    """The filter box: Down hands the keys to the table, Enter jumps to its highlighted row."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "to_table", t("key.figures.table"), id="zimao.figures_to_table", show=False),
    ]

    def action_to_table(self) -> None:
        self.screen.query_one(DataTable).focus()
