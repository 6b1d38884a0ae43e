"""The sanitiser every display of untrusted text goes through (zimao_tui.document.inert)."""

from __future__ import annotations

import json

from hostile import EVERY_CONTROL, hostile_text
from hypothesis import given

from zimao_tui.document.inert import REPLACEMENT, UNSAFE, inert, json_escape_controls


def test_the_unsafe_set_is_exactly_c0_del_c1_and_bidi() -> None:
    assert set(EVERY_CONTROL) == UNSAFE
    assert "\t" not in UNSAFE and "\n" not in UNSAFE


def test_controls_become_control_pictures() -> None:
    assert inert("a\x1b]52;c;QUJD\x1b\\b") == "a␛]52;c;QUJD␛\\b"
    assert inert("\x1b]0;title\x07") == "␛]0;title␇"
    assert inert("\x00\x08\x0d\x7f") == "␀␈␍␡"


def test_c1_and_bidi_become_the_replacement_character() -> None:
    assert inert("\x9b31m红\x9b0m") == f"{REPLACEMENT}31m红{REPLACEMENT}0m"
    assert inert("abc\u202edef\u2066x\u2069") == f"abc{REPLACEMENT}def{REPLACEMENT}x{REPLACEMENT}"


def test_tab_newline_and_ordinary_text_are_kept() -> None:
    text = "一、改革创新\t(一)全面深化\n“三区联动”[bold]《上市十条》"
    assert inert(text) is text  # nothing to replace: the very same string, no copy


@given(hostile_text)
def test_inert_output_has_no_unsafe_character_and_keeps_every_offset(text: str) -> None:
    out = inert(text)
    assert not UNSAFE & set(out)
    assert len(out) == len(text)  # one for one: search and figure spans still fit
    assert all(a == b for a, b in zip(text, out, strict=True) if a not in UNSAFE)
    assert inert(out) == out


@given(hostile_text, hostile_text)
def test_inert_can_be_applied_piece_by_piece(a: str, b: str) -> None:
    assert inert(a + b) == inert(a) + inert(b)


@given(hostile_text)
def test_json_keeps_the_exact_text_and_writes_no_control_raw(text: str) -> None:
    for indent in (None, 2):
        out = json_escape_controls(json.dumps({"text": [text]}, ensure_ascii=False, indent=indent))
        assert json.loads(out) == {"text": [text]}
        assert not UNSAFE & set(out)


def test_json_escapes_what_json_dumps_leaves_raw() -> None:
    raw = json.dumps("\x7f\x9b\u202e", ensure_ascii=False)
    assert "\x9b" in raw  # json.dumps alone writes C1 raw
    assert json_escape_controls(raw) == '"\\u007f\\u009b\\u202e"'
