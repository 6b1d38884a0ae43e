"""The one home for Han-character detection (document.chars)."""

from zimao_tui.document import sentences, tree
from zimao_tui.document.chars import is_han


def test_is_han_covers_basic_extension_a_and_compatibility() -> None:
    assert is_han("中") and is_han("\u3400") and is_han("\u9fff") and is_han("\uf900")
    assert not any(is_han(ch) for ch in "a1，。“ ")


def test_tree_and_sentences_use_the_shared_rule() -> None:
    assert tree.is_han is is_han and sentences.is_han is is_han
