"""``zimao-tui search``: JSON shape, pretty output with highlights, --stdin batches, folders."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from zimao_tui.cli import main
from zimao_tui.paths import bundled_report


def test_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "布拉格", "--json", "--limit", "2"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 1
    hit = hits[0]
    assert set(hit) == {"id", "report", "path", "text", "score", "spans"}
    assert hit["id"] == "5.3.9"
    assert hit["report"] == str(bundled_report())
    assert hit["path"] == ["开放水平显著提升", "不断优化跨境物流环境"]
    assert [hit["text"][a:b] for a, b in hit["spans"]] == ["布拉格", "布拉格"]
    assert 0 < hit["score"] <= 100


def test_limit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "光谷", "--json", "--limit", "3"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3


def test_pretty_output_shows_path_id_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "zobl"]) == 0
    out = capsys.readouterr().out
    assert "5.3.8" in out and "不断优化跨境物流环境" in out and "中欧班列" in out


def test_stdin_answers_each_line_in_order(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("blg\n诉前 调解\n\nzzzzzzzz\n"))
    assert main(["search", "--stdin", "--json", "--limit", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    answers = [json.loads(line) for line in lines]
    assert [[h["id"] for h in a] for a in answers] == [["5.3.9"], ["4.4.2"], [], []]


def test_stdin_pretty_prints_one_block_per_query(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("blg\nmxgc\n"))
    assert main(["search", "--stdin", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert out.index("» blg") < out.index("5.3.9") < out.index("» mxgc") < out.index("5.3.3")


def test_several_reports_and_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(bundled_report(), folder / "a.txt")
    shutil.copy(data_dir / "fullwidth.txt", folder / "b.txt")
    assert main(["search", "一业一证", "--report", str(folder), "--json"]) == 0
    reports = {h["report"] for h in json.loads(capsys.readouterr().out)}
    assert reports == {str(folder / "a.txt"), str(folder / "b.txt")}


@pytest.mark.parametrize("args", [["search"], ["search", "x", "--stdin"], ["search", "x", "--limit", "0"]])
def test_usage_errors(args: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2


def test_installed_command_prints_no_jieba_chatter(tmp_path: Path, data_dir: Path) -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "zimao_tui",
            "search",
            "一业一证",
            "--report",
            str(data_dir / "fullwidth.txt"),
            "--json",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    assert json.loads(out.stdout)[0]["spans"]


def test_pretty_header_says_shown_and_total(capsys: pytest.CaptureFixture[str]) -> None:
    from zimao_tui.cli import main

    assert main(["search", "!创新", "--limit", "3"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    total = int(first.split("共 ")[1].split(" 条")[0])
    assert "前 3 条" in first and total > 50


def test_several_reports_are_listed_under_one_title_each(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    """Over several reports, the text output groups hits by report, its title said once as a
    header (it was the full title before every hit); one report has no header."""
    a, b = data_dir / "compare" / "a.txt", data_dir / "compare" / "b.txt"
    args = ["search", "投资", "--report", str(a), "--report", str(b), "--report", str(bundled_report())]
    assert main(args) == 0
    lines = capsys.readouterr().out.splitlines()
    titles = [
        "《武汉自贸片区高质量发展创新举措》",
        "《示范区工作报告（2022年）》",
        "《示范区工作报告（2023年）》",
    ]
    headers = [line.strip() for line in lines if line.strip().startswith("《")]
    assert headers == titles  # once each, the report with the best hit first
    at = {title: next(i for i, line in enumerate(lines) if line.strip() == title) for title in titles}
    b_hit = next(i for i, line in enumerate(lines) if "7350亿元" in line)
    assert at[titles[2]] < b_hit and all(t not in "".join(lines[at[titles[2]] + 1 :]) for t in titles)
    assert not any("示范区工作报告" in line for line in lines if not line.strip().startswith("《"))
    assert main(["search", "投资", "--report", str(a)]) == 0
    assert "《" not in capsys.readouterr().out.split("\n", 1)[1]
