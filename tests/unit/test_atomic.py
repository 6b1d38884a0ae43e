"""Atomic writes leave the old file or the new one, never a temp file or half a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from zimao_tui.store import atomic
from zimao_tui.store.atomic import atomic_write_text


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "f.toml"
    atomic_write_text(target, "一")
    target.chmod(0o600)
    atomic_write_text(target, "二")
    assert target.read_text(encoding="utf-8") == "二"
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["f.toml"]


def test_failure_keeps_old_file_and_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "f.toml"
    atomic_write_text(target, "old")

    def boom(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.toml"]
