"""Keys typed in one burst keep their order: ``/`` then letters reach the field ``/`` opened.

A paste, a fast typist or a slow SSH link delivers ``/gdp`` to the app at once. The key that
opens a field must move the focus before the app reads the next key (``ui/focus_now.py``);
with ``Widget.focus`` the letters went to the table or list, where they are commands (``s``
sorted the figures, ``e`` edited a bookmark's note). The keys are posted as the terminal
driver posts them, without waiting between them, which Pilot's ``press`` would do.
"""

from __future__ import annotations

import pytest
from app_fixtures import app_env, make_app, press, sync, wait_ready  # noqa: F401  (app_env is a fixture)
from textual import events
from textual.widgets import Input

from zimao_tui.document.report import Report

pytestmark = pytest.mark.usefixtures("app_env")

SIZE = (100, 30)


@pytest.mark.parametrize(
    ("opener", "field"),
    [("f", "#fig-filter"), ("T", "#glo-filter"), ("B", "#bookmarks-filter"), ("r", "#reading-find")],
)
@sync
async def test_slash_then_letters_in_one_burst_are_typed_into_the_field(
    bundled: Report, opener: str, field: str
) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await press(pilot, "right_square_bracket", opener)
        for _ in range(100):
            if app.screen.query(field):
                break
            await pilot.pause(0.02)
        screen = app.screen
        typed_in = screen.focused is screen.query_one(field)  # the glossary opens in its filter
        app.post_message(events.Key("slash", "/"))
        for char in "seg":  # each a command of one of these screens
            app.post_message(events.Key(char, char))
        for _ in range(50):
            await pilot.pause()
        assert app.screen is screen
        assert screen.query_one(field, Input).value == ("/seg" if typed_in else "seg")
