"""A new library holds the bundled report (issue 17): ``L`` on a fresh machine opens a
catalogue that reads it in the background and lists it, rather than an empty table."""

from __future__ import annotations

import pytest
from app_fixtures import app_env, make_app, sync, wait_ready  # noqa: F401  (app_env: fixture)

from zimao_tui.document.report import Report
from zimao_tui.paths import bundled_report
from zimao_tui.ui.screens.catalogue import CatalogueScreen

pytestmark = pytest.mark.usefixtures("app_env")


@sync
async def test_L_on_a_fresh_machine_lists_the_bundled_report(
    bundled: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ZIMAO_TUI_EMPTY_LIBRARY")  # a first library, as a user gets one
    app = make_app([bundled])
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("L")
        screen = app.screen
        assert isinstance(screen, CatalogueScreen)
        for _ in range(600):
            await pilot.pause(0.05)
            if screen.rows and not screen.reading:
                break
        [row] = screen.rows
        assert row.entry.path == str(bundled_report()) and row.entry.state == "present"
        assert row.title == "武汉自贸片区高质量发展创新举措" and row.entry.measures == 126
