"""Search on the bundled report: each query must put its measure in the top three.

The queries were picked by reading the report: words and phrases, typos, other orders and
splits, short names, slogans, pinyin initials and full pinyin, synonyms. The index comes from
the shipped prebuilt file (no jieba needed) through the same ``build_index`` the CLI uses.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zimao_tui.document.report import Report
from zimao_tui.search.query import Term, parse_query
from zimao_tui.search.search import Hit, SearchIndex, ascii_lower, build_index

TOP3: list[tuple[str, str]] = [
    # Chinese words and phrases
    ("知识产权证券化", "2.4.1"),
    ("光芯屏端网", "3.1.1"),
    ("中欧班列", "5.3.8"),
    ("墨西哥城", "5.3.3"),
    ("集装箱", "5.2.8"),
    ("诉前化解率", "4.4.2"),
    ("多元解纷工作站", "4.4.1"),
    ("硬核科技", "2.2.1"),
    ("签证", "2.3.2"),
    ("AI语音", "4.1.5"),
    ("rcep", "5.5.6"),
    ("5G", "3.1.12"),
    # typos
    ("知识产全证券化", "2.4.1"),
    ("布拉个", "5.3.9"),
    ("光芯屏端王", "3.1.1"),
    ("一业一正", "4.1.2"),
    ("跨竟电商", "5.1.3"),
    ("免申即想", "4.2.3"),
    ("墨西歌城", "5.3.3"),
    # another order, or split
    ("诉前 调解", "4.4.2"),
    ("调解 诉前", "4.4.2"),
    ("诉前调解", "4.4.2"),
    ("证券化知识产权", "2.4.1"),
    ("班列 中欧", "5.3.8"),
    ("即买即提 跨境", "5.1.3"),
    ("航线 墨西哥", "5.3.3"),
    # short names and slogans
    ("诺奖", "2.3.1"),
    ("布拉格", "5.3.9"),
    ("长江存储", "3.1.6"),
    ("霍尼韦尔", "5.4.2"),
    ("一业一证", "4.1.2"),
    ("一事联办", "4.1.4"),
    ("免申即享", "4.2.3"),
    ("双随机一公开", "4.3.3"),
    ("放管服", "5.1.1"),
    ("三区联动", "1.2.1"),
    # pinyin initials (FIRST_LETTER per jieba word: y/w syllables kept)
    ("zscq", "2.4.4"),
    ("yyyz", "4.1.2"),
    ("blg", "5.3.9"),
    ("gxpdw", "3.1.1"),
    ("zobl", "5.3.8"),
    ("mxgc", "5.3.3"),
    # full pinyin, also cut short while typing; 银行 reads yin hang, not yin xing
    ("zhishichanquan", "2.4.4"),
    ("zhishichanq", "2.4.4"),
    ("bulage", "5.3.9"),
    ("nuojiang", "2.3.1"),
    ("zhongoubanlie", "5.3.8"),
    ("mianshenjixiang", "4.2.3"),
    ("huoniweier", "5.4.2"),
    ("yinhang", "2.4.4"),
    # full syllables and initials mixed
    ("zhishicq", "2.4.4"),
    ("zhongobl", "5.3.8"),
    ("mianshenjx", "4.2.3"),
    # synonyms, both ways
    ("自由贸易试验区", "1.2.2"),
    ("诺贝尔奖", "2.3.1"),
    ("跨境电子商务", "5.1.1"),
    ("综合保税区", "1.2.1"),
    ("东湖高新区", "3.2.2"),
]


@pytest.fixture(scope="module")
def index(bundled: Report, tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    return build_index([bundled], cache_dir=tmp_path_factory.mktemp("cache"))


def ids(hits: list[Hit]) -> list[str]:
    return [h.measure.id for h in hits]


def matched(hit: Hit) -> list[str]:
    return [hit.measure.text[a:b] for a, b in hit.spans]


@pytest.mark.parametrize(("query", "want"), TOP3, ids=[q for q, _ in TOP3])
def test_query_finds_its_measure_in_the_top_three(index: SearchIndex, query: str, want: str) -> None:
    assert want in ids(index.search(query, limit=3))


def test_there_are_enough_queries_of_every_kind() -> None:
    assert len(TOP3) >= 30


@pytest.mark.parametrize("query", [q for q, _ in TOP3])
def test_hits_are_well_formed(index: SearchIndex, query: str) -> None:
    hits = index.search(query, limit=10)
    assert hits
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    for hit in hits:
        assert 0 < hit.score <= 100
        assert hit.spans, f"{query!r} matched {hit.measure.id} without spans"
        flat = [x for span in hit.spans for x in span]
        assert flat == sorted(flat) and len(set(flat)) == len(flat)  # sorted, non-overlapping
        assert all(0 <= a < b <= len(hit.measure.text) for a, b in hit.spans)
        assert hit.path == tuple(h.title for h in hit.report.ancestors(hit.measure.id))
        assert len(hit.path) == 2  # chapter, section


def test_exact_spans_cover_every_occurrence(index: SearchIndex) -> None:
    hit = index.search("布拉格", limit=1)[0]
    assert matched(hit) == ["布拉格", "布拉格"]
    assert hit.spans == ((3, 6), (21, 24))


def test_pinyin_spans_point_at_the_characters_whose_pinyin_matched(index: SearchIndex) -> None:
    for query, word in [
        ("zscq", "知识产权"),
        ("zhishichanquan", "知识产权"),
        ("blg", "布拉格"),
        ("yyyz", "一业一证"),
    ]:
        for hit in index.search(query, limit=5):
            assert set(matched(hit)) == {word}, query
    # a prefix of the last syllable still highlights the whole character
    assert set(matched(index.search("zhishichanq", limit=1)[0])) == {"知识产权"}
    assert set(matched(index.search("nuojia", limit=1)[0])) == {"诺奖"}
    for query in ("zhishicq", "zscquan", "zhishichanquan", "zscq"):
        assert set(matched(index.search(query, limit=1)[0])) == {"知识产权"}, query
    assert ids(index.search("^zhishicq", limit=10)) == ["2.4.5", "3.2.12"]


def test_typo_spans_mark_only_the_characters_that_match(index: SearchIndex) -> None:
    hit = index.search("布拉个", limit=1)[0]
    assert set(matched(hit)) == {"布拉"}
    hit = index.search("知识产全证券化", limit=1)[0]
    assert "".join(matched(hit)) in ("知识产证券化", "知识产权证券化")
    assert all(ch in "知识产全证券化" for ch in "".join(matched(hit)))


def test_word_order_spans_mark_each_word(index: SearchIndex) -> None:
    hit = index.search("证券化知识产权", limit=1)[0]
    assert set(matched(hit)) >= {"证券化"}
    assert any("知识产权" in m for m in matched(hit))


def test_synonyms_work_both_ways(index: SearchIndex) -> None:
    short = index.search("自贸区", limit=200)
    long = index.search("自由贸易试验区", limit=200)
    assert "1.1.1" in ids(short)  # only says 自由贸易试验区
    assert "1.2.2" in ids(long)  # only says 自贸区
    hit = next(h for h in long if h.measure.id == "1.2.2")
    assert matched(hit) == ["自贸区"]


def test_exact_operator_turns_off_typos_pinyin_and_synonyms(index: SearchIndex) -> None:
    assert index.search("'知识产全") == []
    assert index.search("'zscq") == []
    assert index.search("'诺贝尔奖") == []
    assert ids(index.search("'诺奖")) == ["2.3.1"]


def test_exclude_operator(index: SearchIndex) -> None:
    with_it = index.search("知识产权", limit=100)
    without = ids(index.search("知识产权 !证券化", limit=100))
    assert "2.4.1" in ids(with_it) and "2.4.1" not in without
    assert without == [h.measure.id for h in with_it if "证券化" not in h.measure.text]
    everything_else = index.search("!知识产权", limit=1000)
    assert len(everything_else) == 126 - sum(1 for h in with_it if "知识产权" in h.measure.text)
    assert all("知识产权" not in h.measure.text for h in everything_else)


def test_start_operator(index: SearchIndex) -> None:
    hits = index.search("^知识产权", limit=100)
    assert ids(hits) == ["2.4.5", "3.2.12"]
    assert all(h.spans[0] == (0, 4) for h in hits)
    assert ids(index.search("^zscq", limit=100)) == ["2.4.5", "3.2.12"]
    assert "2.4.1" not in ids(index.search("^证券化", limit=100))
    assert ids(index.search("^知识产全", limit=100)) == ["2.4.5", "3.2.12"]  # a typo, at the start
    assert ids(index.search("^布拉个", limit=100)) == []


def test_or_operator(index: SearchIndex) -> None:
    assert set(ids(index.search("墨西哥 | 布拉格", limit=10))) == {"5.3.3", "5.3.9"}
    assert set(ids(index.search("mxgc | blg", limit=10))) == {"5.3.3", "5.3.9"}


def test_and_needs_every_word(index: SearchIndex) -> None:
    for hit in index.search("光谷 基金", limit=100):
        assert "光谷" in hit.measure.text and "基金" in hit.measure.text


@pytest.mark.parametrize(
    "query", ["!", "'", "^", "|", "| |", "a|b", "((", "[", "*", "\\", "知识产权 |", "!!x", "'^"]
)
def test_unknown_syntax_is_searched_literally_never_an_error(index: SearchIndex, query: str) -> None:
    hits = index.search(query)
    for hit in hits:
        assert hit.spans or hit.score == 50.0


def test_operators_alone_are_literal_terms() -> None:
    assert parse_query("!").groups == ((Term("!"),),)
    assert parse_query("'").groups == ((Term("'"),),)
    assert parse_query("!^'词 a | b").groups == (
        (Term("词", exact=True, negate=True, anchored=True), Term("a")),
        (Term("b"),),
    )
    assert parse_query("a |").groups == ((Term("a"),),)
    assert not parse_query("   ")


def test_warm_builds_the_lazy_views_and_changes_no_answer(bundled: Report, tmp_path: Path) -> None:
    cold = build_index([bundled], cache_dir=tmp_path)
    warm = build_index([bundled], cache_dir=tmp_path)
    warm.warm()
    assert "_postings" in vars(warm) and "_postings" not in vars(cold)
    for query, _ in TOP3:
        assert warm.search(query, 5) == cold.search(query, 5)


def test_empty_query_and_limits(index: SearchIndex) -> None:
    assert index.search("") == []
    assert index.search("   ") == []
    assert len(index.search("光谷", limit=2)) == 2
    assert index.search("光谷", limit=0) == []


def test_ties_keep_report_order(index: SearchIndex, bundled: Report) -> None:
    order = {m.id: i for i, m in enumerate(bundled.measures())}
    hits = index.search("光谷", limit=100)
    assert len(hits) > 5
    for a, b in pairwise(hits):
        if a.score == b.score:
            assert order[a.measure.id] < order[b.measure.id]


def test_several_reports_are_searched_together(bundled: Report, data_dir: Path, tmp_path: Path) -> None:
    from zimao_tui.document.parse import load_report

    other = load_report(data_dir / "fullwidth.txt")
    index = build_index([bundled, other], cache_dir=tmp_path / "c")
    hits = index.search("一业一证", limit=10)
    assert {h.report.title for h in hits} == {bundled.title, other.title}
    assert index.reports == (bundled, other)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.text(
        alphabet=st.sampled_from(list("知识产权证券化光谷诺奖布拉格一业证 zscqblgyhang!^'|()*\\.　AIrcep5G")),
        max_size=12,
    )
)
def test_any_query_is_answered_with_valid_spans(index: SearchIndex, query: str) -> None:
    """Whatever is typed, one key at a time: no error, spans inside the text, sorted, disjoint."""
    hits = index.search(query, limit=20)
    assert len(hits) <= 20
    for hit in hits:
        flat = [x for span in hit.spans for x in span]
        assert flat == sorted(flat) and len(set(flat)) == len(flat)
        assert all(0 <= a < b <= len(hit.measure.text) for a, b in hit.spans)
        assert 0 < hit.score <= 100


def test_results_know_the_total(bundled: Report) -> None:
    index = build_index([bundled])
    few = index.search("!创新", limit=5)
    every = index.search("!创新", limit=1000)
    assert len(few) == 5 and few.total == len(every) == every.total > 50
    assert index.search("", limit=5).total == 0


def test_ascii_lower_changes_only_ascii_capitals() -> None:
    """Search compares ASCII letters case-blind and nothing else: full-width Ａ, Ä and Σ keep
    their case (folding, not lowering, deals with full-width letters)."""
    text = "知识产权RCEP、ＲＣＥＰ、Ä Σ GDP\x00Wuhan"
    assert ascii_lower(text) == "知识产权rcep、ＲＣＥＰ、Ä Σ gdp\x00wuhan"
    assert ascii_lower(text) == text.translate(
        str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
    )
    assert ascii_lower("") == ""
