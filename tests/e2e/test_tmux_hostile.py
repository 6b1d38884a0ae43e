"""A hostile report in a real terminal: the installed command must not rewrite tmux's clipboard
(OSC 52) or the pane title (OSC 0) when it shows the report (issue 10, item 1).

tmux with ``set-clipboard on`` turns an OSC 52 from the pane into a new paste buffer and an
OSC 0 into ``#{pane_title}``: exactly what an attacker wants. Each test first proves that
the trap works (``printf`` of the same bytes does change both), then runs zimao-tui.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile import OSC0, OSC52, report_text
from test_tmux import _zimao_command, wait_for

pytestmark = pytest.mark.e2e

SOCKETS = iter(range(1_000_000))
SOCKET = ""
"""This test's tmux server: a fresh name per test, since a killed server may still hold the last."""
SAFE_TITLE = "zimao-e2e-title"
SAFE_BUFFER = "zimao-e2e-buffer"


def tmux(*args: str) -> str:
    result = subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True, timeout=20)
    return result.stdout


def screen() -> str:
    return tmux("capture-pane", "-p", "-t", "h")


def pane_title() -> str:
    return tmux("display-message", "-p", "-t", "h", "#{pane_title}").strip()


def buffers() -> list[str]:
    return [line for line in tmux("list-buffers", "-F", "#{buffer_sample}").splitlines() if line]


def reset_traps() -> None:
    """One paste buffer holding SAFE_BUFFER and the pane titled SAFE_TITLE."""
    for _ in buffers():
        tmux("delete-buffer")
    tmux("set-buffer", SAFE_BUFFER)
    tmux("select-pane", "-t", "h", "-T", SAFE_TITLE)


def assert_traps_untouched() -> None:
    assert buffers() == [SAFE_BUFFER], "the report's OSC 52 rewrote the tmux clipboard"
    assert pane_title() == SAFE_TITLE, "the report's OSC 0 retitled the pane"


def send(line: str) -> None:
    tmux("send-keys", "-t", "h", "-l", line)
    tmux("send-keys", "-t", "h", "Enter")


@pytest.fixture
def shell(user_dirs: dict[str, Path], tmp_path: Path) -> Iterator[Path]:
    """An 80x24 tmux pane running sh with zimao-tui's folders in tmp_path; yields the hostile report."""
    if not shutil.which("tmux"):
        pytest.fail("tmux is required for the end-to-end test (.ci/run installs it)")
    global SOCKET
    SOCKET = f"zimao-hostile-{os.getpid()}-{next(SOCKETS)}"
    report = tmp_path / "hostile.txt"
    report.write_text(report_text(), encoding="utf-8")
    env = {f"ZIMAO_TUI_{k.upper()}_DIR": str(v) for k, v in user_dirs.items()}
    env_args = [f"{k}={v}" for k, v in env.items()]
    tmux("-f", "/dev/null", "new-session", "-d", "-s", "h", "-x", "80", "-y", "24",
         "env", "TERM=xterm-256color", "PS1=$ ", *env_args, "sh")  # fmt: skip
    tmux("set-option", "-g", "set-clipboard", "on")
    tmux("set-option", "-g", "allow-rename", "on")
    try:
        # The trap works: the same bytes printed raw do rewrite both.
        reset_traps()
        send(f"printf '%s' {shlex.quote(OSC52 + OSC0)}; echo; echo TRAP'-'SPRUNG")
        wait_for(screen, "TRAP-SPRUNG\n")
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and (len(buffers()) < 2 or pane_title() == SAFE_TITLE):
            time.sleep(0.1)
        assert "PWNED-CLIPBOARD" in tmux("show-buffer"), (
            "tmux did not take OSC 52: the test would prove nothing"
        )
        assert pane_title() == "PWNED-TITLE", "tmux did not take OSC 0: the test would prove nothing"
        send("clear")
        reset_traps()
        yield report
    finally:
        tmux("kill-server")


def test_search_and_outline_leave_clipboard_and_title_alone(shell: Path) -> None:
    zimao = _zimao_command()
    send(f"{zimao} search 剪贴板 --report {shell}; {zimao} outline --report {shell}; echo ALL'-'DONE")
    shown = wait_for(screen, "ALL-DONE\n")
    time.sleep(0.5)
    assert_traps_untouched()
    assert "␛]52;c;" in shown and "␛[2J" in shown  # the attacks are on screen, made visible


def test_the_app_showing_the_measure_leaves_clipboard_and_title_alone(shell: Path) -> None:
    send(f"{_zimao_command()} {shell}; echo EXIT=$?")
    wait_for(screen, "正常章节")
    tmux("send-keys", "-t", "h", "/")
    time.sleep(0.3)
    tmux("send-keys", "-t", "h", "-l", "剪贴板")
    wait_for(screen, "个结果")
    tmux("send-keys", "-t", "h", "Enter")
    wait_for(screen, "注入剪贴板")
    time.sleep(1)  # the detail pane has drawn the measure (and any OSC in it)
    assert_traps_untouched()
    shown = screen()
    assert "␛]52;c;" in shown and "[/]" in shown  # the measure in the detail pane, ESC made visible
    tmux("send-keys", "-t", "h", "B")  # the bookmarks screen and back: more redraws
    time.sleep(0.5)
    tmux("send-keys", "-t", "h", "Escape")
    time.sleep(0.5)
    assert_traps_untouched()
    tmux("send-keys", "-t", "h", "q")
    wait_for(screen, "EXIT=0")
    assert_traps_untouched()
