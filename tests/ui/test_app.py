"""Pilot tests of the explorer: every default key, the search flow, themes, help, copy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from app_fixtures import app_env, make_app, press, sync, wait_ready  # noqa: F401  (app_env is a fixture)
from rich.tree import Tree as RichTree
from textual.command import CommandPalette
from textual.pilot import Pilot

from zimao_tui.document.report import Heading, Measure, Report
from zimao_tui.insights.citation import cite, section_text
from zimao_tui.search.search import Hit
from zimao_tui.store.config import load_config
from zimao_tui.store.history import SearchHistory, history_path
from zimao_tui.ui.app import ZimaoApp
from zimao_tui.ui.screens.explorer import ExplorerScreen
from zimao_tui.ui.screens.help import HelpScreen
from zimao_tui.ui.textual_compat import notifications
from zimao_tui.ui.widgets.detail import DetailPane
from zimao_tui.ui.widgets.report_tree import ReportTree
from zimao_tui.ui.widgets.search_bar import SearchBar

pytestmark = pytest.mark.usefixtures("app_env")

SIZE = (100, 32)


def explorer(app: ZimaoApp) -> ExplorerScreen:
    screen = app.screen
    assert isinstance(screen, ExplorerScreen)
    return screen


def current(app: ZimaoApp) -> Heading | Measure | None:
    entry = app.query_one(ReportTree).entry
    return entry.node if entry is not None else None


def shown(app: ZimaoApp) -> Heading | Measure | None:
    entry = app.query_one(DetailPane).entry
    return entry.node if entry is not None else None


async def ready(pilot: Pilot[None]) -> None:
    """Wait until the index worker finished and the screen settled."""
    await wait_ready(pilot)


@sync
async def test_opens_on_first_chapter_with_summary(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.title == bundled.title
        assert "2022-07-05" in app.sub_title
        assert isinstance(app.focused, ReportTree)
        node = current(app)
        assert isinstance(node, Heading) and node.id == "1"
        assert shown(app) == node  # the detail follows the cursor without Enter
        body = app.query_one("#detail-body").render()
        assert "措施：3 条" in str(body)
        assert "计算中" not in str(body)  # the figures and terms left out of the first paint came
        assert "97项" in str(body)


@sync
async def test_tree_keys_move_expand_collapse(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await press(pilot, "j")
        assert current(app).id == "1.1"  # type: ignore[union-attr]
        await press(pilot, "l")  # expand
        await press(pilot, "l")  # step into
        assert current(app).id == "1.1.1"  # type: ignore[union-attr]
        assert shown(app).id == "1.1.1"  # type: ignore[union-attr]
        await press(pilot, "h")  # measure → parent
        assert current(app).id == "1.1"  # type: ignore[union-attr]
        await press(pilot, "h")  # collapse
        assert not app.query_one(ReportTree).cursor_node.is_expanded  # type: ignore[union-attr]
        await press(pilot, "k")
        assert current(app).id == "1"  # type: ignore[union-attr]
        await press(pilot, "down", "up")
        assert current(app).id == "1"  # type: ignore[union-attr]
        await press(pilot, "right")  # chapter 1 is open: step into it
        assert current(app).id == "1.1"  # type: ignore[union-attr]
        await press(pilot, "left", "left")  # to the parent, then collapse it
        assert current(app).id == "1"  # type: ignore[union-attr]
        assert not app.query_one(ReportTree).cursor_node.is_expanded  # type: ignore[union-attr]
        await press(pilot, "G")
        assert current(app).id == "5"  # type: ignore[union-attr]
        await press(pilot, "g")
        assert current(app).id == "1"  # type: ignore[union-attr]
        await press(pilot, "enter")
        assert app.query_one(ReportTree).cursor_node.is_expanded  # type: ignore[union-attr]


@sync
async def test_brackets_step_measures_across_sections(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await press(pilot, "right_square_bracket")
        assert shown(app).id == "1.1.1"  # type: ignore[union-attr]
        await press(pilot, "right_square_bracket")  # crosses into section (二)
        assert shown(app).id == "1.2.1"  # type: ignore[union-attr]
        assert current(app).id == "1.2.1"  # type: ignore[union-attr]
        await press(pilot, "left_square_bracket")
        assert shown(app).id == "1.1.1"  # type: ignore[union-attr]
        assert current(app).id == "1.1.1"  # type: ignore[union-attr]


@sync
async def test_search_flow_enter_n_N_escape(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await press(pilot, "slash")
        bar = app.query_one(SearchBar)
        assert app.focused is bar.input
        await pilot.press(*"人才")
        await pilot.pause()
        assert len(bar.hits) >= 3
        assert bar.results.display
        await press(pilot, "down")
        assert bar.results.highlighted == 1
        second = bar.hits[1]
        await press(pilot, "enter")
        assert isinstance(app.focused, ReportTree)
        assert shown(app) == second.measure
        assert current(app) == second.measure
        assert not bar.results.display
        detail = app.query_one(DetailPane)
        assert tuple(detail.insights.matches) == tuple(second.spans)
        # n/N go in the order of the report (as less and vim do), not in rank order.
        in_order = sorted(bar.hits, key=lambda h: [int(p) for p in h.measure.id.split(".")])
        assert in_order != bar.hits
        at = in_order.index(second)
        await press(pilot, "n")
        assert shown(app) == in_order[at + 1].measure
        await press(pilot, "N", "N")
        assert shown(app) == in_order[at - 1].measure
        for _ in range(at - 1):
            await press(pilot, "N")
        assert shown(app) == in_order[0].measure
        await press(pilot, "N")  # before the first: wraps to the last, and says so
        assert shown(app) == in_order[-1].measure
        assert "已到第一个匹配，从末尾继续" in [n.message for n in notifications(app)]
        await press(pilot, "n")
        assert shown(app) == in_order[0].measure
        assert [n.message for n in notifications(app)].count("已到最后一个匹配，从头继续") == 1
        await press(pilot, "slash", "escape")
        assert bar.input.value == ""
        assert isinstance(app.focused, ReportTree)
        assert json.loads(history_path().read_text(encoding="utf-8")) == ["人才"]


@sync
async def test_search_history_recall_across_runs(bundled: Report, user_dirs: dict[str, Path]) -> None:
    SearchHistory().add("跨境电商")
    SearchHistory().add("人才")
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await press(pilot, "slash", "up")
        bar = app.query_one(SearchBar)
        assert bar.input.value == "人才"
        await press(pilot, "up")
        assert bar.input.value == "跨境电商"
        assert bar.hits  # recalled queries run
        await press(pilot, "down", "down")
        assert bar.input.value == ""


@sync
async def test_a_broken_history_file_is_reported_once_and_replaced(bundled: Report) -> None:
    history_path().parent.mkdir(parents=True, exist_ok=True)
    history_path().write_text("[not json", encoding="utf-8")
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        messages = [n.message for n in notifications(app)]
        assert sum("不是有效的 JSON" in m for m in messages) == 1
        await press(pilot, "slash", *"人才", "enter")
    assert json.loads(history_path().read_text(encoding="utf-8")) == ["人才"]


@sync
async def test_search_with_no_results_says_so(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await press(pilot, "slash")
        await pilot.press(*"qqqqqxz")
        await pilot.pause()
        bar = app.query_one(SearchBar)
        assert bar.hits == []
        assert "没有结果" in str(bar.query_one("#search-status").render())
        await press(pilot, "enter")
        assert app.focused is bar.input


@sync
async def test_copy_keys(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await press(pilot, "c")  # on a chapter: nothing to copy, a warning instead
        assert app.clipboard == ""
        await press(pilot, "right_square_bracket", "right_square_bracket")
        measure = bundled.node("1.2.1")
        assert isinstance(measure, Measure)
        await press(pilot, "c")
        assert app.clipboard == measure.text
        await press(pilot, "C")
        assert app.clipboard == cite(bundled, measure)
        assert app.clipboard.endswith("》一、(二)，2022-07-05")
        await press(pilot, "y")
        section = bundled.node("1.2")
        assert isinstance(section, Heading)
        assert app.clipboard == section_text(bundled, section)
        for _ in range(6):  # again and again: one copy toast, saying what the last copy did
            await press(pilot, "c")
        copies = [str(n.message) for n in notifications(app) if "复制" in str(n.message)]
        assert len(copies) == 1 and copies[0].startswith("已复制措施"), copies


@sync
async def test_copy_selection_uses_the_copy_function(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        body = app.query_one("#detail-body")
        body.text_select_all()
        await pilot.pause()
        await press(pilot, "ctrl+c")
        assert "改革创新提升能级" in app.clipboard
        assert any("选中文字" in n.message for n in notifications(app))


@sync
async def test_citation_template_from_config(bundled: Report) -> None:
    app = make_app([bundled], citation_template="{text}（{title}，{id}）")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await press(pilot, "right_square_bracket", "C")
        measure = bundled.node("1.1.1")
        assert app.clipboard == f"{measure.text}（{bundled.title}，1.1.1）"  # type: ignore[union-attr]


@sync
async def test_bookmark_toggle_marks_tree_and_detail(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await press(pilot, "right_square_bracket", "b")
        measure = bundled.node("1.1.1")
        assert isinstance(measure, Measure)
        assert app.bookmarks.is_bookmarked(bundled, measure)
        tree = app.query_one(ReportTree)
        assert str(tree.cursor_node.label).startswith("★")  # type: ignore[union-attr]
        assert app.query_one(DetailPane).insights.bookmarked
        await press(pilot, "b")
        assert not app.bookmarks.is_bookmarked(bundled, measure)
        assert not str(tree.cursor_node.label).startswith("★")  # type: ignore[union-attr]
        await press(pilot, "b", "b", "b", "b")  # toggled again and again: one toast, the last state
        toasts = [str(n.message) for n in notifications(app) if "收藏" in str(n.message)]
        assert toasts == ["已取消收藏"]


@sync
async def test_bookmarks_list_jumps_to_measure(bundled: Report) -> None:
    from zimao_tui.ui.screens.bookmarks import BookmarksScreen

    measure = bundled.node("3.2.5")
    assert isinstance(measure, Measure)
    app = make_app([bundled])
    app.bookmarks.toggle(bundled, measure)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await press(pilot, "B")
        assert isinstance(app.screen, BookmarksScreen)
        await press(pilot, "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
        assert shown(app) == measure
        assert current(app) == measure


@sync
async def test_theme_key_cycles_and_saves(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.theme == "zimao-paper"
        names = app.theme_names
        assert {"zimao-paper", "zimao-ink", "zimao-contrast"} <= set(names)
        await press(pilot, "t")
        assert app.theme == names[(names.index("zimao-paper") + 1) % len(names)]
        config, warnings = load_config()
        assert config.theme == app.theme and not warnings


@pytest.mark.parametrize(
    ("theme", "dark"), [("zimao-ink", True), ("zimao-paper", False), ("zimao-contrast", True)]
)
@sync
async def test_the_configured_theme_colours_the_first_screen(bundled: Report, theme: str, dark: bool) -> None:
    """The start-up theme is applied without Textual's watcher (see ZimaoApp._start_with_theme):
    the first screen must still carry its colours, classes and a working switch after."""
    app = make_app([bundled], theme=theme)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        expected = app.get_theme(theme)
        assert expected is not None and expected.background is not None
        assert app.theme == theme
        assert app.screen.styles.background.hex.upper() == expected.background.upper()
        assert app.has_class(f"-theme-{theme}") and app.has_class("-dark-mode") is dark
        assert app.has_class("-light-mode") is not dark
        await press(pilot, "t")  # a switch after start-up goes through the watcher as usual
        switched = app.get_theme(app.theme)
        assert switched is not None and switched.background is not None
        assert app.screen.styles.background.hex.upper() == switched.background.upper()
        assert not app.has_class(f"-theme-{theme}")


@sync
async def test_broken_theme_file_notifies_and_falls_back(bundled: Report, user_dirs: dict[str, Path]) -> None:
    themes = user_dirs["config"] / "themes"
    themes.mkdir(parents=True)
    (themes / "broken.toml").write_text("name = 'x'\nprimary = 'not-a-colour'\n", encoding="utf-8")
    app = make_app([bundled], theme="no-such-theme")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.theme == "zimao-paper"
        messages = " ".join(n.message for n in notifications(app))
        assert "broken.toml" in messages and "no-such-theme" in messages
    assert not (user_dirs["config"] / "config.toml").exists()  # the fallback is not saved over it


@sync
async def test_help_lists_bindings_and_closes(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(str(s.render()) for s in app.screen.query("Static"))
        for binding_id in ("zimao.search", "zimao.copy", "zimao.cite", "zimao.next_measure", "zimao.quit"):
            assert binding_id in text
        assert "搜索" in text
        await press(pilot, "question_mark")
        assert isinstance(app.screen, ExplorerScreen)
        await press(pilot, "question_mark", "escape")
        assert isinstance(app.screen, ExplorerScreen)


@sync
async def test_keymap_from_config_remaps_and_help_shows_it(bundled: Report) -> None:
    app = make_app([bundled], keys={"zimao.copy": "x"})
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await press(pilot, "right_square_bracket", "x")
        assert app.clipboard == bundled.node("1.1.1").text  # type: ignore[union-attr]
        await press(pilot, "question_mark")
        text = " ".join(str(s.render()) for s in app.screen.query("Static"))
        row = next(line for line in text.splitlines() if line.rstrip().endswith("zimao.copy"))
        assert row.split()[0] == "x"


@sync
async def test_toggle_tree_pane(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        tree = app.query_one(ReportTree)
        await press(pilot, "backslash")
        assert not tree.display
        assert isinstance(app.focused, DetailPane)
        await press(pilot, "right_square_bracket")  # still steps through measures
        assert shown(app).id == "1.1.1"  # type: ignore[union-attr]
        await press(pilot, "backslash")
        assert tree.display and app.focused is tree


@sync
async def test_command_palette_jumps_to_a_section(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await press(pilot, "ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"跨境电商综试区")
        await pilot.pause(0.5)
        await press(pilot, "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
        assert current(app).id == "5.1"  # type: ignore[union-attr]


def palette_options(app: ZimaoApp) -> list[str]:
    """The texts of the palette's listed options, top first."""
    from textual.command import CommandList

    listing = app.screen.query_one(CommandList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


@sync
async def test_the_palette_finds_headings_by_pinyin_and_initials(bundled: Report) -> None:
    """``zscq`` lists the 知识产权 heading (only measures were found by pinyin, through the
    search index), Enter goes there; a query matching nothing says so in Chinese."""
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await press(pilot, "ctrl+p")
        await pilot.press(*"zscq")
        await pilot.pause(0.5)
        options = palette_options(app)
        assert options and "(四)强化知识产权创造应用" in options[0], options[:3]
        await press(pilot, "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
        node = current(app)
        assert isinstance(node, Heading) and node.label == "(四)强化知识产权创造应用"
        await press(pilot, "ctrl+p")
        await pilot.press(*"qxqxqxqx")
        await pilot.pause(1.5)  # Textual shows "no matches" after a countdown
        (shown,) = palette_options(app)
        assert "没有匹配的命令" in shown and "No matches" not in shown


@sync
async def test_the_palette_speaks_the_interface_language(bundled: Report) -> None:
    from textual.widgets import Input

    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "退出" in titles and "截图" in titles and "Quit" not in titles and "Screenshot" not in titles
        assert not any("theme" in title.lower() for title in titles)  # ours are in ZimaoCommands
        await press(pilot, "ctrl+p")
        assert app.screen.query_one(Input).placeholder == "搜索命令、章节或措施…"


@sync
async def test_quit_key(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await press(pilot, "q")
    assert app.return_code == 0


@sync
async def test_several_reports_top_level_and_search_spans_them(bundled: Report, data_dir: Path) -> None:
    from zimao_tui.document.parse import load_report

    other = load_report(data_dir / "fullwidth.txt")
    app = make_app([bundled, other])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        tree = app.query_one(ReportTree)
        tops = [n.data.report for n in tree.root.children]  # type: ignore[union-attr]
        assert tops == [bundled, other]
        assert tree.root.children[0].data.node is None  # type: ignore[union-attr]
        word = next(other.measures()).text[:4]
        await press(pilot, "slash")
        await pilot.press(*word)
        await pilot.pause()
        reports = {hit.report.title for hit in app.query_one(SearchBar).hits}
        assert other.title in reports


@sync
async def test_note_key_edits_the_bookmark_note(bundled: Report) -> None:
    from textual.widgets import TextArea

    from zimao_tui.ui.dialogs.note import NoteDialog

    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await press(pilot, "right_square_bracket", "e")
        assert isinstance(app.screen, NoteDialog)
        app.screen.query_one(TextArea).text = "写进周报"
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ExplorerScreen)
        measure = bundled.node("1.1.1")
        assert isinstance(measure, Measure)
        bookmark = app.bookmarks.get(bundled, measure)
        assert bookmark is not None and bookmark.note == "写进周报"
        detail = app.query_one(DetailPane)
        assert detail.insights.note == "写进周报"
        assert "写进周报" in str(app.query_one("#detail-body").render())
        # b on it now asks first: the note must not go with one keystroke.
        from zimao_tui.ui.dialogs.confirm import ConfirmDialog

        await press(pilot, "b")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "n")
        assert app.bookmarks.get(bundled, measure) is not None
        await press(pilot, "b", "y")
        assert isinstance(app.screen, ExplorerScreen) and app.bookmarks.get(bundled, measure) is None


@sync
async def test_keys_typed_just_before_ctrl_s_are_in_the_note_not_the_explorer(bundled: Report) -> None:
    """A burst (a fast typist, a paste, a slow SSH link) arrives at the app in one go: keys go
    to the note field's queue, ctrl+s must wait behind them. As a priority binding it saved at
    once, and the backspaces queued before it then reached the explorer (jump back)."""
    from textual import events

    from zimao_tui.ui.dialogs.note import NoteDialog

    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await press(pilot, "right_square_bracket", "e")
        assert isinstance(app.screen, NoteDialog)
        for key, char in [("x", "x"), ("y", "y"), ("z", "z"), ("backspace", None), ("ctrl+s", None)]:
            app.post_message(events.Key(key, char))  # as the terminal driver posts them
        for _ in range(50):
            await pilot.pause()
            if isinstance(app.screen, ExplorerScreen):
                break
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
        measure = bundled.node("1.1.1")
        assert isinstance(measure, Measure)
        bookmark = app.bookmarks.get(bundled, measure)
        assert bookmark is not None and bookmark.note == "xy"


@pytest.mark.parametrize(("key", "pick"), [("f", ["enter"]), ("T", ["enter", "tab", "enter"])])
@sync
async def test_figures_and_glossary_keys_jump_to_a_measure(
    bundled: Report, key: str, pick: list[str]
) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await press(pilot, key)
        assert not isinstance(app.screen, ExplorerScreen)
        await press(pilot, "escape")
        assert isinstance(app.screen, ExplorerScreen)
        await press(pilot, key, *pick)
        await pilot.pause(0.2)
        assert isinstance(app.screen, ExplorerScreen)
        assert isinstance(shown(app), Measure)
        assert current(app) == shown(app)


# ---------------------------------------------------------------------- races and status


async def burst(pilot: Pilot[None], *keys: str) -> None:
    """Send keys the way a paste or a slow link delivers them: all queued before any is handled."""
    from textual import events

    driver = pilot.app._driver
    assert driver is not None
    for key in keys:
        event = events.Key(key, "/" if key == "slash" else key if len(key) == 1 else None)
        event.set_sender(pilot.app)
        driver.send_message(event)
    await pilot.pause()
    await pilot.pause()


@sync
async def test_slash_and_query_in_one_burst_all_land_in_the_search(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await burst(pilot, "slash", "z", "s", "c", "q")
        assert app.is_running  # the q was typed, not taken as "quit"
        bar = app.query_one(SearchBar)
        assert app.focused is bar.input
        assert bar.input.value == "zscq"
        assert bar.hits
        await burst(pilot, "slash")  # inside the bar, / is just a character
        assert bar.input.value == "zscq/"


@pytest.mark.parametrize("keys", [("right", "right"), ("l", "l"), ("j", "l", "l")])
@sync
async def test_expand_then_step_in_fast_lands_on_the_first_child(
    bundled: Report, keys: tuple[str, ...]
) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        tree = app.query_one(ReportTree)
        if keys[0] != "j":  # put the cursor on the collapsed 二、 first
            await press(pilot, "h", "j")
            assert current(app).id == "2"  # type: ignore[union-attr]
        else:
            await press(pilot, "h")  # 一、 collapsed: j goes to 二、
        await burst(pilot, *keys)
        assert current(app).id == "2.1"  # type: ignore[union-attr]
        assert shown(app).id == "2.1"  # type: ignore[union-attr]
        assert tree.cursor_node is not None and tree.cursor_node.data.node.id == "2.1"  # type: ignore[union-attr]


@sync
async def test_search_reports_the_true_total_beyond_the_shown_list(bundled: Report) -> None:
    from zimao_tui.ui.widgets.search_bar import RESULT_LIMIT

    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        bar = app.query_one(SearchBar)
        await press(pilot, "slash")
        await pilot.press(*"!创新")
        await pilot.pause()
        expected = len(bar.index.search("!创新", limit=10_000))  # type: ignore[union-attr]
        assert expected > RESULT_LIMIT
        status = str(bar.status.render())
        assert str(expected) in status and str(RESULT_LIMIT) in status
        assert bar.results.option_count == RESULT_LIMIT
        bar.step(10 * RESULT_LIMIT)  # ↓ held down stops at the last listed result
        assert bar.results.highlighted == RESULT_LIMIT - 1
        await press(pilot, "enter")
        assert len(explorer(app).search_hits.hits) == expected  # n/N walk every hit, not just the listed ones


@sync
async def test_hit_counter_does_not_stack_toasts(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await press(pilot, "slash")
        await pilot.press(*"人才")
        await pilot.pause()
        bar = app.query_one(SearchBar)
        total = len(bar.hits)
        assert total >= 4
        in_order = sorted(bar.hits, key=lambda h: [int(p) for p in h.measure.id.split(".")])
        start = in_order.index(bar.hits[0])  # Enter shows the best hit; n goes on in the report's order
        await press(pilot, "enter", "n", "n", "n")
        assert shown(app) == in_order[start + 3].measure
        assert len(notifications(app)) == 0  # no "match k/n" toast pile
        body = str(app.query_one("#detail-body").render())
        assert f"匹配 {start + 4}/{total}" in body


@sync
async def test_breadcrumb_names_the_report_when_several_are_open(bundled: Report, data_dir: Path) -> None:
    from zimao_tui.document.parse import load_report

    other = load_report(data_dir / "fullwidth.txt")
    app = make_app([bundled, other])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        measure = next(bundled.measures())
        explorer(app).go_to(bundled, measure)
        await pilot.pause()
        first_line = str(app.query_one("#detail-body").render()).splitlines()[0]
        assert first_line.startswith(f"《{bundled.title}》")


@sync
async def test_index_arrives_before_keywords_and_detail_says_loading(
    bundled: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Empty cache: the shipped index is usable at once; keywords (a jieba child) come later."""
    import threading

    from zimao_tui.insights import keywords

    monkeypatch.setenv("ZIMAO_TUI_CACHE_DIR", str(tmp_path / "empty-cache"))
    release = threading.Event()
    real = keywords.ensure_keywords

    def slow(*args: object, **kwargs: object) -> object:
        assert release.wait(30)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(keywords, "ensure_keywords", slow)
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        bar = app.query_one(SearchBar)
        for _ in range(200):
            if bar.index is not None:
                break
            await pilot.pause(0.02)
        assert bar.index is not None  # while the keywords are still being computed
        body = str(app.query_one("#detail-body").render())
        assert "关键词：计算中" in body and "关键词：无" not in body
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert explorer(app).keywords
        body = str(app.query_one("#detail-body").render())
        assert "计算中" not in body


def next_in_report_order(hits: list[Hit], hit: Hit) -> Hit:
    """The hit after ``hit`` as the report reads (where ``n`` goes), wrapping at the end."""
    in_order = sorted(hits, key=lambda h: [int(p) for p in h.measure.id.split(".")])
    return in_order[(in_order.index(hit) + 1) % len(in_order)]


@sync
async def test_enter_then_n_in_one_burst_steps_to_the_next_hit(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await burst(pilot, "slash", "人", "才")  # the query is in and searched; then, fast:
        await burst(pilot, "enter", "n")
        bar = app.query_one(SearchBar)
        assert bar.input.value == "人才"  # the n was not typed into the query
        assert isinstance(app.focused, ReportTree)
        after = next_in_report_order(bar.hits, bar.hits[0])
        assert shown(app) == after.measure
        await pilot.pause()
        assert current(app) == after.measure


@sync
async def test_a_whole_search_pasted_at_once_jumps_and_steps(bundled: Report) -> None:
    """``/zscq⏎n`` in one burst: nothing of it has been read when Enter arrives."""
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await burst(pilot, "slash", "z", "s", "c", "q", "enter", "n")
        await pilot.pause()
        bar = app.query_one(SearchBar)
        assert bar.input.value == "zscq"  # the n stepped, it was not typed
        assert not bar.results.display  # and the list, hidden by the jump, stays hidden
        assert isinstance(app.focused, ReportTree)
        after = next_in_report_order(bar.hits, bar.hits[0])
        assert len(bar.hits) >= 2 and shown(app) == after.measure
        assert "知识产权" in after.measure.text


@sync
async def test_forty_next_measure_keys_in_one_burst_land_on_the_fortieth(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await burst(pilot, *["right_square_bracket"] * 40)
        for _ in range(5):
            await pilot.pause()
        fortieth = list(bundled.measures())[39]
        assert shown(app) == fortieth and current(app) == fortieth


@sync
async def test_bookmark_on_a_read_only_store_says_why_in_chinese(
    bundled: Report, user_dirs: dict[str, Path]
) -> None:
    store = user_dirs["data"] / "bookmarks.toml"
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_text("schema_version = 99\nbookmarks = []\n", encoding="utf-8")
    before = store.read_bytes()
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await press(pilot, "right_square_bracket", "b")
        messages = [n.message for n in notifications(app)]
        assert any("更新版本" in str(m) for m in messages), messages
        assert not any("ReadOnlyError" in str(m) for m in messages)
    assert store.read_bytes() == before


@sync
async def test_a_bookmarks_file_damaged_while_the_app_runs_is_set_aside_and_the_user_told(
    bundled: Report, user_dirs: dict[str, Path]
) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await press(pilot, "right_square_bracket", "b")  # one bookmark, file written
        store = user_dirs["data"] / "bookmarks.toml"
        damaged = b"\xff not toml [[["
        store.write_bytes(damaged)  # another program breaks it meanwhile
        await press(pilot, "right_square_bracket", "b")
        messages = [str(n.message) for n in notifications(app)]
        assert any("书签文件被外部改坏" in m for m in messages), messages
        aside = [p for p in store.parent.iterdir() if p.name != store.name and p.read_bytes() == damaged]
        assert len(aside) == 1 and any(str(aside[0]) in m for m in messages)
        assert len(app.bookmarks.bookmarks) == 2  # rewritten from what the app showed, plus the new one


@sync
async def test_the_explorer_keeps_textual_tree_and_closed(bundled: Report) -> None:
    """Issue 12: a ``tree`` property hid DOMNode.tree and a ``_closed`` handler MessagePump._closed."""
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = explorer(app)
        assert screen._closed is False  # MessagePump's flag, not a bound method (always truthy)
        assert isinstance(screen.tree, RichTree)  # DOMNode.tree: a Rich tree of the DOM
        assert isinstance(screen.report_tree, ReportTree)
        assert "_closed" not in vars(ExplorerScreen) and "tree" not in vars(ExplorerScreen)


def palette_entries(app: ZimaoApp) -> dict[str, str]:
    """The palette's listed commands: title -> the key shown beside it."""
    from textual.command import CommandList

    entries: dict[str, str] = {}
    for option in app.screen.query_one(CommandList).options:
        title, _, key = str(option.prompt).partition("\n")
        entries[title.strip()] = key.strip()
    return entries


@sync
async def test_the_palette_shows_the_keys_remapped_in_config(bundled: Report, tmp_path: Path) -> None:
    """The palette's commands are the screens' bindings: a key remapped in config.toml is the
    key the palette shows (it used to show the default letters, whatever the config said),
    and running the command from the palette does what the key does."""
    path = tmp_path / "config.toml"
    path.write_text('[keys]\n"zimao.cite" = "x"\n"zimao.figures" = "F"\n', encoding="utf-8")
    config, warnings = load_config(path)
    assert not warnings
    app = ZimaoApp([bundled], config)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await press(pilot, "right_square_bracket", "ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.pause(0.3)
        entries = palette_entries(app)
        assert entries["复制当前措施（带引文）"] == "x"
        assert entries["数字一览"] == "F"
        assert entries["复制当前措施"] == "c"  # not remapped: its default
        assert entries["帮助"] == "?"
        await pilot.press(*"带引文")
        await pilot.pause(0.3)
        await press(pilot, "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
        measure = bundled.node("1.1.1")
        assert isinstance(measure, Measure)
        assert app.clipboard == cite(bundled, measure, app.config.citation_template)


@sync
async def test_results_over_several_reports_are_grouped_by_report(bundled: Report, data_dir: Path) -> None:
    """Each report's hits under its title, said once (a disabled header the cursor skips), in
    place of a title cut to ten characters before every hit; ↓ and Enter reach the second
    report's hit."""
    from textual.widgets import OptionList

    from zimao_tui.document.parse import load_report

    other = load_report(data_dir / "fullwidth.txt")
    app = make_app([bundled, other])
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"一业一证")
        await pilot.pause()
        results = app.screen.query_one("#search-results", OptionList)
        options = [results.get_option_at_index(i) for i in range(results.option_count)]
        headers = [str(o.prompt) for o in options if o.disabled]
        assert headers == [f"《{bundled.title}》", f"《{other.title}》"]
        hits = [str(o.prompt) for o in options if not o.disabled]
        assert len(hits) == 2 and not any("《" in hit for hit in hits)
        assert not options[results.highlighted or 0].disabled  # the first hit, not a header
        await pilot.press("down")
        await pilot.pause()
        assert results.highlighted == 3  # past the second header
        await press(pilot, "enter")
        entry = app.query_one(DetailPane).entry
        assert entry is not None and entry.report is other and current(app).text == "推行“一业一证”改革。"  # type: ignore[union-attr]
