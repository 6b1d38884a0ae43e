"""The compare screen: two reports' measures paired, what changed, and where.

Left, the pairs in reading order under their chapters (B's names; a renamed chapter shows
both), each marked ``=`` same, ``~`` changed, ``+`` new, ``-`` dropped; right, the highlighted
pair: both texts, the diff coloured, the figures side by side. ``s`` filters by status,
``n``/``N`` step between changes, Tab chooses the side (A older, B newer) that Enter (jump),
``c``/``C`` (copy, cite) and ``b`` (bookmark) act on. The model is ``insights/compare.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from zimao_tui.document.inert import inert
from zimao_tui.document.report import Measure, Report
from zimao_tui.i18n import t
from zimao_tui.insights.compare import STATUSES, Comparison, Pair, status_label
from zimao_tui.ui.text.inert import inert_content
from zimao_tui.ui.text.linebreak import Kinsoku
from zimao_tui.ui.text.snippets import excerpt
from zimao_tui.ui.typed_app import zimao_app

MARK = {"same": ("=", "dim"), "changed": ("~", "yellow"), "new": ("+", "green"), "dropped": ("-", "red")}
DIFF_STYLE = {"=": "", "-": "red strike", "+": "green underline"}
FILTERS: tuple[tuple[str, ...] | None, ...] = (
    None,
    ("changed", "new", "dropped"),
    ("changed",),
    ("new",),
    ("dropped",),
    ("same",),
)
"""What ``s`` cycles through: everything, every change, then each status alone."""
PREVIEW = 40
"""Characters of a measure in its list row; the row is one line, cut with … to the pane's width."""


def side_label(side: str) -> str:
    """``A（旧）`` or ``B（新）``."""
    return t("compare.side_a") if side == "a" else t("compare.side_b")


def pair_line(pair: Pair) -> Text:
    """A list row: mark, ids, and the start of the newer text (the older if dropped)."""
    mark, style = MARK[pair.status]
    measure = pair.b or pair.a
    assert measure is not None
    ids = " → ".join(m.id for m in (pair.a, pair.b) if m is not None)
    line = Text.assemble((f"{mark} ", f"bold {style}"), (ids, "dim"))
    if pair.moved:
        line.append(" ↷", "magenta")
    return line.append(f" {inert(excerpt(measure.text, PREVIEW))}", "dim" if pair.status == "same" else "")


def pair_detail(comparison: Comparison, pair: Pair, side: str) -> Text:
    """The detail pane: status, A and B (the chosen side marked), the diff, the figures."""
    out = Text()
    mark, style = MARK[pair.status]
    out.append(f"{mark} {status_label(pair.status)}", f"bold {style}")
    if pair.status == "changed":
        out.append(f"  {t('compare.similarity', value=pair.similarity)}", "dim")
    if pair.moved:
        out.append(f"  {t('compare.moved')}", "magenta")
    for name, report, measure in (("a", comparison.a, pair.a), ("b", comparison.b, pair.b)):
        chosen = "▶ " if side == name else "  "
        out.append(f"\n\n{chosen}{side_label(name)} ", "bold" if side == name else "dim")
        out.append(inert(report.title), "dim")
        if measure is None:
            out.append("\n—", "dim")
        else:
            out.append(f"  {measure.id}\n", "dim").append(inert(measure.text))
    if pair.status == "changed":
        out.append(f"\n\n{t('compare.diff')}\n", "bold")
        for op, text in pair.diff:
            out.append(inert(text), DIFF_STYLE[op])
    figures = [
        f"{fa.raw if fa else '—'} → {fb.raw if fb else '—'}"
        for fa, fb in comparison.figures
        if (fa is not None and pair.a is not None and fa.measure_id == pair.a.id)
        or (fb is not None and pair.b is not None and fb.measure_id == pair.b.id)
    ]
    if figures:
        out.append("\n\n" + t("compare.figures_pair", pairs=inert("；".join(figures))), "cyan")
    return out


class CompareScreen(Screen[tuple[Report, Measure] | None]):
    """Pairs and their detail; Enter returns ``(report, measure)`` of the chosen side, Esc None."""

    CSS_PATH = "compare.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", t("key.back"), id="zimao.compare_close"),
        Binding("s", "filter", t("key.compare.filter"), id="zimao.compare_filter"),
        Binding("n", "step(1)", t("key.compare.next"), id="zimao.compare_next"),
        Binding("N", "step(-1)", t("key.compare.prev"), id="zimao.compare_prev", show=False),
        Binding("tab", "side", t("key.compare.side"), id="zimao.compare_side", priority=True),
        Binding("c", "copy('measure')", t("key.copy"), id="zimao.compare_copy", show=False),
        Binding("C", "copy('citation')", t("key.cite"), id="zimao.compare_cite", show=False),
        Binding("b", "bookmark", t("key.bookmark"), id="zimao.compare_bookmark", show=False),
        Binding("x", "export", t("key.figures.export"), id="zimao.compare_export", show=False),
    ]

    def __init__(self, comparison: Comparison, bookmark: Callable[[Report, Measure], None]) -> None:
        super().__init__()
        self.comparison = comparison
        self.bookmark = bookmark
        self.filter_index = 0
        self.side = "b"
        self.shown: list[Pair] = []

    def compose(self) -> ComposeResult:
        yield Static(id="cmp-title")
        with Horizontal(id="cmp-body"):
            yield OptionList(id="cmp-pairs")
            with VerticalScroll(id="cmp-detail-box"):
                yield Static(id="cmp-detail")
        yield Footer()

    def on_mount(self) -> None:
        self._refill()
        self.pairs_list.focus()

    @property
    def pairs_list(self) -> OptionList:
        return self.query_one("#cmp-pairs", OptionList)

    @property
    def current(self) -> Pair | None:
        index = self.pairs_list.highlighted
        option = self.pairs_list.get_option_at_index(index) if index is not None else None
        return self.shown[int(option.id)] if option is not None and option.id is not None else None

    def _title(self) -> None:
        c = self.comparison
        counts = c.counts()
        wanted = FILTERS[self.filter_index]
        what = (
            t("compare.filter_all")
            if wanted is None
            else t("compare.filter_changes")
            if len(wanted) > 1
            else status_label(wanted[0])
        )
        parts: list[tuple[str, str] | str] = [
            (f"{inert(excerpt(c.a.title, 24))} → {inert(excerpt(c.b.title, 24))}", "bold $primary"),
            "  ",
        ]
        for status in STATUSES:
            parts.append((f"{MARK[status][0]}{counts[status]} ", MARK[status][1]))
        parts += [("  " + t("compare.filter", what=what), "$text-muted")]
        parts += [("  " + t("compare.side", side=side_label(self.side)), "$text-muted")]
        self.query_one("#cmp-title", Static).update(Content.assemble(*parts))

    def _refill(self) -> None:
        """Rebuild the list for the current filter: chapter rows (disabled) and pair rows."""
        wanted = FILTERS[self.filter_index]
        self.shown = [p for p in self.comparison.pairs if wanted is None or p.status in wanted]
        summaries = {c.label: c for c in self.comparison.chapters}
        options: list[Option] = []
        chapter: str | None = None
        for n, pair in enumerate(self.shown):
            if pair.chapter != chapter:
                chapter = pair.chapter
                summary = summaries.get(chapter)
                label = Text(inert(chapter or "—"), "bold")
                if summary is not None:
                    for status in STATUSES:
                        label.append(f" {MARK[status][0]}{summary.counts[status]}", MARK[status][1])
                    if summary.renamed:
                        label.append(f"  {t('compare.renamed_from', label=inert(summary.label_a))}", "dim")
                options.append(Option(inert_content(Content.from_rich_text(label)), disabled=True))
            options.append(Option(inert_content(Content.from_rich_text(pair_line(pair))), id=str(n)))
        pairs = self.pairs_list
        pairs.set_options(options)
        first = next((k for k, o in enumerate(options) if not o.disabled), None)
        pairs.highlighted = first
        self._title()
        self._show()

    def _show(self) -> None:
        pair = self.current
        detail = self.query_one("#cmp-detail", Static)
        if pair is None:
            detail.update(Content.styled(t("compare.empty"), "dim"))
            return
        detail.update(
            Kinsoku(inert_content(Content.from_rich_text(pair_detail(self.comparison, pair, self.side))))
        )

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        chosen = self._side_measure()
        if chosen is not None:
            self.dismiss(chosen)

    def _side_measure(self) -> tuple[Report, Measure] | None:
        """The measure of the chosen side of the highlighted pair, or None after a warning."""
        pair = self.current
        if pair is None:
            return None
        report, measure = (self.comparison.a, pair.a) if self.side == "a" else (self.comparison.b, pair.b)
        if measure is None:
            self.notify(t("compare.no_side", side=side_label(self.side)), severity="warning", timeout=3)
            return None
        return report, measure

    def action_filter(self) -> None:
        self.filter_index = (self.filter_index + 1) % len(FILTERS)
        self._refill()

    def action_step(self, delta: int) -> None:
        """The next (or previous) pair that is not ``same``, in list order."""
        pairs = self.pairs_list
        start = pairs.highlighted if pairs.highlighted is not None else -1
        k = start + delta
        while 0 <= k < pairs.option_count:
            option = pairs.get_option_at_index(k)
            if option.id is not None and self.shown[int(option.id)].is_change:
                pairs.highlighted = k
                return
            k += delta
        self.notify(t("compare.no_more"), severity="warning", timeout=3)

    def action_side(self) -> None:
        self.side = "a" if self.side == "b" else "b"
        self._title()
        self._show()

    def action_copy(self, what: str) -> None:
        chosen = self._side_measure()
        if chosen is None:
            return
        app = zimao_app(self)
        if what == "citation":
            from zimao_tui.insights.citation import cite

            app.copy(cite(*chosen, app.config.citation_template), t("copy.citation"))
        else:
            app.copy(chosen[1].text, t("copy.measure"))

    def action_bookmark(self) -> None:
        chosen = self._side_measure()
        if chosen is not None:
            self.bookmark(*chosen)

    def action_export(self) -> None:
        """The comparison as Markdown (the statuses the filter shows; all when it shows all):
        a file in the downloads folder, or a browser download when served."""
        from zimao_tui.insights.compare import STATUSES
        from zimao_tui.insights.compare_export import markdown
        from zimao_tui.ui.export import export_text

        only = FILTERS[self.filter_index] or STATUSES
        export_text(self.app, markdown(self.comparison, frozenset(only)), "zimao-compare.md", "compare")

    def action_close(self) -> None:
        self.dismiss(None)
