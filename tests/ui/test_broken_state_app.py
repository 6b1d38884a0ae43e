"""The app against hostile input (issue 10, items 3, 4 and 7): it starts, it stays up.

A user theme whose ``[variables]`` break the CSS is never offered (and a saved choice of it
falls back without being overwritten); a cache that cannot be written costs one warning,
not the search; a query pasted at 10,000 characters is answered.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from app_fixtures import app_env, make_app, sync, wait_ready  # noqa: F401  (app_env is a fixture)
from textual.pilot import Pilot
from textual.widgets import Label

from zimao_tui.document.parse import load_report
from zimao_tui.document.report import Report
from zimao_tui.i18n import Notice
from zimao_tui.store.config import Config, load_config, save_config
from zimao_tui.ui.app import ZimaoApp
from zimao_tui.ui.textual_compat import notifications
from zimao_tui.ui.widgets.search_bar import SearchBar

pytestmark = pytest.mark.usefixtures("app_env")

SIZE = (100, 32)
BROKEN = 'name = "broken-vars"\nprimary = "#336699"\n[variables]\nfooter-key-foreground = "notacolour"\n'
GOOD = 'name = "good-vars"\nprimary = "#336699"\n[variables]\nfooter-key-foreground = "#ff0000"\n'


def _themes(user_dirs: dict[str, Path]) -> None:
    folder = user_dirs["config"] / "themes"
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text(BROKEN, encoding="utf-8")
    (folder / "good.toml").write_text(GOOD, encoding="utf-8")


def _messages(app: ZimaoApp) -> list[str]:
    return [n.message for n in notifications(app)]


@sync
async def test_a_theme_whose_css_fails_is_never_offered(bundled: Report, user_dirs: dict[str, Path]) -> None:
    _themes(user_dirs)
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        assert "broken-vars" not in app.theme_names and "good-vars" in app.theme_names
        failed = [m for m in _messages(app) if "broken.toml" in m]
        assert len(failed) == 1 and "notacolour" in failed[0] and "[i]" not in failed[0]
        seen = set()
        for _ in app.theme_names:  # t all the way round: every theme offered builds
            await pilot.press("t")
            await pilot.pause()
            seen.add(app.theme)
        assert seen == set(app.theme_names)
        assert app.is_running


@sync
async def test_a_saved_broken_theme_falls_back_and_is_kept(
    bundled: Report, user_dirs: dict[str, Path]
) -> None:
    _themes(user_dirs)
    config, _ = load_config()
    config.theme = "broken-vars"
    save_config(config)
    saved = (user_dirs["config"] / "config.toml").read_text(encoding="utf-8")
    config, _ = load_config()
    app = ZimaoApp([bundled], config)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        assert app.theme == "zimao-paper"
        assert any("broken-vars" in m and "zimao-paper" in m for m in _messages(app))
    assert (user_dirs["config"] / "config.toml").read_text(encoding="utf-8") == saved


@pytest.mark.parametrize("report_cache_warned", [False, True])
@sync
async def test_an_unwritable_cache_costs_one_warning_not_the_search(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, report_cache_warned: bool
) -> None:
    """The cache folder is a file: the index and keywords children cannot write; search and
    keywords still arrive, and the user is told once (by the report cache's warning at start,
    when launch() had one, else by the first child)."""
    report_path = tmp_path / "small.txt"
    report_path.write_text(
        "小报告\n一、知识产权\n推动知识产权证券化试点。\n二、营商环境\n推行一业一证改革。\n", "utf-8"
    )
    blocked = tmp_path / "cache-is-a-file"
    blocked.write_text("x", encoding="utf-8")
    monkeypatch.setenv("ZIMAO_TUI_CACHE_DIR", str(blocked))
    # launch() passes the report cache's own warning when it could not write either
    start = [Notice("notice.report_cache", error="Not a directory", folder=blocked / "reports")]
    start = start if report_cache_warned else []
    app = ZimaoApp([load_report(report_path)], Config(), start)
    warned: list[str] = []  # toasts expire while the children run on a busy machine: record them
    shown = app.warn
    app.warn = lambda notice: (warned.append(str(notice)), shown(notice))[-1]  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        bar = app.query_one(SearchBar)
        assert bar.index_error is None and bar.index is not None
        assert bar.index.search("yyyz")[0].measure.id == "2.1"
        assert app.screen.keywords  # type: ignore[attr-defined]
        warnings = [w for w in warned if str(blocked) in w]
        assert len(warnings) == 1
        assert ("无法保存已解析的报告" if report_cache_warned else "缓存无法写入") in warnings[0]
        assert not [n for n in notifications(app) if n.severity == "error"]


async def _type(pilot: Pilot[None], text: str) -> None:
    bar = pilot.app.query_one(SearchBar)
    await pilot.press("slash")
    bar.input.insert_text_at_cursor(text)  # a paste: one edit, not 10,000 key presses
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@sync
async def test_a_pasted_ten_thousand_letter_query_is_answered(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await _type(pilot, "a" * 10_000)
        assert app.is_running
        bar = app.query_one(SearchBar)
        status = str(bar.query_one("#search-status", Label).render())
        assert "aaaa" in status and len(status) < 60  # named, cut short: not a screenful of a
        bar.input.value = "zscq"
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert bar.hits and app.is_running


@pytest.mark.parametrize("value", ["{", "red; }", "x;}} Screen {background: red"])
@sync
async def test_a_theme_value_that_breaks_the_css_tokenizer_is_skipped(
    bundled: Report, user_dirs: dict[str, Path], value: str
) -> None:
    """Braces in a value break Textual's tokenizer itself (TokenError, UnexpectedEnd), which is
    not a StylesheetParseError: it killed the app at every start, chosen or not."""
    folder = user_dirs["config"] / "themes"
    folder.mkdir(parents=True)
    theme = f'name = "braces"\nprimary = "#336699"\n[variables]\nfooter-key-foreground = {value!r}\n'
    (folder / "braces.toml").write_text(theme.replace("'", '"'), encoding="utf-8")
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        assert "braces" not in app.theme_names
        assert any("braces.toml" in m for m in _messages(app))
        assert app.is_running
