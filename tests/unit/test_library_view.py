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


def test_words_and_characters() -> None:
    """The jieba words of two to eight characters (the last runs to the end), and the folded
    characters typo matching asks for; a measure without word starts has no words."""
    parts = Parts("知识产权证券化试点", "知识产权证券化试点", "", "", [0, 4, 7], "")
    assert parts.words == frozenset({"知识产权", "证券化", "试点"})
    assert parts.chars == frozenset("知识产权证券化试点")
    assert Parts("知", "知", "", "", [], "").words == frozenset()
    assert Parts("知", "知", "", "", [0], "").words == frozenset()  # one character: not a word
