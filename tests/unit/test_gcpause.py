"""The collector pauses: restored as found, and the start-up pause ends exactly once."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from zimao_tui.cli import main
from zimao_tui.search.gcpause import collector_paused, end_startup, pause_for_startup


@pytest.fixture(autouse=True)
def restore_gc() -> Iterator[None]:
    yield
    end_startup()
    gc.enable()
    gc.unfreeze()


def test_collector_paused_restores_what_it_found() -> None:
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block found it off and leaves it off
    assert gc.isenabled()
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()  # someone else turned it off: not ours to turn on


def test_collector_paused_restores_after_an_exception() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_startup_pause_freezes_once_and_resumes() -> None:
    frozen = gc.get_freeze_count()
    pause_for_startup()
    assert not gc.isenabled()
    end_startup()
    assert gc.isenabled()
    assert gc.get_freeze_count() > frozen
    again = gc.get_freeze_count()
    end_startup()  # the explorer and launch's finally both call it: the second does nothing
    assert gc.get_freeze_count() == again


def test_end_without_a_pause_leaves_the_collector_alone() -> None:
    frozen = gc.get_freeze_count()
    gc.disable()
    end_startup()
    assert not gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_a_report_that_fails_to_load_still_ends_the_pause(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    assert main([str(missing)]) == 2
    assert gc.isenabled()
