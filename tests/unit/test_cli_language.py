"""Every CLI command speaks the interface language, and only it (issue 15).

The report here is written from a few characters no interface string uses (鹅鸭湖区…), so
any other Chinese character in English output is interface text that was not translated;
the other way round, English words in Chinese output are untranslated interface words.
Errors are checked too: they are the lines users read most.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from zimao_tui.cli import main
from zimao_tui.i18n import set_language

# The 2023年 measure is a date figure: the figures table once gave it the unit 日期 in English.
REPORT = """鹅鸭湖区养殖方案
2022年7月5日
一、鹅鸭养殖
鹅鸭湖区推出“鹅鸭码”，养殖鹅鸭5亿元。鸭湖区落实《鹅鸭湖区养殖规定》，养殖率达98%。
二、鸡鸭湖区
鸡鸭湖区养殖鸡鸭300余只。2023年鸡鸭湖区养殖鹅鸭。
"""

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’《》]")
WORD = re.compile(r"[A-Za-z]{2,}")

ALLOWED_ASCII_IN_ZH = {
    "zimao",
    "tui",
    "uid",
    "outline",
    "json",
    "bookmarks",
    "list",
    "report",
    "add",
    "txt",  # the library's kind column: the file format
    "TOML",
    "UTF",
    "xyzxyz",  # the query, echoed
}
"""ASCII words the Chinese interface itself uses: the program, commands, options, formats."""


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def _runs(report: Path) -> list[list[str]]:
    r = ["--report", str(report)]
    missing = str(report.with_name("missing.txt"))
    return [
        ["outline", *r],
        ["search", "鹅鸭", *r],
        ["search", "鹅鸭", "--limit", "1", *r],
        ["search", "xyzxyz", *r],
        ["figures", *r],
        ["terms", *r],
        ["bookmarks", "list", *r],
        ["bookmarks", "add", "1.1", "--note", "鹅", *r],
        ["bookmarks", "list", *r],
        ["bookmarks", "export", *r],
        ["bookmarks", "add", "9.9.9", *r],
        ["bookmarks", "remove", "9.9.9", *r],
        ["bookmarks", "remove", "1.1", *r],
        ["outline", "--report", missing],
        ["library"],
        ["add", str(report.parent), "--jobs", "1"],
        ["library"],
        ["add", "--jobs", "1"],
        ["remove", str(report)],
        ["library"],
        ["remove", str(report.parent)],
        ["remove", "99"],
    ]


def _outputs(capsys: pytest.CaptureFixture[str], lang: str, report: Path) -> list[tuple[str, str]]:
    seen = []
    try:
        for argv in _runs(report):
            main([*argv, "--lang", lang])
            captured = capsys.readouterr()
            text = captured.out + captured.err
            for path in (report.with_name("missing.txt"), report, report.parent):  # file names are data
                text = text.replace(str(path), "")
            seen.append((" ".join(argv), text))
    finally:
        set_language("zh")
    return seen


def test_english_output_has_no_chinese_but_the_reports(
    capsys: pytest.CaptureFixture[str], report: Path
) -> None:
    allowed = set(REPORT) | set("‘’——")  # a citation nests the quote's “…” as ‘…’
    for command, text in _outputs(capsys, "en", report):
        stray = sorted({c for c in CJK.findall(text) if c not in allowed})
        assert not stray, f"{command}: {stray} in {text!r}"


def test_chinese_output_has_no_english_interface_words(
    capsys: pytest.CaptureFixture[str], report: Path
) -> None:
    for command, text in _outputs(capsys, "zh", report):
        words = set(WORD.findall(text)) - ALLOWED_ASCII_IN_ZH
        words = {w for w in words if not re.fullmatch(r"[0-9a-f]+", w)}  # uids
        assert not words, f"{command}: {sorted(words)} in {text!r}"


def test_lang_goes_before_or_after_the_command(capsys: pytest.CaptureFixture[str], report: Path) -> None:
    try:
        assert main(["--lang", "en", "outline", "--report", str(report)]) == 0
        before = capsys.readouterr().out
        assert main(["outline", "--report", str(report), "--lang", "en"]) == 0
        after = capsys.readouterr().out
        assert main(["outline", "--report", str(report), "--lang=en"]) == 0
        assert capsys.readouterr().out == before == after
        assert "4 measures" in before  # two sentences under each chapter: the English count
    finally:
        set_language("zh")


def test_help_shows_lang_and_the_app_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "--lang" in out and "FILE|DIR" in out and "COMMAND" in out
