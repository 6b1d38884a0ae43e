"""insights/align.py and insights/diff.py: pairing sentences, and what changed inside a pair."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zimao_tui.document.report import Measure, fingerprint
from zimao_tui.insights.align import Anchor, align, reanchor, similarity
from zimao_tui.insights.diff import deleted_inserted, diff, tokens


def _m(measure_id: str, text: str) -> Measure:
    return Measure(measure_id, text, 0, 0)


def test_identical_lists_pair_in_order() -> None:
    texts = ["推进依法行政。", "深化改革。", "扩大开放。"]
    links = align(texts, texts)
    assert [(x.a, x.b, x.similarity) for x in links] == [(0, 0, 1.0), (1, 1, 1.0), (2, 2, 1.0)]


def test_an_edited_sentence_pairs_in_place_and_an_unrelated_one_does_not() -> None:
    a = ["今年中央预算内投资拟安排7000亿元。", "坚决守住底线。"]
    b = ["今年中央预算内投资拟安排7350亿元。", "加快培育新质生产力，建设现代化产业体系。", "坚决守住底线。"]
    links = align(a, b)
    assert [(x.a, x.b) for x in links] == [(0, 0), (None, 1), (1, 2)]
    assert 0.8 < links[0].similarity < 1


def test_a_moved_measure_is_found_out_of_order() -> None:
    a = ["深化国资国企改革，提高国企核心竞争力。", "推进依法行政。", "扩大高水平对外开放。"]
    b = ["推进依法行政。", "扩大高水平对外开放。", "深化国资国企改革，提高国有企业核心竞争力。"]
    links = align(a, b)
    moved = [x for x in links if x.moved]
    assert [(x.a, x.b) for x in moved] == [(0, 2)]
    assert not any(x.a is None or x.b is None for x in links)


def test_whitespace_does_not_make_a_change() -> None:
    assert align(["推进 依法行政。"], ["推进依法行政。"])[0].similarity == 1.0


@given(
    st.lists(st.text(alphabet="改革开放发展创新，。7035", max_size=12), max_size=8),
    st.lists(st.text(alphabet="改革开放发展创新，。7035", max_size=12), max_size=8),
)
def test_every_index_is_in_exactly_one_link(a: list[str], b: list[str]) -> None:
    links = align(a, b)
    assert sorted(x.a for x in links if x.a is not None) == list(range(len(a)))
    assert sorted(x.b for x in links if x.b is not None) == list(range(len(b)))


def test_similarity_is_a_fraction() -> None:
    assert similarity("困难和挑战", "困难和挑战") == 1.0
    assert similarity("困难和挑战", "问题和挑战") == 0.6
    assert similarity("困难和挑战", "问题和挑战", cutoff=0.7) == 0.0


def test_reanchor_prefers_fingerprint_then_fuzzy_and_takes_each_measure_once() -> None:
    measures = [_m("1.1", "推进依法行政。"), _m("1.2", "深化国资国企改革，提高国有企业核心竞争力。")]
    anchors = [
        Anchor("moved", "9.9", fingerprint("推进依法行政。"), "推进依法行政。"),
        Anchor("edited", "1.2", fingerprint("x"), "深化国资国企改革，提高国企核心竞争力。"),
        Anchor("twin", "1.2", fingerprint("y"), "深化国资国企改革，提高国企核心竞争力。"),
        Anchor("gone", "1.1", fingerprint("z"), "完全不同的一句话，讲的是别的事情。"),
    ]
    found = reanchor(anchors, measures)
    assert {k: m.id for k, m in found.items()} == {"moved": "1.1", "edited": "1.2"}


def test_numbers_stay_whole() -> None:
    assert diff("中央预算内投资拟安排7000亿元", "中央预算内投资拟安排7350亿元") == [
        ("=", "中央预算内投资拟安排"),
        ("-", "7000"),
        ("+", "7350"),
        ("=", "亿元"),
    ]
    assert tokens("增长5.5%，CPTPP２０２３") == ["增", "长", "5.5", "%", "，", "CPTPP", "２０２３"]


def test_a_word_swap_is_one_edit() -> None:
    assert diff("面临的困难和挑战", "面临的问题和挑战") == [
        ("=", "面临的"),
        ("-", "困难"),
        ("+", "问题"),
        ("=", "和挑战"),
    ]


def test_a_coincidental_character_between_edits_is_folded_in() -> None:
    # 的 is kept by chance between two rewrites: shown as one replacement, not three pieces.
    chunks = diff("甲乙的丙丁", "戊己的庚辛")
    assert chunks == [("-", "甲乙的丙丁"), ("+", "戊己的庚辛")]


@given(st.text(alphabet="改革开放7.05%，", max_size=20), st.text(alphabet="改革开放7.05%，", max_size=20))
def test_the_diff_rebuilds_both_texts(a: str, b: str) -> None:
    chunks = diff(a, b)
    assert deleted_inserted(chunks) == (a, b)
    assert all(chunks[k][0] != chunks[k + 1][0] for k in range(len(chunks) - 1))
