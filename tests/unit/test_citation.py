"""Citations quote the measure exactly and name where it stands."""

from __future__ import annotations

from pathlib import Path

from zimao_tui.document.parse import load_report
from zimao_tui.document.report import Heading, Measure, Report
from zimao_tui.insights.citation import DEFAULT_TEMPLATE, cite, section_text, template_problem


def test_default_citation(bundled: Report) -> None:
    m = bundled.node("3.2.5")
    assert isinstance(m, Measure)
    inner = m.text.replace("“", "‘").replace("”", "’")
    assert cite(bundled, m) == f"“{inner}”——《武汉自贸片区高质量发展创新举措》三、(二)，2022-07-05"


def test_template_fields_and_bad_templates(bundled: Report) -> None:
    m = bundled.node("1.1.1")
    assert isinstance(m, Measure)
    assert cite(bundled, m, "{id}|{headings}|{unknown}") == (
        "1.1.1|一、改革创新提升能级 › (一)全面深化改革创新工作|{unknown}"
    )
    assert cite(bundled, m, "{text") == cite(bundled, m)


def test_section_text_keeps_paragraphs(bundled: Report) -> None:
    section = bundled.node("1.2")
    assert isinstance(section, Heading)
    text = section_text(bundled, section)
    lines = text.split("\n")
    assert lines[0] == "(二)激发制度创新内生动力"
    assert len(lines) == 3  # heading, its one paragraph, the citation
    assert lines[1] == "".join(m.text for m in section.measures())
    assert lines[-1] == "——《武汉自贸片区高质量发展创新举措》一、(二)，2022-07-05"


def test_chapter_text_keeps_section_headings(bundled: Report) -> None:
    chapter = bundled.node("1")
    assert isinstance(chapter, Heading)
    lines = section_text(bundled, chapter).split("\n")
    assert lines[0] == "一、改革创新提升能级"
    assert lines[1] == "(一)全面深化改革创新工作"
    assert lines[3] == "(二)激发制度创新内生动力"
    assert lines[-1] == "——《武汉自贸片区高质量发展创新举措》一，2022-07-05"
    body = "".join(lines[1:-1])
    assert all(m.text in body for m in chapter.measures())


def test_measure_directly_under_a_chapter_cites_without_double_punctuation(data_dir: Path) -> None:
    report = load_report(data_dir / "fullwidth.txt")
    measure = report.node("3.1")
    assert isinstance(measure, Measure)
    assert cite(report, measure).endswith("》二，2023-03-08")


def test_quotes_inside_the_quote_become_single(bundled: Report) -> None:
    m = bundled.node("2.2.1")
    assert isinstance(m, Measure) and "“硬核科技”" in m.text
    quoted = cite(bundled, m)
    assert quoted.startswith("“出台支持‘硬核科技’企业发展的专项政策")
    assert quoted.count("“") == 1 and quoted.count("”") == 1
    assert cite(bundled, m, "{text}") == m.text  # not wrapped: verbatim


def test_a_template_only_substitutes_fields(bundled: Report) -> None:
    """No format specs or conversions: ``{text:>1999999999}`` once raised MemoryError on C."""
    m = bundled.node("1.1.1")
    assert isinstance(m, Measure)
    for bad in ("{text:>1999999999}", "{text:>40}", "{text!r}", "{0}", "{title.upper}", "{text:>{id}}", "}"):
        assert template_problem(bad) is not None, bad
        assert cite(bundled, m, bad) == cite(bundled, m)  # the default, never a padded or repr'd text
    assert template_problem("{{原文}}：{text}（{unknown}）") is None
    assert cite(bundled, m, "{{原文}}：{text}（{unknown}）") == f"{{原文}}：{m.text}（{{unknown}}）"


def test_a_bad_template_in_config_falls_back_with_a_warning(tmp_path: Path) -> None:
    from zimao_tui.i18n import set_language
    from zimao_tui.store.config import load_config

    path = tmp_path / "config.toml"
    path.write_text('citation_template = "{text:>1999999999}"\n', encoding="utf-8")
    config, warnings = load_config(path)
    assert config.citation_template == DEFAULT_TEMPLATE
    [warning] = warnings
    set_language("zh")
    assert "citation_template" in str(warning) and "{text:>1999999999}" in str(warning)


_LAW = "\n".join(
    [
        "中华人民共和国海南自由贸易港法",
        "2021年6月10日 第十三届全国人民代表大会常务委员会第二十九次会议通过",
        "第一章 总则",
        "第一条 为了建设海南自由贸易港，制定本法。",
        "第二章 贸易自由便利",
        "第十二条 海南自由贸易港应当高标准建设口岸基础设施。",
        "货物、物品可以自由进出。",
        "第十三条 下列货物免征进口关税：",
        "（一）本岛居民消费的进境商品；",
    ]
)


def test_a_law_is_cited_by_its_article_as_written() -> None:
    from zimao_tui.document.parse import parse_text

    law = parse_text(_LAW)
    second = next(m for m in law.measures() if m.text.startswith("货物"))
    assert cite(law, second, "{path}") == "第十二条"  # not 第二章第十二条, never 第12条
    item = next(m for m in law.measures() if m.text.startswith("（一）"))
    assert cite(law, item, "{path}") == "第十三条"  # (一) is a measure of its article
    assert cite(law, second).endswith("》第十二条，2021-06-10")


def test_a_title_with_its_own_book_marks_nests_them_inside_the_citation() -> None:
    from zimao_tui.document.parse import parse_text

    report = parse_text("国务院关于印发《国务院工作规则》的通知\n一、总则\n国务院实行总理负责制。\n")
    [measure] = report.measures()
    assert cite(report, measure).startswith(
        "“国务院实行总理负责制。”——《国务院关于印发〈国务院工作规则〉的通知》"
    )
    assert cite(report, measure, "{title}") == report.title  # outside 《…》: as written
