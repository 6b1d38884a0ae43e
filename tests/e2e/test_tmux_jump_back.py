"""The installed command in tmux: search, Enter jumps, ctrl+o comes back to where you were.

The real terminal matters here: ctrl+o must reach the app as ctrl+o (not be eaten by the
terminal's flow control or taken for something else), and the screen must show the measure
the reader was on before the jump.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from test_tmux import terminal, tmux, wait_for  # noqa: F401  (terminal is a fixture)

pytestmark = pytest.mark.e2e


def test_search_enter_then_ctrl_o_returns_to_the_previous_measure(
    terminal: tuple[Callable[[], str], Path],  # noqa: F811
) -> None:
    read, _ = terminal
    wait_for(read, "改革创新提升能级")
    tmux("send-keys", "-t", "e2e", "]")  # reading 一、(一) its first and only measure
    wait_for(read, "第1条 / 共1条")
    tmux("send-keys", "-t", "e2e", "/")
    time.sleep(0.3)
    tmux("send-keys", "-t", "e2e", "-l", "zscq")
    wait_for(read, "知识产权")
    tmux("send-keys", "-t", "e2e", "Enter")
    screen = wait_for(read, "匹配")  # the detail shows the hit: "匹配 k/n：zscq"
    assert "深入学习贯彻党的十九大和十九届" not in screen  # 1.1.1's text, as the detail shows it
    tmux("send-keys", "-t", "e2e", "C-o")
    screen = wait_for(read, "深入学习贯彻党的十九大和十九届")
    assert "第1条 / 共1条" in screen and "匹配" not in screen
    tmux("send-keys", "-t", "e2e", "C-n")  # and forward again
    wait_for(read, "匹配")
