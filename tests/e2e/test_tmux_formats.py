"""The installed command opening a saved web page and a Markdown file, under tmux (issue 13).

A shell in an 80x24 pane runs ``zimao-tui outline`` and the app on a real gov.cn page and on a
folder holding a page, a Markdown file and a page without main text: what a user types.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import test_tmux_hostile as pane
from test_tmux import _zimao_command, wait_for

pytestmark = pytest.mark.e2e

PAGES = Path(__file__).resolve().parents[1] / "documents" / "html"
MARKDOWN = Path(__file__).resolve().parents[1] / "documents" / "markdown"
SOCKETS = iter(range(1_000_000))
tmux, screen, send = pane.tmux, pane.screen, pane.send
"""The hostile test's pane helpers (session "h" on ``pane.SOCKET``), on a server of this test's own."""


@pytest.fixture
def shell(user_dirs: dict[str, Path], tmp_path: Path) -> Iterator[Path]:
    """An 80x24 pane running sh with zimao-tui's folders in tmp_path; yields a folder of files."""
    if not shutil.which("tmux"):
        pytest.fail("tmux is required for the end-to-end test (.ci/run installs it)")
    pane.SOCKET = f"zimao-formats-{os.getpid()}-{next(SOCKETS)}"  # a fresh server: a killed one may linger
    folder = tmp_path / "下载"
    folder.mkdir()
    shutil.copy(PAGES / "gov-057.html", folder / "自贸试验区.html")
    shutil.copy(MARKDOWN / "ftz-measures-guofa-2018-38.md", folder / "同一文件.md")
    shutil.copy(PAGES / "hd-list.html", folder / "列表页.html")
    env = [f"ZIMAO_TUI_{k.upper()}_DIR={v}" for k, v in user_dirs.items()]
    tmux("-f", "/dev/null", "new-session", "-d", "-s", "h", "-x", "80", "-y", "24",
         "env", "TERM=xterm-256color", "PS1=$ ", *env, "sh")  # fmt: skip
    try:
        yield folder
    finally:
        tmux("kill-server")


def test_outline_json_on_a_page_says_html(shell: Path) -> None:
    page = shell / "自贸试验区.html"
    send(f'echo FORMAT=$({_zimao_command()} outline --json --report {page} | grep -c \'"format": "html"\')')
    assert "FORMAT=1" in wait_for(screen, "FORMAT=1")


def test_the_app_opens_a_folder_of_pages_and_markdown(shell: Path) -> None:
    send(f"{_zimao_command()} {shell}; echo EXIT=$?")
    shown = wait_for(screen, "2 份报告")  # the page and the Markdown file; the list page is skipped
    assert "Traceback" not in shown
    assert "列表页.html" in wait_for(screen, "列表页.html")  # the skipped file's one line
    tmux("send-keys", "-t", "h", "q")
    assert "EXIT=0" in wait_for(screen, "EXIT=0")


def test_a_page_without_main_text_is_one_line_exit_2(shell: Path) -> None:
    send(f"{_zimao_command()} outline --report {shell / '列表页.html'}; echo EXIT=$?")
    shown = wait_for(screen, "EXIT=2")
    assert "网页里没有正文" in shown and "EXIT=2" in shown and "Traceback" not in shown
