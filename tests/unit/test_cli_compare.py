"""``zimao-tui compare`` and ``zimao-tui trends``: every option, bad input as one line and exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zimao_tui.cli import main

DATA = Path(__file__).parents[1] / "data" / "compare"
A, B = str(DATA / "a.txt"), str(DATA / "b.txt")


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_compare_json_is_the_documented_schema(capsys: pytest.CaptureFixture[str]) -> None:
    doc = _json(capsys, "compare", A, B, "--json")
    assert isinstance(doc, dict)
    assert set(doc) == {"a", "b", "pairs", "terms", "figures"}
    assert doc["a"]["title"] == "示范区工作报告（2022年）" and doc["b"]["title"] == "示范区工作报告（2023年）"
    for pair in doc["pairs"]:
        assert set(pair) == {"status", "a", "b", "similarity", "diff"}
        assert pair["status"] in ("same", "changed", "new", "dropped")
        assert 0 <= pair["similarity"] <= 1
        for side in ("a", "b"):
            assert pair[side] is None or set(pair[side]) == {"id", "text"}
    a_ids = [p["a"]["id"] for p in doc["pairs"] if p["a"]]
    b_ids = [p["b"]["id"] for p in doc["pairs"] if p["b"]]
    assert sorted(a_ids) == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1"]
    assert sorted(b_ids) == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2"]
    first = doc["pairs"][0]
    assert first["diff"] == [["=", "今年中央预算内投资拟安排"], ["-", "7000"], ["+", "7350"], ["=", "亿元。"]]
    assert doc["terms"] == {"new": ["新质生产力"], "dropped": ["互联网+政务服务"]}
    money = [f for f in doc["figures"] if f["a"] and f["a"]["raw"] == "7000亿元"]
    assert money and money[0]["b"]["raw"] == "7350亿元"


def test_compare_format_json_equals_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert _json(capsys, "compare", A, B, "--format", "json") == _json(capsys, "compare", A, B, "--json")


def test_compare_only_filters_pairs(capsys: pytest.CaptureFixture[str]) -> None:
    doc = _json(capsys, "compare", A, B, "--json", "--only", "changed,new")
    assert isinstance(doc, dict)
    assert {p["status"] for p in doc["pairs"]} == {"changed", "new"}
    assert len(doc["pairs"]) == 5 + 2


def test_compare_pretty_has_the_chapter_summary_and_the_changes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", A, B]) == 0
    out = capsys.readouterr().out
    assert "二、重点工作" in out and "原为 二、重点任务" in out
    assert "今年中央预算内投资拟安排[-7000-]{+7350+}亿元。" in out  # piped: marked as wdiff does
    assert "坚决守住" not in out  # same pairs are not listed by default
    assert "新质生产力" in out and "7000亿元 → 7350亿元" in out


def test_compare_pretty_only_same(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", A, B, "--only", "same"]) == 0
    out = capsys.readouterr().out
    assert "坚决守住" in out and "[修改]" not in out


def test_compare_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", A, B, "--format", "md", "--only", "changed"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# 示范区工作报告（2022年） → 示范区工作报告（2023年）\n")
    assert "| 二、重点工作 (原为 二、重点任务) | 1 | 1 | 2 | 1 |" in out
    assert "今年中央预算内投资拟安排~~7000~~**7350**亿元。" in out
    assert "## 新增" not in out
    assert "- `1.2 → 1.2` 3%左右 → 2%左右" in out


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["compare", A, B, "--only", "moved"], "moved"),
        (["compare", A, "/nonexistent/b.txt"], "b.txt"),
        (["compare", A, B, "--json", "--format", "md"], "不能与参数"),  # argparse's words, in Chinese
        (["trends"], "--top"),
        (["trends", "改革", "--top", "3"], "--top"),
        (["trends", "--top", "0"], "0"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    argv: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        raise SystemExit(main(argv))
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert says in err[-1] and "Traceback" not in "\n".join(err)


def test_compare_a_folder_of_two_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(DATA), B]) == 2
    assert "2" in capsys.readouterr().err


def test_trends_json(capsys: pytest.CaptureFixture[str]) -> None:
    doc = _json(capsys, "trends", "新质生产力", "困难", "--report", B, "--report", A, "--json")
    assert doc == [
        {
            "term": "新质生产力",
            "counts": [
                {"report": "示范区工作报告（2022年）", "date": "2022", "count": 0},
                {"report": "示范区工作报告（2023年）", "date": "2023", "count": 1},
            ],
            "first": "示范区工作报告（2023年）",
        },
        {
            "term": "困难",
            "counts": [
                {"report": "示范区工作报告（2022年）", "date": "2022", "count": 1},
                {"report": "示范区工作报告（2023年）", "date": "2023", "count": 0},
            ],
            "first": "示范区工作报告（2022年）",
        },
    ]


def test_trends_top_and_pretty(capsys: pytest.CaptureFixture[str]) -> None:
    doc = _json(capsys, "trends", "--top", "1", "--report", A, "--report", B, "--json")
    assert isinstance(doc, list) and len(doc) == 1
    assert doc[0]["term"] in ("新质生产力", "互联网+政务服务")
    assert main(["trends", "新质生产力", "--report", A, "--report", B]) == 0
    out = capsys.readouterr().out
    assert "·█" in out and "首次出现：示范区工作报告（2023年）" in out


def test_compare_pretty_in_colour_styles_the_diff(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert main(["compare", A, B, "--only", "changed"]) == 0
    out = capsys.readouterr().out
    assert "[-7000-]" not in out and "\x1b[" in out  # struck and underlined, not bracketed
    assert "7000\x1b[0m" in out and "7350\x1b[0m" in out


@pytest.mark.parametrize("fmt", ["pretty", "md"])
def test_compare_output_of_a_hostile_report_is_inert(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from hostile import report_text, unsafe_left

    monkeypatch.setenv("FORCE_COLOR", "1")
    old = tmp_path / "old.txt"
    old.write_text(report_text(), encoding="utf-8")
    new = tmp_path / "new.txt"
    new.write_text(report_text().replace("。", "，并加以推进。", 3), encoding="utf-8")
    assert main(["compare", str(old), str(new), "--format", fmt, "--only", "same,changed"]) == 0
    out = capsys.readouterr().out
    assert unsafe_left(out, True) == set() and "\x1b]" not in out
    assert main(["trends", "剪贴板", "--report", str(old), "--report", str(new)]) == 0
    out = capsys.readouterr().out
    assert unsafe_left(out, True) == set() and "\x1b]" not in out


def test_keys_built_at_run_time_exist_in_both_languages() -> None:
    from zimao_tui.i18n import LANGS, STRINGS
    from zimao_tui.insights.compare import STATUSES

    built = [f"compare.status.{s}" for s in STATUSES] + ["compare.side_a", "compare.side_b"]
    for lang in LANGS:
        assert [key for key in built if key not in STRINGS[lang]] == []
