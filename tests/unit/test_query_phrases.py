"""ASCII double quotes search a phrase (issue 15): ``"人才"`` used to find nothing."""

from __future__ import annotations

import pytest

from zimao_tui.document.report import Report
from zimao_tui.search.query import Term, parse_query
from zimao_tui.search.search import SearchIndex, build_index


@pytest.fixture(scope="module")
def index(bundled: Report, tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    return build_index([bundled], cache_dir=tmp_path_factory.mktemp("cache"))


def containing(report: Report, phrase: str) -> set[str]:
    return {m.id for m in report.measures() if phrase in m.text}


def test_a_quoted_word_finds_every_measure_that_has_it(index: SearchIndex, bundled: Report) -> None:
    want = containing(bundled, "人才")
    assert len(want) >= 5  # 多层次人才体系, 人才工作品牌, “3551光谷人才计划”, 数字人才卡 …
    assert {h.measure.id for h in index.search('"人才"', 100)} == want
    assert {h.measure.id for h in index.search('"人才工作"', 100)} == containing(bundled, "人才工作")


def test_a_phrase_is_exact_and_keeps_its_spaces(index: SearchIndex) -> None:
    assert index.search("诉前 调解", 5)  # two words, anywhere
    assert not index.search('"诉前 调解"', 5)  # the phrase with its space is not in the report
    assert not index.search('"知识产全"', 5)  # a typo: a phrase is matched as written


def test_operators_and_unfinished_quotes(index: SearchIndex, bundled: Report) -> None:
    everything = {m.id for m in bundled.measures()}
    assert {h.measure.id for h in index.search('!"人才"', 500)} == everything - containing(bundled, "人才")
    assert parse_query('"人才').groups == ((Term("人才", exact=True),),)  # still typing
    assert parse_query('^"人才 工作" | a').groups == (
        (Term("人才 工作", exact=True, anchored=True),),
        (Term("a"),),
    )
    assert parse_query('"').groups == ((Term('"'),),)  # a lone quote is a character
    assert not parse_query('"  "')
