"""``zimao-tui serve`` in a real browser: headless Chromium driven by Playwright.

The installed command serves the bundled report; Debian's ``chromium`` (installed by .ci/run)
opens the page. The page draws the terminal on a canvas, so the test reads the screen the way
the browser does: every byte the server sends over the websocket goes through a terminal
emulator (pyte), giving the same 2-cells-per-Chinese-character grid xterm.js shows.
Keys are real keyboard events; Chinese is committed with ``insert_text``, as an input method
does; the copy is read back from the browser's own clipboard.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from test_tmux import _zimao_command

pytestmark = pytest.mark.e2e

BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def _browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no Chromium here: install Debian's chromium package (.ci/run does) to run the browser tests")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _descendants(pid: int) -> list[int]:
    """Every living process below ``pid`` (from /proc: no psutil needed)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] == "Z":  # a zombie has ended; its parent just has not reaped it yet
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found: list[int] = []
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _until(
    check: Callable[[], Any], timeout: float, what: str, sleep: Callable[[], object] = lambda: time.sleep(0.1)
) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        sleep()
    pytest.fail(f"timed out after {timeout} s waiting for {what}")


@pytest.fixture
def server(user_dirs: dict[str, Path]) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """The installed ``zimao-tui serve`` on a free localhost port; yields (url, process)."""
    port = _free_port()
    env = {**os.environ, **{f"ZIMAO_TUI_{k.upper()}_DIR": str(v) for k, v in user_dirs.items()}}
    proc = subprocess.Popen(
        [_zimao_command(), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )

    def listening() -> bool:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        with socket.socket() as probe:
            return probe.connect_ex(("127.0.0.1", port)) == 0

    try:
        _until(listening, 60, "the server to listen")
        yield f"http://127.0.0.1:{port}", proc
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class Page:
    """A browser tab on the served app, with the screen it shows rebuilt by a terminal emulator."""

    def __init__(self, page: Any) -> None:
        import pyte

        self.page = page
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)
        page.on("websocket", self._watch)

    def _watch(self, ws: Any) -> None:
        ws.on("framereceived", self._received)
        ws.on("framesent", self._sent)

    def _received(self, frame: str | bytes) -> None:
        if isinstance(frame, bytes):  # terminal output; text frames are textual-serve's own messages
            self.stream.feed(frame)

    def _sent(self, frame: str | bytes) -> None:
        import json

        if isinstance(frame, str) and frame.startswith('["resize"'):
            size = json.loads(frame)[1]
            self.screen.resize(size["height"], size["width"])

    def text(self) -> str:
        """The screen as lines (a wide character's second cell is dropped, as a terminal shows it)."""
        return "\n".join(self.screen.display)

    def wait_for(self, text: str, timeout: float = 60) -> str:
        """Wait until ``text`` is on screen. Playwright delivers websocket frames only while it
        runs, so the wait is the page's own (``wait_for_timeout``), never ``time.sleep``."""
        check = lambda: self.text() if text in self.text() else ""  # noqa: E731
        return str(
            _until(check, timeout, f"{text!r} on\n{self.text()}", lambda: self.page.wait_for_timeout(100))
        )


@contextmanager
def browser(url: str, size: tuple[int, int] = (1280, 800)) -> Iterator[Callable[[], Page]]:
    """Headless Chromium with clipboard permission for ``url``; yields a function opening tabs."""
    executable = _browser()
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extras")
    pytest.importorskip("pyte", reason="pyte is in the test extras")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        context = chromium.new_context(viewport={"width": size[0], "height": size[1]}, accept_downloads=True)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)

        def open_tab() -> Page:
            page = Page(context.new_page())
            page.page.goto(url)
            return page

        try:
            yield open_tab
        finally:
            context.close()
            chromium.close()


def test_search_in_pinyin_enter_and_copy_in_the_browser(
    server: tuple[str, subprocess.Popen[bytes]], bundled: Any
) -> None:
    url, _proc = server
    with browser(url) as open_tab:
        tab = open_tab()
        tab.wait_for("武汉自贸片区高质量发展创新举措")
        tab.page.click(".xterm-screen")
        tab.page.keyboard.press("/")
        tab.page.keyboard.type("zscq")
        tab.wait_for("知识产权证券化")  # the results list, live as the query is typed
        tab.page.keyboard.press("Enter")
        tab.wait_for("匹配")
        tab.page.keyboard.press("c")
        clip = _until(lambda: tab.page.evaluate("navigator.clipboard.readText()"), 20, "the clipboard")
        measures = {m.text: m for m in bundled.measures()}
        assert clip in measures and "知识产权" in clip  # exactly one measure's text, the one found
        screen = tab.text()
        assert clip[:8] in screen.replace(" ", "")  # and it is the measure shown
        tab.page.close()
        # Chinese committed by an input method (no key events, one insertion), as users type it.
        tab = open_tab()
        tab.wait_for("武汉自贸片区高质量发展创新举措")
        tab.page.click(".xterm-screen")
        tab.page.keyboard.press("/")
        tab.page.keyboard.insert_text("拉美地区")
        tab.wait_for("中国长江经济带")  # the one measure that says it, in the live results
        tab.page.keyboard.press("Enter")
        assert "墨西哥城" in tab.wait_for("(三)不断优化跨境物流环境 › 第5条")  # the measure, in context


def test_wide_characters_take_two_cells(server: tuple[str, subprocess.Popen[bytes]]) -> None:
    """The tree's box-drawing column lines up under Chinese text: each character is 2 cells."""
    url, _proc = server
    with browser(url) as open_tab:
        tab = open_tab()
        screen = tab.wait_for("改革创新提升能级")
        line = next(
            row for row in tab.screen.buffer.values() if "改" in "".join(c.data for c in row.values())
        )
        cells = [line[x].data for x in sorted(line)]
        at = cells.index("改")
        assert (
            cells[at + 1] == "" and cells[at + 2] == "革"
        )  # pyte keeps the 2nd cell empty, as xterm.js does
        assert screen


def test_closing_tabs_leaves_no_app_behind(server: tuple[str, subprocess.Popen[bytes]]) -> None:
    """20 visitors come and go: each tab's app ends with it, none is left running."""
    url, proc = server
    with browser(url) as open_tab:
        for _ in range(20):
            tab = open_tab()
            tab.wait_for("武汉自贸片区高质量发展创新举措")
            assert _descendants(proc.pid), "a visitor's app runs as a child of the server"
            tab.page.close()
        _until(lambda: not _descendants(proc.pid), 30, "every visitor's app to end")


def test_an_export_is_a_browser_download_never_a_file_on_the_server(
    server: tuple[str, subprocess.Popen[bytes]], user_dirs: dict[str, Path]
) -> None:
    url, _proc = server
    downloads: list[Any] = []
    with browser(url) as open_tab:
        tab = open_tab()
        # textual-serve opens each download in a new tab: listen on every tab of the context
        tab.page.context.on("page", lambda page: page.on("download", lambda d: downloads.append(d)))
        tab.page.on("download", lambda d: downloads.append(d))
        tab.wait_for("武汉自贸片区高质量发展创新举措")
        tab.page.click(".xterm-screen")

        # Each key once the screen shows the one before took effect: on a busy machine a key
        # sent while the page was still taking the focus was lost, and the test timed out.
        def step_once() -> bool:
            """``]`` again only while the screen still shows the chapter (the key was lost)."""
            if "第1条 / 共1条" in tab.text():
                return True
            if "措施：3 条" in tab.text():
                tab.page.keyboard.press("]")
            tab.page.wait_for_timeout(1000)
            return False

        _until(step_once, 60, "the first measure after ]")
        tab.page.keyboard.press("b")
        tab.wait_for("★")  # the bookmark is saved off the UI thread, then starred
        tab.page.keyboard.press("B")
        tab.wait_for("书签 · 1")
        tab.page.keyboard.press("x")
        _until(lambda: downloads, 30, "the download", lambda: tab.page.wait_for_timeout(100))
        [download] = downloads
        text = Path(download.path()).read_text(encoding="utf-8")
    assert download.suggested_filename == "zimao-bookmarks.md"
    assert text.startswith("# 书签") and "——《武汉自贸片区高质量发展创新举措》一、(一)" in text
    assert not user_dirs["downloads"].exists()  # nothing written on the server's disk


def test_read_only_session_in_the_browser(user_dirs: dict[str, Path]) -> None:
    port = _free_port()
    env = {**os.environ, **{f"ZIMAO_TUI_{k.upper()}_DIR": str(v) for k, v in user_dirs.items()}}
    proc = subprocess.Popen(
        [_zimao_command(), "serve", "--port", str(port), "--read-only"], env=env, stderr=subprocess.DEVNULL
    )
    try:
        with socket.socket() as probe:
            _until(lambda: probe.connect_ex(("127.0.0.1", port)) == 0, 60, "the server")
        with browser(f"http://127.0.0.1:{port}") as open_tab:
            tab = open_tab()
            tab.wait_for("武汉自贸片区高质量发展创新举措")
            tab.page.click(".xterm-screen")
            tab.page.keyboard.press("]")
            tab.page.keyboard.press("b")
            tab.wait_for("只读会话")
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=20)
    assert not (user_dirs["data"] / "bookmarks.toml").exists()
