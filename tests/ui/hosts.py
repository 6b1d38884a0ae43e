"""Running one screen on its own in Pilot tests: a tiny host app and the asyncio.run wrapper.

The screen tests (figures, glossary, bookmarks, note dialog) exercise a screen without the
explorer around it: the host pushes the screen on mount and keeps what the screen was
dismissed with, which is what the explorer would receive. Imported by tests/ui/test_*.py
(and app_fixtures.py, for ``sync``).
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from typing import Any, Generic, TypeVar

import pytest
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Static

S = TypeVar("S", bound=Screen[Any])

NOT_DISMISSED: Any = object()
"""``Host.result`` until the screen is dismissed (``None`` is a real result: Esc)."""

snapshot_sizes = pytest.mark.parametrize("size", [(80, 24), (140, 42)], ids=["80x24", "140x42"])
"""The two terminal sizes each screen is pictured at; the ids are part of the snapshot file names."""


def sync(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async Pilot test with asyncio.run (no pytest-asyncio among the dependencies)."""

    @functools.wraps(test)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return wrapper


class Host(App[None], Generic[S]):
    """Pushes ``make_screen(*args)`` on mount and keeps what it was dismissed with.

    The screen is built on mount, inside the running app, as the explorer builds it. The
    class name is the app's title, which the snapshots show: keep it ``Host``.
    """

    def __init__(self, make_screen: Callable[..., S], *args: Any) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.args = args
        self.pushed: S | None = None
        self.result: Any = NOT_DISMISSED

    def compose(self) -> ComposeResult:
        yield Static("host")

    def on_mount(self) -> None:
        self.pushed = self.make_screen(*self.args)
        self.push_screen(self.pushed, self._done)

    def _done(self, result: Any) -> None:
        self.result = result

    @asynccontextmanager
    async def opened(self, size: tuple[int, int] = (100, 30)) -> AsyncIterator[tuple[Pilot[None], S]]:
        """Run headless until the pushed screen is the active one and its workers are done (the
        bookmarks screen reads and resolves many bookmarks in one); yield the pilot and the screen."""
        async with self.run_test(size=size) as pilot:
            await pilot.pause()
            await self.workers.wait_for_complete()
            await pilot.pause()
            screen = self.pushed
            assert screen is not None and self.screen is screen
            yield pilot, screen
