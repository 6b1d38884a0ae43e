"""The native clipboard path: tool choice, timeouts and failures never hang or crash."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from zimao_tui.ui.clipboard import native_command, native_copy


def _fake_tool(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


def test_no_tool_without_a_display(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert native_command() is None


def test_picks_xclip_with_a_display(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _fake_tool(tmp_path, "xclip", "cat >/dev/null")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert native_command() == ["xclip", "-selection", "clipboard", "-in"]


def test_native_copy_sends_utf8(tmp_path: Path) -> None:
    out = tmp_path / "got"
    _fake_tool(tmp_path, "tool", f"cat > {out}")
    native_copy("“知识产权”", [str(tmp_path / "tool")])
    assert out.read_text(encoding="utf-8") == "“知识产权”"


def test_native_copy_times_out_instead_of_hanging(tmp_path: Path) -> None:
    _fake_tool(tmp_path, "slow", "sleep 30")
    with pytest.raises(subprocess.TimeoutExpired):
        native_copy("x", [str(tmp_path / "slow")], timeout=0.3)


def test_native_copy_does_not_wait_for_forked_daemons(tmp_path: Path) -> None:
    # Like xclip: the tool forks a child that outlives it; stdout/stderr are not pipes, so no hang.
    _fake_tool(tmp_path, "forky", "cat >/dev/null; (sleep 30 &) ; exit 0")
    native_copy("x", [str(tmp_path / "forky")], timeout=5)


def test_native_copy_failure_raises(tmp_path: Path) -> None:
    _fake_tool(tmp_path, "bad", "exit 1")
    with pytest.raises(subprocess.CalledProcessError):
        native_copy("x", [str(tmp_path / "bad")])
    assert os.access(tmp_path / "bad", os.X_OK)
