"""Under 60 columns (a phone's browser through ``serve``) the tree goes above the detail."""

from __future__ import annotations

import pytest
from app_fixtures import app_env, make_app, sync, wait_ready  # noqa: F401  (app_env is a fixture)

from zimao_tui.document.report import Report

pytestmark = pytest.mark.usefixtures("app_env")


@pytest.mark.parametrize(("width", "stacked"), [(43, True), (59, True), (60, False), (100, False)])
@sync
async def test_tree_above_detail_when_narrow(bundled: Report, width: int, stacked: bool) -> None:
    app = make_app([bundled])
    async with app.run_test(size=(width, 40)) as pilot:
        await wait_ready(pilot)
        tree = app.screen.query_one("#tree").region
        detail = app.screen.query_one("#detail").region
        if stacked:
            assert detail.y >= tree.bottom and detail.width >= width - 2  # below, full width
            assert tree.height >= 10 and detail.height >= 10
        else:
            assert detail.x >= tree.right and detail.y == tree.y  # beside


@pytest.mark.parametrize(("width", "shown"), [(50, False), (70, False), (80, True), (120, True)])
@sync
async def test_the_palette_key_leaves_the_footer_below_80_columns(
    bundled: Report, width: int, shown: bool
) -> None:
    """Below 80 columns the footer's docked ^p covered the keys under it: hidden (ctrl+p still works).
    The explorer has breakpoints of its own, which replace the app's: it must name this one too."""
    app = make_app([bundled])
    async with app.run_test(size=(width, 30)) as pilot:
        await wait_ready(pilot)
        palette_keys = [key for key in app.screen.query("FooterKey") if key.has_class("-command-palette")]
        assert palette_keys and all(key.display is shown for key in palette_keys)
