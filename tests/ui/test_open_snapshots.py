"""Snapshots of the open dialog (issue 15) at 80x24 and 200x50, in both languages' layout.

The folder is built in tmp_path with HOME pointed at its parent, so the title reads
``~/reports`` on every machine; a reading state names it as the last folder.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from app_fixtures import app_env, make_app, wait_ready  # noqa: F401  (app_env is a fixture)
from textual.pilot import Pilot

from zimao_tui.document.report import Report
from zimao_tui.paths import data_dir

pytestmark = pytest.mark.usefixtures("app_env")

SIZES = [(80, 24), (200, 50)]
DOCS = Path(__file__).parents[1] / "documents"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    root = tmp_path / "reports"
    (root / "2025").mkdir(parents=True)
    (root / "laws").mkdir()
    for name in ("01-gwr-national-2025.txt", "12-ftz-measures-guofa-2018-38.txt"):
        (root / name).write_bytes((DOCS / name).read_bytes())
    (root / "notes.md").write_text("一、说明\n这是一条说明。\n", encoding="utf-8")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    state = data_dir() / "reading.json"
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text(json.dumps({"schema_version": 1, "last_folder": str(root)}), encoding="utf-8")
    return root


async def open_dialog(pilot: Pilot[None]) -> None:
    await wait_ready(pilot)
    await pilot.press("o")
    for _ in range(10):
        await pilot.pause(0.05)
    await pilot.press("down", "down", "down")  # 2025, laws, then the first report
    await pilot.pause(0.1)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_open_dialog(snap_compare, bundled: Report, folder: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app([bundled]), terminal_size=size, run_before=open_dialog)
