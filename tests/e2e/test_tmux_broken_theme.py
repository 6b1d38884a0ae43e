"""The installed command starting on a broken user theme (issue 10, item 4), under tmux.

A theme whose ``[variables]`` break the CSS used to kill the app at start, every start once
it had been chosen. Now the app starts on the default theme, says why, and leaves the
user's config.toml as it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from test_tmux import terminal, tmux, wait_for  # noqa: F401  (terminal is a fixture)

pytestmark = pytest.mark.e2e

CONFIG = 'theme = "broken-vars"\n'


@pytest.fixture
def broken_theme_chosen(user_dirs: dict[str, Path]) -> Path:
    """config.toml choosing a user theme whose variable is not a colour (written before start)."""
    themes = user_dirs["config"] / "themes"
    themes.mkdir(parents=True)
    (themes / "broken.toml").write_text(
        'name = "broken-vars"\nprimary = "#336699"\n[variables]\nfooter-key-foreground = "notacolour"\n',
        encoding="utf-8",
    )
    config = user_dirs["config"] / "config.toml"
    config.write_text(CONFIG, encoding="utf-8")
    return config


def test_a_saved_broken_theme_starts_on_the_default(
    broken_theme_chosen: Path, request: pytest.FixtureRequest
) -> None:
    started: tuple[Callable[[], str], Path] = request.getfixturevalue("terminal")  # after the files
    read, status = started
    screen = wait_for(read, "武汉自贸片区高质量发展创新举措")
    screen = wait_for(read, "broken-vars")  # the toast naming the theme and the fallback
    assert "Traceback" not in screen and "StylesheetParseError" not in screen
    tmux("send-keys", "-t", "e2e", "q")
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not status.exists():
        time.sleep(0.1)
    assert status.read_text().strip() == "0"
    assert broken_theme_chosen.read_text(encoding="utf-8") == CONFIG
