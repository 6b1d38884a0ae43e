"""A small library for the catalogue's Pilot and snapshot tests, built once per test process.

Four reports read into a store (the bundled report, the 2018 State Council notice, the 2025
government work report, the 2019 holiday notice), then the holiday notice's file deleted, so
the catalogue has a missing row. Each test gets its own copy of the store in its data folder;
the files stay where they were built, and the cache folder is the app tests' warm one (so the
filter's pinyin index is built once).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from app_fixtures import warm_cache
from textual.pilot import Pilot

from zimao_tui.document.report import Report
from zimao_tui.paths import bundled_report
from zimao_tui.search.library_index import index
from zimao_tui.store.library import Library
from zimao_tui.ui.app import ZimaoApp
from zimao_tui.ui.screens.catalogue import CatalogueScreen
from zimao_tui.ui.screens.catalogue_flow import Shelf

DOCS = Path(__file__).parents[1] / "documents"
FILES = {
    "wuhan.txt": bundled_report(),
    "notice.txt": DOCS / "12-ftz-measures-guofa-2018-38.txt",
    "gwr.txt": DOCS / "01-gwr-national-2025.txt",
    "holidays.txt": DOCS / "21-notice-holidays-2019.txt",
}
_BUILT: dict[str, Path] = {}


def build_library(root: Path, cache: Path) -> Path:
    """The store file (built once per process), its reports under ``root/reports``."""
    if "store" not in _BUILT:
        folder = root / "reports"
        folder.mkdir(parents=True)
        for name, source in FILES.items():
            shutil.copy(source, folder / name)
        files = [folder / name for name in FILES]
        with Library(root / "store" / "library.sqlite3") as library:
            library.register(files)
            index(library, library.stale(files), cache, workers=1)
            (folder / "holidays.txt").unlink()
            library.stale()  # marks it missing
        _BUILT["store"] = root / "store" / "library.sqlite3"
    return _BUILT["store"]


@pytest.fixture
def library_env(
    app_env: None, bundled: Report, tmp_path_factory: pytest.TempPathFactory, user_dirs: dict[str, Path]
) -> Path:
    """The test's data folder holds a copy of the small library; returns its store file."""
    cache = warm_cache(bundled, tmp_path_factory.getbasetemp() / "warm-cache")
    store = build_library(tmp_path_factory.getbasetemp() / "catalogue-library", cache)
    user_dirs["data"].mkdir(parents=True, exist_ok=True)
    target = user_dirs["data"] / "library.sqlite3"
    shutil.copy(store, target)
    return target


def catalogue_app(store: Path, **kwargs: Any) -> ZimaoApp:
    """The app as ``zimao-tui`` starts it on a library."""
    return ZimaoApp([], shelf=Shelf(Library(store)), **kwargs)


async def settle(pilot: Pilot[Any], index: bool = True) -> CatalogueScreen:
    """Wait for the catalogue's start-up workers (and the filter's pinyin index)."""
    screen = pilot.app.screen
    assert isinstance(screen, CatalogueScreen)
    for _ in range(400):
        await pilot.app.workers.wait_for_complete()
        if screen.shelf.search_ready and not screen.reading and (screen.matcher.index or not index):
            break
        await pilot.pause(0.025)
    await pilot.pause()
    return screen
