"""Snapshots of issue 15's screens at 80x24 and 200x50: the reading view, search results with
the live preview, and the results of a search across several reports (grouped by report)."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_fixtures import app_env, make_app, wait_ready  # noqa: F401  (app_env is a fixture)
from textual.pilot import Pilot

from zimao_tui.document.parse import load_report
from zimao_tui.document.report import Report

pytestmark = pytest.mark.usefixtures("app_env")

SIZES = [(80, 24), (200, 50)]


async def _settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_reading_view(snap_compare, bundled: Report, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await wait_ready(pilot)
        pilot.app.screen.go_to(bundled, bundled.node("2.3.5"))  # type: ignore[attr-defined]
        await _settle(pilot)
        await pilot.press("r")
        await _settle(pilot)

    assert snap_compare(make_app([bundled]), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_search_results_with_preview(snap_compare, bundled: Report, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await wait_ready(pilot)
        await pilot.press("slash", *"人才")
        await _settle(pilot)
        await pilot.press("down")
        await _settle(pilot)

    assert snap_compare(make_app([bundled]), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_search_results_of_several_reports(
    snap_compare, bundled: Report, data_dir: Path, size: tuple[int, int]
) -> None:
    other = load_report(data_dir / "fullwidth.txt")

    async def run_before(pilot: Pilot[None]) -> None:
        await wait_ready(pilot)
        await pilot.press("slash", *"一业一证")  # hits in both reports: two groups
        await _settle(pilot)

    assert snap_compare(make_app([bundled, other]), terminal_size=size, run_before=run_before)
