"""A read-only session (``--read-only``, what ``serve --read-only`` runs) writes nothing, and
every key that would change bookmarks, notes or the theme says so when pressed; exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_fixtures import app_env, press, sync, wait_ready  # noqa: F401  (app_env is a fixture)
from hosts import Host

from zimao_tui.document.report import Measure, Report
from zimao_tui.store.bookmarks import BookmarkStore
from zimao_tui.store.config import Config
from zimao_tui.ui.app import ZimaoApp
from zimao_tui.ui.dialogs.note import NoteDialog
from zimao_tui.ui.screens.bookmarks import BookmarksScreen
from zimao_tui.ui.textual_compat import notifications

pytestmark = pytest.mark.usefixtures("app_env")

SIZE = (100, 32)


def toasts(app: object) -> str:
    return "\n".join(str(n.message) for n in notifications(app))  # type: ignore[arg-type]


def files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


@sync
async def test_read_only_keys_say_so_and_write_nothing(bundled: Report, user_dirs: dict[str, Path]) -> None:
    app = ZimaoApp([bundled], Config(), read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        theme = app.theme
        await press(pilot, "right_square_bracket", "b")
        await app.workers.wait_for_complete()
        assert "只读会话" in toasts(app) and "书签" in toasts(app)
        await press(pilot, "e")
        assert not isinstance(app.screen, NoteDialog)  # nothing to type and then lose
        await press(pilot, "t")
        assert app.theme == theme and "主题" in toasts(app)
        await press(pilot, "slash", *"zscq", "enter")
        await app.workers.wait_for_complete()
    assert files(user_dirs["data"]) == []  # no bookmarks.toml, no search history
    assert files(user_dirs["config"]) == []  # no config.toml


@sync
async def test_a_normal_session_still_writes(bundled: Report, user_dirs: dict[str, Path]) -> None:
    """The same keys without --read-only: the test above would pass if nothing ever wrote."""
    app = ZimaoApp([bundled], Config())
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await press(pilot, "right_square_bracket", "b")
        await app.workers.wait_for_complete()
        for _ in range(40):
            if (user_dirs["data"] / "bookmarks.toml").exists():
                break
            await pilot.pause(0.05)
        await press(pilot, "t")
    assert (user_dirs["data"] / "bookmarks.toml").exists()
    assert (user_dirs["config"] / "config.toml").exists()


def measure(report: Report, measure_id: str) -> Measure:
    node = report.node(measure_id)
    assert isinstance(node, Measure)
    return node


@sync
async def test_the_bookmark_list_refuses_edit_and_delete(bundled: Report, tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.toml"
    BookmarkStore(path).update(bundled, measure(bundled, "1.2.2"), "笔记", ["标签"])
    before = path.read_bytes()
    store = BookmarkStore(path, read_only=True)
    app = Host(BookmarksScreen, store, [bundled])
    async with app.opened() as (pilot, screen):
        await press(pilot, "e")
        assert app.screen is screen  # no note dialog
        await press(pilot, "d")
        assert app.screen is screen  # no confirm dialog
        assert toasts(app).count("只读会话") == 2
    assert path.read_bytes() == before


def test_a_read_only_session_never_sets_a_corrupt_file_aside(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.toml"
    path.write_text("[[bookmark]\nbroken", encoding="utf-8")
    store = BookmarkStore(path, read_only=True)
    assert store.read_only and store.warnings
    assert [p.name for p in tmp_path.iterdir()] == ["bookmarks.toml"]  # not moved, no copy


@sync
async def test_export_delivers_markdown_and_never_overwrites(
    bundled: Report, tmp_path: Path, user_dirs: dict[str, Path]
) -> None:
    store = BookmarkStore(tmp_path / "bookmarks.toml")
    store.update(bundled, measure(bundled, "3.2.5"), "生物产业园区", ["生物"])
    app = Host(BookmarksScreen, store, [bundled])
    async with app.opened() as (pilot, _screen):
        for count in (1, 2):
            await press(pilot, "x")
            for _ in range(40):
                await pilot.pause(0.05)
                if len(files(user_dirs["downloads"])) == count:
                    break
    first, second = files(user_dirs["downloads"])
    assert [first.name, second.name] == ["zimao-bookmarks-2.md", "zimao-bookmarks.md"]
    text = first.read_text(encoding="utf-8")
    assert text == second.read_text(encoding="utf-8")
    assert (
        "> “建成‘产城一体、错位发展’园区载体。”——《武汉自贸片区高质量发展创新举措》" in text
    )  # quote, citation
    assert "生物产业园区" in text and "#生物" in text


@sync
async def test_the_figures_screen_exports_what_it_shows_as_csv(
    bundled: Report, user_dirs: dict[str, Path]
) -> None:
    import csv
    import io

    from zimao_tui.ui.screens.figures import FiguresScreen

    app = ZimaoApp([bundled], Config())
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await press(pilot, "f")
        assert isinstance(app.screen, FiguresScreen)
        await press(pilot, "slash", *"亿元", "down", "x")  # filter, to the table, export
        for _ in range(60):
            await pilot.pause(0.05)
            if files(user_dirs["downloads"]) and "CSV" in toasts(app):
                break
        shown = len(app.screen.shown)
    [exported] = files(user_dirs["downloads"])
    rows = list(csv.DictReader(io.StringIO(exported.read_text(encoding="utf-8"))))
    assert len(rows) == shown and 0 < shown < 40  # the filtered rows, not every figure
    assert all("亿元" in row["raw"] for row in rows)
    assert exported.name == "zimao-figures.csv" and str(exported) in toasts(app)


@sync
async def test_the_compare_screen_exports_the_filtered_comparison(user_dirs: dict[str, Path]) -> None:
    from zimao_tui.document.parse import load_report
    from zimao_tui.ui.screens.compare import CompareScreen

    data = Path(__file__).parents[1] / "data" / "compare"
    older, newer = load_report(data / "a.txt"), load_report(data / "b.txt")
    app = ZimaoApp([older, newer], Config())
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "D")
        assert isinstance(app.screen, CompareScreen)
        await press(pilot, "s", "s", "x")  # every change, then "changed" only; export
        for _ in range(60):
            await pilot.pause(0.05)
            if files(user_dirs["downloads"]):
                break
    [exported] = files(user_dirs["downloads"])
    text = exported.read_text(encoding="utf-8")
    assert exported.name == "zimao-compare.md" and text.startswith(f"# {older.title} → {newer.title}")
    assert "~~7000~~**7350**" in text  # the edit inside the number, whole
    assert "## 修改" in text and "## 新增" not in text and "## 删除" not in text  # the filter's statuses
