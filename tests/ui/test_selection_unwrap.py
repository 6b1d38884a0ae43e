"""Copying a mouse selection over wrapped Chinese text copies the report's text exactly."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Offset
from textual.selection import Selection

from zimao_tui.document.report import Report
from zimao_tui.ui.text.linebreak import unwrap_selection, wrap_content


def test_a_selection_across_a_wrap_point_has_no_newline_there(bundled: Report) -> None:
    text = max((m.text for m in bundled.measures()), key=len)
    width = 20
    drawn = wrap_content(Content(text), width).plain.split("\n")
    assert len(drawn) > 3  # the measure wraps
    selection = Selection(Offset(2, 0), Offset(5, 2))  # from line 0 column 2 to line 2 column 5
    expected = text[2 : len(drawn[0]) + len(drawn[1]) + 5]
    assert unwrap_selection(text, width, selection) == expected
    assert "\n" in selection.extract("\n".join(drawn))  # what Textual alone would copy


def test_the_texts_own_line_breaks_are_kept() -> None:
    text = "第一段很长很长很长很长的文字。\n第二段。"
    whole = Selection(None, None)
    assert unwrap_selection(text, 8, whole) == text
    drawn = wrap_content(Content(text), 8).plain.split("\n")
    last = drawn.index("第二段。") - 1  # the first paragraph's last drawn line
    past_its_end = Selection(Offset(0, last), Offset(99, last))
    assert unwrap_selection(text, 8, past_its_end) == drawn[last]  # no newline of its own either
    across = Selection(Offset(0, last), Offset(2, last + 1))
    assert unwrap_selection(text, 8, across) == drawn[last] + "\n第二"
