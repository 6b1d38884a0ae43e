"""A cold index build in a child process ends at once when its result is no longer wanted."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from zimao_tui.document.parse import parse_text
from zimao_tui.paths import bundled_report
from zimao_tui.search.child import ChildCancelled, run_child
from zimao_tui.search.search import open_index


def test_a_cancelled_cold_build_ends_its_child_and_leaves_no_temp_file(tmp_path: Path) -> None:
    """What quitting the app during a cold index does (tests/e2e/test_quit_during_index.py)."""
    body = bundled_report().read_text(encoding="utf-8").partition("\n")[2]
    report = parse_text("大报告\n" + body * 40)
    cancel, done = threading.Event(), threading.Event()

    def quit_once_segmenting() -> None:
        # Past jieba's own cache file (which jieba writes through a temp file of its own).
        while not (tmp_path / "jieba.cache").exists() and not done.wait(0.05):
            pass
        done.wait(0.5)
        cancel.set()

    threading.Thread(target=quit_once_segmenting, daemon=True).start()
    try:
        with pytest.raises(ChildCancelled):
            open_index([report], tmp_path, cancel=cancel)
    finally:
        done.set()
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp") or p.name.startswith("tmp")]
    assert not list((tmp_path / "index").glob("*.json"))


def test_a_failing_child_still_reports_its_stderr(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="TypeError"):
        run_child(
            "zimao_tui.search.segment",
            {"cache_dir": str(tmp_path), "reports": 5},
            "building",
            threading.Event(),
        )


def test_cancelled_while_jieba_builds_its_own_cache_leaves_no_temp_file(tmp_path: Path) -> None:
    """jieba writes jieba.cache through a temp file it removes on Exception only; SIGTERM is
    held back for that step, so quitting right at the start leaves nothing either."""
    body = bundled_report().read_text(encoding="utf-8").partition("\n")[2].replace("武汉", "襄阳")
    report = parse_text("小报告\n" + body)  # not the bundled text, whose index ships prebuilt
    cancel = threading.Event()
    timer = threading.Timer(0.4, cancel.set)  # while jieba loads its dictionary (about a second)
    timer.start()
    try:
        with pytest.raises(ChildCancelled):
            open_index([report], tmp_path, cancel=cancel)
    finally:
        timer.cancel()
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] in ([], ["jieba.cache"])
