"""``q`` while a cold index is being built: the app and its child processes end at once.

A report of a few MB takes the index child tens of seconds (a 50 MB one took 150 s, and
1,000 reports 277 s); quitting used to wait for it. Now the child is ended when the app
quits, and leaves no temp file or half-written cache behind.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from test_tmux import _zimao_command

from zimao_tui.paths import bundled_report

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")]

SOCKET = f"zimao-quit-{os.getpid()}"
COPIES = 120
"""Copies of the bundled report's body: ~2.7 MB, which the index child needs ~20 s for."""

BOUND = 10.0
"""Seconds allowed for the app and its children to be gone after q (generous: it takes well under one)."""


def _tmux(*args: str) -> str:
    done = subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True, timeout=20)
    return done.stdout


def _descendants(pid: int) -> dict[int, str]:
    """Every live process below ``pid``, with its command line."""
    children: dict[int, list[int]] = {}
    commands: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            commands[int(entry.name)] = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue  # gone meanwhile
        if ") Z " in stat:
            continue  # a zombie is dead already
        ppid = int(stat.rpartition(")")[2].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found: dict[int, str] = {}
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found[child] = commands.get(child, "")
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return ") Z " not in stat


def test_q_during_a_cold_index_ends_the_app_and_its_children_at_once(
    user_dirs: dict[str, Path], tmp_path: Path
) -> None:
    if not shutil.which("tmux"):
        pytest.fail("tmux is required for the end-to-end test (.ci/run installs it)")
    title, _, body = bundled_report().read_text(encoding="utf-8").partition("\n")
    report = tmp_path / "big.txt"
    report.write_text(title + "\n" + body * COPIES, encoding="utf-8")
    status = tmp_path / "status"
    env = " ".join(f"ZIMAO_TUI_{k.upper()}_DIR={v}" for k, v in user_dirs.items())
    command = f"env TERM=xterm-256color {env} {_zimao_command()} {report}; echo $? > {status}; sleep 30"
    _tmux("-f", "/dev/null", "new-session", "-d", "-s", "q", "-x", "100", "-y", "30", command)
    try:
        shell = int(_tmux("display-message", "-p", "-t", "q", "#{pane_pid}").strip())
        cache = user_dirs["cache"]
        deadline = time.monotonic() + 90
        children: dict[int, str] = {}
        # Wait until both children work on the report (past jieba's own cache file, which
        # jieba writes through a temp file of its own).
        while time.monotonic() < deadline:
            children = {
                pid: cmd
                for pid, cmd in _descendants(shell).items()
                if "zimao_tui.search.segment" in cmd or "zimao_tui.insights.keywords" in cmd
            }
            if len(children) == 2 and (cache / "jieba.cache").exists():
                break
            time.sleep(0.1)
        else:
            pytest.fail(f"the index children never started: {_descendants(shell)}")
        time.sleep(0.5)
        assert all(_alive(pid) for pid in children), "the children finished before q: make the report bigger"
        _tmux("send-keys", "-t", "q", "q")
        deadline = time.monotonic() + BOUND
        while time.monotonic() < deadline and not (status.exists() and status.read_text().strip()):
            time.sleep(0.05)
        assert status.exists(), (
            f"the app was still running {BOUND} s after q; screen:\n{_tmux('capture-pane', '-p')}"
        )
        assert status.read_text().strip() == "0"
        assert not [pid for pid in children if _alive(pid)], "an index child outlived the app"
        leftovers = [
            p
            for p in cache.rglob("*")
            if p.is_file() and (p.name.endswith(".tmp") or p.name.startswith("tmp"))
        ]
        assert leftovers == []
        for file in (cache / "index").glob("*.json"):  # nothing half-written under its real name
            json.loads(file.read_text(encoding="utf-8"))
        for file in (cache / "keywords").glob("*.json"):
            json.loads(file.read_text(encoding="utf-8"))
    finally:
        _tmux("kill-server")
