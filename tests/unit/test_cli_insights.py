"""``zimao-tui figures`` and ``zimao-tui terms`` as a script would call them."""

from __future__ import annotations

import csv
import io
import json

import pytest

from zimao_tui.cli import main
from zimao_tui.cli.figures import FIELDS


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
    }
    date = next(r for r in rows if r["raw"] == "2021年4月1日")
    assert (date["kind"], date["date"]) == ("date", "2021-04-01")


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


def test_figures_json_and_csv_are_exclusive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["figures", "--json", "--csv"])


def test_figures_pretty(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["figures"]) == 0
    out = capsys.readouterr().out
    assert "75 个数字" in out and "122,500,000" in out and "2021-04-01" in out and "5–30" in out


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
