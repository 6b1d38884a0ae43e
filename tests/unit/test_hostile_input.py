"""Hostile and broken input (issue 10, items 3, 5, 6): nothing crashes, nothing hangs.

Costly queries are capped and answered; deeply nested TOML/JSON is a damaged file; special
files (devices, FIFOs) are refused rather than read, and huge ones are refused by size.
No timings here (see benchmarks/hostile.py): each test asserts on what happens.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from zimao_tui.cli import main
from zimao_tui.cli.search import MAX_LINE
from zimao_tui.document.errors import ReportError
from zimao_tui.document.parse import load_report
from zimao_tui.document.report import Report
from zimao_tui.i18n import set_language
from zimao_tui.search.query import MAX_QUERY_CHARS, MAX_TERM_CHARS, MAX_TERMS, parse_query
from zimao_tui.search.search import SearchIndex, build_index
from zimao_tui.store import statefile
from zimao_tui.store.bookmarks import BookmarkStore
from zimao_tui.store.config import load_config
from zimao_tui.store.history import SearchHistory
from zimao_tui.ui.theming import load_themes

DEEP_TOML = "x = " + "[" * 900 + "]" * 900 + "\n"
DEEP_JSON = "[" * 900 + "]" * 900


@pytest.fixture(scope="module")
def index(bundled: Report) -> SearchIndex:
    return build_index([bundled])


@pytest.fixture(autouse=True)
def chinese() -> None:
    set_language("zh")


# --- item 3: queries that cost too much ---------------------------------------------------


def test_long_run_of_letters_is_answered(index: SearchIndex) -> None:
    """``a`` x 1,000 raised RecursionError in the pinyin splitter."""
    results = index.search("a" * 1000)
    assert results.capped
    assert list(results) == []


def test_pinyin_split_is_iterative(index: SearchIndex) -> None:
    """The splitter itself copes with a cut of 1,000 chunks (no recursion per chunk)."""
    splits = index._split_pinyin("a" * 1000)
    assert splits == [("a",) * 1000]
    assert index._split_pinyin("zhishicq") == [("zhi", "shi", "c", "q")]


def test_long_pinyin_still_finds_mixed_pinyin(index: SearchIndex) -> None:
    assert "2.4.1" in [h.measure.id for h in index.search("zhishicq")[:3]]


def test_repeated_word_paste_is_capped_and_still_right(index: SearchIndex) -> None:
    """``知识产权`` x 2,500: one 64-character word of the same four characters, which the word
    and typo matchers must bound; every hit really contains the word."""
    results = index.search("知识产权" * 2500, limit=500)
    assert results.capped and results
    assert all("知识产权" in hit.measure.text for hit in results)


def test_query_caps(index: SearchIndex) -> None:
    """Characters, words and word length are capped; ``Query.capped`` says so."""
    query = parse_query("知识产权" * 2500)
    assert query.capped
    assert [len(t.text) for g in query.groups for t in g] == [MAX_TERM_CHARS]
    many = parse_query(" ".join(f"w{i}" for i in range(100)))
    assert many.capped and sum(len(g) for g in many.groups) == MAX_TERMS
    assert not parse_query("知识产权 证券化").capped
    assert parse_query("x" * (MAX_QUERY_CHARS + 1)).capped


def test_repeated_negation_is_one_term(index: SearchIndex) -> None:
    """``!知识 `` x 2,000 is ``!知识``: the same answer as the word once, and capped."""
    query = parse_query("!知识 " * 2000)
    assert query.groups == parse_query("!知识").groups
    hostile = index.search("!知识 " * 2000, limit=500)
    plain = index.search("!知识", limit=500)
    assert hostile.capped and not plain.capped
    assert [h.measure.id for h in hostile] == [h.measure.id for h in plain]
    assert all("知识" not in h.measure.text for h in hostile)


def test_long_pasted_measure_still_found(index: SearchIndex, bundled: Report) -> None:
    """A pasted paragraph longer than the caps finds its measure by its start."""
    measure = max(
        (m for m in bundled.measures() if not any(c.isspace() for c in m.text)), key=lambda m: len(m.text)
    )
    assert len(measure.text) > MAX_TERM_CHARS
    results = index.search(measure.text * 30)
    assert results.capped
    assert results[0].measure.id == measure.id


def test_search_cli_long_query(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "a" * 1000, "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert "查询过长" in captured.err


def test_stdin_goes_on_after_hostile_lines(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long query, then a line past MAX_LINE: each answered (one line of output each), and
    the queries after them too."""
    lines = ["a" * 1000, "blg", "x" * (MAX_LINE * 3), "zobl"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["search", "--stdin", "--json", "--limit", "1"]) == 0
    captured = capsys.readouterr()
    answers = [json.loads(line) for line in captured.out.splitlines()]
    assert [[h["id"] for h in a] for a in answers] == [[], ["5.3.9"], [], ["5.3.8"]]
    assert "第 3 行超过" in captured.err


def test_stdin_without_line_end_stops(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``</dev/zero``: an endless line stops the input with one message, exit 2, bounded memory."""

    class Zero(io.TextIOBase):
        def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
            return "\0" * (size if size and size > 0 else 1)

    monkeypatch.setattr(sys, "stdin", Zero())
    assert main(["search", "--stdin", "--json"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "停止读取" in err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_installed_command_on_dev_zero_stdin_stops(tmp_path: Path) -> None:
    """The real thing: ``search --stdin </dev/zero`` grew to 4 GB; now one line and exit 2."""
    import shutil
    import subprocess

    command = Path(sys.executable).parent / "zimao-tui"
    found = str(command) if command.exists() else shutil.which("zimao-tui")
    assert found, "the zimao-tui command is not installed"
    with open("/dev/zero", "rb") as zero:
        out = subprocess.run(
            [found, "search", "--stdin", "--json"], stdin=zero, capture_output=True, timeout=120, check=False
        )
    assert out.returncode == 2
    assert out.stderr.decode().count("\n") == 1 and b"Traceback" not in out.stderr


# --- item 5: nesting too deep --------------------------------------------------------------


def test_deep_config_is_a_damaged_file(user_dirs: dict[str, Path]) -> None:
    path = user_dirs["config"] / "config.toml"
    path.parent.mkdir(parents=True)
    path.write_text('lang = "en"\n' + DEEP_TOML, encoding="utf-8")
    config, warnings = load_config(path)
    assert not config.writable and config.lang == "zh"
    assert len(warnings) == 1 and "TOML" in str(warnings[0])


def test_moderately_deep_config_is_refused_before_saving_could_overflow(user_dirs: dict[str, Path]) -> None:
    """300 levels parse, but tomli_w would recurse through them when the theme is saved."""
    path = user_dirs["config"] / "config.toml"
    path.parent.mkdir(parents=True)
    path.write_text("x = " + "[" * 300 + "]" * 300 + "\n", encoding="utf-8")
    config, warnings = load_config(path)
    assert not config.writable and warnings


def test_deep_bookmarks_are_set_aside(user_dirs: dict[str, Path]) -> None:
    path = user_dirs["data"] / "bookmarks.toml"
    path.parent.mkdir(parents=True)
    path.write_text(DEEP_TOML, encoding="utf-8")
    seen: list[str] = []
    store = BookmarkStore(path, on_warning=lambda n: seen.append(str(n)))
    assert store.bookmarks == [] and not store.read_only
    assert not path.exists()
    assert list(path.parent.glob("bookmarks.toml.corrupt-*"))
    assert seen and "嵌套" in seen[0]


def test_deep_theme_is_skipped(user_dirs: dict[str, Path]) -> None:
    folder = user_dirs["config"] / "themes"
    folder.mkdir(parents=True)
    (folder / "deep.toml").write_text('name = "deep"\nprimary = "#112233"\n' + DEEP_TOML, encoding="utf-8")
    themes, failures = load_themes()
    assert "deep" not in {t.name for t in themes} and "zimao-paper" in {t.name for t in themes}
    assert len(failures) == 1 and failures[0].startswith("deep.toml")


def test_deep_history_is_ignored_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "search_history.json"
    path.write_text(DEEP_JSON, encoding="utf-8")
    history = SearchHistory(path)
    assert history.entries == []
    assert history.warning is not None and "JSON" in str(history.warning)


def test_loads_json_depth() -> None:
    assert statefile.loads_json("[[1]]") == [[1]]
    with pytest.raises(json.JSONDecodeError):
        statefile.loads_json("[" * 100 + "]" * 100)
    with pytest.raises(json.JSONDecodeError):
        statefile.loads_json(DEEP_JSON * 30, depth=None)  # the parser's own limit


# --- item 6: special and huge files ---------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_fifo_report_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A FIFO with no writer blocked ``open`` forever; now one line and exit 2."""
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    assert main(["outline", "--report", str(fifo)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "不是普通文件" in err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_device_report_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", "--report", "/dev/zero"]) == 2
    assert "不是普通文件" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_fifo_theme_is_skipped(user_dirs: dict[str, Path]) -> None:
    folder = user_dirs["config"] / "themes"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "x.toml")
    themes, failures = load_themes()
    assert themes and len(failures) == 1 and failures[0].startswith("x.toml")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_fifo_config_and_history(user_dirs: dict[str, Path], tmp_path: Path) -> None:
    config_path = tmp_path / "config.toml"
    os.mkfifo(config_path)
    config, warnings = load_config(config_path)
    assert not config.writable and warnings
    history_path = tmp_path / "search_history.json"
    os.mkfifo(history_path)
    history = SearchHistory(history_path)
    assert history.entries == [] and history.warning is not None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_fifo_bookmarks_file_opens_read_only(tmp_path: Path) -> None:
    """Reading a FIFO blocked; now the store says it cannot read the file and never writes it."""
    path = tmp_path / "bookmarks.toml"
    os.mkfifo(path)
    seen: list[str] = []
    store = BookmarkStore(path, on_warning=lambda n: seen.append(str(n)))
    assert store.read_only and store.bookmarks == []
    assert seen and "不是普通文件" in seen[0]


def test_report_over_the_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above the cap: a clear message naming the limit (the cap itself is 200 MB)."""
    path = tmp_path / "big.txt"
    path.write_text("一、标题\n" + "这是一条措施。" * 100, encoding="utf-8")
    monkeypatch.setattr("zimao_tui.document.parse.MAX_REPORT_BYTES", 1024)
    with pytest.raises(ReportError, match="文件太大"):
        load_report(path)
    assert statefile.MAX_REPORT_BYTES >= 4 * 50 * 1000 * 1000


def test_read_bytes_stops_at_the_limit_while_reading(tmp_path: Path) -> None:
    """A file that grows past the limit after the size check is still refused."""
    path = tmp_path / "f"
    path.write_bytes(b"x" * 100)
    assert statefile.read_bytes(path, 100) == b"x" * 100
    with pytest.raises(statefile.FileTooLarge):
        statefile.read_bytes(path, 99)
    with pytest.raises(IsADirectoryError):
        statefile.read_bytes(tmp_path, 99)
