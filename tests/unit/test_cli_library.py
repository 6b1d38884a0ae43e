"""``zimao-tui add``, ``library``, ``remove`` and ``search --library``, run as a script would."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from zimao_tui.cli import main
from zimao_tui.paths import bundled_report

TITLE = "武汉自贸片区高质量发展创新举措"
NOTICE = Path(__file__).parent.parent / "documents" / "12-ftz-measures-guofa-2018-38.txt"


def listing(capsys: pytest.CaptureFixture[str]) -> dict[str, list[dict[str, object]]]:
    assert main(["library", "--json"]) == 0
    value = json.loads(capsys.readouterr().out)
    assert list(value) == ["reports", "watched"]
    return value  # type: ignore[no-any-return]


def catalogue(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    return listing(capsys)["reports"]


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(bundled_report(), reports / "wuhan.txt")
    shutil.copy(NOTICE, reports / "notice.txt")
    return reports


def test_add_a_folder_then_list_it(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert catalogue(capsys) == []
    assert main(["add", str(folder), "--jobs", "1"]) == 0
    out = capsys.readouterr()
    assert "读入 2 份" in out.out and "读入报告" not in out.err  # no progress bar when not a terminal
    notice, wuhan = catalogue(capsys)  # a folder's files in name order
    assert wuhan == {
        "id": 2, "title": TITLE, "date": "2022-07-05", "issuer": None, "doc_number": None, "kind": "txt",
        "measures": 126, "size": (folder / "wuhan.txt").stat().st_size, "state": "present",
        "path": str((folder / "wuhan.txt").resolve()), "error": None,
    }  # fmt: skip
    assert (notice["issuer"], notice["doc_number"]) == ("国务院", "国发〔2018〕38号")
    assert main(["library"]) == 0
    table = capsys.readouterr().out
    assert TITLE in table and "国发" not in table and "2018-11-07" in table and "共 2 份报告" in table


def test_add_again_reads_nothing_and_missing_stays_listed(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["add", str(folder), "--jobs", "1"]) == 0
    assert main(["add", "--jobs", "1"]) == 0
    assert "读入 0 份，未变 0 份" in capsys.readouterr().out
    (folder / "notice.txt").unlink()
    assert main(["add"]) == 0
    capsys.readouterr()
    states = {e["path"]: e["state"] for e in catalogue(capsys)}
    assert states[str((folder / "notice.txt").resolve())] == "missing"


def test_remove_by_id_and_path(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["add", str(folder), "--jobs", "1"]) == 0
    capsys.readouterr()
    assert main(["remove", "1"]) == 0
    assert "移除 1 份" in capsys.readouterr().out
    assert main(["remove", str(folder / "wuhan.txt")]) == 0
    capsys.readouterr()
    assert catalogue(capsys) == []


def test_remove_unknown_changes_nothing(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["add", str(folder), "--jobs", "1"]) == 0
    capsys.readouterr()
    assert main(["remove", "1", "99"]) == 2
    assert "报告库中没有：99" in one_line_error(capsys)
    assert len(catalogue(capsys)) == 2


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda p: p / "nope.txt", "nope.txt"),
        (lambda p: (p / "blob.txt").write_bytes(bytes(range(256)) * 8) and p / "blob.txt", "blob.txt"),
        (lambda p: (p / "empty").mkdir() or p / "empty", "empty"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, says: str
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    assert main(["add", str(path), "--jobs", "1"]) == 2
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line]
    assert len(lines) == 1 and says in lines[0] and "Traceback" not in err, err
    assert catalogue(capsys) == []  # a file named on its own that fails is not kept


def test_bad_file_in_a_folder_is_listed_unreadable(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "blob.txt").write_bytes(bytes(range(256)) * 8)
    assert main(["add", str(folder), "--jobs", "1"]) == 0
    assert "blob.txt" in capsys.readouterr().err
    states = {Path(str(e["path"])).name: e["state"] for e in catalogue(capsys)}
    assert states == {"blob.txt": "unreadable", "notice.txt": "present", "wuhan.txt": "present"}


def test_search_library(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "知识产权证券化", "--library"]) == 2
    assert "报告库是空的" in one_line_error(capsys)
    assert main(["add", str(folder), "--jobs", "1"]) == 0
    capsys.readouterr()
    # Both say it: the notice's (三十六) 支持…开展知识产权证券化试点 (4.8.1, its file listed first)
    # and Wuhan's 2.4.1 依托武汉知识产权交易所,持续开展知识产权证券化交易…
    assert main(["search", "知识产权证券化", "--library", "--json"]) == 0
    first, second = json.loads(capsys.readouterr().out)[:2]
    assert (first["id"], first["report"]) == ("4.8.1", str((folder / "notice.txt").resolve()))
    assert (second["id"], second["report"]) == ("2.4.1", str((folder / "wuhan.txt").resolve()))
    assert second["text"].startswith("依托武汉知识产权交易所")
    # the 2018 notice's (四十二) allows 境外证券投资; Wuhan's report never says 境外
    assert main(["search", "'境外证券投资", "--library", "--json"]) == 0
    [hit] = json.loads(capsys.readouterr().out)
    assert hit["report"] == str((folder / "notice.txt").resolve()) and "开展境外证券投资" in hit["text"]


def test_search_library_and_report_together_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["search", "x", "--library", "--report", str(bundled_report())])
    assert exc.value.code == 2
    assert "--library" in capsys.readouterr().err


def test_add_uses_worker_processes_and_is_quiet_when_piped(folder: Path) -> None:
    """The installed command with its default pool (one process per core), piped."""
    proc = subprocess.run(
        [sys.executable, "-m", "zimao_tui", "add", str(folder)], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "" and "读入 2 份" in proc.stdout
    listed = subprocess.run(
        [sys.executable, "-m", "zimao_tui", "library", "--json"], capture_output=True, text=True, timeout=60
    )
    assert [e["state"] for e in json.loads(listed.stdout)["reports"]] == ["present", "present"]


def test_help_names_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert all(name in out for name in ("add", "library", "remove"))


def test_add_a_folder_watches_it_and_a_plain_add_rescans(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["add", str(folder), "--jobs", "1"]) == 0
    capsys.readouterr()
    assert listing(capsys)["watched"] == [
        {
            "path": str(folder.resolve()),
            "added": listing(capsys)["watched"][0]["added"],
            "exists": True,
            "ignored": [],
        }
    ]
    shutil.copy(bundled_report(), folder / "later.txt")
    assert main(["add", "--jobs", "1"]) == 0
    out = capsys.readouterr()
    assert "读入 1 份，未变 0 份" in out.out and "有 1 个新文件" in out.err
    paths = [Path(str(e["path"])).name for e in catalogue(capsys)]
    assert paths == ["notice.txt", "wuhan.txt", "later.txt"]
    assert main(["add", "--jobs", "1"]) == 0
    assert "读入 0 份，未变 0 份" in capsys.readouterr().out  # nothing twice
    assert main(["library"]) == 0
    table = capsys.readouterr().out
    assert "关注的文件夹" in table and str(folder.resolve()) in table
    (folder / "later.txt").rename(folder / "renamed.txt")
    assert main(["add", "--jobs", "1"]) == 0
    out = capsys.readouterr()
    assert "读入 0 份" in out.out and "1 份报告的文件改了名" in out.err
    assert [Path(str(e["path"])).name for e in catalogue(capsys)] == [
        "notice.txt",
        "wuhan.txt",
        "renamed.txt",
    ]


def test_no_watch_and_files_are_not_watched(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["add", str(folder), "--no-watch", "--jobs", "1"]) == 0
    assert main(["add", str(NOTICE), "--jobs", "1"]) == 0
    capsys.readouterr()
    assert listing(capsys)["watched"] == []
    shutil.copy(bundled_report(), folder / "later.txt")
    assert main(["add", "--jobs", "1"]) == 0
    assert "读入 0 份" in capsys.readouterr().out and len(catalogue(capsys)) == 3
    assert main(["remove", str(folder)]) == 0  # a folder of reports, even unwatched
    assert "移除 2 份" in capsys.readouterr().out
    assert [Path(str(e["path"])).name for e in catalogue(capsys)] == [NOTICE.name]


def test_remove_a_file_of_a_watched_folder_keeps_it_out(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["add", str(folder), "--jobs", "1"]) == 0
    assert main(["remove", str(folder / "notice.txt")]) == 0
    os.utime(folder / "notice.txt", ns=(7, 8))
    assert main(["add", "--jobs", "1"]) == 0
    capsys.readouterr()
    state = listing(capsys)
    assert [Path(str(e["path"])).name for e in state["reports"]] == ["wuhan.txt"]
    assert state["watched"][0]["ignored"] == [str((folder / "notice.txt").resolve())]
    assert main(["add", str(folder), "--jobs", "1"]) == 0  # the folder again: still out
    capsys.readouterr()
    assert [Path(str(e["path"])).name for e in catalogue(capsys)] == ["wuhan.txt"]
    assert main(["add", str(folder / "notice.txt"), "--jobs", "1"]) == 0  # named: taken back in
    capsys.readouterr()
    state = listing(capsys)
    assert len(state["reports"]) == 2 and state["watched"][0]["ignored"] == []


def test_remove_a_watched_folder_stops_watching_it(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["add", str(folder), "--jobs", "1"]) == 0
    assert main(["add", str(NOTICE), "--jobs", "1"]) == 0
    capsys.readouterr()
    assert main(["remove", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "不再关注 1 个文件夹" in out and "移除 2 份" in out
    state = listing(capsys)
    assert state["watched"] == [] and [Path(str(e["path"])).name for e in state["reports"]] == [NOTICE.name]
    shutil.copy(bundled_report(), folder / "later.txt")
    assert main(["add", "--jobs", "1"]) == 0
    assert "读入 0 份" in capsys.readouterr().out


def test_library_json_in_english_names_the_same_keys(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["add", str(folder), "--jobs", "1", "--lang", "en"]) == 0
    assert "2 read" in capsys.readouterr().out
    assert main(["library", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "watched folders" in out and "2 reports" in out


def test_damage_met_in_use_is_one_line_exit_2_then_rebuilt(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from zimao_tui.store.library import library_path

    assert main(["add", str(folder), "--jobs", "1"]) == 0
    capsys.readouterr()
    path = library_path()
    db = sqlite3.connect(path)
    page = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'measures'").fetchone()[0]
    size = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    with path.open("r+b") as f:
        f.seek((page - 1) * size)
        f.write(b"\xff" * size)
    assert main(["search", "知识产权证券化", "--library", "--lang", "en"]) == 2
    err = one_line_error(capsys)
    assert "the library file failed" in err and "library.list.json" in err
    assert main(["library", "--json"]) == 0
    captured = capsys.readouterr()
    assert "library.list.json" in captured.err and captured.err.count("\n") == 1
    assert [e["state"] for e in json.loads(captured.out)["reports"]] == ["pending", "pending"]
    assert main(["add", "--jobs", "1"]) == 0
    assert "读入 2 份" in capsys.readouterr().out
    assert list(path.parent.glob("library.sqlite3.corrupt-*"))  # set aside, never deleted


def test_two_adds_at_once_read_each_report_once(folder: Path) -> None:
    """The second ``add`` waits for the first's lock (saying so), then finds nothing left."""
    for k in range(4):
        (folder / f"copy{k}.txt").write_text(
            bundled_report().read_text(encoding="utf-8").replace("武汉", "南京", k + 1), encoding="utf-8"
        )
    command = [sys.executable, "-m", "zimao_tui", "add", str(folder), "--jobs", "1"]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    outs = [p.communicate(timeout=300) for p in (first, second)]
    assert [p.returncode for p in (first, second)] == [0, 0], outs
    read = [int(re.findall(r"\d+", out)[0]) for out, _ in outs]
    assert sum(read) == 6 and 0 in read, outs  # each report read by exactly one of them
    waited = [err for _, err in outs if err]
    assert all("另一个 zimao-tui 正在读入" in err and err.count("\n") == 1 for err in waited), outs


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("lang", "rate"), [("zh", "份/秒"), ("en", "/s")])
def test_progress_on_a_terminal_shows_rate_and_time_left(
    monkeypatch: pytest.MonkeyPatch, lang: str, rate: str
) -> None:
    from zimao_tui.cli.add import progress_bar
    from zimao_tui.i18n import set_language

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    set_language(lang)  # type: ignore[arg-type]
    try:
        with progress_bar(4) as bar:
            assert bar is not None
            for done in range(1, 5):
                time.sleep(0.02)
                bar(done, 4)
    finally:
        set_language("zh")
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", terminal.getvalue())
    assert "4/4" in shown and rate in shown
    assert re.search(r"\d:\d\d:\d\d", shown)  # the time left


@pytest.mark.parametrize(
    ("error", "says", "marked"),
    [
        (sqlite3.OperationalError("database or disk is full"), "无法使用", False),
        (sqlite3.OperationalError("disk I/O error"), "无法使用", False),
        (sqlite3.OperationalError("database is locked"), "长时间占用", False),
        (sqlite3.DatabaseError("database disk image is malformed"), "下次运行时会检查", True),
    ],
)
def test_sqlite_failures_in_use_are_one_line_and_exit_2(
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    error: sqlite3.DatabaseError,
    says: str,
    marked: bool,
) -> None:
    """Only damage marks the store for a check; a full disk or a lock only says so."""
    from zimao_tui.store.library import Library, library_path

    assert main(["add", str(folder), "--jobs", "1"]) == 0
    capsys.readouterr()

    def fail(*_: object, **__: object) -> None:
        raise error

    monkeypatch.setattr(Library, "entries", fail)
    assert main(["library"]) == 2
    assert says in one_line_error(capsys)
    assert library_path().with_name("library.sqlite3.check").exists() is marked


def test_a_data_folder_that_cannot_be_made_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "afile").write_text("", encoding="utf-8")
    monkeypatch.setenv("ZIMAO_TUI_DATA_DIR", str(tmp_path / "afile" / "data"))
    assert main(["library", "--lang", "en"]) == 2
    assert "the library file cannot be used" in one_line_error(capsys)
