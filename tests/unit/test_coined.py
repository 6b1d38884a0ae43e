"""The one rule for coined terms (“…”) and cited documents (《…》), which the glossary, the
detail pane, the figure extractor and the search index's jieba words all follow."""

from __future__ import annotations

from pathlib import Path

import pytest

from zimao_tui.document.coined import MAX_LEN, coined_words, term_spans
from zimao_tui.document.parse import load_report
from zimao_tui.insights.terms import extract_terms

DOCUMENTS = Path(__file__).parent.parent / "documents"


def terms(text: str) -> list[tuple[str, str]]:
    return [(s.term, s.kind) for s in term_spans(text)]


def test_a_single_quoted_character_is_emphasis_not_a_term() -> None:
    assert terms("实现“零”的突破，连续4年获“好”的等次，“▲”的指标") == []
    assert terms("“一业一证”改革") == [("一业一证", "term")]


def test_a_quoted_sentence_is_speech_not_a_term() -> None:
    assert terms("毛主席说：“人民，只有人民，才是创造世界历史的动力。”") == []
    assert terms("打响“你好！重庆”品牌，“雄奇山水 新韵重庆”") == [
        ("你好！重庆", "term"),
        ("雄奇山水 新韵重庆", "term"),
    ]


def test_length_bounds() -> None:
    longest = "甲" * MAX_LEN
    assert terms(f"“{longest}”") == [(longest, "term")]
    assert terms(f"“{longest}乙”") == []
    assert terms("“ ”和“  ”") == []


def test_marks_nest_and_corner_brackets_quote_terms() -> None:
    text = "《开展招商引资“三清三必三活动”的工作方案》推行「一网通办」"
    assert terms(text) == [
        ("开展招商引资“三清三必三活动”的工作方案", "document"),
        ("三清三必三活动", "term"),
        ("一网通办", "term"),
    ]


def test_jieba_learns_exactly_the_glossarys_words_in_first_seen_order() -> None:
    texts = ["推行“一事联办”和《上市十条》。", "再推“一事联办”，“零”的突破，“三区联动”。"]
    assert coined_words(texts) == ["一事联办", "上市十条", "三区联动"]


@pytest.mark.parametrize(
    ("document", "present", "absent"),
    [
        # Read in the file: a 1973 report quoting Mao's sentences, with no coined terms among them.
        ("g05-speech-cpc-10th-congress-1973.txt", [], ["人民，只有人民，才是创造世界历史的动力。"]),
        ("g03-gwr-chongqing-2026.txt", ["你好！重庆", "雄奇山水 新韵重庆"], []),
        ("09-gwr-guangdong-2026.txt", [], ["闯", "创", "干", "好"]),
        (
            "h04-gwr-hubei-2026.txt",
            ["符合经济社会发展规律、符合本地实际情况、符合人民群众根本利益又兼顾眼前利益与长远利益"],
            [],
        ),
        (  # the longest titles met, 40 and 42 characters, one with a space and 〈〉 inside
            "g08-notice-rescue-plates-guobanfa-2018-114.txt",
            [
                "中共中央办公厅 国务院办公厅关于印发〈组建国家综合性消防救援队伍框架方案〉的通知",
                "全国人民代表大会常务委员会关于国务院机构改革涉及法律规定的行政机关职责调整问题的决定",
            ],
            [],
        ),
    ],
)
def test_real_documents(document: str, present: list[str], absent: list[str]) -> None:
    found = {t.term for t in extract_terms(load_report(DOCUMENTS / document))}
    assert set(present) <= found
    assert not set(absent) & found
