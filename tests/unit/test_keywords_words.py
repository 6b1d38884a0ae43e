"""Chapter keywords are words, not segmentation fragments (issue 15).

jieba's HMM glued pieces of phrases into "words": 织大织密织细“大招商”网络 gave 织大织 and
密织, “三清三必三活动” gave 三必, 之日起 gave 日起. Read in the documents themselves: each
fragment below straddles two real words at the place it comes from.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from zimao_tui.document.parse import load_report
from zimao_tui.document.report import Report
from zimao_tui.insights.keywords import Keywords, build_keywords, is_keyword

DOCS = Path(__file__).parents[1] / "documents"


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("keywords")


def keywords_of(report: Report, cache: Path) -> Keywords:
    return build_keywords(report, cache)


def test_the_bundled_reports_fragments_are_gone(bundled: Report, cache: Path) -> None:
    section = keywords_of(bundled, cache)["5.5"]  # 打造全方位招商工作网络
    assert not {"织大织", "密织", "三必"} & set(section)
    assert {"招商", "大招商", "RCEP"} <= set(section)  # its words, the coined one, the name


@pytest.mark.parametrize(
    ("name", "heading", "fragment"),
    [
        ("09-gwr-guangdong-2026", "6.3", "指建好"),  # “…”是指建好…: 是指 / 建好
        ("25-plan-grain-emergency-2005", "4", "委及"),  # 发展改革委及…: 委 / 及
        ("34-law-e-commerce-2018", "7", "日起"),  # 本法自2019年1月1日起施行: 日 / 起
    ],
)
def test_fragments_of_the_real_documents_are_not_keywords(
    name: str, heading: str, fragment: str, cache: Path
) -> None:
    report = load_report(DOCS / f"{name}.txt")
    assert fragment in "\n".join(report.paragraphs)
    words = keywords_of(report, cache)[heading]
    assert fragment not in words and words


def test_new_policy_words_that_recur_stay(cache: Path) -> None:
    keywords = keywords_of(load_report(DOCS / "04-gwr-shanghai-2026.txt"), cache)
    assert "科创" in keywords["4.8"] and "低碳" in keywords["4.12"]  # not in jieba's dictionary


def test_the_rule_itself() -> None:
    text = "进一步织大织密织细“大招商”网络。推进检验检疫。低碳发展，低碳转型。之日起施行。"
    known = {"密织": 3, "检验": 40, "网络": 900}
    assert not is_keyword("密织", known, set(), text)  # a dictionary word, straddling 织密/织细
    assert is_keyword("检验", known, set(), text)  # on the beat of 检验检疫
    assert not is_keyword("织大织", known, set(), text)  # new, and only once
    assert is_keyword("低碳", known, set(), text)  # new, but used twice
    assert not is_keyword("日起", known, set(), text + "之日起")  # twice, but cut after 之
    assert is_keyword("大招商", known, {"大招商"}, text)  # the report's own coined term
    assert not is_keyword("十九", known, set(), text)  # a number
