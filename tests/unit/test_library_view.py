"""A stored measure's share of the ranking's views (search/library_view.py)."""

from __future__ import annotations

from zimao_tui.search.library_view import Parts


def test_marks_begin_each_syllable() -> None:
    """``^`` where a character's syllable begins in the pinyin run, ``.`` inside it, a space
    for a character without one; a syllable longer than any table entry still marks."""
    parts = Parts("知识a产", "知识a产", "zs c", "zhishichan", [0, 2, 3], "zhi|shi||chan")
    assert parts.marks == "^..^.. ^..."
    long = Parts("x", "x", "x", "", [0], "a" * 20 + "|e")
    assert long.marks == "^" + "." * 19 + "^"
    assert Parts("", "", "", "", [], "").marks == " "
