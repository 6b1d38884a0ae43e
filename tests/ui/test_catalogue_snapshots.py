"""Snapshots of the catalogue (issue 17) at 80x24 and 200x50, in Chinese: the rows with a
missing file, a selection and a sort; and the library search screen with its hits."""

from __future__ import annotations

from typing import Any

import pytest
from app_fixtures import app_env  # noqa: F401  (a fixture)
from catalogue_fixtures import catalogue_app, library_env, settle  # noqa: F401  (a fixture)
from textual.pilot import Pilot

from zimao_tui.store.library import library_path
from zimao_tui.ui.screens.library_search import LibrarySearchScreen

pytestmark = pytest.mark.usefixtures("library_env")

SIZES = [(80, 24), (200, 50)]


async def select_and_sort(pilot: Pilot[Any]) -> None:
    await settle(pilot, index=False)
    await pilot.press("down", "space", "5")  # the notice selected; sorted by measures
    await pilot.pause()


async def search(pilot: Pilot[Any]) -> None:
    await settle(pilot, index=False)
    await pilot.press("s", *"自由贸易试验区")
    screen = pilot.app.screen
    assert isinstance(screen, LibrarySearchScreen)
    for _ in range(200):
        await pilot.pause(0.02)
        if screen.hits:
            break
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_catalogue(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(catalogue_app(library_path()), terminal_size=size, run_before=select_and_sort)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_library_search(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(catalogue_app(library_path()), terminal_size=size, run_before=search)
