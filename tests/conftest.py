"""Fixtures shared by every test: the user's directories live in tmp_path, never in $HOME."""

from __future__ import annotations

from pathlib import Path

import pytest

from zimao_tui.document.parse import load_report
from zimao_tui.document.report import Report
from zimao_tui.paths import bundled_report

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point data, config and cache directories at tmp_path for every test."""
    dirs = {name: tmp_path / name for name in ("data", "config", "cache", "downloads")}
    for name, path in dirs.items():
        monkeypatch.setenv(f"ZIMAO_TUI_{name.upper()}_DIR", str(path))
    # Tests describe a library the user filled: a new one starts empty, not holding the
    # bundled report (tests/unit/test_library_bundled.py unsets this to test that).
    monkeypatch.setenv("ZIMAO_TUI_EMPTY_LIBRARY", "1")
    return dirs


@pytest.fixture(scope="session")
def bundled() -> Report:
    """The bundled report, parsed once per test session."""
    return load_report(bundled_report())


@pytest.fixture
def data_dir() -> Path:
    """tests/data: small reports and bookmark files."""
    return DATA
