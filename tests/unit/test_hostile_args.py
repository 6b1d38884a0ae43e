"""Command-line text that is not UTF-8 (``--note $'bad\\xff'``): one line, exit 2, nothing saved."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from zimao_tui.cli import main
from zimao_tui.document.report import Report
from zimao_tui.store.bookmarks import BookmarkError, BookmarkStore

BAD = os.fsdecode(b"bad\xff")  # what Python makes of the byte: a lone surrogate


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["--note", BAD], "--note"),
        (["--tag", "好", "--tag", BAD], "--tag"),
        (["--note", "好", "--tag", f"x{BAD}"], "--tag"),
    ],
)
def test_a_note_or_tag_that_is_not_utf8_is_one_line_and_exit_2(
    args: list[str], option: str, user_dirs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["bookmarks", "add", "1.2.2", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"zimao-tui: {option} 不是有效的 UTF-8 文字") and "\\xff" in err
    assert not (user_dirs["data"] / "bookmarks.toml").exists()


def test_from_a_real_command_line(user_dirs: dict[str, Path]) -> None:
    env = {**os.environ, **{f"ZIMAO_TUI_{k.upper()}_DIR": str(v) for k, v in user_dirs.items()}}
    done = subprocess.run(
        [sys.executable, "-m", "zimao_tui", "bookmarks", "add", "1.2.2", "--note", b"bad\xff"],
        capture_output=True,
        env={**env, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr.decode()
    assert done.stderr.decode().count("\n") == 1 and b"UnicodeEncodeError" not in done.stderr


def test_the_store_refuses_text_it_cannot_write_and_keeps_the_file(bundled: Report, tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.toml"
    store = BookmarkStore(path)
    measure = bundled.node("1.2.2")
    store.update(bundled, measure, "好笔记", [])  # type: ignore[arg-type]
    before = path.read_bytes()
    with pytest.raises(BookmarkError):
        store.update(bundled, measure, BAD, [])  # type: ignore[arg-type]
    assert path.read_bytes() == before
    assert not list(tmp_path.glob(".bookmarks.toml.*.tmp"))
