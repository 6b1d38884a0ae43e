"""``zimao-tui outline`` and the CLI's handling of bad input, run as a user would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from zimao_tui import __version__
from zimao_tui.cli import main


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a subprocess, as the installed script would be."""
    return subprocess.run(
        [sys.executable, "-m", "zimao_tui", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_outline_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["title"], doc["date"], doc["source"], doc["encoding"]) == (
        "武汉自贸片区高质量发展创新举措",
        "2022-07-05",
        None,  # absent: null, as issuer, doc_number, subtitle and speaker are here
        "UTF-8",
    )
    assert doc["issuer"] is None and doc["doc_number"] is None and doc["date_source"]
    # What was taken out is listed, with why: the title, the date line, the font widget.
    dropped = {d["text"].strip(): d["reason"] for d in doc["dropped"]}
    assert dropped["武汉自贸片区高质量发展创新举措"] == "title" and "调整字体" in dropped
    assert all(set(d) == {"line", "text", "reason"} for d in doc["dropped"])
    chapters = doc["children"]
    assert [c["number"] for c in chapters] == ["一、", "二、", "三、", "四、", "五、"]
    section = chapters[2]["children"][1]
    assert (section["id"], section["kind"], section["number"], section["title"]) == (
        "3.2",
        "section",
        "(二)",
        "生命健康产业全国前列",
    )
    measure = section["children"][4]
    assert measure["id"] == "3.2.5" and measure["kind"] == "measure" and measure["text"].endswith("。")
    assert "title" not in measure


def test_outline_pretty(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline"]) == 0
    out = capsys.readouterr().out
    assert "武汉自贸片区高质量发展创新举措" in out
    assert "三、产业发展提质增效" in out and "(二)生命健康产业全国前列" in out and "26 条" in out


LAW = "中华人民共和国某某法\n第一章 总 则\n第一条 为了规范某某活动，保护当事人的合法权益，制定本法。\n第二条 本法适用于全国。\n"


def test_an_article_has_no_title_and_the_outline_previews_its_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    law = tmp_path / "law.txt"
    law.write_text(LAW, encoding="utf-8")
    assert main(["outline", "--json", "--report", str(law)]) == 0
    articles = json.loads(capsys.readouterr().out)["children"][0]["children"]
    assert [(a["kind"], a["number"], a["title"]) for a in articles] == [
        ("article", "第一条", ""),
        ("article", "第二条", ""),
    ]
    assert main(["outline", "--report", str(law)]) == 0
    out = capsys.readouterr().out
    assert "第一条 为了规范某某活动，保护当事人的…" in out  # a preview for display, not a title
    assert "第二条 本法适用于全国。" in out


def test_outline_of_folder_lists_each_report(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_bytes((data_dir / "fullwidth.txt").read_bytes())
    (tmp_path / "b.txt").write_bytes((data_dir / "noheadings.txt").read_bytes())
    assert main(["outline", "--json", "--report", str(tmp_path)]) == 0
    docs = json.loads(capsys.readouterr().out)
    assert [d["title"] for d in docs] == ["关于推进某市高水平开放的若干措施", "一则没有标题层级的通知"]


def test_a_folder_with_one_bad_file_opens_the_rest_and_says_why(tmp_path: Path, data_dir: Path) -> None:
    (tmp_path / "a.txt").write_bytes((data_dir / "fullwidth.txt").read_bytes())
    (tmp_path / "b.txt").write_bytes(b"")
    result = run_cli("outline", "--json", "--report", str(tmp_path))
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"] == "关于推进某市高水平开放的若干措施"  # one report: one object
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "b.txt" in lines[0] and "Traceback" not in result.stderr


def test_errors_follow_the_configured_language(data_dir: Path, user_dirs: dict[str, Path]) -> None:
    user_dirs["config"].mkdir(parents=True, exist_ok=True)
    (user_dirs["config"] / "config.toml").write_text('lang = "en"\n', encoding="utf-8")
    result = run_cli("outline", "--report", str(data_dir / "empty.txt"))
    assert result.returncode == 2 and result.stderr.strip().endswith("empty.txt: the file is empty")


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("missing.txt", "不存在"),
        ("empty.txt", "文件是空的"),
        ("binary.bin", "二进制文件"),
        (".", "文件夹里没有报告"),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    data_dir: Path, tmp_path: Path, target: str, message: str
) -> None:
    path = tmp_path if target == "." else data_dir / target
    result = run_cli("outline", "--report", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in result.stderr


def test_version_and_help(tmp_path: Path) -> None:
    version = run_cli("--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.strip() == f"zimao-tui {__version__}"
    helped = run_cli("outline", "--help")
    assert helped.returncode == 0 and "--report PATH" in helped.stdout and "--json" in helped.stdout


def test_outline_from_another_directory_finds_bundled_report(tmp_path: Path) -> None:
    result = run_cli("outline", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["date"] == "2022-07-05"


def test_piped_output_keeps_each_measure_on_one_line() -> None:
    result = run_cli("search", "一业一证", "--limit", "1")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    text_line = next(line for line in lines if "一业一证" in line and "»" not in line)
    assert text_line.strip().endswith("。")
    assert len(text_line) > 80


_NOTICE = "国务院关于支持自由贸易试验区和自由贸易港深化改革创新若干措施以及其他有关事项的通知\n各省人民政府：\n现将有关事项通知如下。\n一、营造优良投资环境\n（一）放宽外商投资建设工程设计企业外籍技术人员的比例要求。\n"


def test_piped_outline_keeps_a_long_title_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Rich laid the tree out at 80 columns when piped, cutting a long title's line short."""
    path = tmp_path / "notice.txt"
    path.write_text(_NOTICE, encoding="utf-8")
    assert main(["outline", "--report", str(path)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.endswith("3 条措施")


def test_outline_in_english_names_the_preamble_and_counts_in_english(
    tmp_path: Path, user_dirs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from zimao_tui.i18n import set_language

    path = tmp_path / "notice.txt"
    path.write_text(_NOTICE, encoding="utf-8")
    user_dirs["config"].mkdir(parents=True, exist_ok=True)
    (user_dirs["config"] / "config.toml").write_text('lang = "en"\n', encoding="utf-8")
    try:
        assert main(["outline", "--report", str(path)]) == 0
    finally:
        set_language("zh")
    out = capsys.readouterr().out
    assert "3 measures" in out and "Preamble  1 · 2" in out and "条" not in out.split("\n", 1)[1]
