"""Watched folders (store/library_watch.pending), the index lock (store/library_lock) and the
rebuild of a damaged store from library.list.json (store/library_list)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from zimao_tui.paths import bundled_report
from zimao_tui.search.library_index import index
from zimao_tui.store import library_list
from zimao_tui.store.library import Library
from zimao_tui.store.library_lock import LockBusy, index_lock, lock_path
from zimao_tui.store.library_repair import mark_damaged
from zimao_tui.store.library_watch import pending

NOTICE = Path(__file__).parent.parent / "documents" / "12-ftz-measures-guofa-2018-38.txt"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(bundled_report(), reports / "a.txt")
    shutil.copy(NOTICE, reports / "b.txt")
    return reports


@pytest.fixture
def library(user_dirs: dict[str, Path]) -> Library:
    with Library() as lib:
        yield lib


def watched_and_read(library: Library, folder: Path, cache: Path) -> None:
    """What ``add DIR`` does: watch, then find and read everything."""
    library.watch(folder)
    found = pending(library)
    assert sorted(found.found) == [str(folder / "a.txt"), str(folder / "b.txt")]
    index(library, found.todo, cache, workers=1)


def test_pending_finds_new_files_in_watched_folders(
    library: Library, folder: Path, user_dirs: dict[str, Path]
) -> None:
    assert pending(library).todo == []  # nothing watched: nothing to do
    watched_and_read(library, folder, user_dirs["cache"])
    nothing = pending(library)
    assert (nothing.todo, nothing.found, nothing.notices) == ([], [], [])  # unchanged: not even opened
    shutil.copy(bundled_report(), folder / "c.txt")
    (folder / "notes.docx.tmp").write_text("not a report", encoding="utf-8")
    new = pending(library)
    assert new.found == [str(folder / "c.txt")] and new.todo == [(str(folder / "c.txt"), None)]
    assert library.find(str(folder / "c.txt")).state == "pending"  # type: ignore[union-attr]
    assert pending(library).found == []  # listed once; still to read
    assert [p for p, _ in pending(library).todo] == [str(folder / "c.txt")]


def test_pending_lists_changed_files_with_their_fingerprint(
    library: Library, folder: Path, user_dirs: dict[str, Path]
) -> None:
    watched_and_read(library, folder, user_dirs["cache"])
    known = library.find(str(folder / "a.txt")).fingerprint  # type: ignore[union-attr]
    os.utime(folder / "a.txt", ns=(1, 2))  # touched: size/time differ, bytes the same
    with (folder / "b.txt").open("a", encoding="utf-8") as f:
        f.write("\n（附）补充一句。\n")
    todo = dict(pending(library).todo)
    assert todo[str(folder / "a.txt")] == known  # the reader compares and does not parse it
    assert set(todo) == {str(folder / "a.txt"), str(folder / "b.txt")}
    tally = index(library, list(todo.items()), user_dirs["cache"], workers=1)
    assert (tally.read, tally.same) == (1, 1)
    assert pending(library).todo == []


def test_pending_marks_vanished_files_missing_and_keeps_them(
    library: Library, folder: Path, user_dirs: dict[str, Path]
) -> None:
    watched_and_read(library, folder, user_dirs["cache"])
    saved = (folder / "a.txt").read_bytes()
    (folder / "a.txt").unlink()
    result = pending(library)
    assert result.todo == [] and result.found == []
    entry = library.find(str(folder / "a.txt"))
    assert entry is not None and entry.state == "missing" and entry.measures == 126
    (folder / "a.txt").write_bytes(saved)  # back: read again (its fingerprint is not trusted)
    assert pending(library).todo == [(str(folder / "a.txt"), None)]


def test_pending_says_when_a_watched_folder_is_gone(
    library: Library, folder: Path, user_dirs: dict[str, Path]
) -> None:
    watched_and_read(library, folder, user_dirs["cache"])
    shutil.rmtree(folder)
    result = pending(library)
    assert [n.key for n in result.notices] == ["library.watched_missing"]
    assert {e.state for e in library.entries()} == {"missing"}
    assert library.watched()[0].exists is False


def test_removed_file_of_a_watched_folder_is_ignored_by_rescans(
    library: Library, folder: Path, user_dirs: dict[str, Path]
) -> None:
    watched_and_read(library, folder, user_dirs["cache"])
    entry = library.find(str(folder / "a.txt"))
    assert entry is not None
    library.remove([entry.id])
    assert library.ignored() == {str(folder / "a.txt")}
    assert library.watched()[0].ignored == (str(folder / "a.txt"),)
    os.utime(folder / "a.txt", ns=(5, 6))
    assert pending(library).found == [] and library.find(str(folder / "a.txt")) is None
    library.unignore([folder / "a.txt"])  # ``add FILE`` takes it back
    assert pending(library).found == [str(folder / "a.txt")]


def test_unwatch_takes_the_folder_and_its_reports_out(
    library: Library, folder: Path, tmp_path: Path, user_dirs: dict[str, Path]
) -> None:
    watched_and_read(library, folder, user_dirs["cache"])
    other = tmp_path / "other.txt"
    shutil.copy(NOTICE, other)
    library.register([other])
    library.remove([library.find(str(folder / "a.txt")).id])  # type: ignore[union-attr]
    assert len(library.unwatch(str(folder))) == 1
    assert [e.path for e in library.entries()] == [str(other)]
    assert library.watched() == [] and library.ignored() == set()
    assert library.db.execute("SELECT count(*) FROM measures_fts").fetchone()[0] == 0


def test_the_list_follows_membership(library: Library, folder: Path, user_dirs: dict[str, Path]) -> None:
    watched_and_read(library, folder, user_dirs["cache"])
    listed = json.loads(library.list_path.read_text(encoding="utf-8"))
    assert listed == {
        "version": 1,
        "reports": [str(folder / "a.txt"), str(folder / "b.txt")],
        "watched": [str(folder)],
        "ignored": [],
    }
    library.remove([library.find(str(folder / "b.txt")).id])  # type: ignore[union-attr]
    members = library_list.load(library.list_path)
    assert members == library_list.Membership([str(folder / "a.txt")], [str(folder)], [str(folder / "b.txt")])
    assert not [p for p in library.list_path.parent.iterdir() if p.name.endswith(".tmp")]


def _garble(path: Path, table: str) -> None:
    """Overwrite one table's root page with junk (a disk fault, a bad copy): opening the store
    still works, reading that table fails."""
    db = sqlite3.connect(path)
    page = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    size = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    with path.open("r+b") as f:
        f.seek((page - 1) * size)
        f.write(b"\xde\xad\xbe\xef" * (size // 4))


def test_damaged_store_is_rebuilt_from_the_list(folder: Path, user_dirs: dict[str, Path]) -> None:
    with Library() as library:
        watched_and_read(library, folder, user_dirs["cache"])
        library.remove([library.find(str(folder / "b.txt")).id])  # type: ignore[union-attr]
        path = library.path
    path.write_bytes(b"not a database, not any more" * 50)
    with Library() as library:
        [notice] = library.notices
        assert notice.key == "notice.library_restored" and "\n" not in str(notice)
        moved = Path(str(notice.fields["moved"]))
        assert moved.exists() and moved.name.startswith("library.sqlite3.corrupt-")  # set aside, not deleted
        assert [(e.path, e.state) for e in library.entries()] == [(str(folder / "a.txt"), "pending")]
        assert library.ignored() == {str(folder / "b.txt")}
        result = pending(library)  # the ignored file stays out of the rebuilt library too
        assert result.found == [] and result.todo == [(str(folder / "a.txt"), None)]
        tally = index(library, result.todo, user_dirs["cache"], workers=1)
        assert tally.read == 1 and library.entries()[0].measures == 126


def test_damage_found_in_use_is_checked_at_the_next_open(folder: Path, user_dirs: dict[str, Path]) -> None:
    with Library() as library:
        watched_and_read(library, folder, user_dirs["cache"])
        path = library.path
    _garble(path, "measures")
    with pytest.raises(sqlite3.DatabaseError), Library() as library:  # what a command meets half-way
        library.db.execute("SELECT sum(length(text)) FROM measures").fetchone()
    mark_damaged()
    with Library() as library:
        assert [n.key for n in library.notices] == ["notice.library_restored"]
        assert len(library.entries()) == 2 and library.watched()[0].path == str(folder)
    with Library() as library:  # checked once: the mark is gone with the damaged file
        assert library.notices == []


HOLDER = """
import sys, time
from pathlib import Path
from zimao_tui.store.library_lock import index_lock
with index_lock(Path(sys.argv[1]), wait=True):
    print("held", flush=True)
    sys.stdin.readline()
"""


def test_the_index_lock_excludes_another_process(tmp_path: Path) -> None:
    path = lock_path(tmp_path / "library.sqlite3")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(LockBusy), index_lock(path, wait=False):
            pass
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        start = time.monotonic()
        with index_lock(path, wait=True):  # waits for the holder to let go
            assert holder.wait(timeout=30) == 0
        assert time.monotonic() - start < 30
    finally:
        holder.kill()
        holder.wait()
    with index_lock(path, wait=False):  # free again, and the file is kept
        assert path.exists()


def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    path = lock_path(tmp_path / "library.sqlite3")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    holder.kill()
    holder.wait()
    with index_lock(path, wait=False):
        pass


OPENER = """
from zimao_tui.store.library import Library
with Library() as library:
    print(len(library.notices), flush=True)
"""


def test_processes_opening_a_new_library_together_never_take_it_for_damaged(
    user_dirs: dict[str, Path],
) -> None:
    """Each creates the tables only holding the write lock (two ``add`` runs started together
    used to see each other's half-made store, "table reports already exists", as damage)."""
    for _ in range(3):
        shutil.rmtree(user_dirs["data"], ignore_errors=True)
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", OPENER], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
            for _ in range(4)
        ]
        outs = [p.communicate(timeout=120) for p in procs]
        assert [out for out, _ in outs] == ["0\n"] * 4, outs
        assert not list(user_dirs["data"].glob("*.corrupt-*"))


NOTICES = """
from zimao_tui.store.library import Library
with Library() as library:
    print(",".join(n.key for n in library.notices), len(library.entries()), flush=True)
"""


def test_processes_finding_one_damaged_store_set_it_aside_once(
    folder: Path, user_dirs: dict[str, Path]
) -> None:
    with Library() as library:
        library.register([folder / "a.txt", folder / "b.txt"])
        path = library.path
    garbage = b"\x00garbage" * 1000
    path.write_bytes(garbage)
    with index_lock(lock_path(path), wait=True):  # as if an indexer held it: they queue behind it
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", NOTICES], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
            for _ in range(4)
        ]
        time.sleep(3)
        assert path.read_bytes() == garbage and all(p.poll() is None for p in procs)
    outs = sorted(p.communicate(timeout=120)[0] for p in procs)
    assert outs == [" 2\n"] * 3 + ["notice.library_restored 2\n"], outs
    assert len(list(path.parent.glob("library.sqlite3.corrupt-*"))) == 1


def test_an_unreadable_file_is_tried_again_only_once_it_changed(
    library: Library, folder: Path, user_dirs: dict[str, Path]
) -> None:
    (folder / "blob.txt").write_bytes(bytes(range(256)) * 8)
    library.watch(folder)
    tally = index(library, pending(library).todo, user_dirs["cache"], workers=1)
    assert [f.path for f in tally.failed] == [str(folder / "blob.txt")]
    assert pending(library).todo == []  # a rescan does not read (and report) it at every start
    assert library.stale([folder / "blob.txt"]) == [(str(folder / "blob.txt"), None)]  # add FILE does
    shutil.copy(bundled_report(), folder / "blob.txt")  # fixed
    assert pending(library).todo == [(str(folder / "blob.txt"), None)]
    index(library, pending(library).todo, user_dirs["cache"], workers=1)
    assert library.find(str(folder / "blob.txt")).state == "present"  # type: ignore[union-attr]


def test_a_store_that_cannot_be_opened_for_the_disk_is_not_set_aside(
    user_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Setting aside helps damage only: a full disk or a permission problem is left as it is."""
    from zimao_tui.store import library_repair

    assert library_repair.kind_of_failure(sqlite3.DatabaseError("file is not a database")) == "damaged"
    assert library_repair.kind_of_failure(sqlite3.OperationalError("no such table: reports")) == "damaged"
    assert (
        library_repair.kind_of_failure(sqlite3.OperationalError("unable to open database file")) == "unusable"
    )
    with Library():
        pass
    real = sqlite3.connect

    class Full:
        """A connection whose writes fail as on a full disk (the error comes from inside open)."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self.db = real(*args, **kwargs)

        def execute(self, sql: str, *args: Any) -> Any:
            if sql.startswith("PRAGMA journal_mode"):
                raise sqlite3.OperationalError("database or disk is full")
            return self.db.execute(sql, *args)

        def close(self) -> None:
            self.db.close()

    monkeypatch.setattr(sqlite3, "connect", Full)
    with pytest.raises(sqlite3.OperationalError, match="full"):
        Library()
    monkeypatch.undo()
    assert not list(user_dirs["data"].glob("*.corrupt-*"))


def test_a_renamed_file_keeps_its_report(library: Library, folder: Path, user_dirs: dict[str, Path]) -> None:
    """Same bytes under a new name (or moved into another watched folder): nothing is read again."""
    watched_and_read(library, folder, user_dirs["cache"])
    before = library.find(str(folder / "a.txt"))
    assert before is not None
    (folder / "a.txt").rename(folder / "renamed.txt")
    other = folder.parent / "other"
    other.mkdir()
    library.watch(other)
    (folder / "b.txt").rename(other / "b.txt")
    result = pending(library)
    assert result.todo == [] and result.found == []
    assert result.moved == [
        (str(folder / "a.txt"), str(folder / "renamed.txt")),
        (str(folder / "b.txt"), str(other / "b.txt")),
    ]
    after = library.find(str(folder / "renamed.txt"))
    assert after is not None and (after.id, after.state, after.measures) == (before.id, "present", 126)
    assert library.report(after.id).title == before.title
    assert library.member_paths() == {str(folder / "renamed.txt"), str(other / "b.txt")}
    members = library_list.load(library.list_path)
    assert members is not None and str(folder / "renamed.txt") in members.reports


def test_a_new_file_of_a_vanished_reports_size_is_read_when_its_bytes_differ(
    library: Library, folder: Path, user_dirs: dict[str, Path]
) -> None:
    watched_and_read(library, folder, user_dirs["cache"])
    data = bytearray((folder / "a.txt").read_bytes())
    (folder / "a.txt").unlink()
    data[:3] = "文".encode()  # same size (武 is three bytes too), other bytes
    (folder / "c.txt").write_bytes(bytes(data))
    result = pending(library)
    assert result.moved == [] and result.found == [str(folder / "c.txt")]
    assert library.find(str(folder / "a.txt")).state == "missing"  # type: ignore[union-attr]


def test_the_watcher_fingerprints_bytes_as_the_reader_does(folder: Path) -> None:
    from zimao_tui.search.library_index import bytes_fingerprint
    from zimao_tui.store.library_watch import file_fingerprint

    path = folder / "a.txt"
    assert file_fingerprint(str(path)) == bytes_fingerprint(path.read_bytes())
    assert file_fingerprint(str(folder / "nope.txt")) is None
