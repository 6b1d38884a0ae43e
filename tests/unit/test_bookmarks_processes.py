"""The bookmark file under real processes: SIGKILL mid-save, two writers at once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from zimao_tui.store.bookmarks import BookmarkStore
from zimao_tui.store.tomlcompat import loads as toml_loads

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and flock are POSIX")

# Saves notes in a loop, as fast as it can, each a different size so a torn write would show.
SAVER = """
import sys
from pathlib import Path
from zimao_tui.store.bookmarks import BookmarkStore
from zimao_tui.document.parse import load_report
from zimao_tui.paths import bundled_report

report = load_report(bundled_report())
measures = list(report.measures())
store = BookmarkStore(Path(sys.argv[1]))
n = 0
while True:
    m = measures[n % len(measures)]
    store.update(report, m, f"第{n}次保存\\n" + "长笔记“引号”\\t" * (n % 400), [f"t{n}"])
    if n == 0:
        print("saving", flush=True)
    n += 1
"""

# Adds a bookmark on each of the given measures, one change at a time.
ADDER = """
import sys
import time
from pathlib import Path
from zimao_tui.store.bookmarks import BookmarkStore
from zimao_tui.document.parse import load_report
from zimao_tui.paths import bundled_report

report = load_report(bundled_report())
measures = list(report.measures())
store = BookmarkStore(Path(sys.argv[1]))
start = Path(sys.argv[2])
print("ready", flush=True)
while not start.exists():
    time.sleep(0.001)
for i in sys.argv[3].split(","):
    store.update(report, measures[int(i)], f"note {i} from {sys.argv[4]}", [sys.argv[4]])
"""


def test_sigkill_at_any_moment_leaves_a_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.toml"
    rng = random.Random(5)
    kills = 0
    deadline = time.monotonic() + 4.0  # a few seconds in all
    while kills < 10 and time.monotonic() < deadline:
        proc = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first == b"saving\n", proc.stderr.read() if proc.stderr else first
        time.sleep(rng.uniform(0.0, 0.15))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kills += 1
        data = toml_loads(path.read_text(encoding="utf-8"))  # never half a file
        assert data["schema_version"] == 1
        assert data["bookmarks"], "the file lost its bookmarks"
        store = BookmarkStore(path)
        assert store.warnings == [] and not store.read_only
    assert kills >= 3
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_two_processes_adding_twenty_each_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.toml"
    start = tmp_path / "go"
    procs = []
    for name, indices in (("A", range(0, 40, 2)), ("B", range(1, 40, 2))):
        proc = subprocess.Popen(
            [sys.executable, "-c", ADDER, str(path), str(start), ",".join(map(str, indices)), name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        procs.append(proc)
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
    start.touch()
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err.decode()
    bookmarks = BookmarkStore(path).bookmarks
    assert len(bookmarks) == 40
    assert sorted(b.tags[0] for b in bookmarks) == ["A"] * 20 + ["B"] * 20
    assert len({b.measure_id for b in bookmarks}) == 40
