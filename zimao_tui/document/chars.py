"""Character classes of Chinese text: the one home for "is this a Han character".

Pure and dependency-free, so every package the import contracts allow (document, search,
insights, store) may import it.
"""

from __future__ import annotations


def is_han(ch: str) -> bool:
    """True for a CJK unified ideograph (extension A and the basic block) or a compatibility ideograph.

    Extension A (U+3400..) is included because rare characters in names of places and people
    occur in the reports; the compatibility block (U+F900..U+FAFF) because some PDFs extract
    those code points for ordinary characters.
    """
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"
