"""Pinyin and initials matching for short labels (the palette's headings)."""

from __future__ import annotations

import pytest

from zimao_tui.search.labels import match_label


@pytest.mark.parametrize(
    ("query", "label", "span"),
    [
        ("zscq", "(四)强化知识产权创造应用", (5, 9)),  # initials, anywhere in the label
        ("ZSCQ", "(四)强化知识产权创造应用", (5, 9)),  # case does not matter
        ("zhishichanquan", "(四)强化知识产权创造应用", (5, 9)),  # full pinyin
        ("zhishichanq", "知识产权", (0, 4)),  # the last syllable may be partial (typing)
        ("gaige", "一、改革创新提升能级", (2, 4)),
        ("ggcx", "一、改革创新提升能级", (2, 6)),
        ("chongqing", "重庆市政府工作报告", (0, 2)),  # the word's reading: chong, not zhong
    ],
)
def test_pinyin_and_initials_match(query: str, label: str, span: tuple[int, int]) -> None:
    found = match_label(query, label)
    assert found is not None and found.span == span
    assert 0 < found.score <= 1


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("xyz", "改革创新"),  # letters that match nothing
        ("人才", "人才引进"),  # not letters: the palette's own matcher handles Chinese
        ("z", "知识产权"),  # one letter says too little
        ("zs cq", "知识产权"),  # a space: not one pinyin word
    ],
)
def test_what_does_not_match(query: str, label: str) -> None:
    assert match_label(query, label) is None


def test_full_pinyin_starts_on_a_syllable_and_outranks_initials() -> None:
    assert match_label("ian", "先进") is None  # xian: "ian" is inside a syllable, not one
    full = match_label("zhishi", "知识产权")
    initials = match_label("zscq", "知识产权")
    assert full is not None and initials is not None and full.span == (0, 2)
    assert match_label("zhishichanquan", "知识产权").score > initials.score  # type: ignore[union-attr]
