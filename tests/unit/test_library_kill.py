"""Kill ``zimao-tui add`` (and its workers) at random moments: the library always opens, keeps
every report it finished whole, and the next ``add`` reads only the rest."""

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
from zimao_tui.store.library import Library, library_path

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and process groups are POSIX")

COPIES = 10


def add(folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "zimao_tui", "add", str(folder), "--jobs", "2"],
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
    return len(present)


def test_killed_indexer_leaves_a_library_that_opens_and_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    source = bundled_report().read_text(encoding="utf-8")
    for k in range(COPIES):
        (folder / f"r{k:02d}.txt").write_text(
            source.replace("武汉", ["长沙", "成都"][k % 2], k + 1), encoding="utf-8"
        )
    rng = random.Random(17)
    done = 0
    for _ in range(4):
        proc = add(folder)
        time.sleep(rng.uniform(0.2, 3.0))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        with Library() as library:
            now = check(library)
        assert now >= done  # what was finished stays finished
        done = now
    proc = add(folder)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    read, same, failed = (int(n) for n in re.findall(r"\d+", out)[:3])
    assert (read, same, failed) == (COPIES - done, 0, 0)  # finished reports were not read again
    with Library() as library:
        assert check(library) == COPIES


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
    with Library() as library:
        check(library)
