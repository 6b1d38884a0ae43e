"""Coined terms (“…”) and cited documents (《…》) of the bundled report."""

from __future__ import annotations

import pytest

from zimao_tui.document.report import Report
from zimao_tui.insights.terms import Term, collect_terms, extract_terms, term_spans


@pytest.fixture(scope="module")
def terms(bundled: Report) -> dict[tuple[str, str], Term]:
    return {(t.term, t.kind): t for t in extract_terms(bundled)}


@pytest.mark.parametrize(
    ("term", "kind", "count", "measure_ids"),
    [
        ("硬核科技", "term", 2, ("2.2.1",)),
        ("光芯屏端网", "term", 2, ("3.1.1", "5.2.5")),
        ("一事联办", "term", 2, ("4.1.4", "5.4.1")),
        ("多元解纷工作站", "term", 2, ("4.4.1", "4.4.2")),
        ("即买即提", "term", 2, ("5.1.3",)),
        ("三区联动", "term", 1, ("1.2.1",)),
        ("799N", "term", 1, ("2.1.2",)),
        ("三清三必三活动", "term", 1, ("5.5.3",)),
        ("东湖科学城建设发展规划", "document", 1, ("2.1.1",)),
        ("上市十条", "document", 1, ("3.2.11",)),
        ("金融十五条", "document", 1, ("3.2.11",)),
        ("开展招商引资“三清三必三活动”的工作方案", "document", 1, ("5.5.3",)),
        ("关于推动全市服务外包加快转型升级的实施意见", "document", 1, ("5.4.4",)),
    ],
)
def test_bundled_terms(
    terms: dict[tuple[str, str], Term], term: str, kind: str, count: int, measure_ids: tuple[str, ...]
) -> None:
    found = terms[(term, kind)]
    assert (found.count, found.measure_ids) == (count, measure_ids)


def test_totals_and_order(bundled: Report) -> None:
    terms = extract_terms(bundled)
    documents = [t for t in terms if t.kind == "document"]
    assert len(documents) == 13  # grep -o "《[^》]*》" finds 13, each once
    assert sum(t.count for t in terms if t.kind == "term") == 123  # grep -o "“[^”]*”" | wc -l
    assert len(terms) == 130
    assert sum(t.count for t in terms) == 136
    counts = [t.count for t in terms]
    assert counts == sorted(counts, reverse=True)


def test_spans_exclude_the_marks_and_nest() -> None:
    text = "制定了《开展“三清三必”的方案》,推行“一事联办”。"
    spans = term_spans(text)
    assert [(s.term, s.kind) for s in spans] == [
        ("开展“三清三必”的方案", "document"),
        ("三清三必", "term"),
        ("一事联办", "term"),
    ]
    assert all(text[s.start : s.end] == s.term for s in spans)


def test_unclosed_and_empty_marks_are_ignored() -> None:
    assert term_spans("“”和《未完") == []
    assert term_spans("“好的”与“坏的") == [term_spans("“好的”")[0]]


def test_counts_are_per_occurrence_ids_are_unique() -> None:
    [term] = collect_terms([("1", "“甲乙”和“甲乙”"), ("2", "“甲乙”")])
    assert (term.term, term.count, term.measure_ids) == ("甲乙", 3, ("1", "2"))
