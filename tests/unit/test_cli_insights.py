"""``zimao-tui figures`` and ``zimao-tui terms`` as a script would call them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from zimao_tui.cli import main
from zimao_tui.i18n import set_language
from zimao_tui.insights.figure_export import FIELDS


def test_figures_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["figures", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 75 and all(tuple(r) == FIELDS for r in rows)
    money = next(r for r in rows if r["raw"] == "1.225亿元")
    assert money == {
        "report": "武汉自贸片区高质量发展创新举措",
        "measure_id": "2.2.4",
        "chapter": "二、创新能力保持领先",
        "raw": "1.225亿元",
        "value": 122500000,
        "high": None,
        "unit": "元",
        "kind": "money",
        "approximate": False,
        "date": None,
        "start": money["start"],
        "end": money["start"] + len("1.225亿元"),
        "bound": None,
        "of": "",
        "target": "result",  # 累计获批资金1.225亿元: a result
        "date_high": None,
    }
    date = next(r for r in rows if r["raw"] == "2021年4月1日")
    assert (date["kind"], date["date"], date["value"]) == ("date", "2021-04-01", 20210401)
    assert {type(r["target"]) for r in rows} == {str}  # one type, dates included
    assert {r["target"] for r in rows} <= {"target", "result", ""}


def test_figures_csv_has_a_header_and_parses(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["figures", "--csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == ",".join(FIELDS)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 75
    ranged = next(r for r in rows if r["raw"] == "5-30天")
    assert (ranged["value"], ranged["high"], ranged["unit"], ranged["kind"], ranged["measure_id"]) == (
        "5",
        "30",
        "天",
        "duration",
        "5.2.10",
    )
    assert ranged["chapter"] == "五、开放水平显著提升"


def test_figures_csv_writes_flags_as_1_and_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["figures", "--csv"]) == 0
    out = capsys.readouterr().out
    assert "True" not in out and "False" not in out
    rows = list(csv.DictReader(io.StringIO(out)))
    hedged = next(r for r in rows if r["raw"] == "不低于5亿元")
    exact = next(r for r in rows if r["raw"] == "1.225亿元")
    assert (hedged["approximate"], hedged["bound"], exact["approximate"], exact["target"]) == (
        "1",
        "lower",
        "0",
        "result",
    )
    assert {r["approximate"] for r in rows} == {"0", "1"}


def test_figures_json_and_csv_are_exclusive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["figures", "--json", "--csv"])


def test_figures_pretty(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["figures"]) == 0
    out = capsys.readouterr().out
    assert "75 个数字" in out and "122,500,000" in out and "2021-04-01" in out and "5–30" in out
    assert "金额" in out and "money" not in out and "≥" in out


def test_figures_pretty_follows_the_interface_language(
    capsys: pytest.CaptureFixture[str], user_dirs: dict[str, Path]
) -> None:
    user_dirs["config"].mkdir(parents=True, exist_ok=True)
    (user_dirs["config"] / "config.toml").write_text('lang = "en"\n', encoding="utf-8")
    try:
        assert main(["figures"]) == 0
    finally:
        set_language("zh")
    out = capsys.readouterr().out
    assert "75 figures" in out and "money" in out and "duration" in out
    assert not any(word in out for word in ("个数字", "金额", "时长", "数值", "原文"))


def test_terms_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["terms", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert all(set(r) == {"term", "kind", "count", "measure_ids"} for r in rows)
    assert {"term": "一事联办", "kind": "term", "count": 2, "measure_ids": ["4.1.4", "5.4.1"]} in rows
    assert {"term": "上市十条", "kind": "document", "count": 1, "measure_ids": ["3.2.11"]} in rows


def test_terms_pretty(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["terms"]) == 0
    out = capsys.readouterr().out
    assert "“一事联办”" in out and "《上市十条》" in out and "130 条术语与文件" in out


def test_a_month_without_its_year_shows_as_written_in_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The terminal table shows a date whose year is unknown as the figures screen does (``6月``),
    not as ISO's ``--06`` (which stays in ``--json``, where it is the standard spelling)."""
    from zimao_tui.cli import main

    report = tmp_path / "plan.txt"
    report.write_text("一、目标\n6月底前完成改造。\n", encoding="utf-8")
    assert main(["figures", "--report", str(report)]) == 0
    out = capsys.readouterr().out
    assert "--06" not in out and out.count("6月") >= 2  # the raw text and the value
