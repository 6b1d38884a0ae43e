"""Shared set-up for the app's Pilot and snapshot tests (imported by tests/ui/test_app*.py).

The search index and keyword cache are built once per test process into a shared cache
folder, so each test starts the app the way a user with a warm cache does: fast, and with
no jieba on the way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hosts import sync  # noqa: F401  (re-exported: the app tests import it from here)
from textual.pilot import Pilot

from zimao_tui.document.report import Report
from zimao_tui.insights.keywords import build_keywords
from zimao_tui.search.search import open_index
from zimao_tui.store.config import Config
from zimao_tui.ui import clipboard
from zimao_tui.ui.app import ZimaoApp

_WARM: dict[str, Path] = {}


def warm_cache(report: Report, folder: Path) -> Path:
    """Build index and keywords for ``report`` in ``folder`` once per process."""
    if "path" not in _WARM:
        open_index([report], folder)
        build_keywords(report, folder)
        _WARM["path"] = folder
    return _WARM["path"]


@pytest.fixture
def app_env(
    bundled: Report, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Warm shared cache; no native clipboard tool, so copies are observable in app.clipboard."""
    folder = warm_cache(bundled, tmp_path_factory.getbasetemp() / "warm-cache")
    monkeypatch.setenv("ZIMAO_TUI_CACHE_DIR", str(folder))
    monkeypatch.setattr(clipboard, "native_command", lambda: None)


def make_app(reports: list[Report], **config: object) -> ZimaoApp:
    """The app as the CLI builds it, with a fixed theme and default settings."""
    return ZimaoApp(reports, Config(**config))  # type: ignore[arg-type]


async def wait_ready(pilot: Pilot[Any]) -> None:
    """Wait until the explorer's index worker (started after the first paint) has finished."""
    from zimao_tui.ui.widgets.search_bar import SearchBar

    bar = pilot.app.screen.query_one(SearchBar)
    for _ in range(400):
        await pilot.app.workers.wait_for_complete()
        if bar.index is not None or bar.index_error is not None:
            break
        await pilot.pause(0.025)
    await pilot.pause()


async def press(pilot: Pilot[Any], *keys: str) -> None:
    """Press each key and let the app settle after it: its workers done (bookmark changes land
    off the UI thread) and the screen refreshed (a key's screen may open in between)."""
    for key in keys:
        await pilot.press(key)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
