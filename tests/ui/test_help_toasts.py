"""Toasts over the help screen stay clear of the help box's border (issue 15's cosmetic bug).

Textual docks its toasts at the screen's bottom right; the help box is centred and nearly as
wide as an 80-column screen, so a toast drew over the box's right and bottom border. The test
reads the regions Textual laid out: every toast inside the box's border, at 80x24 and larger.
"""

from __future__ import annotations

import pytest
from app_fixtures import app_env, make_app, sync, wait_ready  # noqa: F401  (app_env is a fixture)
from textual.geometry import Region, Spacing
from textual.widget import Widget

from zimao_tui.document.report import Report
from zimao_tui.ui.screens.help import HelpScreen

pytestmark = pytest.mark.usefixtures("app_env")

LONG = "已复制 126 字（OSC 52 与 xclip），可在其他窗口粘贴；这条通知足够长，会折成好几行"


def toast_regions(screen: Widget) -> list[Region]:
    return [toast.region for toast in screen.query("Toast") if toast.region]


@sync
@pytest.mark.parametrize("size", [(80, 24), (100, 30), (200, 50)])
async def test_toasts_over_the_help_stay_inside_its_border(bundled: Report, size: tuple[int, int]) -> None:
    app = make_app([bundled])
    async with app.run_test(size=size, notifications=True) as pilot:
        await wait_ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        app.notify(LONG)
        app.notify("第二条")
        for _ in range(4):
            await pilot.pause(0.05)
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        box = screen.query_one("#help-box").region
        inside = box.shrink(Spacing(1, 1, 1, 1))  # within the round border
        regions = toast_regions(screen)
        assert len(regions) == 2
        for region in regions:
            assert inside.contains_region(region), (size, region, box)
        await pilot.resize_terminal(size[0] + 7, size[1] + 3)  # the box moves: the toasts follow
        for _ in range(4):
            await pilot.pause(0.05)
        box = screen.query_one("#help-box").region
        assert all(box.shrink(Spacing(1, 1, 1, 1)).contains_region(r) for r in toast_regions(screen))
