"""``zimao-tui add``, ``library``, ``remove`` and ``search --library``, run as a script would."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from zimao_tui.cli import main
from zimao_tui.paths import bundled_report

TITLE = "武汉自贸片区高质量发展创新举措"
NOTICE = Path(__file__).parent.parent / "documents" / "12-ftz-measures-guofa-2018-38.txt"


def catalogue(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    assert main(["library", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


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
    assert [e["state"] for e in json.loads(listed.stdout)] == ["present", "present"]


def test_help_names_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert all(name in out for name in ("add", "library", "remove"))
