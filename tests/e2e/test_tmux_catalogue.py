"""The installed command in tmux (issue 17): ``zimao-tui`` opens the library's catalogue,
the filter takes pinyin initials, Enter opens the report, ``L`` comes back, ``q`` quits; and
``zimao-tui DIR`` with more than fifty reports opens as a catalogue that reads them meanwhile."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from test_tmux import _zimao_command, tmux, wait_for
from test_tmux_open_resume import keys, start

pytestmark = pytest.mark.e2e

DOCS = Path(__file__).parents[1] / "documents"
NOTICE = "国务院关于支持自由贸易试验区深化改革创新若干措施的通知"


def env(user_dirs: dict[str, Path]) -> dict[str, str]:
    return {**os.environ, **{f"ZIMAO_TUI_{k.upper()}_DIR": str(v) for k, v in user_dirs.items()}}


def quit_with_status(status: Path) -> str:
    keys("q")
    deadline = time.monotonic() + 15
    while not status.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    return status.read_text().strip()


def test_plain_command_opens_the_library(
    user_dirs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not shutil.which("tmux"):
        pytest.fail("tmux is required for the end-to-end test (.ci/run installs it)")
    monkeypatch.delenv("ZIMAO_TUI_EMPTY_LIBRARY")  # a user's first library: the bundled report too
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(DOCS / "12-ftz-measures-guofa-2018-38.txt", folder / "notice.txt")
    shutil.copy(DOCS / "01-gwr-national-2025.txt", folder / "gwr.txt")
    added = subprocess.run([_zimao_command(), "add", str(folder)], env=env(user_dirs), capture_output=True)
    assert added.returncode == 0, added.stderr
    status = tmp_path / "status"
    try:
        read = start(user_dirs, status)
        wait_for(read, "2025年中华人民共和国")
        wait_for(read, "国务院关于支持")
        wait_for(read, "武汉自贸片区")  # the bundled report, in a new library from the start
        wait_for(read, "3/3")
        # The filter's pinyin index is built in a child on this first run; until it is there the
        # initials match nothing, and the rows are filtered again when it arrives.
        keys("/", "z", "f", "g", "z", "b", "g")  # 政府工作报告, by its initials
        wait_for(read, "1/3")
        keys("Escape", "Enter")
        screen = wait_for(read, "目录")  # the explorer, on the report picked
        assert "政府工作报告" in screen and "国务院关于支持" not in screen
        keys("L")
        wait_for(read, "报告库")
        assert quit_with_status(status) == "0"
    finally:
        tmux("kill-server")


def test_a_big_folder_opens_as_a_catalogue(user_dirs: dict[str, Path], tmp_path: Path) -> None:
    if not shutil.which("tmux"):
        pytest.fail("tmux is required for the end-to-end test (.ci/run installs it)")
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(51):
        (folder / f"r{n:02d}.txt").write_text(f"第{n}号通知\n一、总则\n第{n}条措施。\n", encoding="utf-8")
    status = tmp_path / "status"
    try:
        read = start_on(user_dirs, status, folder)
        wait_for(read, "51/51")
        wait_for(read, "第0号通知", timeout=60)  # read in the background, the rows filled in
        assert quit_with_status(status) == "0"
    finally:
        tmux("kill-server")


def start_on(user_dirs: dict[str, Path], status: Path, folder: Path) -> Callable[[], str]:
    """Like ``start``, with a folder on the command line."""
    envs = " ".join(f"ZIMAO_TUI_{k.upper()}_DIR={v}" for k, v in user_dirs.items())
    command = f"env TERM=xterm-256color {envs} {_zimao_command()} {folder}; echo $? > {status}; sleep 30"
    tmux("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", command)
    return lambda: tmux("capture-pane", "-p", "-t", "e2e")
