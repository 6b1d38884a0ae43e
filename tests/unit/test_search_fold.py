"""Search that forgives the script and spelling a reader types (issue 18).

Traditional characters, the variant characters of older reports, full-width digits and letters,
compound queries without spaces, initials with words left out, and the ranking rules between
them. Expectations come from reading the documents: the 1998 work report writes 呆帐坏帐, the
1986 one 一九八○年 (U+25CB) and 其它国家, the 1992 one full-width digits, the criminal law
帐户 where the 2025 work report writes 账户.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from zimao_tui.document.parse import load_report
from zimao_tui.document.report import Report
from zimao_tui.search.fold import fold, load_variants
from zimao_tui.search.search import EXACT, FOLDED, Hit, SearchIndex, build_index

DOCS = Path(__file__).parents[1] / "documents"
OLD = ["g01-gwr-national-1998", "h01-gwr-national-1986", "29-gwr-national-1992", "g11-law-criminal-2023"]


@pytest.fixture(scope="module")
def index(bundled: Report, tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    return build_index([bundled], cache_dir=tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="module")
def old(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    reports = [load_report(DOCS / f"{name}.txt") for name in [*OLD, "01-gwr-national-2025"]]
    return build_index(reports, cache_dir=tmp_path_factory.mktemp("cache"))


def matched(hit: Hit) -> list[str]:
    return [hit.measure.text[a:b] for a, b in hit.spans]


def source(hit: Hit) -> str:
    return Path(hit.report.origin).stem


# --- the folding function itself ---


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("知識產權證券化", "知识产权证券化"),
        ("營商環境 跨境電商", "营商环境 跨境电商"),
        ("呆帳壞帳", "呆账坏账"),  # OpenCC gives 帐 for 帳; the variant table takes it on to 账
        ("呆賬壞賬", "呆账坏账"),
        ("呆帐坏帐", "呆账坏账"),
        ("２０２５年ＧＤＰ", "2025年gdp"),
        ("一九八○年", "一九八〇年"),
        ("其它国家", "其他国家"),
        ("一部份", "一部分"),
        ("象我们这样", "像我们这样"),
        ("RCEP（区域）", "rcep(区域)"),
    ],
)
def test_fold_maps_every_spelling_onto_one(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_leaves_words_whose_characters_only_look_alike() -> None:
    assert fold("它们 一份 省份 知识产权 乾隆") == "它们 一份 省份 知识产权 干隆"


@pytest.mark.parametrize("path", sorted(DOCS.glob("*.txt")), ids=lambda p: p.stem)
def test_fold_keeps_every_character_in_place(path: Path) -> None:
    """Highlight offsets are found in folded text and shown on the original: same length."""
    text = path.read_text(encoding="utf-8")
    folded = fold(text)
    assert len(folded) == len(text)
    assert all(a == b or len(b) == 1 for a, b in zip(text, folded, strict=True))


def test_a_malformed_variants_file_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "variants.toml"
    bad.write_text('words = [["其他", "其它的"]]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="same length"):
        load_variants.__wrapped__(bad)
    bad.write_text('chars = [["账", "帐帐"]]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="single characters"):
        load_variants.__wrapped__(bad)


LAZY = """
import json, sys
import zimao_tui.cli, zimao_tui.ui.app, zimao_tui.ui.launch
from zimao_tui.document.parse import load_report
from zimao_tui.paths import bundled_report
from zimao_tui.search.search import open_index
index = open_index([load_report(bundled_report())])
before = "opencc" in sys.modules
index.search("營商環境")
print(json.dumps([before, "opencc" in sys.modules]))
"""


def test_the_folding_table_loads_on_the_first_query_not_at_start(tmp_path: Path) -> None:
    env = {**os.environ, "ZIMAO_TUI_CACHE_DIR": str(tmp_path / "cache")}
    out = subprocess.run(
        [sys.executable, "-c", LAZY], capture_output=True, text=True, encoding="utf-8", env=env, check=True
    )
    assert json.loads(out.stdout) == [False, True]


# --- traditional characters on the bundled report ---


@pytest.mark.parametrize(
    ("query", "want", "word"),
    [
        ("知識產權證券化", "2.4.1", "知识产权证券化"),
        ("營商環境", "3.2.24", "营商环境"),
        ("中歐班列", "5.3.8", "中欧班列"),
        ("一業一證", "4.1.2", "一业一证"),
        ("ＲＣＥＰ", "5.5.6", "RCEP"),
    ],
)
def test_traditional_and_full_width_queries_highlight_the_reports_own_text(
    index: SearchIndex, query: str, want: str, word: str
) -> None:
    hits = index.search(query, limit=3)
    hit = next(h for h in hits if h.measure.id == want)
    assert word in matched(hit)
    assert all(word in matched(h) for h in hits)


def test_a_folded_match_scores_below_the_same_text_typed_as_written(index: SearchIndex) -> None:
    plain = {h.measure.id: h.score for h in index.search("知识产权证券化")}
    folded = {h.measure.id: h.score for h in index.search("知識產權證券化")}
    assert plain.keys() == folded.keys()
    assert all(plain[m] >= EXACT and FOLDED <= folded[m] < EXACT for m in plain)


# --- variants, full-width digits and exact-script ranking on real older reports ---


@pytest.mark.parametrize(
    ("query", "report", "written"),
    [
        ("呆账坏账", "g01-gwr-national-1998", "呆帐坏帐"),
        ("呆賬壞賬", "g01-gwr-national-1998", "呆帐坏帐"),
        ("按一九八〇年不变价格", "h01-gwr-national-1986", "按一九八○年不变价格"),
        ("其他国家的侵略", "h01-gwr-national-1986", "其它国家的侵略"),
        ("像我们这样", "h01-gwr-national-1986", "象我们这样"),
        ("1991年国民生产总值", "29-gwr-national-1992", "１９９１年国民生产总值"),
        ("会计账簿", "g11-law-criminal-2023", "会计帐簿"),
    ],
)
def test_todays_spelling_finds_the_older_one(old: SearchIndex, query: str, report: str, written: str) -> None:
    hit = old.search(query, limit=3)[0]
    assert source(hit) == report
    assert written in matched(hit)


def test_the_script_typed_ranks_first(old: SearchIndex) -> None:
    """The 2025 work report writes 个人账户, the criminal law 帐户: each spelling finds both,
    its own first."""
    for query, first, second in (
        ("账户", "01-gwr-national-2025", "g11-law-criminal-2023"),
        ("帐户", "g11-law-criminal-2023", "01-gwr-national-2025"),
    ):
        order = [source(h) for h in old.search(query, limit=50)]
        assert first in order and second in order
        assert order.index(second) > max(i for i, s in enumerate(order) if s == first)


# --- compound queries, initials with gaps, characters above pinyin ---


def test_a_compound_query_ranks_the_measure_with_every_word_first(index: SearchIndex) -> None:
    """5.1.3 is the one measure with both 跨境电商 and 退货; 5.1.1, 5.1.2 and 5.1.4 have only
    跨境电商 and must come after it, whichever order the words are typed in."""
    for query in ("跨境电商退货", "退货跨境电商"):
        hits = index.search(query, limit=5)
        assert hits[0].measure.id == "5.1.3"
        assert {"跨境电商", "退货"} <= set(matched(hits[0]))
        assert all(h.score < hits[0].score for h in hits[1:])


def test_initials_with_words_left_out_match_like_fzf(index: SearchIndex) -> None:
    """ggkjzl: 光谷科技创新大走廊 (ggkjcxdzl) in 2.1.5 and 4.2.5, without 创新大."""
    hits = index.search("ggkjzl", limit=5)
    assert {h.measure.id for h in hits} == {"2.1.5", "4.2.5"}
    assert all(matched(h) == ["光谷科技", "走廊"] for h in hits)
    full = {h.measure.id: h.score for h in index.search("ggkjcxdzl")}
    assert all(h.score < full[h.measure.id] for h in hits)


def test_a_contiguous_initials_match_ranks_above_one_with_gaps(index: SearchIndex) -> None:
    """swcy: 生物产业 (3.2.1, 3.2.4, 3.2.6, 3.2.22) before 3.2.2, which has only 生物医药产业."""
    order = [h.measure.id for h in index.search("swcy", limit=10)]
    assert set(order[:4]) == {"3.2.1", "3.2.4", "3.2.6", "3.2.22"}
    assert "3.2.2" in order[4:]


def test_a_letters_query_written_in_the_text_ranks_above_its_initials(index: SearchIndex) -> None:
    """pc: 3.1.10 writes PC; 3.2.11's initials contain pc. The characters come first."""
    hits = index.search("pc")
    assert [h.measure.id for h in hits][:2] == ["3.1.10", "3.2.11"]
    assert matched(hits[0]) == ["PC"] and hits[0].score > hits[1].score


def test_three_letters_with_gaps_are_not_tried(index: SearchIndex) -> None:
    """blg is 布拉格 only; as a subsequence it would also find 便利…关 (noise)."""
    assert all(set(matched(h)) == {"布拉格"} for h in index.search("blg"))


# --- a report in traditional characters ---


@pytest.fixture(scope="module")
def twin(bundled: Report, tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    """The bundled report turned into traditional characters by OpenCC (s2t): the same report
    as a reader in Hong Kong or Taiwan would have it."""
    import opencc

    from zimao_tui.paths import bundled_report

    folder = tmp_path_factory.mktemp("twin")
    text = opencc.OpenCC("s2t").convert(bundled_report().read_text(encoding="utf-8"))
    (folder / "traditional.txt").write_text(text, encoding="utf-8")
    return build_index([load_report(folder / "traditional.txt")], cache_dir=folder / "cache")


@pytest.mark.parametrize(
    ("query", "measure", "written"),
    [
        ("知识产权证券化", "依託武漢知識產權交易所", "知識產權證券化"),
        ("证券化知识产权", "依託武漢知識產權交易所", "證券化"),  # word order: jieba cuts the folded text
        ("跨境电商退货", "退貨中心倉", "退貨"),
        ("zscq", "創新知識產權融資業務", "知識產權"),
    ],
)
def test_a_simplified_query_finds_a_traditional_report(
    twin: SearchIndex, query: str, measure: str, written: str
) -> None:
    """Measures named by their own (traditional) text: the parser numbers this twin's tree
    differently from the original (it reads its first lines as a preamble)."""
    hits = twin.search(query, limit=3)
    hit = next(h for h in hits if measure in h.measure.text)
    assert written in matched(hit)
