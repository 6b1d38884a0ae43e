"""The app's pure parts: detail text, interface strings, search history, the launcher."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from zimao_tui import i18n
from zimao_tui.cli import main
from zimao_tui.document.errors import ReportError
from zimao_tui.document.report import Heading, Measure, Report
from zimao_tui.store.history import MAX_ENTRIES, SearchHistory, history_path
from zimao_tui.ui.launch import launch
from zimao_tui.ui.text.styles import STYLE_MATCH
from zimao_tui.ui.widgets.detail import (
    STYLE_CONTEXT,
    Insights,
    breadcrumb,
    heading_content,
    measure_content,
    report_content,
)
from zimao_tui.ui.widgets.search_bar import hit_location, snippet


@pytest.fixture
def english() -> Iterator[None]:
    i18n.set_language("en")
    try:
        yield
    finally:
        i18n.set_language("zh")


def node(report: Report, node_id: str) -> Measure:
    found = report.node(node_id)
    assert isinstance(found, Measure)
    return found


def test_breadcrumb_names_the_path_and_position(bundled: Report) -> None:
    assert breadcrumb(bundled, node(bundled, "1.2.2")) == (
        "一、改革创新提升能级 › (二)激发制度创新内生动力 › 第2条 / 共2条"
    )
    chapter = bundled.node("1")
    assert isinstance(chapter, Heading)
    assert breadcrumb(bundled, chapter) == f"《{bundled.title}》"


def test_inside_a_law_article_the_position_counts_sentences_not_articles() -> None:
    from zimao_tui.document.parse import parse_text

    law = parse_text("中华人民共和国测试法\n第二章 贸易\n第十二条 口岸应当开放。货物可以自由进出。")
    second = next(m for m in law.measures() if m.text.startswith("货物"))
    assert breadcrumb(law, second) == "第二章 贸易 › 第十二条 › 第2句 / 共2句"  # an article has no title
    assert hit_location(law, second, with_title=False) == "第二章第十二条 第2句 / 共2句"


def test_the_report_card_shows_issuer_number_and_date() -> None:
    from zimao_tui.document.parse import parse_text

    text = "\n".join(
        [
            "发文机关：", "国务院", "成文日期：", "2018年11月07日", "标　　题：",
            "国务院关于支持自由贸易试验区深化改革创新若干措施的通知", "发文字号：", "国发〔2018〕38号",
            "国务院关于支持自由贸易试验区深化改革创新若干措施的通知", "一、营造优良投资环境", "放宽外资限制。",
        ]
    )  # fmt: skip
    report = parse_text(text)
    assert report_content(report).plain.splitlines()[1] == "国务院 国发〔2018〕38号 2018-11-07"


def test_breadcrumb_with_report_title_first(bundled: Report) -> None:
    assert breadcrumb(bundled, node(bundled, "1.2.2"), with_report=True) == (
        f"《{bundled.title}》 › 一、改革创新提升能级 › (二)激发制度创新内生动力 › 第2条 / 共2条"
    )
    chapter = bundled.node("1")
    assert isinstance(chapter, Heading)
    assert breadcrumb(bundled, chapter, with_report=True) == f"《{bundled.title}》"


def test_keywords_say_loading_until_they_arrive(bundled: Report) -> None:
    measure = node(bundled, "1.2.2")
    assert "关键词：计算中…" in measure_content(bundled, measure, Insights(keywords_loading=True)).plain
    assert "关键词：无" in measure_content(bundled, measure, Insights()).plain
    loaded = measure_content(bundled, measure, Insights(keywords=["改革"], keywords_loading=True)).plain
    assert "关键词：改革" in loaded
    section = bundled.node("2.3")
    assert isinstance(section, Heading)
    assert "关键词：计算中…" in heading_content(bundled, section, Insights(keywords_loading=True)).plain


def test_hit_counter_in_the_measure_header(bundled: Report) -> None:
    first = measure_content(bundled, node(bundled, "1.2.2"), Insights(hit=(2, 5, "人才"))).plain.splitlines()[
        0
    ]
    assert first.endswith("匹配 2/5：人才")  # the query too: n steps through it after the bar is cleared


def test_breadcrumb_in_english(bundled: Report, english: None) -> None:
    assert breadcrumb(bundled, node(bundled, "1.2.2")).endswith("measure 2 of 2")


def test_detail_lists_in_english_use_english_punctuation(bundled: Report, english: None) -> None:
    text = measure_content(
        bundled, node(bundled, "1.2.2"), Insights(figures=["97项", "十余项"], note="n")
    ).plain
    assert "Figures: 97项, 十余项" in text and "Note: n" in text and "Figures：" not in text


def test_measure_in_its_dimmed_paragraph_with_highlights(bundled: Report) -> None:
    measure = node(bundled, "1.2.2")  # second sentence of its paragraph
    start = measure.text.index("97项")
    content = measure_content(
        bundled,
        measure,
        Insights(matches=[(start, start + 3)], figures=["97项"], note="重要", tags=["改革"], bookmarked=True),
    )
    plain = content.plain
    assert measure.text in plain
    assert "…" in plain.split(measure.text)[0]  # the long paragraph before it is cut, not dropped
    body_start = plain.index(measure.text)
    match = [s for s in content.spans if s.style == STYLE_MATCH]
    assert [(s.start - body_start, s.end - body_start) for s in match] == [(start, start + 3)]
    dimmed = [s for s in content.spans if s.style == STYLE_CONTEXT]
    assert dimmed and all(s.end <= body_start or s.start >= body_start + len(measure.text) for s in dimmed)
    assert "97项" in plain and "重要" in plain and "改革" in plain and "★" in plain


def test_context_before_a_measure_starts_at_a_clause_not_a_stray_mark(bundled: Report) -> None:
    for measure in bundled.measures():
        before = measure_content(bundled, measure).plain.split("\n")[2].split(measure.text)[0]
        if before.startswith("…"):
            assert before[1:2] not in "。！？；，、：”）》", (measure.id, before[:12])


def test_measure_highlights_ignore_spans_out_of_range(bundled: Report) -> None:
    measure = node(bundled, "1.1.1")
    content = measure_content(bundled, measure, Insights(matches=[(-5, 2), (len(measure.text), 999)]))
    body_start = content.plain.index(measure.text)
    match = [(s.start - body_start, s.end - body_start) for s in content.spans if s.style == STYLE_MATCH]
    assert match == [(0, 2)]


def test_heading_and_report_summaries(bundled: Report) -> None:
    section = bundled.node("2.3")
    assert isinstance(section, Heading)
    plain = heading_content(bundled, section, Insights(keywords=["人才"], figures=["4名"])).plain
    assert "(三)多层次人才体系逐步健全" in plain
    assert "措施：6 条" in plain and "人才" in plain and "4名" in plain
    card = report_content(bundled).plain
    assert "措施：126 条" in card and "五、开放水平显著提升 (35)" in card


def test_search_result_parts(bundled: Report) -> None:
    measure = node(bundled, "2.3.5")
    assert hit_location(bundled, measure, with_title=False) == "二、(三) 第5条 / 共6条"
    # several reports: the title shortened, so location and match share a line at 80 columns
    assert hit_location(bundled, measure, with_title=True).startswith("《武汉自贸片区高质量…》二、(三)")
    long = node(bundled, "5.2.4")
    at = long.text.index("企呼关应")
    cut = snippet(long.text, [(at, at + 4)])
    assert cut.plain.startswith("…") and "企呼关应" in cut.plain
    assert any(s.style == STYLE_MATCH for s in cut.spans)


def test_every_interface_string_exists_in_both_languages() -> None:
    assert set(i18n.STRINGS["zh"]) == set(i18n.STRINGS["en"])
    with pytest.raises(ValueError):
        i18n.set_language("fr")
    assert i18n.language() == "zh"


def test_search_history_dedupes_caps_and_survives_a_broken_file(user_dirs: dict[str, Path]) -> None:
    history = SearchHistory()
    for query in ("人才", "跨境", "人才", "  "):
        history.add(query)
    assert SearchHistory().entries == ["跨境", "人才"]
    for i in range(MAX_ENTRIES + 5):
        history.add(f"q{i}")
    assert len(SearchHistory().entries) == MAX_ENTRIES
    history_path().write_text("{not json", encoding="utf-8")
    broken = SearchHistory()
    assert broken.entries == [] and broken.warning and "JSON" in str(broken.warning)
    broken.add("新的")
    assert json.loads(history_path().read_text(encoding="utf-8")) == ["新的"]


def test_bad_report_fails_before_textual_starts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ReportError):
        launch([tmp_path / "missing.txt"])
    assert main([str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.txt" in err


def test_lang_option_and_config_choose_the_language(
    bundled: Report, monkeypatch: pytest.MonkeyPatch, user_dirs: dict[str, Path]
) -> None:
    from zimao_tui.ui.app import ZimaoApp

    seen: list[str] = []
    monkeypatch.setattr(ZimaoApp, "run", lambda self, *a, **k: seen.append(i18n.language()))
    try:
        assert launch(lang="en") == 0
        (user_dirs["config"]).mkdir(parents=True, exist_ok=True)
        (user_dirs["config"] / "config.toml").write_text('lang = "en"\n', encoding="utf-8")
        launch()
        launch(lang="zh")
    finally:
        i18n.set_language("zh")
    assert seen == ["en", "en", "zh"]


def test_launch_opens_from_the_report_cache_and_passes_its_warnings_on(
    monkeypatch: pytest.MonkeyPatch, user_dirs: dict[str, Path]
) -> None:
    from zimao_tui.ui.app import ZimaoApp

    seen: list[tuple[int, list[str]]] = []
    monkeypatch.setattr(
        ZimaoApp, "run", lambda self, *a, **k: seen.append((len(self.reports), list(self._warnings)))
    )
    assert launch() == 0
    assert list((user_dirs["cache"] / "reports").glob("*.marshal"))  # kept for the next start
    user_dirs["cache"].rename(user_dirs["cache"].with_name("moved"))
    user_dirs["cache"].write_text("a file where the cache folder should be", encoding="utf-8")
    assert launch() == 0
    assert seen[0] == (1, [])
    assert seen[1][0] == 1 and any("无法保存已解析的报告" in str(w) for w in seen[1][1])


def test_launch_on_a_folder_skips_a_bad_file_and_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, data_dir: Path
) -> None:
    from zimao_tui.ui.app import ZimaoApp

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_bytes((data_dir / "fullwidth.txt").read_bytes())
    (folder / "b.txt").write_bytes(b"")
    seen: list[tuple[int, list[str]]] = []
    monkeypatch.setattr(
        ZimaoApp,
        "run",
        lambda self, *a, **k: seen.append((len(self.reports), [str(w) for w in self._warnings])),
    )
    assert launch([folder]) == 0
    [(count, warnings)] = seen
    assert count == 1 and any("已跳过" in w and "b.txt" in w for w in warnings)


ENGLISH_RUN = """
import asyncio
from zimao_tui.i18n import set_language
set_language("en")
from zimao_tui.document.parse import load_reports
from zimao_tui.paths import bundled_report
from zimao_tui.ui.app import ZimaoApp

async def main():
    app = ZimaoApp(load_reports([bundled_report()]))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        footer = " ".join(str(k.render()) for k in app.screen.query("FooterKey"))
        body = str(app.screen.query_one("#detail-body").render())
        print(footer)
        print(body)
        await pilot.press("question_mark")
        await pilot.pause()
        print(" ".join(str(s.render()) for s in app.screen.query("Static")))

asyncio.run(main())
"""


def test_english_interface_end_to_end(user_dirs: dict[str, Path]) -> None:
    """--lang en: bindings are translated at import, so this runs in a fresh interpreter."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", ENGLISH_RUN], capture_output=True, text=True, timeout=120, check=True
    )
    out = done.stdout
    assert "Search" in out and "Copy" in out and "Quit" in out  # footer
    assert "Measures: 3" in out and "Keywords" in out  # detail pane
    assert "Help · keys" in out and "zimao.search" in out  # help screen
    assert "搜索" not in out and "措施" not in out
