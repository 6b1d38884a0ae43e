"""``search --report DIR`` over twenty files or more goes through the library store
(cli/stored.py): the same hits as the in-memory search, each file read once, never a member."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zimao_tui.cli import main, stored
from zimao_tui.paths import bundled_report
from zimao_tui.search import library_search
from zimao_tui.store.library import Library

CITIES = ["武汉", "成都", "西安", "重庆", "长沙"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Twenty-two varied copies of the bundled report."""
    reports = tmp_path / "reports"
    reports.mkdir()
    source = bundled_report().read_text(encoding="utf-8")
    for k in range(22):
        text = source.replace("武汉", CITIES[k % len(CITIES)]).replace(
            "高质量发展创新举措", f"高质量发展创新举措（第{k}号）", 1
        )
        (reports / f"copy-{k:02d}.txt").write_text(text, encoding="utf-8")
    return reports


def hits(capsys: pytest.CaptureFixture[str], *argv: str) -> list[tuple[str, str, float, str]]:
    assert main(["search", *argv, "--json", "--limit", "1000"]) == 0
    rows = json.loads(capsys.readouterr().out)
    return sorted(
        (str(Path(h["report"]).resolve()), h["id"], h["score"], json.dumps(h["spans"])) for h in rows
    )


@pytest.mark.parametrize("query", ["知识产权证券化", "zscq", "光谷 !科技", "跨竟电商", "ggkjzl"])
def test_same_hits_as_the_in_memory_search(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    """Every hit (``--limit 1000``, the broad pass's cap lifted: it bounds the cost, and
    test_library_search covers it) with its score and spans."""
    monkeypatch.setattr(library_search, "BROAD_CANDIDATES", 10**6)
    got = hits(capsys, query, "--report", str(folder))
    assert got
    monkeypatch.setattr(stored, "STORED_FROM", 10**6)
    assert got == hits(capsys, query, "--report", str(folder))


def test_files_are_read_once_and_stay_out_of_the_library(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hits(capsys, "知识产权", "--report", str(folder))
    with Library() as library:
        files = sorted(folder.resolve().iterdir())
        assert library.stale(files, members_only=False) == []  # read before: nothing to read
        assert library.entries() == []  # opened by name: not members
        assert len(library.entries(members_only=False)) == 22
    (folder / "copy-03.txt").write_text(
        bundled_report().read_text(encoding="utf-8").replace("知识产权证券化", "鲲鹏证券化"), encoding="utf-8"
    )
    [hit] = hits(capsys, "鲲鹏证券化", "--report", str(folder))  # a changed file is read again
    assert hit[0].endswith("copy-03.txt")


def test_bad_file_in_the_folder_is_skipped_with_one_line(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "blob.txt").write_bytes(bytes(range(256)) * 40)
    assert main(["search", "知识产权证券化", "--report", str(folder), "--json"]) == 0
    out = capsys.readouterr()
    assert out.err.count("\n") == 1 and "blob.txt" in out.err and "Traceback" not in out.err
    assert json.loads(out.out)


def test_without_a_store_the_files_are_searched_in_memory(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A data folder that cannot hold the store (read-only, full) is no reason to fail."""

    def refuse() -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(stored, "open_library", refuse)
    got = hits(capsys, "知识产权证券化", "--report", str(folder))
    assert len(got) == 22 and {h[1] for h in got} == {"2.4.1"}  # one per copy, as in memory
