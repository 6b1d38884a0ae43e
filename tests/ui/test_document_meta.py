"""A real document's metadata and structure in the app: header, report card, tree labels (issue 11)."""

from __future__ import annotations

from pathlib import Path

from app_fixtures import app_env, make_app, sync, wait_ready  # noqa: F401  (app_env is a fixture)

from zimao_tui.document.parse import load_report
from zimao_tui.document.report import Heading
from zimao_tui.ui.widgets.report_tree import ReportTree

DOCUMENTS = Path(__file__).resolve().parents[1] / "documents"


@sync
async def test_a_state_council_notice_shows_its_issuer_number_and_date() -> None:
    report = load_report(DOCUMENTS / "12-ftz-measures-guofa-2018-38.txt")
    app = make_app([report])
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_ready(pilot)
        assert app.title == "国务院关于支持自由贸易试验区深化改革创新若干措施的通知"
        assert app.sub_title.startswith("国务院 · 国发〔2018〕38号 · 2018-11-07")
        tree = app.query_one(ReportTree)
        labels = [str(node.label) for node in tree.root.children[:3]]
        assert labels[0].startswith("前言") and labels[1].startswith("一、营造优良投资环境")


@sync
async def test_a_law_opens_as_chapters_and_articles() -> None:
    report = load_report(DOCUMENTS / "20-law-hainan-free-trade-port-2021.txt")
    app = make_app([report])
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_ready(pilot)
        tree = app.query_one(ReportTree)
        first = tree.root.children[0]
        assert str(first.label).startswith("第一章 总则")
        article = first.children[0]
        assert isinstance(article.data.node, Heading) and article.data.node.number == "第一条"
        # No title of its own: the label is 第一条, then its first words as a dimmed preview.
        assert article.data.node.title == "" and article.data.node.label == "第一条"
        assert str(article.label).startswith("第一条 为了建设高水平的中国特色")
        preview = article.label.plain.index("为了")
        assert any(
            span.start <= preview < span.end and "dim" in str(span.style) for span in article.label.spans
        )


@sync
async def test_c_and_shift_c_on_a_law_s_article_copy_it_whole_and_cite_it() -> None:
    """An article has no title: its text is what a reader quotes, so c/C on it copy the article
    (they only said 'choose a measure' before)."""
    from zimao_tui.ui.screens.explorer import ExplorerScreen

    report = load_report(DOCUMENTS / "20-law-hainan-free-trade-port-2021.txt")
    article = next(h for h in report.headings() if h.number == "第十二条")
    app = make_app([report])
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_ready(pilot)
        explorer = app.screen
        assert isinstance(explorer, ExplorerScreen)
        explorer.go_to(report, article)
        await pilot.pause()
        await pilot.press("C")
        await pilot.pause()
        text = "".join(m.text for m in article.measures())
        assert app.clipboard.startswith("“" + text[:10])
        assert app.clipboard.endswith("》第十二条，2021-06-10")
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard.replace("\n", "") == text


@sync
async def test_a_web_page_opens_in_the_app_and_its_card_says_so() -> None:
    """A saved gov.cn page beside a text file: the same tree, and the card names the format."""
    from dataclasses import replace

    from zimao_tui.ui.widgets.detail import DetailPane, entry_content, format_line

    page = load_report(DOCUMENTS / "html" / "gov-057.html")
    text = load_report(DOCUMENTS / "15-rules-state-council-work-guofa-2004-18.txt")
    app = make_app([page, text])
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_ready(pilot)
        tree = app.query_one(ReportTree)
        label = str(tree.root.children[0].label)  # several reports: long titles shortened
        assert label.startswith("《国务院关于支持自") and "通知》" in label
        tree.move_cursor(tree.root.children[0])
        await pilot.pause()
        detail = app.query_one(DetailPane)
        assert detail.entry is not None and detail.entry.report is page
        lines = entry_content(detail.entry).plain.splitlines()
        assert lines[1] == "国务院 国发〔2018〕38号 2018-11-07"
        assert lines[2] == "格式：网页（UTF-8）"
        tree.move_cursor(tree.root.children[1])
        await pilot.pause()
        assert detail.entry is not None and detail.entry.report is text
        card = entry_content(detail.entry).plain
        assert "格式" not in card  # plain text, as every report was before: no line for it
        assert format_line(replace(page, format="pdf", encoding="")) == "格式：PDF"  # no encoding to name
        tree.move_cursor(tree.root.children[0])
        await pilot.press("right")
        await pilot.pause()
        labels = [str(n.label) for n in tree.root.children[0].children[:2]]
        assert labels[0].startswith("前言") and labels[1].startswith("一、营造优良投资环境")
