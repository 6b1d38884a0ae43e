"""The format is decided by content as well as suffix; every format reaches the same Report."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from zimao_tui.cli import main
from zimao_tui.document.formats import READERS, sniff, suffixes
from zimao_tui.document.parse import REPORT_SUFFIXES, load_report, load_reports, parse_bytes, report_files
from zimao_tui.store.report_cache import ReportCache

PAGES = Path(__file__).parent.parent / "documents" / "html"
PAGE = (PAGES / "gov-038.html").read_bytes()


def _docx_bytes() -> bytes:
    """A minimal .docx zip, byte-identical on every call: its entries carry a fixed date, so the
    parameters below are the same in every pytest-xdist worker (a zip stamped with the current
    time made the workers collect different test ids)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in (("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")):
            archive.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "suffix", "module"),
    [
        (b"plain text\n", ".txt", "text"),
        (PAGE, ".html", "html"),
        (PAGE, ".txt", "html"),  # a page saved as .txt: its markup says what it is
        (b"\xef\xbb\xbf<!DOCTYPE html><html></html>", ".txt", "html"),
        (b"<!-- a comment --><p>x</p>", ".md", "markdown"),  # Markdown may hold HTML
        (b"<!doctype html><html></html>", ".md", "html"),
        (b"# title\n", ".md", "markdown"),
        (b"%PDF-1.7\n...", ".txt", "pdf"),
        (b"%PDF-1.4\n...", ".html", "pdf"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".docx", "doc"),
        (_docx_bytes(), ".zip", "docx"),
        (b"PK\x03\x04 not really a zip", ".txt", "text"),
        (b"anything", ".weird", "text"),
    ],
)
def test_sniff(data: bytes, suffix: str, module: str) -> None:
    assert sniff(data, suffix) == module


def test_an_html_file_named_txt_is_read_as_a_page() -> None:
    report = parse_bytes(PAGE, "节假日.txt", ".txt")
    assert report.format == "html" and report.title == "国务院办公厅关于2019年部分节假日安排的通知"


def test_a_folder_opens_every_supported_file(tmp_path: Path) -> None:
    assert set(REPORT_SUFFIXES) == set(READERS) == set(suffixes())
    (tmp_path / "a.txt").write_text(
        "关于测试的通知\n\n一、总体要求\n\n各单位要抓好落实。\n", encoding="utf-8"
    )
    (tmp_path / "b.html").write_bytes(PAGE)
    (tmp_path / "c.md").write_text(
        "# 关于测试的通知\n\n## 总体要求\n\n各单位要抓好落实。\n", encoding="utf-8"
    )
    (tmp_path / "d.htm").write_bytes(b"<html><body><a href=/>\xe9\xa6\x96\xe9\xa1\xb5</a></body></html>")
    (tmp_path / "e.css").write_text("p{}", encoding="utf-8")
    assert [p.name for p in report_files(tmp_path)] == ["a.txt", "b.html", "c.md", "d.htm"]
    skipped: list = []
    reports = load_reports([tmp_path], skipped=skipped)
    assert [r.format for r in reports] == ["text", "html", "markdown"]
    assert len(skipped) == 1 and "d.htm" in str(skipped[0])  # no main text: skipped with its line


def test_the_cache_keeps_the_format(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_bytes(PAGE)
    cache = ReportCache(tmp_path / "cache")
    first = load_report(page, cache)
    again = cache.load(PAGE, str(page))
    assert again is not None and again == first and again.format == "html"


def test_the_same_bytes_under_another_suffix_are_parsed_again(tmp_path: Path) -> None:
    text = "# 关于测试的通知\n\n## 总体要求\n\n各单位要抓好落实，确保取得实效。\n".encode()
    cache = ReportCache(tmp_path / "cache")
    (tmp_path / "a.md").write_bytes(text)
    (tmp_path / "a.txt").write_bytes(text)
    assert load_report(tmp_path / "a.md", cache).format == "markdown"
    assert load_report(tmp_path / "a.txt", cache).format == "text"  # not the Markdown parse


def test_outline_json_says_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", "--json", "--report", str(PAGES / "gov-057.html")]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["format"], doc["title"], doc["doc_number"]) == (
        "html",
        "国务院关于支持自由贸易试验区深化改革创新若干措施的通知",
        "国发〔2018〕38号",
    )
    assert [c["number"] for c in doc["children"]][1:3] == ["一、", "二、"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["search", "单一窗口"], "单一窗口"),
        (["figures"], "18周"),
        (["terms"], "《内地与香港关于建立更紧密经贸关系的安排》"),
        (["outline"], "二、提升贸易便利化水平"),
    ],
)
def test_subcommands_accept_a_page(
    args: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*args, "--report", str(PAGES / "gov-057.html")]) == 0
    assert expected in capsys.readouterr().out


def test_a_page_without_main_text_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", "--report", str(PAGES / "hd-list.html")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "hd-list.html" in err and "Traceback" not in err
