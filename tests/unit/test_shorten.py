"""One way to cut a label short: at most ``limit`` characters, "…" last when cut."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zimao_tui.document.shorten import shorten
from zimao_tui.ui.text.snippets import excerpt


def test_boundaries() -> None:
    assert shorten("知识产权", 4) == "知识产权"
    assert shorten("知识产权质押", 4) == "知识产…"
    assert shorten("", 3) == ""


@given(st.text(), st.integers(1, 60))
def test_never_longer_than_the_limit_and_a_prefix(text: str, limit: int) -> None:
    cut = shorten(text, limit)
    assert len(cut) <= limit
    assert cut == text or (cut.endswith("…") and text.startswith(cut[:-1]))


def test_excerpt_is_one_line() -> None:
    assert excerpt("第一行\n  第二行", 40) == "第一行 第二行"
