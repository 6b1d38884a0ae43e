"""The library store (store/library.py): schema, add/update/missing/remove, fingerprints,
a damaged file set aside, a version bump rebuilt, readers while a writer writes."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from zimao_tui.paths import bundled_report
from zimao_tui.search.library_index import Tally, index
from zimao_tui.search.library_search import candidates, search_library
from zimao_tui.search.search import build_index
from zimao_tui.store import library_schema
from zimao_tui.store.library import Library

TITLE = "武汉自贸片区高质量发展创新举措"
DOCS = Path(__file__).parent.parent / "documents"
NOTICE = DOCS / "12-ftz-measures-guofa-2018-38.txt"


def fill(library: Library, files: list[Path], cache: Path) -> Tally:
    """Register and read files the way ``zimao-tui add`` does (in this process)."""
    library.register(files)
    return index(library, library.stale(files), cache, workers=1)


@pytest.fixture
def library(user_dirs: dict[str, Path]) -> Library:
    with Library() as lib:
        yield lib


@pytest.fixture
def two(tmp_path: Path) -> list[Path]:
    """The bundled report and the 2018 State Council notice, as files of their own."""
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(bundled_report(), folder / "wuhan.txt")
    shutil.copy(NOTICE, folder / "notice.txt")
    return [folder / "wuhan.txt", folder / "notice.txt"]


def test_schema(library: Library) -> None:
    assert library.path == Path(os.environ["ZIMAO_TUI_DATA_DIR"]) / "library.sqlite3"
    db = library.db
    assert db.execute("PRAGMA user_version").fetchone()[0] == library_schema.SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = {n for (n,) in db.execute("SELECT name FROM sqlite_master")}
    assert {"reports", "measures", "measures_fts", "reports_fingerprint"} <= names
    assert library.fts and library_schema.has_trigram()
    assert not any("bookmark" in n for n in names)  # bookmarks stay in bookmarks.toml


def test_add_reads_the_catalogue(library: Library, two: list[Path], user_dirs: dict[str, Path]) -> None:
    tally = fill(library, two, user_dirs["cache"])
    assert (tally.read, tally.same, tally.failed) == (2, 0, [])
    wuhan, notice = library.entries()
    assert (wuhan.title, wuhan.date, wuhan.measures, wuhan.state, wuhan.kind) == (
        TITLE, "2022-07-05", 126, "present", "txt",
    )  # fmt: skip
    assert wuhan.path == str(two[0]) and wuhan.size == two[0].stat().st_size
    assert (notice.title, notice.date, notice.issuer, notice.doc_number) == (
        "国务院关于支持自由贸易试验区深化改革创新若干措施的通知", "2018-11-07", "国务院", "国发〔2018〕38号",
    )  # fmt: skip
    rows = library.db.execute("SELECT count(*) FROM measures WHERE report = ?", (wuhan.id,)).fetchone()[0]
    assert rows == 126
    tree = library.report(wuhan.id)
    assert tree.title == TITLE and len(list(tree.measures())) == 126


def test_unchanged_files_are_never_read_twice(
    library: Library, two: list[Path], user_dirs: dict[str, Path]
) -> None:
    fill(library, two, user_dirs["cache"])
    assert library.stale() == []  # same size and time: not even hashed
    os.utime(two[0], ns=(1, 2))  # touched, same bytes: hashed, not parsed
    todo = library.stale()
    assert [p for p, _ in todo] == [str(two[0])]
    tally = index(library, todo, user_dirs["cache"], workers=1)
    assert (tally.read, tally.same) == (0, 1)
    assert library.stale() == []


def test_changed_file_is_read_again(library: Library, two: list[Path], user_dirs: dict[str, Path]) -> None:
    fill(library, two, user_dirs["cache"])
    before = library.entries()[0].fingerprint
    text = two[0].read_text(encoding="utf-8").replace("知识产权证券化交易", "数据资产证券化交易")
    two[0].write_text(text, encoding="utf-8")
    tally = index(library, library.stale(), user_dirs["cache"], workers=1)
    assert tally.read == 1
    assert library.entries()[0].fingerprint != before
    hits = search_library(library, "数据资产证券化")
    assert [h.measure.id for h in hits][:1] == ["2.4.1"]
    assert "数据资产证券化交易" in hits[0].measure.text
    assert not [h for h in search_library(library, "'知识产权证券化") if h.report.title == TITLE]


def test_vanished_file_is_missing_until_removed(
    library: Library, two: list[Path], user_dirs: dict[str, Path]
) -> None:
    fill(library, two, user_dirs["cache"])
    two[0].unlink()
    assert library.stale() == []
    wuhan = library.entries()[0]
    assert wuhan.state == "missing" and wuhan.title == TITLE  # kept, with what was known
    assert library.find(str(two[0])) == wuhan and library.find(str(wuhan.id)) == wuhan
    shutil.copy(bundled_report(), two[0])  # back again: read again
    assert [p for p, _ in library.stale()] == [str(two[0])]
    library.remove([wuhan.id])
    assert [e.path for e in library.entries()] == [str(two[1])]
    left = library.db.execute("SELECT count(*) FROM measures WHERE report = ?", (wuhan.id,)).fetchone()[0]
    fts = library.db.execute("SELECT count(*) FROM measures_fts").fetchone()[0]
    assert left == 0 and fts == library.entries()[0].measures


def test_unreadable_file_is_listed_with_why(
    library: Library, tmp_path: Path, user_dirs: dict[str, Path]
) -> None:
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    tally = fill(library, [binary], user_dirs["cache"])
    assert len(tally.failed) == 1 and "blob.txt" in tally.failed[0].error
    [entry] = library.entries()
    assert entry.state == "unreadable" and entry.error == tally.failed[0].error


def test_damaged_file_is_set_aside_and_rebuilt(user_dirs: dict[str, Path]) -> None:
    path = user_dirs["data"] / "library.sqlite3"
    path.parent.mkdir(parents=True)
    garbage = b"this is not a database" * 100
    path.write_bytes(garbage)
    with Library() as library:
        assert [n.key for n in library.notices] == ["notice.library_set_aside"]
        moved = Path(str(library.notices[0].fields["moved"]))
        assert moved.read_bytes() == garbage and moved.name.startswith("library.sqlite3.corrupt-")
        assert library.entries() == []
    with Library() as again:  # the new store is fine: nothing more to say
        assert again.notices == []


def test_version_bump_rebuilds_from_the_reports(two: list[Path], user_dirs: dict[str, Path]) -> None:
    with Library() as library:
        fill(library, two, user_dirs["cache"])
        library.db.execute("PRAGMA user_version = 0")
    with Library() as library:
        assert [n.key for n in library.notices] == ["notice.library_rebuilt"]
        assert [(e.path, e.state, e.title) for e in library.entries()] == [
            (str(two[0]), "pending", None), (str(two[1]), "pending", None),
        ]  # fmt: skip
        assert library.db.execute("PRAGMA user_version").fetchone()[0] == library_schema.SCHEMA_VERSION
        tally = index(library, library.stale(), user_dirs["cache"], workers=1)
        assert tally.read == 2 and [e.state for e in library.entries()] == ["present", "present"]


WRITER = """
import sys
from pathlib import Path
from zimao_tui.store.library import Library
from zimao_tui.search.library_index import index
files = [Path(p) for p in sys.argv[2:]]
with Library() as library:
    library.register(files)
    print("registered", flush=True)
    index(library, library.stale(), Path(sys.argv[1]), workers=1)
"""


def test_readers_read_while_a_writer_writes(tmp_path: Path, user_dirs: dict[str, Path]) -> None:
    source = bundled_report().read_text(encoding="utf-8")
    files = []
    for k in range(12):
        file = tmp_path / f"copy-{k:02d}.txt"
        file.write_text(source.replace(TITLE, f"{TITLE}（第{k}版）", 1), encoding="utf-8")
        files.append(file)
    Library().close()  # created before the writer starts, as `add` finds it
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(user_dirs["cache"]), *map(str, files)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None and writer.stdout.readline() == "registered\n"
    seen: list[list[int]] = [[], []]
    errors: list[BaseException] = []

    def read(n: int) -> None:
        try:
            with Library() as library:
                while writer.poll() is None:
                    library.db.execute("BEGIN")  # one snapshot for the catalogue and the search
                    present = [e for e in library.entries() if e.state == "present"]
                    assert all(e.measures == 126 for e in present)
                    hits = search_library(library, "知识产权证券化", limit=50)
                    assert len(hits) == len(present)  # every stored report is whole
                    library.db.execute("COMMIT")
                    seen[n].append(len(present))
        except BaseException as exc:
            errors.append(exc)

    readers = [threading.Thread(target=read, args=(n,)) for n in range(2)]
    for thread in readers:
        thread.start()
    for thread in readers:
        thread.join(timeout=120)
    assert writer.wait(timeout=120) == 0
    assert errors == []
    for counts in seen:
        assert counts == sorted(counts) and len(set(counts)) > 1  # they saw it grow, in order
    with Library() as library:
        assert [e.state for e in library.entries()] == ["present"] * 12


QUERIES = [
    "知识产权证券化",
    "知识产全",
    "自贸区",
    "zscq",
    "zhishichanquan",
    "光谷 !科技",
    "墨西哥 | 布拉格",
    "^知识产权",
    "诺奖",
]


@pytest.mark.parametrize("query", QUERIES)
def test_library_search_ranks_as_report_search(
    library: Library, two: list[Path], user_dirs: dict[str, Path], query: str
) -> None:
    """The prefilter loses nothing for literal, typo, synonym, pinyin, initials, negated,
    OR and anchored queries: the library's hits are the reports' own."""
    fill(library, two, user_dirs["cache"])
    expected = build_index([library.report(e.id) for e in library.entries()]).search(query, 20)
    got = search_library(library, query, 20)
    assert [(h.report.origin, h.measure.id, h.score, h.spans) for h in got] == [
        (h.report.origin, h.measure.id, h.score, h.spans) for h in expected
    ]
    assert got  # each query finds something in these two reports


def test_prefilter_reads_only_what_can_match(
    library: Library, two: list[Path], user_dirs: dict[str, Path]
) -> None:
    fill(library, two, user_dirs["cache"])
    total = library.db.execute("SELECT count(*) FROM measures").fetchone()[0]
    chosen = candidates(library, "知识产权证券化")
    assert chosen is not None and 0 < len(chosen) < total / 20
    texts = [r[4] for r in library.measure_rows(f"m.id IN ({','.join(map(str, chosen))})")]
    assert any("知识产权证券化" in t for t in texts)
    assert candidates(library, "!知识产权") is None  # only a negation: everything is a candidate


def test_no_store_is_left_broken_by_a_failed_transaction(
    library: Library, two: list[Path], user_dirs: dict[str, Path]
) -> None:
    fill(library, two, user_dirs["cache"])
    with pytest.raises(sqlite3.IntegrityError), library_schema.transaction(library.db) as db:
        db.execute("DELETE FROM measures WHERE report = 1")
        db.execute("INSERT INTO reports (id, path, added) VALUES (2, 'dup', 'x')")  # id 2 exists
    assert library.db.execute("SELECT count(*) FROM measures WHERE report = 1").fetchone()[0] == 126


def test_without_fts5_search_reads_everything(
    monkeypatch: pytest.MonkeyPatch, two: list[Path], user_dirs: dict[str, Path]
) -> None:
    """A Python whose SQLite lacks FTS5 trigram: the store works without the table, says so
    once, and library search ranks every measure (the same hits, only slower)."""
    monkeypatch.setattr(library_schema, "has_trigram", lambda: False)
    with Library() as library:
        assert [n.key for n in library.notices] == ["notice.library_no_fts"]
        names = {n for (n,) in library.db.execute("SELECT name FROM sqlite_master")}
        assert "measures_fts" not in names
        fill(library, two, user_dirs["cache"])
        assert candidates(library, "知识产权证券化") is None
        hits = search_library(library, "知识产权证券化")
        assert {h.measure.id for h in hits[:2]} == {"2.4.1", "4.8.1"}
        library.remove([library.entries()[0].id])
        assert len(library.entries()) == 1
