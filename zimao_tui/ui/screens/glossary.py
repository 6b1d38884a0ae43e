"""The glossary screen: the report's coined terms (“…”) and cited documents (《…》).

Left, every term and document with its count, filtered as you type; right, the measures the
highlighted one occurs in, each as an excerpt with the term marked. Enter on a term moves to
its occurrences; Enter on an occurrence returns ``(report, measure)`` so the explorer jumps
there. Terms from several reports are merged, so a slogan shared by two reports lists both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from zimao_tui.document.report import Measure, Report
from zimao_tui.i18n import t
from zimao_tui.insights.terms import TermKind, extract_terms, term_spans
from zimao_tui.ui.focus_now import focus_now
from zimao_tui.ui.text.inert import InertInput, inert_content
from zimao_tui.ui.text.linebreak import Kinsoku
from zimao_tui.ui.text.snippets import marked_excerpt

CONTEXT = 14
"""Characters of context on each side of the term in an occurrence."""


@dataclass
class Entry:
    """A term or document across all open reports, with the measures it occurs in."""

    term: str
    kind: TermKind
    count: int = 0
    occurrences: list[tuple[Report, Measure]] = field(default_factory=list)

    @property
    def marked(self) -> str:
        return f"“{self.term}”" if self.kind == "term" else f"《{self.term}》"


def glossary_entries(reports: Sequence[Report]) -> list[Entry]:
    """Terms of every report merged by (term, kind): most frequent first, then first seen."""
    entries: dict[tuple[str, TermKind], Entry] = {}
    for report in reports:
        for term in extract_terms(report):
            entry = entries.setdefault((term.term, term.kind), Entry(term.term, term.kind))
            entry.count += term.count
            for measure_id in term.measure_ids:
                measure = report.node(measure_id)
                assert isinstance(measure, Measure), measure_id
                entry.occurrences.append((report, measure))
    order = {key: n for n, key in enumerate(entries)}
    return sorted(entries.values(), key=lambda e: (-e.count, order[(e.term, e.kind)]))


def filter_entries(entries: Sequence[Entry], query: str) -> list[Entry]:
    """Entries matching ``query``: a leading 《 keeps documents, a leading “ keeps terms."""
    query = query.strip()
    kind: TermKind | None = None
    if query[:1] in ("《", "<"):
        kind, query = "document", query[1:]
    elif query[:1] in ("“", '"'):
        kind, query = "term", query[1:]
    query = query.strip('》”" ').lower()
    return [e for e in entries if (kind is None or e.kind == kind) and query in e.term.lower()]


def occurrence_text(entry: Entry, measure: Measure, many_reports: bool, report: Report) -> Text:
    """Two lines: ``3.2.11  ×2`` then ``…出台《上市十条》《金融十五条》,探索…`` (term in bold)."""
    spans = [s for s in term_spans(measure.text) if s.term == entry.term and s.kind == entry.kind]
    text = measure.text
    line = Text.assemble((measure.id, "bold"))  # Text(style=...) would make every line bold
    if len(spans) > 1:
        line.append(f"  ×{len(spans)}", style="dim")
    if many_reports:
        line.append(f"  {report.title}", style="dim")
    line.append("\n")
    if not spans:
        return line.append(text)
    first = spans[0]  # spans cover the text inside the marks; mark “…” or 《…》 whole
    return line.append_text(marked_excerpt(text, first.start - 1, first.end + 1, CONTEXT))


class GlossaryScreen(Screen[tuple[Report, Measure] | None]):
    """Terms and documents; Enter on an occurrence returns ``(report, measure)``, Esc None."""

    CSS_PATH = "insights.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", t("key.back"), id="zimao.glossary_close"),
        Binding("slash", "filter", t("key.glossary.filter"), id="zimao.glossary_filter", priority=True),
        Binding("tab", "switch", t("key.glossary.switch"), id="zimao.glossary_switch", priority=True),
    ]

    def __init__(self, reports: Sequence[Report]) -> None:
        super().__init__()
        self.reports = list(reports)
        self.entries = glossary_entries(self.reports)
        self.shown: list[Entry] = list(self.entries)
        self.selected: Entry | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="glo-box"):
            yield Static(id="glo-title")
            yield GlossaryFilter(placeholder=t("glossary.filter"), id="glo-filter")
            with Horizontal(id="glo-body"):
                yield OptionList(id="glo-terms")
                with Vertical():
                    yield Static(id="glo-heading")
                    yield OptionList(id="glo-occurrences")
        yield Footer()

    def on_mount(self) -> None:
        self._refill("")
        self.query_one("#glo-filter", Input).focus()

    @property
    def terms_list(self) -> OptionList:
        return self.query_one("#glo-terms", OptionList)

    @property
    def occurrences_list(self) -> OptionList:
        return self.query_one("#glo-occurrences", OptionList)

    def _refill(self, query: str) -> None:
        self.shown = filter_entries(self.entries, query)
        self._show_count(filtered=bool(query.strip()))
        options = [
            Option(
                Kinsoku(
                    inert_content(
                        Content.assemble(
                            (e.marked, "bold" if e.kind == "term" else "italic"), (f" ×{e.count}", "dim")
                        )
                    )
                ),
                id=str(n),
            )
            for n, e in enumerate(self.shown)
        ]
        terms = self.terms_list
        terms.set_options(options)
        if self.shown:
            terms.highlighted = 0
        self.show_entry(self.shown[0] if self.shown else None)

    def _show_count(self, filtered: bool) -> None:
        """The title's count: what the report holds, or how much of it the filter shows."""
        if filtered:
            count = t("glossary.count_filtered", shown=len(self.shown), total=len(self.entries))
        else:
            terms = sum(1 for e in self.entries if e.kind == "term")
            count = t("glossary.count", terms=terms, documents=len(self.entries) - terms)
        self.query_one("#glo-title", Static).update(
            Content.assemble((t("glossary.title"), "bold $primary"), "  ", (count, "$text-muted"))
        )

    def show_entry(self, entry: Entry | None) -> None:
        """List the occurrences of ``entry`` on the right."""
        self.selected = entry
        heading = self.query_one("#glo-heading", Static)
        occurrences = self.occurrences_list
        if entry is None:
            heading.update(Content.styled(t("glossary.none"), "dim"))
            occurrences.clear_options()
            return
        key = "glossary.occurrences" if entry.kind == "term" else "glossary.document_occurrences"
        # Kinsoku: these wrap in a narrow pane (as do long terms on the left), and should do so
        # by the Chinese rules at whatever width the pane has now, not at any cell.
        heading.update(
            Kinsoku(inert_content(t(key, term=entry.term, count=entry.count, n=len(entry.occurrences))))
        )
        many = len(self.reports) > 1
        occurrences.set_options(
            Option(
                Kinsoku(inert_content(Content.from_rich_text(occurrence_text(entry, measure, many, report)))),
                id=str(n),
            )
            for n, (report, measure) in enumerate(entry.occurrences)
        )
        occurrences.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self._refill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.terms_list.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list is self.terms_list and event.option.id is not None:
            self.show_entry(self.shown[int(event.option.id)])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list is self.terms_list:
            self.occurrences_list.focus()
        elif self.selected is not None and event.option.id is not None:
            self.dismiss(self.selected.occurrences[int(event.option.id)])

    def action_switch(self) -> None:
        """Tab cycles filter → terms → occurrences."""
        order = [self.query_one("#glo-filter"), self.terms_list, self.occurrences_list]
        focused = self.focused
        position = order.index(focused) if focused in order else -1
        order[(position + 1) % len(order)].focus()

    def action_filter(self) -> None:
        focus_now(self, self.query_one("#glo-filter", Input))  # before the keys behind it

    def action_close(self) -> None:
        self.dismiss(None)


class GlossaryFilter(InertInput):
    """The filter box: Down or Enter moves to the list of terms."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "to_terms", t("key.glossary.switch"), id="zimao.glossary_to_terms", show=False),
    ]

    def action_to_terms(self) -> None:
        self.screen.query_one("#glo-terms", OptionList).focus()
