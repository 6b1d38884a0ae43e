"""Kill ``zimao-tui add`` (and its workers) at random moments, while it adds a folder and while
it rescans the watched folder: the library always opens, keeps every report it finished whole,
its list (library.list.json) always reads, and the next ``add`` reads only the rest."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from zimao_tui.paths import bundled_report
from zimao_tui.store import library_list
from zimao_tui.store.library import Library, library_path
from zimao_tui.store.library_watch import pending

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and process groups are POSIX")

COPIES = 10


def add(folder: Path | None) -> subprocess.Popen[str]:
    """``add FOLDER``, or a plain ``add`` (a rescan) without one."""
    return subprocess.Popen(
        [sys.executable, "-m", "zimao_tui", "add", *([str(folder)] if folder else []), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the kill takes the workers too
    )


def check(library: Library) -> int:
    """The store is whole: integrity, and each present report has all its measures indexed."""
    assert library.notices == []  # nothing set aside, nothing rebuilt
    assert library.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    present = [e for e in library.entries() if e.state == "present"]
    for entry in present:
        rows = library.db.execute("SELECT count(*) FROM measures WHERE report = ?", (entry.id,)).fetchone()[0]
        assert rows == entry.measures == 126
    total = library.db.execute("SELECT count(*) FROM measures").fetchone()[0]
    assert (
        library.db.execute("SELECT count(*) FROM measures_fts").fetchone()[0] == total == 126 * len(present)
    )
    assert all(e.state in ("present", "pending") for e in library.entries())
    if library.list_path.exists():  # written whole or not at all (atomic replace)
        assert library_list.load(library.list_path) is not None
    return len(present)


def write_copies(folder: Path, names: range, city: str) -> None:
    source = bundled_report().read_text(encoding="utf-8")
    for k in names:
        (folder / f"r{k:02d}.txt").write_text(source.replace("武汉", city, k + 1), encoding="utf-8")


def kill_at_random(folder: Path | None, rng: random.Random, times: int) -> int:
    """Start ``add`` and kill it (workers too) ``times`` times; returns the reports then present."""
    done = 0
    for _ in range(times):
        proc = add(folder)
        time.sleep(rng.uniform(0.2, 3.0))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        with Library() as library:
            now = check(library)
        assert now >= done  # what was finished stays finished
        done = now
    return done


def test_killed_indexer_leaves_a_library_that_opens_and_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for k in range(COPIES):
        write_copies(folder, range(k, k + 1), ["长沙", "成都"][k % 2])
    done = kill_at_random(folder, random.Random(17), 4)
    proc = add(folder)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    read, same, failed = (int(n) for n in re.findall(r"\d+", out)[:3])
    assert (read, same, failed) == (COPIES - done, 0, 0)  # finished reports were not read again
    with Library() as library:
        assert check(library) == COPIES


def test_killed_rescan_leaves_a_library_that_opens_and_resumes(tmp_path: Path) -> None:
    """The watched folder gains new files and some change; plain ``add`` runs are killed."""
    folder = tmp_path / "reports"
    folder.mkdir()
    write_copies(folder, range(4), "长沙")
    proc = add(folder)
    assert proc.wait(timeout=300) == 0
    write_copies(folder, range(2), "西安")  # two changed
    write_copies(folder, range(4, 4 + COPIES - 4), "成都")  # six new
    kill_at_random(None, random.Random(18), 3)
    with Library() as library:
        left = len(pending(library).todo)  # what a rescan must still read (found files included)
        assert len(library.entries()) == COPIES
    proc = add(None)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    read, same, failed = (int(n) for n in re.findall(r"\d+", out)[:3])
    assert (read + same, failed) == (left, 0)  # finished reports were not read again
    with Library() as library:
        assert check(library) == COPIES
        assert pending(library).todo == []
        titles = {library.report(e.id).title[:2] for e in library.entries()}
        assert titles == {"西安", "长沙", "成都"}


def test_ctrl_c_stops_with_a_message_and_keeps_what_was_read(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    source = bundled_report().read_text(encoding="utf-8")
    for k in range(COPIES):
        (folder / f"r{k:02d}.txt").write_text(source.replace("武汉", "郑州", k + 1), encoding="utf-8")
    proc = add(folder)
    # Ctrl+C once the command runs (the library file exists), not while Python is still importing:
    # on a loaded machine that takes seconds, and an interrupt there is Python's, not ours.
    deadline = time.monotonic() + 60
    while not library_path().exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl+C sends: the whole foreground group
    _, err = proc.communicate(timeout=120)
    if proc.returncode == 0:
        pytest.skip("the machine was fast enough to finish before Ctrl+C")
    assert proc.returncode == 130
    assert "Traceback" not in err and "已中断" in err and "zimao-tui add" in err
    assert err.count("\n") == 1, err
    with Library() as library:
        done = check(library)
    proc = add(None)  # the rerun (a rescan of the watched folder) resumes
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert [int(n) for n in re.findall(r"\d+", out)[:3]] == [COPIES - done, 0, 0]
