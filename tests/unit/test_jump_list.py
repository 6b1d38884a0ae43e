"""The jump list behind ctrl+o / forward: vim's order of places, with no app."""

from __future__ import annotations

from zimao_tui.ui.screens.jump_list import JumpList, Place


def test_back_returns_where_each_jump_left_newest_first() -> None:
    jumps: JumpList[str] = JumpList()
    jumps.record("A")  # A -> B
    jumps.record("B")  # B -> C
    assert jumps.back("C") == "B"
    assert jumps.back("B") == "A"
    assert jumps.back("A") is None  # the oldest: nothing moves


def test_forward_retraces_back_to_the_place_back_started_from() -> None:
    jumps: JumpList[str] = JumpList()
    jumps.record("A")
    jumps.record("B")
    assert jumps.back("C") == "B"
    assert jumps.back("B") == "A"
    assert jumps.forward() == "B"
    assert jumps.forward() == "C"
    assert jumps.forward() is None


def test_nothing_recorded_goes_nowhere() -> None:
    jumps: JumpList[str] = JumpList()
    assert jumps.back("A") is None
    assert jumps.forward() is None


def test_a_jump_after_going_back_drops_the_places_ahead() -> None:
    jumps: JumpList[str] = JumpList()
    jumps.record("A")
    jumps.record("B")
    assert jumps.back("C") == "B"
    jumps.record("B")  # from B, jump to D
    assert jumps.forward() is None  # C is gone, as in a browser
    assert jumps.back("D") == "B"
    assert jumps.back("B") == "A"


def test_the_same_place_twice_in_a_row_is_kept_once() -> None:
    jumps: JumpList[str] = JumpList()
    jumps.record("A")
    jumps.record("A")
    assert jumps.places == ["A"]


def test_back_from_the_place_last_recorded_skips_it() -> None:
    jumps: JumpList[str] = JumpList()
    jumps.record("A")
    jumps.record("B")  # jumped from B, then walked back to B with the arrows
    assert jumps.back("B") == "A"


def test_oldest_places_are_forgotten_past_the_limit() -> None:
    jumps: JumpList[int] = JumpList(limit=3)
    for place in range(5):
        jumps.record(place)
    assert jumps.places == [2, 3, 4]


def test_places_compare_by_value() -> None:
    jumps: JumpList[Place] = JumpList()
    jumps.record(Place(0, "1.2.3"))
    jumps.record(Place(0, "1.2.3"))
    assert jumps.back(Place(1, "")) == Place(0, "1.2.3")
