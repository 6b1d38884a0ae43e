"""Files and folders the user may not read: one line on stderr and exit 2, never a traceback.

The tests run as root here, and root reads everything, so each case is provoked twice: by
making the very call that a permission problem breaks raise ``PermissionError`` (works
for anyone), and for real, with the kernel refusing (``chmod 000`` as a normal user, or as
root with the capabilities that override file permissions dropped by ``setpriv``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from zimao_tui.cli import main
from zimao_tui.paths import bundled_report

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def _denied(monkeypatch: pytest.MonkeyPatch, *targets: Path) -> None:
    """Every stat, listing or read of ``targets`` (or anything under them) raises PermissionError,
    as it does for a user without the rights."""
    blocked = [os.path.realpath(t) for t in targets]

    def check(path: object) -> None:
        text = os.fspath(path)  # type: ignore[call-overload]
        for name in (text, os.path.realpath(text)):  # a link into a locked folder is locked too
            if any(name == b or name.startswith(b + os.sep) for b in blocked):
                raise PermissionError(13, "Permission denied", text)

    real_stat, real_listdir, real_scandir, real_open = os.stat, os.listdir, os.scandir, Path.open
    real_os_open = os.open

    def stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        check(path)
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    def listdir(path: object = ".") -> list[str]:
        check(path)
        return real_listdir(path)  # type: ignore[arg-type]

    def scandir(path: object = ".") -> Iterator[os.DirEntry[str]]:
        check(path)
        return real_scandir(path)  # type: ignore[arg-type,return-value]

    def open_(self: Path, *args: object, **kwargs: object) -> object:
        check(self)
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    def os_open(path: object, *args: object, **kwargs: object) -> int:
        check(path)
        return real_os_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(os, "listdir", listdir)
    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "open", open_)


@pytest.fixture
def folders(tmp_path: Path) -> dict[str, Path]:
    """``locked/`` (a folder), ``mixed/`` (a good report, a locked one, a link into a locked folder)."""
    text = bundled_report().read_bytes()
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_bytes(text)
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    (mixed / "a.txt").write_bytes(text)
    (mixed / "b.txt").write_bytes(text)
    (mixed / "link.txt").symlink_to(locked / "x.txt")
    return {"locked": locked, "mixed": mixed, "b": mixed / "b.txt"}


@pytest.mark.parametrize("target", ["locked", "locked/x.txt"])
def test_an_unreadable_folder_or_file_is_one_line_and_exit_2(
    folders: dict[str, Path], target: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _denied(monkeypatch, folders["locked"])
    path = folders["locked"].parent / target
    assert main(["outline", "--report", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"zimao-tui: {path}：无法读取")


def test_in_a_folder_unreadable_entries_are_skipped_with_one_line_each(
    folders: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _denied(monkeypatch, folders["locked"], folders["b"])
    assert main(["outline", "--report", str(folders["mixed"]), "--json"]) == 0
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 2, captured.err
    assert all(line.startswith("zimao-tui: 已跳过：") and "无法读取" in line for line in lines)
    assert "b.txt" in lines[0] and "link.txt" in lines[1]
    assert '"title"' in captured.out  # a.txt opened


def _as_a_user_without_rights() -> list[str]:
    """A prefix that runs a command with file permissions enforced (or skips the test)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot drop the permission override")
    prefix = [setpriv, "--bounding-set", "-dac_override,-dac_read_search"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"setpriv cannot drop capabilities here: {probe.stderr.decode().strip()}")
    return prefix


def test_for_real_with_chmod_000(
    folders: dict[str, Path], user_dirs: dict[str, Path], tmp_path: Path
) -> None:
    prefix = _as_a_user_without_rights()
    folders["locked"].chmod(0)
    folders["b"].chmod(0)
    try:
        env = {**os.environ, **{f"ZIMAO_TUI_{k.upper()}_DIR": str(v) for k, v in user_dirs.items()}}

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [*prefix, sys.executable, "-m", "zimao_tui", *args],
                capture_output=True,
                text=True,
                env=env,
                cwd=tmp_path,
                timeout=60,
                check=False,
            )

        for args in (["outline", "--report", "locked"], ["locked"], ["outline", "--report", "locked/x.txt"]):
            done = run(*args)
            assert done.returncode == 2, done.stderr
            assert done.stderr.count("\n") == 1 and "无法读取" in done.stderr, done.stderr
        done = run("outline", "--report", "mixed")
        assert done.returncode == 0, done.stderr
        assert done.stderr.count("已跳过") == 2 and "Traceback" not in done.stderr, done.stderr
    finally:
        folders["locked"].chmod(0o755)
        folders["b"].chmod(0o644)


@pytest.mark.parametrize("action", [["export"], ["export", "--format", "json"], ["list"], ["list", "--json"]])
def test_bookmarks_export_of_an_unreadable_file_fails_instead_of_printing_nothing(
    action: list[str], user_dirs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    (user_dirs["data"] / "bookmarks.toml").mkdir(parents=True)  # reading it fails, even for root
    assert main(["bookmarks", *action]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""  # a backup script saves nothing rather than an empty list
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("zimao-tui: 无法读取书签文件（") and "没有输出任何书签" in captured.err


@pytest.mark.parametrize("action", [["add", "1.2.2"], ["remove", "1.2.2"]])
def test_bookmarks_changes_to_an_unreadable_file_are_one_line(
    action: list[str], user_dirs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    (user_dirs["data"] / "bookmarks.toml").mkdir(parents=True)
    assert main(["bookmarks", *action]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert captured.err.startswith("zimao-tui: 无法读取书签文件（") and "没有做任何修改" in captured.err


def test_bookmarks_export_of_a_chmod_000_file_fails_for_real(
    user_dirs: dict[str, Path], tmp_path: Path
) -> None:
    prefix = _as_a_user_without_rights()
    env = {**os.environ, **{f"ZIMAO_TUI_{k.upper()}_DIR": str(v) for k, v in user_dirs.items()}}
    assert main(["bookmarks", "add", "1.2.2", "--note", "我的笔记"]) == 0
    path = user_dirs["data"] / "bookmarks.toml"
    path.chmod(0)
    try:
        done = subprocess.run(
            [*prefix, sys.executable, "-m", "zimao_tui", "bookmarks", "export"],
            capture_output=True,
            text=True,
            env={**env, "PYTHONIOENCODING": "utf-8"},
            timeout=60,
            check=False,
        )
    finally:
        path.chmod(0o600)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Permission denied" in done.stderr, done.stderr
    assert "我的笔记" in path.read_text(encoding="utf-8")  # untouched
