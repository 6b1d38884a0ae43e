"""Every CLI output on a hostile report: nothing acts on the terminal, markup stays text.

Issue 10 items 1 and 2. Each command runs in-process, piped (plain text) and with Rich
forced to style its output (``FORCE_COLOR``, what a terminal gets); styled output may hold
Rich's own SGR sequences and nothing else. JSON keeps the report's exact text.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hostile import (
    C1_CSI,
    CLEAR,
    MEASURE,
    OSC0,
    OSC52,
    RLO,
    SGR,
    TITLE,
    hostile_text,
    report_text,
    unsafe_left,
)
from hypothesis import HealthCheck, given, settings

from zimao_tui.cli import main
from zimao_tui.document.inert import inert
from zimao_tui.document.parse import load_report


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.txt"
    path.write_text(report_text(), encoding="utf-8")
    return path


@pytest.fixture(params=["plain", "styled"])
def styled(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Run each test piped (no styles) and as a terminal would see it (Rich's styles on)."""
    if request.param == "styled":
        monkeypatch.setenv("FORCE_COLOR", "1")
        monkeypatch.delenv("NO_COLOR", raising=False)
        return True
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return False


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def assert_inert(out: str, styled: bool) -> None:
    assert unsafe_left(out, styled) == set()
    assert "\x1b]" not in out  # no OSC at all: no clipboard, no title, no hyperlink (OSC 8)


COMMANDS = [
    ("outline",),
    ("search", "剪贴板"),
    ("search", "清屏"),
    ("figures",),
    ("figures", "--csv"),
    ("terms",),
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_human_output_is_inert_and_never_markup(
    command: tuple[str, ...], report: Path, styled: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, *command, "--report", str(report))
    assert (status, err) == (0, "")  # before: MarkupError tracebacks for outline, figures, terms
    assert_inert(out, styled)
    assert "[/]" in out  # markup is shown as the report wrote it


def test_outline_shows_escapes_and_markup_literally(
    report: Path, styled: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "outline", "--report", str(report))
    assert inert(TITLE) in out
    assert "一、[/]章节[link=https://evil.example]" in out  # a link would have been OSC 8


def test_search_shows_every_attack_as_visible_characters(
    report: Path, styled: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "search", "剪贴板", "--report", str(report))
    assert inert(OSC52) in out
    _, out, _ = run(capsys, "search", "清屏", "--report", str(report))
    for attack in (CLEAR, SGR, C1_CSI):
        assert inert(attack) in out
    _, out, _ = run(capsys, "outline", "--report", str(report))
    assert RLO not in out and "\ufffd反转" in out


@pytest.mark.parametrize(
    "command",
    [("outline", "--json"), ("search", "剪贴板", "--json"), ("figures", "--json"), ("terms", "--json")],
)
def test_json_keeps_the_exact_text_with_controls_escaped(
    command: tuple[str, ...], report: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, *command, "--report", str(report))
    assert status == 0
    assert unsafe_left(out) == set()  # ESC as \u001b, C1 and bidi as \u009b, \u202e
    text = json.dumps(json.loads(out), ensure_ascii=False)
    assert "\\u001b]52;c;" in text or command[0] not in ("search", "outline")
    if command[0] == "outline":
        assert json.loads(out)["title"] == TITLE
    if command[0] == "search":
        assert json.loads(out)[0]["text"] == MEASURE


def test_search_stdin_json_lines_escape_controls(
    report: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("剪贴板\n清屏\n"))
    status, out, _ = run(capsys, "search", "--stdin", "--json", "--report", str(report))
    assert status == 0 and unsafe_left(out) == set()
    first, second = (json.loads(line) for line in out.splitlines())
    assert first[0]["text"] == MEASURE and C1_CSI in second[0]["text"]


def test_csv_is_inert_and_guards_formulas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "formula.txt"
    path.write_text(report_text(title=f'=HYPERLINK("http://evil"){CLEAR}的通知'), encoding="utf-8")
    status, out, _ = run(capsys, "figures", "--csv", "--report", str(path))
    assert status == 0 and unsafe_left(out) == set()
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["report"] == "'" + inert('=HYPERLINK("http://evil")' + CLEAR + "的通知")
    assert rows[0]["chapter"] == inert(load_report(path).children[0].label)
    assert rows[0]["value"] == "500000000"  # numbers are left alone


def _add_bookmark(capsys: pytest.CaptureFixture[str], report: Path) -> None:
    status, _, err = run(
        capsys,
        "bookmarks",
        "add",
        "1.2.1",
        "--note",
        f"笔记{OSC0}[/]",
        "--tag",
        f"标签{OSC52}",
        "--report",
        str(report),
    )
    assert (status, err) == (0, "")


def test_bookmarks_list_and_export_are_inert(
    report: Path, styled: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_bookmark(capsys, report)
    for command in (("bookmarks", "list"), ("bookmarks", "export", "--format", "md")):
        status, out, err = run(capsys, *command, "--report", str(report))
        assert (status, err) == (0, "")
        assert_inert(out, styled)
        assert inert(f"笔记{OSC0}[/]") in out and inert(f"#标签{OSC52}") in out


def test_bookmarks_json_is_exact(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _add_bookmark(capsys, report)
    for command in (("bookmarks", "list", "--json"), ("bookmarks", "export", "--format", "json")):
        _, out, _ = run(capsys, *command, "--report", str(report))
        assert unsafe_left(out) == set()
        (item,) = json.loads(out)
        assert item["note"] == f"笔记{OSC0}[/]" and item["tags"] == [f"标签{OSC52}"]
        assert item["text"] == MEASURE


def test_a_markup_uid_in_the_bookmarks_file_is_listed_and_removable(
    report: Path, styled: bool, user_dirs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data = user_dirs["data"]
    data.mkdir(parents=True, exist_ok=True)
    (data / "bookmarks.toml").write_text(
        'schema_version = 1\n[[bookmarks]]\nuid = "[/]evil\\u001b]0;T\\u0007"\nreport_title = "[bold]x"\n'
        'report_date = ""\nmeasure_id = "9.9.9"\nfingerprint = ""\ntext = "gone[/]"\npath = ["[/]"]\n'
        'note = ""\ntags = []\ncreated = ""\nupdated = ""\n',
        encoding="utf-8",
    )
    status, out, err = run(capsys, "bookmarks", "list", "--report", str(report))
    assert (status, err) == (0, "")  # before: MarkupError on the uid
    assert_inert(out, styled)
    assert "uid [/]evil␛]0;T␇" in out
    status, _, err = run(capsys, "bookmarks", "remove", "[/]evil\x1b]0;T\x07", "--report", str(report))
    assert (status, err) == (0, "")


def test_an_error_naming_a_hostile_file_is_inert(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "outline", "--report", str(tmp_path / f"missing{OSC0}.txt"))
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and unsafe_left(err) == set() and "missing␛]0;PWNED-TITLE␇" in err


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=hostile_text, heading=hostile_text, measure=hostile_text, note=hostile_text)
def test_property_no_control_from_report_text_reaches_any_cli_output(
    title: str,
    heading: str,
    measure: str,
    note: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Random Unicode with every C0/C1/bidi control in the title, a heading, a measure and a
    note, through every command, piped and styled: no control character in what is printed
    (beyond Rich's own SGR styling), and JSON parses back to the exact text."""
    path = tmp_path / "random.txt"
    body = f"开头{measure}的措施，投入5亿元。"
    path.write_text(
        report_text(title=f"标题{title}", chapter=f"一、{heading}", body=body), encoding="utf-8", newline=""
    )
    for styled in (False, True):
        monkeypatch.setenv("FORCE_COLOR", "1") if styled else monkeypatch.delenv("FORCE_COLOR", raising=False)
        for command in (
            ("outline",),
            ("search", "开头"),
            ("figures",),
            ("figures", "--csv"),
            ("terms",),
            ("bookmarks", "list"),
            ("bookmarks", "export"),
        ):
            status, out, err = run(capsys, *command, "--report", str(path))
            if status == 2:  # the decoder refused the file (a NUL): one inert line, nothing else
                assert out == "" and err.count("\n") == 1 and unsafe_left(err) == set()
                assert "\x00" in title + heading + measure
                return
            assert status == 0, err
            assert unsafe_left(out, styled) == set(), command
            assert unsafe_left(err) == set(), command
        if not styled:
            status, _, _ = run(capsys, "bookmarks", "add", "1.2.1", f"--note={note}", "--report", str(path))
            assert status in (0, 2)
    _, out, _ = run(capsys, "outline", "--json", "--report", str(path))
    assert unsafe_left(out) == set()
    assert json.loads(out) == json.loads(json.dumps(json.loads(out)))
    assert json.loads(out)["title"] == load_report(path).title
