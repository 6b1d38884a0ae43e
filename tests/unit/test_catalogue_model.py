"""The catalogue's model parts (issue 17): the start-up probe, what the app must read, search
within some reports, the index seeded from the store, the rows' cells and order, the filter
before its pinyin index is there, and when ``zimao-tui DIR`` opens as a catalogue."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from zimao_tui.i18n import set_language
from zimao_tui.paths import bundled_report
from zimao_tui.search import index_cache
from zimao_tui.search.catalogue_filter import RowMatcher, rows_report
from zimao_tui.search.library_index import index
from zimao_tui.search.library_search import search_library
from zimao_tui.search.library_seed import seed_index
from zimao_tui.store.library import Entry, Library, library_path
from zimao_tui.store.library_probe import holds_more_than_bundled
from zimao_tui.store.shelf import files_to_index
from zimao_tui.ui.screens.catalogue_rows import arrange, catalogue_rows, size_label

DOCS = Path(__file__).parent.parent / "documents"
NOTICE = DOCS / "12-ftz-measures-guofa-2018-38.txt"


@pytest.fixture
def two(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(bundled_report(), folder / "wuhan.txt")
    shutil.copy(NOTICE, folder / "notice.txt")
    return [folder / "wuhan.txt", folder / "notice.txt"]


def read(library: Library, files: list[Path], cache: Path, member: bool = True) -> None:
    library.register(files, member=member)
    index(library, files_to_index(library, None if member else [str(f) for f in files]), cache, workers=1)


def test_probe_without_a_library_imports_nothing(tmp_path: Path) -> None:
    assert not holds_more_than_bundled(tmp_path / "none.sqlite3", bundled_report())


def test_probe_counts_reports_of_its_own(user_dirs: dict[str, Path], two: list[Path]) -> None:
    with Library() as library:
        library.register([bundled_report()])
        assert not holds_more_than_bundled(library_path(), bundled_report())  # only the bundled one
        library.register(two[1:], member=False)
        assert not holds_more_than_bundled(library_path(), bundled_report())  # a folder opened by name
        library.register(two[1:])
        assert holds_more_than_bundled(library_path(), bundled_report())


def test_probe_says_yes_to_a_damaged_store(tmp_path: Path) -> None:
    store = tmp_path / "library.sqlite3"
    store.write_bytes(b"not a database at all" * 100)
    assert holds_more_than_bundled(store, bundled_report())  # the catalogue sets it aside, saying so


def test_non_members_are_read_when_named(user_dirs: dict[str, Path], two: list[Path]) -> None:
    with Library() as library:
        library.register(two, member=False)
        assert files_to_index(library) == []  # the library's own members: none
        todo = files_to_index(library, [str(p) for p in two])
        assert [p for p, _ in todo] == [str(p) for p in two]
        index(library, todo, user_dirs["cache"], workers=1)
        assert files_to_index(library, [str(p) for p in two]) == []  # read once, never again
        assert library.entries() == [] and len(library.entries(members_only=False)) == 2


def test_search_within_some_reports(user_dirs: dict[str, Path], two: list[Path]) -> None:
    with Library() as library:
        read(library, two, user_dirs["cache"])
        wuhan, notice = library.entries()
        everywhere = {hit.report.title for hit in search_library(library, "自由贸易试验区", 50)}
        assert everywhere == {wuhan.title, notice.title}
        for query in ("自由贸易试验区", "zmq", "改革", "ggkjzl"):  # trigram, initials, LIKE, no prefilter
            hits = search_library(library, query, 50, reports=[notice.id])
            assert {hit.report.title for hit in hits} <= {notice.title}
        assert {h.report.title for h in search_library(library, "自由贸易试验区", 50, [wuhan.id])} == {
            wuhan.title
        }
        assert list(search_library(library, "自由贸易试验区", 50, reports=[])) == []


def test_search_finds_non_members_only_when_named(user_dirs: dict[str, Path], two: list[Path]) -> None:
    with Library() as library:
        read(library, two, user_dirs["cache"], member=False)
        assert list(search_library(library, "自由贸易试验区")) == []  # not the user's library
        ids = [e.id for e in library.entries(members_only=False)]
        assert len(search_library(library, "自由贸易试验区", 50, ids)) > 0


def test_seeded_index_is_the_one_jieba_would_build(user_dirs: dict[str, Path], two: list[Path]) -> None:
    from zimao_tui.search.search import build_index

    with Library() as library:
        read(library, two, user_dirs["cache"])
        notice = library.entries()[1]
        report = library.report(notice.id)
        seeds = user_dirs["cache"] / "seeded"
        assert seed_index(library, notice.id, report, seeds)
        texts = [m.text for m in report.measures()]
        seeded = index_cache.load(seeds, texts)
        built = build_index([report], user_dirs["cache"] / "built")
        assert seeded is not None
        assert seeded["starts"] == [built._starts[i] for i in range(len(texts))]
        library.db.execute("UPDATE measures SET text = 'x' WHERE report = ?", (notice.id,))
        assert not seed_index(library, notice.id, report, user_dirs["cache"] / "other")  # never a wrong fit


def entry(n: int, **fields: object) -> Entry:
    base: dict[str, object] = dict(
        id=n, path=f"/r/{n}.txt", state="present", title=f"报告{n}", date=None, issuer=None,
        doc_number=None, kind="txt", measures=None, size=None, fingerprint=None, error=None,
    )  # fmt: skip
    base.update(fields)
    return Entry(**base)  # type: ignore[arg-type]


def test_rows_cells_and_states() -> None:
    set_language("zh")
    rows = catalogue_rows(
        [
            entry(1, date="2022-07-05", measures=126, size=22_150),
            entry(2, state="missing", title=None, path="/gone/旧报告.txt"),
            entry(3, state="unreadable", size=999),
        ]
    )
    assert rows[0].cells() == ("报告1", "2022-07-05", "", "txt", "126", "22.1 KB")
    assert rows[1].title == "旧报告.txt" and rows[1].state == "缺失"  # the file name while no title
    assert rows[2].state == "无法读取" and rows[2].cells()[5] == "999 B"
    assert size_label(3_100_000) == "3.1 MB" and size_label(None) == ""


def test_arrange_sorts_with_empty_cells_last() -> None:
    rows = catalogue_rows(
        [entry(1, date="2020"), entry(2), entry(3, date="2024"), entry(4, date="2018", measures=5)]
    )
    assert [r.entry.id for r in arrange(rows, None, "date", False)] == [4, 1, 3, 2]
    assert [r.entry.id for r in arrange(rows, None, "date", True)] == [3, 1, 4, 2]
    assert [r.entry.id for r in arrange(rows, [2, 0], None, False)] == [3, 1]  # the filter's order
    assert [r.entry.id for r in arrange(rows, [2, 0], "date", True)] == [3, 1]
    assert [r.entry.id for r in arrange(rows, None, "measures", True)] == [4, 1, 2, 3]


def test_matcher_before_and_with_its_index(user_dirs: dict[str, Path]) -> None:
    from zimao_tui.search.catalogue_filter import open_rows_index

    texts = [
        "武汉自贸片区高质量发展创新举措",
        "国务院关于支持自由贸易试验区深化改革创新若干措施的通知 国务院",
    ]
    matcher = RowMatcher(texts)
    assert matcher.match("") is None
    assert matcher.match("創新") == [0, 1]  # folded, before any index
    assert matcher.match("gwy") == []  # pinyin needs the index
    matcher.index = open_rows_index(texts, user_dirs["cache"])
    assert matcher.match("gwy") == [1]
    assert matcher.match("wuhan") == [0]
    assert rows_report(texts).node("1") is not None


def test_a_big_folder_opens_as_a_catalogue(user_dirs: dict[str, Path], tmp_path: Path) -> None:
    from zimao_tui.ui.launch import CATALOGUE_FROM, _shelf

    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(CATALOGUE_FROM):
        (folder / f"{n:03d}.txt").write_text(f"报告{n}\n一、总则\n第{n}条措施。\n", encoding="utf-8")
    assert _shelf([folder]) is None  # fifty: the explorer, as before
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("报告\n一、总则\n一条措施。\n", encoding="utf-8")
    (folder / "999.txt").symlink_to(outside)  # a link is listed as the file it names, as add does
    shelf = _shelf([folder])
    assert shelf is not None and shelf.paths is not None and len(shelf.paths) == CATALOGUE_FROM + 1
    entries = shelf.entries()
    assert [e.path for e in entries] == list(shelf.paths) and {e.state for e in entries} == {"pending"}
    assert shelf.paths[-1] == str(outside.resolve()) and shelf.paths[0] == str((folder / "000.txt").resolve())
    assert shelf.library.entries() == []  # not the user's library
    assert shelf.scope([]) == [e.id for e in entries] and shelf.scope([entries[0].id]) == [entries[0].id]
    shelf.library.close()
    again = _shelf([folder])  # listed before: one query, nothing written
    assert again is not None and again.library.db.total_changes == 0 and again.paths == shelf.paths
    again.library.close()
