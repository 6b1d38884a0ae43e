"""A new library holds the bundled report (issue 17): read at the first ``zimao-tui library``,
gone for good once removed, never brought back by a rebuild or a repair."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zimao_tui.cli import main
from zimao_tui.paths import bundled_report
from zimao_tui.store.library import Library
from zimao_tui.store.library_probe import holds_more_than_bundled, store_path

TITLE = "武汉自贸片区高质量发展创新举措"


@pytest.fixture(autouse=True)
def seeded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Undo conftest's empty-library default: this is the user's first library."""
    monkeypatch.delenv("ZIMAO_TUI_EMPTY_LIBRARY")


def reports(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    assert main(["library", "--json"]) == 0
    return json.loads(capsys.readouterr().out)["reports"]  # type: ignore[no-any-return]


def test_a_fresh_library_lists_the_bundled_report_read(capsys: pytest.CaptureFixture[str]) -> None:
    [entry] = reports(capsys)
    assert entry["title"] == TITLE and entry["date"] == "2022-07-05" and entry["measures"] == 126
    assert entry["state"] == "present" and entry["path"] == str(bundled_report())
    assert capsys.readouterr().err == ""  # quietly
    assert main(["library"]) == 0
    out = capsys.readouterr().out
    assert TITLE in out and "126" in out and "报告库是空的" not in out


def test_plain_zimao_tui_still_opens_the_bundled_report(capsys: pytest.CaptureFixture[str]) -> None:
    reports(capsys)
    assert store_path().is_file() and not holds_more_than_bundled(store_path(), bundled_report())


def test_the_app_reads_the_seeded_report_as_pending() -> None:
    from zimao_tui.store.shelf import files_to_index

    with Library() as library:  # opened by the app: nothing read yet, the catalogue reads it
        assert [(e.path, e.state) for e in library.entries()] == [(str(bundled_report()), "pending")]
        assert files_to_index(library) == [(str(bundled_report()), None)]


def test_removed_it_stays_gone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    [entry] = reports(capsys)
    assert main(["remove", str(entry["id"])]) == 0
    capsys.readouterr()
    assert reports(capsys) == []  # re-opened
    assert main(["add"]) == 0  # a plain add (a rescan) does not bring it back
    capsys.readouterr()
    assert reports(capsys) == []
    other = tmp_path / "other.txt"
    other.write_bytes(bundled_report().read_bytes())
    assert main(["add", str(other), "--jobs", "1"]) == 0
    capsys.readouterr()
    assert [r["path"] for r in reports(capsys)] == [str(other.resolve())]


def test_rebuilds_and_repairs_do_not_bring_it_back(capsys: pytest.CaptureFixture[str]) -> None:
    [entry] = reports(capsys)
    assert main(["remove", str(entry["id"])]) == 0
    capsys.readouterr()
    with Library() as library:
        library.db.execute("PRAGMA user_version = 0")  # a store of another version: rebuilt
    assert reports(capsys) == []
    capsys.readouterr()
    store_path().write_bytes(b"not a database" * 100)  # damaged: rebuilt from library.list.json
    assert reports(capsys) == []
    for name in ("library.sqlite3", "library.sqlite3-wal", "library.sqlite3-shm"):
        (store_path().parent / name).unlink(missing_ok=True)  # the store lost, its list kept
    assert reports(capsys) == []


def test_an_empty_library_on_request(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ZIMAO_TUI_EMPTY_LIBRARY", "1")
    assert reports(capsys) == []
