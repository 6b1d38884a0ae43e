"""The app on a hostile report: no screen draws a control character from report text.

What is checked is what the screen is made of: ``App.export_screenshot`` renders the
current screen (toasts and modal screens included) from the same segments the driver
writes, as SVG text. Textual's own escape sequences (cursor moves, colours) are driver
instructions, never segment text, so they are not in it; a control character in the SVG can
only have come from a string a widget was given. That is the sound check: comparing the
raw driver stream would mix Textual's own ESC bytes with the report's.
"""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path
from typing import Any

import pytest
from app_fixtures import app_env, make_app, sync, wait_ready  # noqa: F401  (app_env is a fixture)
from hostile import MEASURE, OSC0, OSC52, hostile_text, report_text, unsafe_left
from hypothesis import HealthCheck, given, settings
from textual.pilot import Pilot

from zimao_tui.document.inert import inert
from zimao_tui.document.parse import parse_text
from zimao_tui.document.report import Measure, Report
from zimao_tui.insights.keywords import build_keywords
from zimao_tui.paths import cache_dir
from zimao_tui.search.search import open_index
from zimao_tui.store.bookmarks import BookmarkStore
from zimao_tui.ui.app import ZimaoApp
from zimao_tui.ui.screens.explorer import ExplorerScreen

pytestmark = pytest.mark.usefixtures("app_env")

SIZE = (80, 24)


def measure_with(report: Report, start: str) -> Measure:
    return next(m for m in report.measures() if m.text.startswith(start))


def warm(report: Report) -> None:
    """The index and keywords built in-process into the app's cache folder, so the app finds
    them warm instead of starting a child process per example."""
    open_index([report], cache_dir())
    build_keywords(report, cache_dir())


def prepare(report: Report, note: str, tag: str, measure: Measure) -> None:
    """A warm cache and a bookmark with a hostile note and tag on ``measure``."""
    warm(report)
    BookmarkStore().update(report, measure, note, [tag] if tag.strip() else [])


async def tour(pilot: Pilot[Any], measure: Measure, query: str) -> dict[str, str]:
    """Every main view with the hostile text on it, as screenshots by name."""
    app = pilot.app
    assert isinstance(app, ZimaoApp)
    shots: dict[str, str] = {}

    async def shot(name: str) -> None:
        await pilot.pause()
        shots[name] = app.export_screenshot()

    await wait_ready(pilot)
    await shot("tree and report card")
    explorer = app.screen
    assert isinstance(explorer, ExplorerScreen)
    explorer.go_to(explorer.reports[0], measure)
    await pilot.pause()
    await shot("measure in the detail pane")
    await pilot.press("slash", *query)
    await shot("search results")
    await pilot.press("enter")
    await shot("jumped to the hit")
    await pilot.press("f")
    await shot("figures screen")
    await pilot.press("escape", "T")
    await shot("glossary screen")
    await pilot.press("escape", "B")
    await shot("bookmarks screen")
    await pilot.press("e")
    await shot("note dialog")
    await pilot.press("escape", "escape", "ctrl+p", *"一")
    await pilot.pause(0.3)
    await shot("command palette")
    await pilot.press("escape")
    app.notify(f"{measure.text}[/]")
    app.warn(measure.text)
    await shot("toasts")
    return shots


@sync
async def test_every_view_of_a_hostile_report_is_inert(tmp_path: Path) -> None:
    report = parse_text(report_text(), origin=str(tmp_path / "hostile.txt"))
    measure = measure_with(report, "注入剪贴板")
    prepare(report, f"笔记{OSC0}[/]", f"标签{OSC52}", measure)
    app = make_app([report])
    async with app.run_test(size=SIZE) as pilot:
        shots = await tour(pilot, measure, "剪贴板")
        title = app.title
    failed = [name for name, svg in shots.items() if unsafe_left(svg)]
    assert failed == []
    assert title == inert(report.title)
    # the attacks are on screen, made visible, and markup is shown as written
    assert "␛]52;c;" in shots["measure in the detail pane"]
    assert "[/]" in shots["measure in the detail pane"]
    assert "␛]0;PWNED" in shots["bookmarks screen"]
    assert MEASURE.startswith("注入剪贴板")


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=hostile_text, heading=hostile_text, text=hostile_text, note=hostile_text, tag=hostile_text)
def test_property_random_unicode_never_reaches_the_screen_as_a_control(
    title: str, heading: str, text: str, note: str, tag: str, tmp_path: Path
) -> None:
    """Random Unicode with every C0/C1/bidi control as title, heading, measure, note and tag:
    no view of the app draws a control character."""
    report = parse_text(
        report_text(title=f"标题{title}", chapter=f"一、{heading}", body=f"开头{text}的措施，投入5亿元。")
    )
    measure = measure_with(report, "开头")
    prepare(report, note, tag, measure)

    @sync
    async def run() -> None:
        app = make_app([report])
        async with app.run_test(size=SIZE) as pilot:
            shots = await tour(pilot, measure, "开头")
        for name, svg in shots.items():
            assert unsafe_left(svg) == set(), name

    run()


@sync
async def test_copy_keeps_the_exact_text_and_osc52_carries_it_base64(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``c`` copies what the report says, ESC included (a quote must be exact), but the bytes
    sent to the terminal are base64 inside Textual's own OSC 52: no raw ESC from the report."""
    from textual.drivers.headless_driver import HeadlessDriver

    written: list[str] = []
    monkeypatch.setattr(HeadlessDriver, "write", lambda self, data: written.append(data))
    report = parse_text(report_text(), origin=str(tmp_path / "hostile.txt"))
    measure = measure_with(report, "注入剪贴板")
    prepare(report, "", "", measure)
    app = make_app([report])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        explorer = app.screen
        assert isinstance(explorer, ExplorerScreen)
        explorer.go_to(report, measure)
        await pilot.pause()
        written.clear()
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == measure.text == MEASURE
    (osc52,) = [w for w in written if w.startswith("\x1b]52;c;")]
    payload = osc52.removeprefix("\x1b]52;c;").removesuffix("\a")
    assert set(payload) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
    assert base64.b64decode(payload).decode("utf-8") == MEASURE


@sync
async def test_key_names_from_config_are_inert_in_footer_and_help(bundled: Report) -> None:
    """``[keys]`` in config.toml is a file too: Textual's footer showed a key named with an
    OSC 0 raw, retitling the terminal on every redraw. Such a key is now refused by the keymap
    check; the warning that names it must be inert too."""
    app = make_app([bundled], keys={"zimao.search": "\x1b]0;X\x07", "zimao.copy": "[/]"})
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.pause(0.3)
        main_screen = app.export_screenshot()
        await pilot.press("question_mark")
        await pilot.pause(0.3)
        help_screen = app.export_screenshot()
    assert unsafe_left(main_screen) == set()
    assert unsafe_left(help_screen) == set()
    assert "]0;X" not in main_screen  # refused by the keymap check, not shown as a key


@sync
async def test_search_history_queries_and_pastes_are_inert(bundled: Report) -> None:
    """search_history.json is a file anyone may edit; a query may be typed with markup; a paste
    may carry a measure copied with its ESC. None of them reaches the screen raw."""
    import json

    from textual import events

    from zimao_tui.store.history import history_path
    from zimao_tui.ui.widgets.search_bar import SearchInput

    history_path().parent.mkdir(parents=True, exist_ok=True)
    history_path().write_text(json.dumps([f"人才{OSC0}"]), encoding="utf-8")
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("slash", "up")
        await pilot.pause()
        field = app.screen.query_one(SearchInput)
        assert field.value == inert(f"人才{OSC0}")
        recalled = app.export_screenshot()
        field.value = ""
        await pilot.press(*"[/]")  # the status line names the query: "no result for [/]"
        await pilot.pause()
        typed = app.export_screenshot()
        field.value = ""
        field.post_message(events.Paste(f"知识{OSC52}"))
        await pilot.pause()
        assert field.value == inert(f"知识{OSC52}")
        pasted = app.export_screenshot()
    for svg in (recalled, typed, pasted):
        assert unsafe_left(svg) == set()
    assert "[/]" in typed


@sync
async def test_a_report_titled_with_markup_opens_and_the_palette_finds_it(tmp_path: Path) -> None:
    """Textual's Tree reads a ``str`` label as markup: a report titled ``[/]…`` crashed the
    app at start (MarkupError), and the palette's highlighter read headings as markup too."""
    report = parse_text(
        report_text(title="[/]标题[link=https://x]", chapter="一、[/]章节[b]"), origin="m.txt"
    )
    warm(report)
    app = make_app([report])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("ctrl+p", *"章节")
        await pilot.pause(0.5)
        palette = app.export_screenshot()
    # the palette highlights the matched 章节 apart, so the row is read whole, as a person does
    rows: dict[str, list[str]] = {}
    for row, text in re.findall(r'<text [^>]*-line-(\d+)\)"[^>]*>([^<]*)</text>', palette):
        rows.setdefault(row, []).append(html.unescape(text))
    assert any("一、[/]章节[b]" in "".join(texts) for texts in rows.values())


@sync
async def test_a_paste_into_the_note_dialog_arrives_inert(tmp_path: Path) -> None:
    from textual import events
    from textual.widgets import TextArea

    report = parse_text(report_text(), origin=str(tmp_path / "hostile.txt"))
    measure = measure_with(report, "注入剪贴板")
    prepare(report, "", "", measure)
    app = make_app([report])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("B", "e")
        await pilot.pause()
        area = app.screen.query_one("#note-text", TextArea)
        area.post_message(events.Paste(f"引用{OSC52}"))
        await pilot.pause()
        assert area.text == inert(f"引用{OSC52}")
        assert unsafe_left(app.export_screenshot()) == set()
