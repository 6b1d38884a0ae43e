"""Several processes changing one bookmark at once, and saves killed half-way.

Every change is applied to what is in the file under the lock (the README's promise), so
tags added by four scripts at once are all kept; temp files left by killed saves are
removed by the next save, but never the one another process is writing.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from zimao_tui.document.report import Report
from zimao_tui.store.bookmarks import BookmarkStore

pytestmark = pytest.mark.skipif(os.name != "posix", reason="flock is POSIX")

# Runs `zimao-tui bookmarks add 1.1.1 --tag <name>-<i>` many times, in-process (the CLI's own
# code path, without paying an interpreter start per call), after a common start signal.
TAGGER = """
import sys, time
from pathlib import Path
from zimao_tui.cli import main
name, count, start = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
print("ready", flush=True)
while not start.exists():
    time.sleep(0.001)
for i in range(count):
    assert main(["bookmarks", "add", "1.1.1", "--tag", f"{name}-{i}"]) == 0
"""


def _env(user_dirs: dict[str, Path]) -> dict[str, str]:
    return {**os.environ, **{f"ZIMAO_TUI_{k.upper()}_DIR": str(v) for k, v in user_dirs.items()}}


def test_four_writers_adding_tags_to_one_measure_keep_every_tag(
    user_dirs: dict[str, Path], tmp_path: Path
) -> None:
    writers, each = 4, 40
    start = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", TAGGER, f"w{n}", str(each), str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_env(user_dirs),
        )
        for n in range(writers)
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
    start.touch()
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    [bookmark] = BookmarkStore(user_dirs["data"] / "bookmarks.toml").bookmarks
    assert sorted(bookmark.tags) == sorted(f"w{n}-{i}" for n in range(writers) for i in range(each))


def test_add_tags_applies_to_the_file_not_to_the_copy_read_before(bundled: Report, tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.toml"
    mine, theirs = BookmarkStore(path), BookmarkStore(path)
    measure = bundled.node("1.1.1")
    mine.update(bundled, measure, "note", ["a"])  # type: ignore[arg-type]
    theirs.reload()
    mine.update(bundled, measure, None, None, add_tags=["b"])  # type: ignore[arg-type]
    theirs.update(bundled, measure, None, None, add_tags=["c", "a"])  # type: ignore[arg-type]
    [bookmark] = BookmarkStore(path).bookmarks
    assert bookmark.tags == ("a", "b", "c") and bookmark.note == "note"


def test_a_save_removes_temp_files_left_by_killed_saves(bundled: Report, tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.toml"
    store = BookmarkStore(path)
    store.update(bundled, bundled.node("1.1.1"), "", [])  # type: ignore[arg-type]
    stale = [tmp_path / f".bookmarks.toml.{n}abc.tmp" for n in range(3)]
    for file in stale:
        file.write_text("half a save")
    other = tmp_path / ".config.toml.xyz.tmp"  # another file's temp: not ours to touch
    other.write_text("x")
    store.update(bundled, bundled.node("1.2.2"), "", [])  # type: ignore[arg-type]
    assert not any(f.exists() for f in stale)
    assert other.exists()
    assert len(BookmarkStore(path).bookmarks) == 2


# Holds the bookmarks lock and a temp file, as a save in progress does, until told to finish;
# then moves its temp file into place (which fails if someone deleted it) and lets go.
HOLDER = """
import fcntl, os, sys, time
from pathlib import Path
path = Path(sys.argv[1])
lock = open(str(path) + ".lock", "a+b")
fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
tmp = path.with_name("." + path.name + ".live.tmp")
tmp.write_text(path.read_text(encoding="utf-8").replace('note = ""', 'note = "from the holder"', 1))
print("holding", flush=True)
sys.stdin.readline()
os.replace(tmp, path)
fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
print("done", flush=True)
"""


def test_the_temp_file_of_a_save_in_progress_is_left_alone(bundled: Report, tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.toml"
    BookmarkStore(path).update(bundled, bundled.node("1.1.1"), "", [])  # type: ignore[arg-type]
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline() == "holding\n"
    # Another save starts meanwhile (it waits for the lock), in a process of its own.
    saver = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path;"
            "from zimao_tui.store.bookmarks import BookmarkStore;"
            "from zimao_tui.document.parse import load_report;"
            "from zimao_tui.paths import bundled_report;"
            "r = load_report(bundled_report());"
            "BookmarkStore(Path(sys.argv[1])).update(r, r.node('1.2.2'), 'second', [])",
            str(path),
        ],
        stderr=subprocess.PIPE,
    )
    time.sleep(0.5)  # let the saver reach the lock
    holder.stdin.write("go\n")
    holder.stdin.flush()
    out, err = holder.communicate(timeout=30)
    assert out == "done\n", err  # its temp file was still there to move into place
    _, saver_err = saver.communicate(timeout=30)
    assert saver.returncode == 0, saver_err.decode()
    notes = sorted(b.note for b in BookmarkStore(path).bookmarks)
    assert notes == ["from the holder", "second"]
