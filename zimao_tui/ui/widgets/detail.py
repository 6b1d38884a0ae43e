"""The detail pane: what the tree cursor points at, read in context.

The text is built by pure functions (``measure_content``, ``heading_content``,
``report_content``) from the model and a few span lists, so it can be unit-tested without
an app. Styles name theme variables ($accent, $warning…), so switching the theme recolours
the highlights without rebuilding anything.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult, RenderResult
from textual.content import Content
from textual.selection import Selection
from textual.widgets import Static

from zimao_tui.document.inert import inert
from zimao_tui.document.report import Heading, Measure, Report
from zimao_tui.i18n import t
from zimao_tui.insights.summary import Insights
from zimao_tui.ui.entry import Entry
from zimao_tui.ui.scrolling import FooterKeyScroll
from zimao_tui.ui.text.inert import inert_content
from zimao_tui.ui.text.linebreak import unwrap_selection, wrap_content
from zimao_tui.ui.text.position import position_text
from zimao_tui.ui.text.styles import STYLE_MATCH

NOTHING = Insights()
"""No highlights or lists (frozen, so one instance serves as every default)."""

STYLE_FIGURE = "bold $accent"
STYLE_TERM = "$primary underline"
STYLE_CONTEXT = "dim"
STYLE_LABEL = "bold $secondary"
STYLE_BREADCRUMB = "$text-muted"

CONTEXT_BEFORE = 60
CONTEXT_AFTER = 120
"""Characters of dimmed paragraph shown around a measure: enough to read it in context,
few enough that the measure itself stays on the first screen of the pane."""


def breadcrumb(report: Report, node: Heading | Measure, with_report: bool = False) -> str:
    """``一、改革创新提升能级 › (二)激发制度创新内生动力 › 第2条 / 共2条``.

    For a heading, only the path above it (its own label is the title below); for a
    chapter, the report's title. ``with_report`` (several reports open) puts the report's
    title first everywhere, since the path alone no longer says which report it is in.
    """
    parts = [h.label for h in report.ancestors(node.id)]
    if isinstance(node, Measure):
        parts.append(position_text(report, node))
    if with_report or not parts:
        parts.insert(0, f"《{report.title}》")
    return " › ".join(parts)


def _highlight(text: str, offset: int, insights: Insights) -> list[tuple[int, int, str]]:
    """Style spans shifted by ``offset``; later entries win, so matches sit on top."""
    spans: list[tuple[int, int, str]] = []
    for style, group in (
        (STYLE_TERM, insights.term_spans),
        (STYLE_FIGURE, insights.figure_spans),
        (STYLE_MATCH, insights.matches),
    ):
        for start, end in group:
            start, end = max(0, start), min(len(text), end)
            if start < end:
                spans.append((start + offset, end + offset, style))
    return spans


def _list_line(label: str, items: Iterable[str], style: str = "", loading: bool = False) -> Content:
    values = [i for i in items if i]
    if values:
        body = Content.styled(t("detail.separator").join(values), style)
    else:
        body = Content.styled(t("detail.loading") if loading else t("detail.none"), "dim")
    return Content.assemble((t("detail.label", label=label), STYLE_LABEL), body)


def _keywords_line(insights: Insights) -> Content:
    return _list_line(t("detail.keywords"), insights.keywords, loading=insights.keywords_loading)


_CLAUSE_ENDS = "。！？；，、：”）》"


def _from_clause(text: str) -> str:
    """``text`` from the start of its first whole clause: context cut mid-sentence should
    read "…集聚“层次丰富”产业要素。", not "…。集聚…" with a stray mark after the ellipsis."""
    for i, ch in enumerate(text):
        if ch in _CLAUSE_ENDS and i + 1 < len(text):
            return text[i + 1 :]
    return text


def measure_content(report: Report, measure: Measure, insights: Insights = NOTHING) -> Content:
    """Breadcrumb, the measure inside its dimmed paragraph, then figures, terms, keywords, note."""
    paragraph = report.paragraph_of(measure)
    before, after = paragraph[: measure.start], paragraph[measure.end :]
    if len(before) > CONTEXT_BEFORE:
        before = "…" + _from_clause(before[-CONTEXT_BEFORE:])
    if len(after) > CONTEXT_AFTER:
        after = after[:CONTEXT_AFTER] + "…"
    # inert before Content sees them: Content drops BEL, BS, VT, FF and CR, which would shift
    # every highlight after one; replaced one for one, the spans below still fit.
    body = Content.assemble(
        (inert(before), STYLE_CONTEXT), inert(measure.text), (inert(after), STYLE_CONTEXT)
    )
    for start, end, style in _highlight(measure.text, len(before), insights):
        body = body.stylize(style, start, end)
    star = Content.styled(" ★", "$warning bold") if insights.bookmarked else Content("")
    if insights.hit is not None:
        n, total, query = insights.hit
        star += Content.styled(f"  {t('search.hit', n=n, total=total, query=query)}", STYLE_LABEL)
    lines: list[Content] = [
        Content.styled(breadcrumb(report, measure, insights.with_report), STYLE_BREADCRUMB) + star,
        Content(""),
        body,
        Content(""),
        _list_line(t("detail.figures"), insights.figures, STYLE_FIGURE, insights.summary_loading),
        _list_line(t("detail.terms"), insights.terms, STYLE_TERM, insights.summary_loading),
        _keywords_line(insights),
    ]
    if insights.note or insights.tags:
        lines.append(Content(""))
        if insights.note:
            lines.append(
                Content.assemble((t("detail.label", label=t("detail.note")), STYLE_LABEL), insights.note)
            )
        if insights.tags:
            lines.append(_list_line(t("detail.tags"), insights.tags))
    return Content("\n").join(lines)


def heading_content(report: Report, heading: Heading, insights: Insights = NOTHING) -> Content:
    """A chapter's or section's summary: where it is, how many measures, keywords, figures."""
    count = sum(1 for _ in heading.measures())
    subheadings = [c for c in heading.children if isinstance(c, Heading)]
    lines: list[Content] = [
        Content.styled(breadcrumb(report, heading, insights.with_report), STYLE_BREADCRUMB),
    ]
    facts = report_facts(report, " · ")
    if facts and not report.ancestors(heading.id):
        # Under the title of a top-level part: the header cuts these off at 80 columns.
        lines.append(Content.styled(facts, STYLE_BREADCRUMB))
    lines += [
        Content(""),
        Content.styled(heading.label, "bold"),
        Content(""),
        Content.styled(t("detail.measures", n=count), STYLE_LABEL),
    ]
    lines.extend(Content.assemble("  • ", (h.label, "")) for h in subheadings)
    lines += [
        _keywords_line(insights),
        _list_line(t("detail.figures"), insights.figures, STYLE_FIGURE, insights.summary_loading),
        _list_line(t("detail.terms"), insights.terms, STYLE_TERM, insights.summary_loading),
    ]
    return Content("\n").join(lines)


def report_facts(report: Report, separator: str) -> str:
    """What the document says about itself, as one line: 国务院 国发〔2018〕38号 2018-11-07 (source)."""
    return separator.join(p for p in (report.issuer, report.doc_number, report.date, report.source) if p)


def format_line(report: Report) -> str:
    """The file's format and encoding as the report card shows them: 格式：网页（GB18030）; a
    Word or PDF file has no text encoding to name."""
    name = t(f"format.{report.format}")
    return (
        t("detail.format", format=name, encoding=report.encoding)
        if report.encoding
        else t("detail.format_only", format=name)
    )


def report_content(report: Report) -> Content:
    """The report's card: title, issuer, number, date, source, chapters with their counts."""
    lines: list[Content] = [
        Content.styled(f"《{report.title}》", "bold"),
        Content.styled(report_facts(report, " "), STYLE_BREADCRUMB),
    ]
    if report.format != "text":  # a web page, Markdown, Word or PDF file says what it was read as
        lines.append(Content.styled(format_line(report), STYLE_BREADCRUMB))
    lines += [
        Content(""),
        Content.styled(t("detail.measures", n=sum(1 for _ in report.measures())), STYLE_LABEL),
    ]
    for chapter in report.children:
        count = sum(1 for _ in chapter.measures())
        lines.append(Content.assemble("  • ", chapter.label, (f" ({count})", "dim")))
    return Content("\n").join(lines)


def entry_content(entry: Entry | None, insights: Insights = NOTHING) -> Content:
    """The pane's content for whatever the tree cursor is on, made inert as a whole: the
    measure, its context, breadcrumb, note, tags and the query all come from files or
    the user, and the one-for-one replacement keeps every highlight on its characters."""
    if entry is None:
        return Content.styled(t("detail.empty"), "dim")
    if isinstance(entry.node, Measure):
        return inert_content(measure_content(entry.report, entry.node, insights))
    if isinstance(entry.node, Heading):
        return inert_content(heading_content(entry.report, entry.node, insights))
    return inert_content(report_content(entry.report))


class ChineseText(Static):
    """A Static that breaks Chinese lines by the usual rules (see ``linebreak``) at its width."""

    def render(self) -> RenderResult:
        visual = self.visual
        width = self.content_size.width
        if not isinstance(visual, Content) or width <= 0:
            return visual
        key = (id(visual), width)
        if self._wrapped_key != key:
            self._wrapped_key, self._wrapped = key, wrap_content(visual, width)
        return self._wrapped

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected text as the report has it: the line breaks this widget inserted to
        wrap are not in the report, so they are not copied (a drag over a wrapped line
        copied a ``\n`` at each wrap point)."""
        visual = self.visual
        width = self.content_size.width
        if not isinstance(visual, Content) or width <= 0:
            return super().get_selection(selection)
        return unwrap_selection(visual.plain, width, selection), "\n"

    _wrapped_key: tuple[int, int] | None = None
    _wrapped: Content = Content()


class DetailPane(FooterKeyScroll):
    """Scrollable, selectable text (drag to select, ctrl+c copies via the screen); with the
    focus (Tab), vim's and less's keys scroll it, and the footer says so."""

    DEFAULT_CSS = """
    DetailPane > #detail-body { width: 1fr; max-width: 100; height: auto; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entry: Entry | None = None
        self.insights = Insights()

    def compose(self) -> ComposeResult:
        yield ChineseText(entry_content(None), id="detail-body")

    def show(self, entry: Entry | None, insights: Insights = NOTHING) -> None:
        """Replace the content; scroll back to the top when the subject changed."""
        changed = entry != self.entry
        self.entry = entry
        self.insights = insights
        self.query_one("#detail-body", ChineseText).update(entry_content(entry, insights))
        if changed:
            self.scroll_home(animate=False)
