"""What ``textual_compat.LocalPalette`` and ``kinsoku_toasts`` rely on in Textual (issue 15):
fails, naming it, if an upgrade renames it."""

from __future__ import annotations

import inspect

from textual.command import CommandPalette
from textual.widgets import _toast


def test_the_palette_still_adds_no_matches_from_a_private_countdown() -> None:
    assert callable(getattr(CommandPalette, "_start_no_matches_countdown", None))
    assert isinstance(getattr(CommandPalette, "_NO_MATCHES", None), str)
    assert isinstance(getattr(CommandPalette, "_NO_MATCHES_COUNTDOWN", None), float)
    source = inspect.getsource(CommandPalette)
    assert "_no_matches_timer" in source and "_list_visible" in source
    assert "No matches found" in source  # the words LocalPalette replaces


def test_toasts_still_render_their_text_in_render() -> None:
    source = inspect.getsource(_toast)  # the module: Toast.render may be wrapped already
    assert "def render(self) -> Content:" in source and "notification.message" in source
