"""Opening reports from inside the app, recent reports, resuming, the tree pane's width,
and interface words Textual used to say in English (issue 15, items 7-10)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from app_fixtures import app_env, make_app, sync, wait_ready  # noqa: F401  (app_env is a fixture)
from textual.pilot import Pilot
from textual.widgets import DirectoryTree

from zimao_tui.document.parse import load_report
from zimao_tui.document.report import Measure, Report
from zimao_tui.paths import data_dir
from zimao_tui.store.reading import ReadingState
from zimao_tui.ui.dialogs.open_report import OpenReportDialog
from zimao_tui.ui.screens.explorer import ExplorerScreen
from zimao_tui.ui.textual_compat import notifications
from zimao_tui.ui.widgets.detail import DetailPane
from zimao_tui.ui.widgets.report_tree import ReportTree

pytestmark = pytest.mark.usefixtures("app_env")

DOCS = Path(__file__).parents[1] / "documents"
LONG_TITLED = (
    Path(__file__).parents[1] / "documents" / "01-gwr-national-2025.txt"
)  # in the repo: CI has no ../shared


def toasts(app: Any) -> str:
    return "\n".join(str(n.message) + str(n.title) for n in notifications(app))


def explorer(app: Any) -> ExplorerScreen:
    screen = app.explorer
    assert isinstance(screen, ExplorerScreen)
    return screen


def shown(app: Any) -> tuple[str, str] | None:
    entry = explorer(app).detail.entry
    return None if entry is None or entry.node is None else (entry.report.title, entry.node.id)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder as users have them: reports, a sub-folder, a hidden file, files of other kinds."""
    root = tmp_path / "reports"
    (root / "sub").mkdir(parents=True)
    (root / "hainan.txt").write_bytes((DOCS / "20-law-hainan-free-trade-port-2021.txt").read_bytes())
    (root / "notes.md").write_text("一、说明\n这是一条说明。\n", encoding="utf-8")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (root / ".hidden.txt").write_text("一、隐藏\n不应出现。\n", encoding="utf-8")
    return root


def save_state(doc: dict[str, Any]) -> Path:
    path = data_dir() / "reading.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


async def settle(pilot: Pilot[Any], rounds: int = 4) -> None:
    """Let messages and short workers run (not ``wait_for_complete``: the open dialog's
    DirectoryTree keeps a loader worker alive while it is shown)."""
    for _ in range(rounds):
        await pilot.pause(0.05)


async def open_dialog(pilot: Pilot[Any]) -> OpenReportDialog:
    await pilot.press("o")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, OpenReportDialog)
    return dialog


def listed(dialog: OpenReportDialog) -> list[str]:
    tree = dialog.query_one(DirectoryTree)
    return [str(node.label) for node in tree.root.children]


@sync
async def test_o_opens_the_last_folder_showing_only_report_files(bundled: Report, folder: Path) -> None:
    save_state({"schema_version": 1, "last_folder": str(folder)})
    app = make_app([bundled])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        dialog = await open_dialog(pilot)
        assert str(folder.name) in str(dialog.query_one("#open-title").render())
        assert listed(dialog) == ["sub", "hainan.txt", "notes.md"]  # folders first; no .jpg, no hidden
        await pilot.press("backspace")  # up: the folder above, where "reports" is listed
        await settle(pilot)
        assert "reports" in listed(dialog)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ExplorerScreen) and app.reports == [bundled]


@sync
async def test_choosing_a_file_opens_it_beside_the_others(bundled: Report, folder: Path) -> None:
    save_state({"schema_version": 1, "last_folder": str(folder)})
    app = make_app([bundled])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await open_dialog(pilot)
        await pilot.press("down", "down", "enter")  # sub, then hainan.txt
        await settle(pilot, 8)
        hainan = "中华人民共和国海南自由贸易港法"
        assert [r.title for r in app.reports] == ["武汉自贸片区高质量发展创新举措", hainan]
        assert isinstance(app.screen, ExplorerScreen)
        tree = app.screen.query_one(ReportTree)
        assert [n.data.report.title for n in tree.root.children if n.data] == [r.title for r in app.reports]
        current = shown(app)
        assert current is not None and current[0] == hainan  # shown at once, at its first measure
        assert app.title == "zimao-tui" and app.sub_title == "2 份报告"
        reading = app.reading
        assert reading.recent[0].title == hainan and reading.last_folder == str(folder.resolve())
        # opening it again shows it, and does not open it twice
        await open_dialog(pilot)
        await pilot.press("down", "down", "enter")
        await settle(pilot, 8)
        assert len(app.reports) == 2 and "已经打开" in toasts(app)


@sync
async def test_a_file_that_cannot_be_read_is_one_toast(bundled: Report, folder: Path) -> None:
    (folder / "empty.txt").write_bytes(b"")
    save_state({"schema_version": 1, "last_folder": str(folder)})
    app = make_app([bundled])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await open_dialog(pilot)
        await pilot.press("down", "down", "enter")  # sub, empty.txt (sorted before hainan.txt)
        await settle(pilot, 8)
        assert app.reports == [bundled] and "无法打开" in toasts(app)


@sync
async def test_reopening_returns_to_the_measure_left(bundled: Report) -> None:
    measure = bundled.node("3.2.5")
    assert isinstance(measure, Measure)
    first = make_app([bundled])
    async with first.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        explorer(first).go_to(bundled, measure)
        await settle(pilot)
        await pilot.press("q")
    saved = json.loads((data_dir() / "reading.json").read_text(encoding="utf-8"))
    assert saved["positions"][bundled.key]["id"] == "3.2.5"
    again = make_app([bundled])
    async with again.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await settle(pilot)
        assert shown(again) == (bundled.title, "3.2.5")
        assert again.screen.query_one(ReportTree).cursor_node.data.node is measure  # type: ignore[union-attr]


@sync
async def test_an_edited_report_finds_the_measure_by_its_text(bundled: Report) -> None:
    measure = bundled.node("3.2.5")
    assert isinstance(measure, Measure)
    save_state({"schema_version": 1, "positions": {bundled.key: {"id": "9.9.9", "text": measure.text[:40]}}})
    app = make_app([bundled])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await settle(pilot)
        assert shown(app) == (bundled.title, "3.2.5")


@sync
@pytest.mark.parametrize(
    ("content", "said"),
    [("{not json", "已损坏"), ('{"positions": []}', "已损坏"), ('{"schema_version": 7}', "更新版本")],
)
async def test_a_damaged_or_newer_state_file_is_kept_and_the_user_told(
    bundled: Report, content: str, said: str
) -> None:
    path = data_dir() / "reading.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    app = make_app([bundled])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await settle(pilot)
        assert said in toasts(app)
        explorer(app).go_to(bundled, next(bundled.measures()))
        await settle(pilot)
        await pilot.press("q")
    aside = sorted(path.parent.glob("reading.json.corrupt-*"))
    if said == "更新版本":
        assert path.read_text(encoding="utf-8") == content and not aside  # never rewritten
    else:
        assert [p.read_text(encoding="utf-8") for p in aside] == [content]  # kept, byte for byte
        assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == 1


@sync
async def test_the_palette_offers_recent_reports_and_opens_them(bundled: Report, folder: Path) -> None:
    hainan = folder / "hainan.txt"
    title = load_report(hainan).title
    save_state({"schema_version": 1, "recent": [{"path": str(hainan.resolve()), "title": title}]})
    app = make_app([bundled])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"最近")
        await settle(pilot, 10)
        await pilot.press("enter")
        await settle(pilot, 10)
        assert [r.title for r in app.reports] == [bundled.title, title]


@sync
async def test_the_palette_matches_pinyin_and_initials(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"zscqzqh")  # 知识产权证券化, by its initials, as in the search bar
        await settle(pilot, 10)
        await pilot.press("enter")
        await settle(pilot, 6)
        current = shown(app)
        assert current is not None
        node = bundled.node(current[1])
        assert isinstance(node, Measure) and "知识产权证券化" in node.text


@sync
async def test_the_palette_says_no_matches_in_the_interface_language(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"0000000")
        for _ in range(20):
            await pilot.pause(0.1)
        text = "\n".join(str(o.prompt) for o in app.screen.query("CommandList").first().options)
        assert "没有匹配的命令" in text and "No matches" not in text


@sync
async def test_ctrl_c_with_nothing_selected_says_how_to_quit_in_chinese(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("ctrl+c")
        await settle(pilot)
        said = toasts(app)
        assert "退出" in said and "要退出吗" in said and "quit" not in said.lower()


@sync
async def test_the_tree_pane_widens_and_narrows_with_keys_and_drag(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        tree = app.screen.query_one(ReportTree)
        before = tree.outer_size.width
        await pilot.press("greater_than_sign", "greater_than_sign")
        await settle(pilot)
        assert tree.outer_size.width == before + 8
        await pilot.press("less_than_sign")
        await settle(pilot)
        assert tree.outer_size.width == before + 4
        for _ in range(30):  # never past the screen less room for the detail
            await pilot.press("greater_than_sign")
        await settle(pilot)
        assert tree.outer_size.width == 80 - 24
        # drag the border (the tree's last column) to column 40
        edge = tree.outer_size.width - 1
        await pilot.mouse_down(tree, offset=(edge, 5))
        await pilot.hover(tree, offset=(39, 5))
        await pilot.mouse_up(tree, offset=(39, 5))
        await settle(pilot)
        assert tree.outer_size.width == 40


@sync
async def test_the_tree_pane_widens_and_narrows_from_the_detail_pane(bundled: Report) -> None:
    """``>``/``<`` are the screen's keys: with the detail pane focused they still size the tree
    (on the tree's own bindings they did nothing once Tab had moved the focus)."""
    app = make_app([bundled])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        tree = app.screen.query_one(ReportTree)
        detail = app.screen.query_one(DetailPane)
        detail.focus()
        await settle(pilot)
        assert app.focused is detail
        before = tree.outer_size.width
        await pilot.press("greater_than_sign", "greater_than_sign", "less_than_sign")
        await settle(pilot)
        assert tree.outer_size.width == before + 4
        assert app.focused is detail  # the keys do not move the focus
        await pilot.press("backslash", "greater_than_sign")  # tree hidden: nothing to size, no error
        await settle(pilot)
        assert not tree.display


@sync
async def test_several_reports_show_short_titles_at_80_columns(bundled: Report) -> None:
    gwr = load_report(LONG_TITLED)
    app = make_app([bundled, gwr])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        tree = app.screen.query_one(ReportTree)
        labels = [str(node.label) for node in tree.root.children]
        width = tree.size.width
        for label, report in zip(labels, [bundled, gwr], strict=True):
            assert label.startswith("《") and "…" in label
            title = label[1 : label.index("》")]
            head, tail = title.split("…")
            assert report.title.startswith(head) and report.title.endswith(tail)
        from rich.cells import cell_len

        assert all(cell_len(label) + 4 <= width for label in labels)  # the whole row fits
        for _ in range(8):
            await pilot.press("greater_than_sign")
        await settle(pilot)
        wide = [str(node.label) for node in tree.root.children]
        assert wide[0].startswith(f"《{bundled.title}》") and bundled.date in wide[0]  # room now


@sync
async def test_the_search_bar_and_help_show_the_query_syntax(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("slash")
        await settle(pilot)
        status = app.screen.query_one("#search-status")
        assert status.display and '"a b" 词组' in str(status.render())
        await pilot.press(*"人才")
        await settle(pilot)
        assert "词组" not in str(status.render())  # the count replaces it while searching
        await pilot.press("escape")
        await settle(pilot)
        assert not status.display
        await pilot.press("question_mark")
        await settle(pilot)
        body = "\n".join(str(s.render()) for s in app.screen.query("Static"))
        assert "搜索语法" in body and "!a" in body and '"a b"' in body


def test_reading_state_merges_two_instances(bundled: Report, tmp_path: Path) -> None:
    path = tmp_path / "reading.json"
    one, two = ReadingState(path), ReadingState(path)
    m1, m2 = bundled.node("1.1.1"), bundled.node("3.2.5")
    assert isinstance(m1, Measure) and isinstance(m2, Measure)
    other = load_report(DOCS / "20-law-hainan-free-trade-port-2021.txt")
    one.remember(bundled, m1)
    one.save()
    two.remember(other, next(other.measures()))
    two.save()  # keeps one's position of the bundled report
    three = ReadingState(path)
    assert three.find(bundled) is m1 and three.find(other) is next(other.measures())
