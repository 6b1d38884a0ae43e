"""Word and PDF files through the command line, as a user runs it (issue 13).

Each file that cannot be read gives one line on stderr, in the interface language, and exit
status 2, never a traceback; in a folder it is skipped with that line and the rest open.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_cli_outline import run_cli

FORMATS = Path(__file__).resolve().parent.parent / "fixtures" / "formats"

BAD = [
    ("scan.pdf", "没有文字层", "has no text (a scan?); it needs OCR first"),
    ("encrypted.pdf", "密码保护", "password-protected"),
    ("truncated.pdf", "已损坏，无法作为 PDF 读取", "damaged and cannot be read as PDF"),
    ("damaged.pdf", "已损坏", "damaged"),
    ("truncated.docx", "已损坏，无法作为 Word (.docx) 读取", "damaged and cannot be read as Word (.docx)"),
    ("old-word.doc", "另存为 .docx", "old Word format (.doc): save it as .docx"),
]


@pytest.mark.parametrize(("name", "zh", "en"), BAD)
def test_each_bad_file_is_one_line_and_status_2(
    name: str, zh: str, en: str, user_dirs: dict[str, Path]
) -> None:
    result = run_cli("outline", "--report", str(FORMATS / name))
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and zh in lines[0] and "Traceback" not in result.stderr
    user_dirs["config"].mkdir(parents=True, exist_ok=True)
    (user_dirs["config"] / "config.toml").write_text('lang = "en"\n', encoding="utf-8")
    result = run_cli("outline", "--report", str(FORMATS / name))
    assert result.returncode == 2 and en in result.stderr and name in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_folder_skips_the_bad_files_and_opens_the_rest(tmp_path: Path) -> None:
    for name in ("h07-opinion.pdf", "21-holidays-table.docx", "truncated.docx", "old-word.doc", "scan.pdf"):
        shutil.copy(FORMATS / name, tmp_path / name)
    result = run_cli("outline", "--json", "--report", str(tmp_path))
    assert result.returncode == 0, result.stderr
    titles = sorted(doc["title"] for doc in json.loads(result.stdout))
    assert titles == [
        "国务院关于促进综合保税区高水平开放高质量发展的若干意见",
        "国务院办公厅关于2019年部分节假日安排的通知",
    ]
    skipped = result.stderr.strip().splitlines()
    assert len(skipped) == 3 and "Traceback" not in result.stderr
    assert {
        name for name in ("truncated.docx", "old-word.doc", "scan.pdf") if any(name in s for s in skipped)
    } == {
        "truncated.docx",
        "old-word.doc",
        "scan.pdf",
    }


@pytest.mark.parametrize("name", ["h07-opinion.docx", "h06-plan.pdf"])
def test_subcommands_read_word_and_pdf(name: str) -> None:
    """outline and search work on the file itself, with its metadata."""
    outline = run_cli("outline", "--json", "--report", str(FORMATS / name))
    assert outline.returncode == 0, outline.stderr
    doc = json.loads(outline.stdout)
    assert doc["doc_number"] in ("国发〔2019〕3号", "国发〔2019〕4号") and doc["issuer"] == "国务院"
    search = run_cli("search", "--report", str(FORMATS / name), "海关" if "h07" in name else "学分银行")
    assert search.returncode == 0 and search.stdout.strip(), search.stderr


def test_outline_json_says_null_for_an_encoding_word_and_pdf_do_not_have() -> None:
    import json
    import subprocess
    import sys

    folder = Path(__file__).parents[1] / "fixtures" / "formats"
    for name, encoding in (("h07-opinion.docx", None), ("h06-plan.pdf", None)):
        done = subprocess.run(
            [sys.executable, "-m", "zimao_tui", "outline", "--json", "--report", str(folder / name)],
            capture_output=True,
            text=True,
            check=True,
        )
        doc = json.loads(done.stdout)
        assert doc["encoding"] is encoding and doc["format"] == name.rsplit(".", 1)[1]
