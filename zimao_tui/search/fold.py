"""Folding: the one form in which search compares a query with a report.

Readers type what their keyboard or their source gives them: traditional characters
(知識產權, from Hong Kong, Taiwan, Macau or a traditional-character page), today's spelling of
a word an older report writes otherwise (呆账 for the 1998 report's 呆帐, 其他 for 其它,
〇 for ○), full-width digits and letters (２０２５, ＧＤＰ) or ASCII ones. ``fold`` maps all of
these onto one form, and it is applied to both sides: to the report's text when the index is
opened and to every query word. It never changes the report itself: search keeps the original
text for display and highlighting.

``fold`` keeps the length of its input, character for character, so a match found at offset
p in the folded text is the report's own characters at offset p: highlight spans need no
mapping back. That is why traditional characters fold one by one (OpenCC's ``t2s`` tables,
read per character: both sides fold alike, so a phrase-level choice would buy nothing) and why
two-character variants (其它) are listed as whole words of the same length.

The table costs about 30 ms to build (importing OpenCC's C++ converter and reading its
dictionary), so it is built on first use, in the index worker, never at start-up; folding a
report is then one ``re.sub`` that touches only the characters to fold. What OpenCC does not cover lives in content/variants.toml.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from zimao_tui.paths import content_dir
from zimao_tui.store.tomlcompat import loads as toml_loads

VARIANTS = "variants.toml"

_CJK_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))
"""The blocks OpenCC's character table is read over (extension A, unified, compatibility)."""
_FULL_WIDTH = range(0xFF01, 0xFF5F)
"""Full-width ASCII (！ to ～): each is its ASCII character plus 0xFEE0."""
_IDEOGRAPHIC_SPACE = 0x3000


def variants_path() -> Path:
    """content/variants.toml: the variant characters and words OpenCC does not fold."""
    return content_dir() / VARIANTS


@lru_cache(maxsize=1)
def load_variants(path: Path | None = None) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """(variant character -> today's character, (variant word, today's word) pairs).

    A malformed file raises ValueError: it ships with the package, so a broken one is a bug
    to see, not a user's mistake to survive.
    """
    path = path or variants_path()
    data = toml_loads(path.read_text(encoding="utf-8"))
    chars: dict[str, str] = {}
    for pair in data.get("chars", []):
        if not (
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(c, str) and len(c) == 1 for c in pair)
        ):
            raise ValueError(f"{path}: every entry of 'chars' must be two single characters")
        chars[pair[1]] = pair[0]
    words: list[tuple[str, str]] = []
    for pair in data.get("words", []):
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(w, str) and w for w in pair)):
            raise ValueError(f"{path}: every entry of 'words' must be two words")
        if len(pair[0]) != len(pair[1]):
            raise ValueError(f"{path}: {pair[1]!r} and {pair[0]!r} must have the same length")
        words.append((pair[1], pair[0]))
    return chars, tuple(words)


def _traditional() -> dict[str, str]:
    """Traditional character -> simplified, one character each, from OpenCC's t2s tables.

    One ``convert`` over every character of the CJK blocks, one per line, so that no phrase
    rule can span two of them; a character OpenCC turns into more than one is left alone.
    """
    import opencc

    chars = [chr(c) for lo, hi in _CJK_RANGES for c in range(lo, hi)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):
        raise RuntimeError("OpenCC changed the number of lines it was given")
    return {a: b for a, b in zip(chars, converted, strict=True) if a != b and len(b) == 1}


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
    """Character -> the character it folds to (built once per process, about 50 ms)."""
    variants, _ = load_variants()
    out: dict[str, str] = {}
    for traditional, simplified in _traditional().items():
        out[traditional] = variants.get(simplified, simplified)
    out.update(variants)
    for code in _FULL_WIDTH:
        out[chr(code)] = chr(code - 0xFEE0).lower()
    out[chr(_IDEOGRAPHIC_SPACE)] = " "
    for code in range(ord("A"), ord("Z") + 1):
        out[chr(code)] = chr(code).lower()
    return out


@lru_cache(maxsize=1)
def _folder() -> tuple[re.Pattern[str], tuple[tuple[str, str], ...]]:
    """A pattern matching every character that folds, and the variant words (folded themselves,
    so they meet folded text).

    ``re.sub`` over that pattern, rather than ``str.translate``: a simplified report has few
    characters to fold, and the regex engine skips the rest in C, about ten times faster than
    translate's per-character lookup (8 ms instead of 67 ms for 800,000 characters).
    """
    chars = table()
    pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")
    _, words = load_variants()
    return pattern, tuple((_by_char(pattern, v), _by_char(pattern, s)) for v, s in words)


def _by_char(pattern: re.Pattern[str], text: str) -> str:
    chars = table()
    return pattern.sub(lambda m: chars[m.group()], text)


def fold_targets(text: str) -> frozenset[str]:
    """Every character something in ``text`` folds to, ASCII case aside (帐 in the text: 账).

    A query word none of whose characters is here, and which folds to itself, matches the
    folded text exactly where it matches the text as written: search skips the second pass.
    """
    pattern, words = _folder()
    chars = table()
    found = {chars[c] for c in set(pattern.findall(text)) if not ("A" <= c <= "Z")}
    for variant, standard in words:  # 其它 -> 其他: 他 (whether or not the text has 其它)
        found.update(b for a, b in zip(variant, standard, strict=True) if a != b)
    return frozenset(found)


def fold(text: str) -> str:
    """``text`` in the form search compares: simplified, today's variants, half-width, lower-case
    ASCII. Always exactly as long as ``text``, character for character."""
    pattern, words = _folder()
    folded = _by_char(pattern, text)
    for variant, standard in words:
        if variant in folded:
            folded = folded.replace(variant, standard)
    return folded
