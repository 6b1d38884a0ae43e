"""The installed command in tmux (issue 15): open a report with ``o``, move to a measure,
quit, start again: the report opens where it was left."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from test_tmux import SOCKET, _zimao_command, tmux, wait_for

pytestmark = pytest.mark.e2e

DOCS = Path(__file__).parents[1] / "documents"


def _has_session() -> bool:
    done = subprocess.run(["tmux", "-L", SOCKET, "has-session", "-t", "e2e"], capture_output=True, timeout=20)
    return done.returncode == 0


def start(user_dirs: dict[str, Path], status: Path) -> Callable[[], str]:
    """A tmux session running the installed command. Started again right after ``kill-server``,
    the new session can reach the dying server and vanish: wait for the old server to be gone,
    then check the session is there (retrying), so the test never reads an empty pane."""
    env = " ".join(f"ZIMAO_TUI_{k.upper()}_DIR={v}" for k, v in user_dirs.items())
    command = f"env TERM=xterm-256color {env} {_zimao_command()}; echo $? > {status}; sleep 30"
    deadline = time.monotonic() + 10
    while _has_session() and time.monotonic() < deadline:
        time.sleep(0.1)
    for _ in range(5):
        tmux("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", command)
        time.sleep(0.3)
        if _has_session():
            break
    return lambda: tmux("capture-pane", "-p", "-t", "e2e")


def keys(*names: str) -> None:
    for name in names:
        tmux("send-keys", "-t", "e2e", name)
        time.sleep(0.4)


def test_open_move_quit_reopen_returns_there(user_dirs: dict[str, Path], tmp_path: Path) -> None:
    if not shutil.which("tmux"):
        pytest.fail("tmux is required for the end-to-end test (.ci/run installs it)")
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "hainan.txt").write_bytes((DOCS / "20-law-hainan-free-trade-port-2021.txt").read_bytes())
    state = user_dirs["data"] / "reading.json"
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text(json.dumps({"schema_version": 1, "last_folder": str(folder)}), encoding="utf-8")
    status = tmp_path / "status"
    try:
        read = start(user_dirs, status)
        wait_for(read, "改革创新提升能级")
        keys("o")
        wait_for(read, "hainan.txt")
        keys("Down", "Enter")
        wait_for(read, "海南自由贸易港法")
        time.sleep(1.0)
        keys("]", "]", "]")  # three measures on from the first: 第一条's 2nd paragraph, …
        time.sleep(0.5)
        before = read()
        keys("q")
        deadline = time.monotonic() + 15
        while not status.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert status.read_text().strip() == "0"
        saved = json.loads(state.read_text(encoding="utf-8"))
        [(key, position)] = [(k, p) for k, p in saved["positions"].items() if "海南" in k]
        tmux("kill-server")
        # Reopen: the app starts on the bundled report; o opens Hainan again, where it was left
        read = start(user_dirs, tmp_path / "status2")
        wait_for(read, "改革创新提升能级")
        keys("o")
        wait_for(read, "hainan.txt")
        keys("Down", "Enter")
        screen = wait_for(read, position["text"][:8])
        assert "海南" in screen and position["text"][:8] in before and key.startswith("中华人民共和国海南")
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True, timeout=20)
