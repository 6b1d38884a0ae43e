"""The glossary screen: filter as you type, a term's occurrences, Enter jumps; then snapshots."""

from __future__ import annotations

from typing import Any

from hosts import Host, snapshot_sizes, sync
from textual.widgets import Input, OptionList, Static

from zimao_tui.document.report import Measure, Report
from zimao_tui.ui.screens.glossary import GlossaryScreen, filter_entries, glossary_entries, occurrence_text


def shown(screen: GlossaryScreen) -> list[str]:
    return [e.marked for e in screen.shown]


@sync
async def test_type_to_filter_then_enter_jumps(bundled: Report) -> None:
    app = Host(GlossaryScreen, [bundled])
    async with app.opened() as (pilot, screen):
        assert screen.query_one(Input).has_focus and len(screen.shown) == 130
        title = screen.query_one("#glo-title", Static)
        assert "117 条新提法 · 13 份文件" in str(title.render())
        await pilot.press(*"一事")
        assert shown(screen) == ["“一事联办”"]
        assert "显示 1 / 共 130 条" in str(title.render())  # the count follows the filter
        occurrences = screen.query_one("#glo-occurrences", OptionList)
        assert occurrences.option_count == 2
        assert "2 次，在 2 条措施中" in str(screen.query_one("#glo-heading", Static).render())
        await pilot.press("enter")  # filter -> terms
        assert screen.query_one("#glo-terms", OptionList).has_focus
        await pilot.press("enter")  # terms -> occurrences
        assert occurrences.has_focus
        await pilot.press("down", "enter")
        await pilot.pause()
    report, measure = app.result
    assert report is bundled and isinstance(measure, Measure) and measure.id == "5.4.1"


@sync
async def test_moving_through_terms_updates_occurrences(bundled: Report) -> None:
    app = Host(GlossaryScreen, [bundled])
    async with app.opened() as (pilot, screen):
        await pilot.press("tab")
        assert screen.query_one("#glo-terms", OptionList).has_focus
        await pilot.press("down")
        assert screen.selected is not None and screen.selected.term == "光芯屏端网"
        ids = [m.id for _, m in screen.selected.occurrences]
        assert ids == ["3.1.1", "5.2.5"]
        await pilot.press("tab", "tab")  # occurrences, then back to the filter
        assert screen.query_one(Input).has_focus
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None


@sync
async def test_documents_only_and_no_match(bundled: Report) -> None:
    app = Host(GlossaryScreen, [bundled])
    async with app.opened() as (pilot, screen):
        screen.query_one(Input).insert_text_at_cursor("《")  # as an IME would deliver it
        await pilot.pause()
        assert len(screen.shown) == 13 and all(e.kind == "document" for e in screen.shown)
        await pilot.press(*"上市")
        assert shown(screen) == ["《上市十条》"]
        screen.query_one(Input).value = "不存在的词"
        await pilot.pause()
        assert screen.shown == [] and screen.query_one("#glo-occurrences", OptionList).option_count == 0
        assert "没有匹配" in str(screen.query_one("#glo-heading", Static).render())


def test_entries_merge_reports_and_filter(bundled: Report) -> None:
    entries = glossary_entries([bundled, bundled])
    top = entries[0]
    assert (top.term, top.count, len(top.occurrences)) == ("硬核科技", 4, 2)
    assert [e.term for e in filter_entries(entries, "“三")][:3] == ["三区联动", "三四五", "三全"]
    assert all(e.kind == "term" for e in filter_entries(entries, '"'))


def test_occurrence_excerpt_marks_the_term(bundled: Report) -> None:
    entry = next(e for e in glossary_entries([bundled]) if e.term == "硬核科技")
    report, measure = entry.occurrences[0]
    text = occurrence_text(entry, measure, False, report)
    first, second = text.plain.split("\n")
    assert first == "2.2.1  ×2"
    assert "“硬核科技”" in second and second.startswith("出台支持")
    bold = [text.plain[s.start : s.end] for s in text.spans if "underline" in str(s.style)]
    assert bold == ["“硬核科技”"]


@snapshot_sizes
def test_snapshot_glossary_screen(snap_compare: Any, bundled: Report, size: tuple[int, int]) -> None:
    # “光芯屏端网”: at 80x24 an occurrence wraps where Textual alone would start a line with 、
    assert snap_compare(Host(GlossaryScreen, [bundled]), terminal_size=size, press=["tab", "down"])
