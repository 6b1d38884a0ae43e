"""Word and PDF files of real documents read as their plain text reads (issue 13).

The fixtures in tests/fixtures/formats/ were made by tests/fixtures/make_formats.py from the
real documents in tests/documents/: the same text laid out as a Word draft (heading styles,
automatic numbering, a table, header, footer, comment, tracked changes) and as PDFs (a 16-page
公文 in a CID font, an embedded-TrueType one, a two-column page with a running title). Each
must give the measures its .txt gives, and the title, date, issuer, document number and main
divisions written by hand in that document's .expect.toml.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from test_documents import check_date, check_metadata, check_title, check_top_level, load_expect

from zimao_tui.document.errors import ReportError
from zimao_tui.document.formats import read_source
from zimao_tui.document.formats.source import Source
from zimao_tui.document.parse import load_report
from zimao_tui.document.report import Report

FORMATS = Path(__file__).resolve().parent.parent / "fixtures" / "formats"
DOCUMENTS = Path(__file__).resolve().parent.parent / "documents"

SAME_DOCUMENT = {
    "h07-opinion.docx": "h07-opinion-bonded-zones-guofa-2019-3",
    "h07-opinion.pdf": "h07-opinion-bonded-zones-guofa-2019-3",
    "h06-plan.pdf": "h06-plan-vocational-reform-guofa-2019-4",
    "g08-two-columns.pdf": "g08-notice-rescue-plates-guobanfa-2018-114",
    "21-holidays-table.docx": "21-notice-holidays-2019",
}


def source(name: str) -> Source:
    path = FORMATS / name
    return read_source(path.read_bytes(), str(path), path.suffix)


def measures(report: Report) -> list[str]:
    return [m.text for m in report.measures()]


def text_measures(stem: str) -> list[str]:
    return measures(load_report(DOCUMENTS / f"{stem}.txt"))


@pytest.mark.parametrize("name", sorted(SAME_DOCUMENT))
def test_metadata_and_divisions_are_the_documents(name: str) -> None:
    report = load_report(FORMATS / name)
    expect: dict[str, Any] = load_expect(SAME_DOCUMENT[name])
    for check in (check_title, check_date, check_metadata):
        result = check(report, expect)
        assert result is not None and result[0], f"{check.__name__}: {result}"
    if name != "21-holidays-table.docx":  # there the seven typed 一、…七、 are table rows
        ok, seen = check_top_level(report, expect)
        assert ok, seen


@pytest.mark.parametrize("name", ["h07-opinion.docx", "h07-opinion.pdf", "h06-plan.pdf"])
def test_same_measures_as_the_plain_text(name: str) -> None:
    assert measures(load_report(FORMATS / name)) == text_measures(SAME_DOCUMENT[name])


def test_two_columns_read_in_order_with_the_same_measures() -> None:
    """Left column, then right, page after page: the measures come in the text's order.

    One line of the web text, ``图5　汽车前号牌　…　图6　汽车后号牌``, is two captions under two
    pictures side by side in print, so the PDF has two measures where the page has one.
    """
    want: list[str] = []
    for text in text_measures(SAME_DOCUMENT["g08-two-columns.pdf"]):
        want += text.split("\u3000" * 15) if "\u3000" * 15 in text else [text]
    assert measures(load_report(FORMATS / "g08-two-columns.pdf")) == want


def test_two_column_page_furniture_is_gone() -> None:
    """The running title at the top of every page and the bare page numbers are not text."""
    lines = source("g08-two-columns.pdf").lines
    running = "国务院办公厅关于国家综合性消防救援车辆悬挂应急救援专用号牌有关事项的通知"
    assert running not in lines  # the title itself is there, over its two lines
    assert lines[:2] == ["国务院办公厅关于国家综合性消防救援车辆", "悬挂应急救援专用号牌有关事项的通知"]
    assert not [line for line in lines if line.isdigit()]


def test_pdf_page_numbers_and_wrapped_lines() -> None:
    """``第 N 页 共 M 页`` and ``- N -`` go; paragraphs come back whole, headings stay apart."""
    for name in ("h07-opinion.pdf", "h06-plan.pdf"):
        lines = source(name).lines
        assert not [line for line in lines if re.search(r"第 \d+ 页 共 \d+ 页|^- \d+ -$", line)]
    lines = source("h07-opinion.pdf").lines
    assert "一、指导思想" in lines and "（一）统筹两个市场，打造加工制造中心。" in lines
    assert lines[lines.index("一、指导思想") + 1].startswith("以习近平新时代中国特色社会主义思想为指导")
    assert lines[lines.index("一、指导思想") + 1].endswith("打造具有国际竞争力和创新力的海关特殊监管区域。")


# --- Word ---------------------------------------------------------------------------------------


def test_word_heading_styles_and_automatic_numbers() -> None:
    """Heading 1 paragraphs numbered %1、 by Word, Heading 2 （%2）, a decimal list 1.-21. straight on."""
    got = source("h07-opinion.docx")
    heads = {got.lines[i]: level for i, level in got.headings.items()}
    assert heads["一、指导思想"] == 1 and heads["五、有关要求"] == 1
    assert heads["（一）统筹两个市场，打造加工制造中心。"] == 2
    assert heads["（五）培育新动能新优势，打造销售服务中心。"] == 2
    # a run-in （一） paragraph is numbered by the same list but is body text, not a heading
    run_in = next(line for line in got.lines if line.startswith("（一）坚持深化改革"))
    assert run_in not in heads
    assert any(line.startswith("1.拓展两个市场。") for line in got.lines)
    assert any(line.startswith("21.推广创新制度。") for line in got.lines)


def test_word_leaves_out_what_is_not_body_text() -> None:
    """Header, footer, comment and tracked deletion are not text; the tracked insertion is."""
    text = "\n".join(source("h07-opinion.docx").lines)
    for absent in ("国务院文件", "- 1 -", "批注：此段请再核实", "（删去的旧提法）"):
        assert absent not in text
    assert "各地区各有关部门要充分认识促进综合保税区高水平开放高质量发展、打造全面深化改革开放新高地" in text


def test_word_title_property_believed_only_when_the_text_says_it() -> None:
    """h07's core title is "Microsoft Word - 新建文档": the Title-style paragraph wins; 21's is right."""
    assert source("h07-opinion.docx").meta == {
        "title": "国务院关于促进综合保税区高水平开放高质量发展的若干意见"
    }
    assert source("21-holidays-table.docx").meta == {"title": "国务院办公厅关于2019年部分节假日安排的通知"}


def test_word_table_rows_and_chinese_style_ids() -> None:
    """Style id ``2`` named 标题 2 is a heading; each table row is one line, cells in order."""
    got = source("21-holidays-table.docx")
    assert {got.lines[i]: level for i, level in got.headings.items()} == {"放假安排": 2}
    assert (
        "一、元旦\u30002018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。"
        in got.lines
    )
    assert "五、端午节\u30006月7日放假，与周末连休。" in got.lines
    rows = [line for line in got.lines if "\u3000" in line]
    assert len(rows) == 7


# --- files that cannot be read --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("scan.pdf", "error.pdf_no_text"),
        ("encrypted.pdf", "error.encrypted"),
        ("truncated.pdf", "error.damaged"),
        ("damaged.pdf", "error.damaged"),
        ("truncated.docx", "error.damaged"),
        ("old-word.doc", "error.old_word"),
    ],
)
def test_unreadable_files_raise_one_notice(name: str, key: str) -> None:
    with pytest.raises(ReportError) as caught:
        load_report(FORMATS / name)
    notice = caught.value.args[0]
    assert notice.key == key and str(FORMATS / name) in str(caught.value)


def test_text_that_is_not_a_docx_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("国务院关于印发某某方案的通知\n一、总体要求\n", encoding="utf-8")
    with pytest.raises(ReportError, match=r"notes\.docx"):
        load_report(path)


def test_an_ole_file_named_docx_is_old_word_or_password_protected(tmp_path: Path) -> None:
    """Word saves a password-protected .docx inside an OLE container with an EncryptionInfo
    stream; an OLE file without one is a .doc renamed .docx."""
    ole = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)
    (tmp_path / "renamed.docx").write_bytes(ole)
    (tmp_path / "locked.docx").write_bytes(ole + "EncryptionInfo".encode("utf-16-le") + bytes(64))
    for name, key in (("renamed.docx", "error.old_word"), ("locked.docx", "error.encrypted")):
        with pytest.raises(ReportError) as caught:
            load_report(tmp_path / name)
        assert caught.value.args[0].key == key


def test_pdf_title_property_believed_only_when_the_text_says_it() -> None:
    """h06's /Title is its title; g08's is "Microsoft Word - 通知.doc" and is ignored."""
    assert source("h06-plan.pdf").meta == {"title": "国务院关于印发国家职业教育改革实施方案的通知"}
    assert source("g08-two-columns.pdf").meta == {}


def test_a_docx_that_would_inflate_past_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    """A zip bomb named .docx: its parts' declared sizes are added up before any is inflated."""
    import zipfile

    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", b"<" * (201 * 2**20))
    with pytest.raises(ReportError, match="200 MB"):
        load_report(path)


def test_word_list_styles_number_and_hidden_text_is_not_text() -> None:
    """A paragraph numbered through its style (List Number) gets its number; a hidden run none."""
    import io

    import docx

    from zimao_tui.document.formats.docx import read

    document = docx.Document()
    document.add_paragraph("加强组织领导。", style="List Number")
    document.add_paragraph("强化督促落实。", style="List Number")
    paragraph = document.add_paragraph("各地区要")
    paragraph.add_run("（内部意见：暂不公开）").font.hidden = True
    paragraph.add_run("认真贯彻执行。")
    buffer = io.BytesIO()
    document.save(buffer)
    assert read(buffer.getvalue(), "list.docx").lines == [
        "1.加强组织领导。",
        "2.强化督促落实。",
        "各地区要认真贯彻执行。",
    ]


def test_a_pdf_text_layer_of_unmapped_glyphs_is_no_text() -> None:
    """A font without a Unicode map yields private-use codes: as unreadable as a scan."""
    from zimao_tui.document.formats.pdf import readable

    assert readable("国务院关于促进综合保税区高水平开放的若干意见")
    assert not readable("\ue001\ue002\ue003\ue004 \ue005\ue006一")
    assert not readable("\ufffd\ufffd\ufffd") and not readable("   ")


def test_heavy_readers_are_not_imported_by_the_formats_package() -> None:
    """python-docx and pypdfium2 load only when such a file is read (start-up stays light)."""
    import subprocess
    import sys

    code = "import sys, zimao_tui.document.parse; print('docx' in sys.modules, 'pypdfium2' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_word_heading_styles_without_numbers_are_divisions_of_the_tree(tmp_path: Path) -> None:
    """Heading 1/2 paragraphs carry no 一、 or （一）: the styles alone make the chapters."""
    import docx

    document = docx.Document()
    document.add_paragraph("关于推进示范区建设的实施意见", style="Title")
    document.add_heading("总体目标", level=1)
    document.add_paragraph("到2025年，示范区营商环境明显改善。建成一批开放平台。")
    document.add_heading("重点任务", level=1)
    document.add_heading("扩大开放", level=2)
    document.add_paragraph("推进跨境贸易便利化。")
    document.add_heading("优化服务", level=2)
    document.add_paragraph("深化“放管服”改革。")
    document.save(tmp_path / "plan.docx")
    report = load_report(tmp_path / "plan.docx")
    assert report.title == "关于推进示范区建设的实施意见" and report.format == "docx"
    assert [h.title for h in report.children] == ["总体目标", "重点任务"]
    assert [h.title for h in report.children[1].children] == ["扩大开放", "优化服务"]  # type: ignore[union-attr]
    assert [m.text for m in report.measures()][:2] == [
        "到2025年，示范区营商环境明显改善。",
        "建成一批开放平台。",
    ]
