"""The installed ``zimao-tui`` command in a real terminal: tmux types, tmux reads the screen.

This is the only test that sees what a user sees: the console script as pip installed it,
a real pty, real key sequences, OSC 52 copy arriving in tmux's paste buffer, and the exit
status when the user quits.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

SOCKET = f"zimao-e2e-{os.getpid()}"


def _zimao_command() -> str:
    beside_python = Path(sys.executable).parent / "zimao-tui"
    found = str(beside_python) if beside_python.exists() else shutil.which("zimao-tui")
    if not found:
        pytest.fail("the zimao-tui command is not installed in this environment")
    return found


def tmux(*args: str) -> str:
    result = subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True, timeout=20)
    return result.stdout


@pytest.fixture
def terminal(user_dirs: dict[str, Path], tmp_path: Path) -> Iterator[tuple[Callable[[], str], Path]]:
    """A 100x30 tmux session running the installed zimao-tui; yields (screen reader, exit-status file)."""
    if not shutil.which("tmux"):
        pytest.fail("tmux is required for the end-to-end test (.ci/run installs it)")
    status = tmp_path / "status"
    env = " ".join(f"ZIMAO_TUI_{k.upper()}_DIR={v}" for k, v in user_dirs.items())
    command = f"env TERM=xterm-256color {env} {_zimao_command()}; echo $? > {status}; sleep 30"
    tmux("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", command)
    tmux("set-option", "-g", "set-clipboard", "on")
    try:
        yield (lambda: tmux("capture-pane", "-p", "-t", "e2e")), status
    finally:
        tmux("kill-server")


def wait_for(read: Callable[[], str], text: str, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = read()
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")


def test_search_open_copy_quit(terminal: tuple[Callable[[], str], Path]) -> None:
    read, status = terminal
    wait_for(read, "武汉自贸片区高质量发展创新举措")
    wait_for(read, "改革创新提升能级")
    tmux("send-keys", "-t", "e2e", "/")
    time.sleep(0.3)
    tmux("send-keys", "-t", "e2e", "-l", "zscq")
    wait_for(read, "zscq")  # every key typed has arrived (the first ones already list hits)
    wait_for(read, "知识产权")
    tmux("send-keys", "-t", "e2e", "Enter")
    time.sleep(0.5)
    tmux("send-keys", "-t", "e2e", "c")
    deadline = time.monotonic() + 15
    buffer = ""
    while time.monotonic() < deadline and "知识产权" not in buffer:
        time.sleep(0.2)
        buffer = tmux("show-buffer")
    assert "知识产权" in buffer, f"tmux paste buffer: {buffer!r}\nscreen:\n{read()}"
    measure = buffer.strip()
    assert measure.endswith(("。", "！", "？")), measure
    tmux("send-keys", "-t", "e2e", "q")
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not status.exists():
        time.sleep(0.1)
    assert status.read_text().strip() == "0"
