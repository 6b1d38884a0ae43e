"""Library search (search/library_search.py) ranks as a single-report search does.

Two libraries, each built once per module: the reports of benchmarks/queries.toml that ship
in the repository (the held-out queries are run on both the library and ``build_index`` over
the same reports, and must give the same hits), and thirty varied copies of the bundled report,
where the passes that stop early (bands), cap (broad) or reach past the trigram index
(fallback: mixed pinyin, initials with gaps, a typo in every trigram) all come into play.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from zimao_tui.paths import bundled_report
from zimao_tui.search import library_search
from zimao_tui.search.library_index import index
from zimao_tui.search.library_search import Searcher, bands, search_library
from zimao_tui.search.query import Term
from zimao_tui.search.search import Results, SearchIndex, build_index
from zimao_tui.store.library import Library
from zimao_tui.store.tomlcompat import loads as toml_loads

ROOT = Path(__file__).parent.parent.parent
QUERIES = toml_loads((ROOT / "benchmarks" / "queries.toml").read_text(encoding="utf-8"))
SHIPPED = {k: ROOT / v for k, v in QUERIES["reports"].items() if not v.startswith("..")}
HELD_OUT = [q["q"] for q in QUERIES["query"] if q["report"] in SHIPPED]
CITIES = ["武汉", "成都", "西安", "重庆", "长沙"]


def make_library(tmp: Path, files: list[Path]) -> Library:
    with pytest.MonkeyPatch.context() as patch:  # module-scoped: conftest's env is not set yet
        patch.setenv("ZIMAO_TUI_EMPTY_LIBRARY", "1")  # these files alone, not the bundled report
        library = Library(tmp / "data" / "library.sqlite3")
    library.register(files)
    index(library, library.stale(files), tmp / "cache", workers=1)
    return library


def copies(folder: Path, count: int) -> list[Path]:
    """``count`` copies of the bundled report: another city, the copy number in the title;
    copy 7 in traditional characters where it speaks of 知识产权, copy 23 with 发展 four
    times in one measure (a high-count hit late in the library), copy 29 with a rare word at
    the very end of a measure."""
    source = bundled_report().read_text(encoding="utf-8")
    files = []
    for k in range(count):
        text = source.replace("武汉", CITIES[k % len(CITIES)]).replace(
            "高质量发展创新举措", f"高质量发展创新举措（第{k}号）", 1
        )
        if k == 7:
            text = text.replace("知识产权", "知識產權")
        if k == 23:
            text = text.replace("实行“先赋权后转化”模式", "发展发展发展发展实行“先赋权后转化”模式", 1)
        if k == 29:
            text = text.replace("等重点展会活动。", "等重点展会活动鲲鹏", 1)
        path = folder / f"copy-{k:02d}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def same(got: Results, expected: Results) -> list[tuple[str, str, float, tuple[tuple[int, int], ...]]]:
    key = [(h.report.origin, h.measure.id, h.score, h.spans) for h in got]
    assert key == [(h.report.origin, h.measure.id, h.score, h.spans) for h in expected]
    return key


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Library, SearchIndex]]:
    tmp = tmp_path_factory.mktemp("shipped")
    files = list(SHIPPED.values())
    library = make_library(tmp, files)
    order = {str(f): n for n, f in enumerate(files)}
    entries = sorted(library.entries(), key=lambda e: e.id)
    assert [order[e.path] for e in entries] == sorted(order[e.path] for e in entries)
    yield library, build_index([library.report(e.id) for e in entries], tmp / "cache")
    library.close()


@pytest.fixture(scope="module")
def thirty(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Library, SearchIndex]]:
    tmp = tmp_path_factory.mktemp("thirty")
    folder = tmp / "reports"
    folder.mkdir()
    library = make_library(tmp, copies(folder, 30))
    yield library, build_index([library.report(e.id) for e in library.entries()], tmp / "cache")
    library.close()


@pytest.mark.parametrize("query", HELD_OUT)
def test_held_out_queries_rank_as_in_the_reports(
    shipped: tuple[Library, SearchIndex], monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    """Every layer (traditional, variants, full-width, pinyin, initials, typos, word order)
    scores a library's measure as the same report's own search does. The broad pass's cap is
    lifted: it bounds the cost, not what a match is (the next test covers it as shipped)."""
    library, reports = shipped
    monkeypatch.setattr(library_search, "BROAD_CANDIDATES", 100_000)
    same(Searcher(library).search(query, 10), reports.search(query, 10))


@pytest.mark.parametrize("query", HELD_OUT)
def test_held_out_queries_keep_their_top_three(shipped: tuple[Library, SearchIndex], query: str) -> None:
    """As shipped (broad pass capped), the top three are the reports' own top three."""
    library, reports = shipped
    got = [(h.report.origin, h.measure.id) for h in search_library(library, query, 3)]
    assert got == [(h.report.origin, h.measure.id) for h in reports.search(query, 3)]


@pytest.mark.parametrize(
    "query",
    [
        "发展",
        "知识产权",
        "知识产权证券化",
        "知識產權",
        "光谷",
        "自贸区",
        "zscq",
        "gx",
        "rcep",
        "ＲＣＥＰ",
        "'集成电路",
    ],
)
def test_bands_give_the_exact_top_hits(thirty: tuple[Library, SearchIndex], query: str) -> None:
    """A word in every copy: the bands pass reads a few dozen measures and still returns the
    whole library's best, occurrence bonus included (copy 23's 发展 x4 comes first), the
    traditional copy's folded hits, initials, an exact word."""
    library, reports = thirty
    searcher = Searcher(library)
    banded = searcher._banded(query, library_search.parse_query(query), 10)
    assert banded is not None  # answered by pass 1, not by luck of a later pass
    same(banded, reports.search(query, 10))
    if query == "发展":
        assert banded[0].report.title.endswith("（第23号）")


def test_rare_two_character_word_found_through_trigrams(thirty: tuple[Library, SearchIndex]) -> None:
    library, _ = thirty
    searcher = Searcher(library)
    searcher._vocab()
    assert searcher._match("folded", "鲲鹏") == 'folded : ("鲲鹏\x03")'  # only at a measure's end
    [hit] = searcher.search("鲲鹏", 10)
    assert hit.measure.text.endswith("鲲鹏") and hit.report.title.endswith("（第29号）")


@pytest.mark.parametrize(
    ("query", "expect"),
    [("zhishicq", "知识产权"), ("ggkjzl", "光谷科技创新大走廊"), ("跨竟电商", "跨境电商")],
)
def test_fallback_finds_what_no_trigram_sees(
    thirty: tuple[Library, SearchIndex], query: str, expect: str
) -> None:
    """Mixed pinyin, initials with words left out and a typo in every trigram: the trigram
    prefilter names nothing for them, the fallback pass finds them, ranked as in the reports."""
    library, reports = thirty
    searcher = Searcher(library)
    parsed = library_search.parse_query(query)
    assert searcher._banded(query, parsed, 10) is None
    broad = searcher._broad(query, parsed, 10)
    assert broad is not None and broad[1] == []  # the trigram index sees nothing
    hits = searcher.search(query, 10)
    assert hits and all(expect in h.measure.text for h in hits[:3])
    same(hits, reports.search(query, 10))


def test_mixed_pinyin_keys_come_from_the_library_syllables(thirty: tuple[Library, SearchIndex]) -> None:
    library, _ = thirty
    searcher = Searcher(library)
    assert {"zhi", "shi", "chan", "quan"} <= searcher.syllables()
    assert "zscq" in searcher._mixed_keys("zhishicq")


def test_bands_of_a_word() -> None:
    syllables = frozenset({"zhi", "shi", "chan", "quan", "ge"})
    found = bands(Term("zscq"), syllables)
    assert found is not None
    assert [b.column for b in found[0]] == ["text", "folded", "initials"]
    assert found[1] == library_search.MIXED_PINYIN + 3  # zscq cannot be full pinyin
    pinyin = bands(Term("zhishi"), syllables)
    assert pinyin is not None and pinyin[1] == library_search.FULL_PINYIN + 3  # full pinyin can match
    assert bands(Term("知识", anchored=True), syllables) is None  # anchored: not counted by LIKE
    assert bands(Term("一一"), syllables) is None  # overlaps itself: LIKE would undercount
    assert bands(Term("知", exact=True), syllables) is None
    exact = bands(Term("知识产权", exact=True), syllables)
    assert exact is not None and exact[1] is None  # 'word: nothing but the bands


def test_cache_forgets_a_changed_store(thirty: tuple[Library, SearchIndex], tmp_path: Path) -> None:
    """A report stored after a search is searched at once (the decoded measures are dropped
    when the store changes)."""
    library, _ = thirty
    searcher = Searcher(library)
    assert searcher.search("证券化", 10)  # measures decoded and kept
    extra = tmp_path / "extra.txt"
    extra.write_text(
        bundled_report().read_text(encoding="utf-8").replace("知识产权证券化", "鲲鹏鲲鹏证券化"),
        encoding="utf-8",
    )
    library.register([extra], member=True)
    index(library, library.stale([extra]), tmp_path / "cache", workers=1)
    try:
        hits = searcher.search("鲲鹏鲲鹏证券化", 10)
        assert hits and all(h.report.origin == str(extra) for h in hits)
    finally:
        library.remove([e.id for e in library.entries() if e.path == str(extra)])


def test_a_trigram_only_other_columns_hold_matches_nothing(thirty: tuple[Library, SearchIndex]) -> None:
    """``_match`` asks the index for one measure holding each trigram in the column (not the
    vocabulary, which reads the whole position list): 知识产 is in the folded text only, zhi
    in the pinyin run only."""
    library, _ = thirty
    searcher = Searcher(library)
    assert searcher._match("folded", "知识产") == 'folded : "知识产"'
    assert searcher._match("syllables", "知识产") is None
    assert searcher._match("syllables", "zhishi") == 'syllables : "zhishi"'
    assert searcher._match("folded", "zhishi") is None
    assert searcher._holds("syllables", "zhi") and not searcher._holds("initials", "zhi")


@pytest.mark.parametrize("query", ["发展", "光谷", "gx", "GX"])
def test_two_character_counts_come_from_the_repeats_table(
    thirty: tuple[Library, SearchIndex], monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    """A two-character word's counts of two or more are read from ``repeats`` (first measures
    in library order), never from the index's position lists, and the bands stay exact."""
    library, reports = thirty
    instances = Searcher._instances

    def refuse(self: Searcher, column: str, needle: str, least: int) -> list[int]:
        assert len(needle) > 2, "position lists read for a two-character word"
        return instances(self, column, needle, least)  # a synonym (光谷: 东湖高新区)

    monkeypatch.setattr(Searcher, "_instances", refuse)
    monkeypatch.setattr(library_search, "PREFIX_SCAN", 1)  # the first measures never suffice
    searcher = Searcher(library)
    banded = searcher._banded(query, library_search.parse_query(query), 10)
    assert banded is not None
    same(banded, reports.search(query, 10))


def test_reports_outside_the_scope_stay_out(thirty: tuple[Library, SearchIndex], tmp_path: Path) -> None:
    """While every stored measure is a member's, the broad pass asks the index alone; a
    report only opened by name (not a member) puts the join to the catalogue back, and its
    measures are never hits."""
    library, _ = thirty
    assert Searcher(library)._whole()
    extra = tmp_path / "extra.txt"
    extra.write_text(
        bundled_report().read_text(encoding="utf-8").replace("知识产权证券化", "鲲鹏鲲鹏证券化"),
        encoding="utf-8",
    )
    library.register([extra], member=False)
    index(library, library.stale([extra], members_only=False), tmp_path / "cache", workers=1)
    try:
        searcher = Searcher(library)
        assert not searcher._whole()
        assert searcher.search("鲲鹏鲲鹏证券化", 10) == Results()
        assert searcher._fts_first('folded : "鲲鹏鲲"') == []
        assert Searcher(library, scope=[e.id for e in library.entries(members_only=False)])._whole()
    finally:
        library.remove([e.id for e in library.entries(members_only=False) if e.path == str(extra)])
    assert Searcher(library)._whole()


def test_initials_with_gaps_scan_the_narrow_table(thirty: tuple[Library, SearchIndex]) -> None:
    """The fallback's scan for initials with words left out reads ``measure_initials``, not the
    measures' rows, and names the same measures."""
    library, _ = thirty
    statements: list[str] = []
    library.db.set_trace_callback(statements.append)
    try:
        found = Searcher(library)._fallback_ids(library_search.parse_query("ggkjzl"))
    finally:
        library.db.set_trace_callback(None)
    assert any("FROM measure_initials" in s for s in statements)
    pattern = library_search.subsequence_pattern("ggkjzl")
    scan = [
        i
        for i, initials in library.db.execute("SELECT id, initials FROM measures ORDER BY id")
        if library_search._search(pattern, initials)
    ]
    assert found == scan[: library_search.BROAD_CANDIDATES] and found


def test_folded_synonyms_are_folded_once() -> None:
    """Kept while the synonym table is the same object: bands() asks for every query."""
    first = library_search.folded_synonyms()
    assert library_search.folded_synonyms() is first
    assert first.get("自贸区") and all(alt == library_search.fold(alt) for alt in first["自贸区"])
