"""The domain vocabulary shipped in content/: jieba's user dictionary and the synonym table.

Policy reports are full of words jieba's general dictionary cuts wrongly (自贸片区, 光芯屏端网)
and of abbreviations people type instead of the full name (自贸区 for 自由贸易试验区). Both
files are plain text so a user can extend them without touching code.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from zimao_tui.paths import content_dir
from zimao_tui.store.tomlcompat import loads as toml_loads

USERDICT = "userdict.txt"
SYNONYMS = "synonyms.toml"


def userdict_path() -> Path:
    """content/userdict.txt: one ``word [freq] [tag]`` per line, as jieba reads it."""
    return content_dir() / USERDICT


def userdict_text() -> str:
    """The user dictionary's text (part of the index cache key: editing it rebuilds)."""
    path = userdict_path()
    return path.read_text(encoding="utf-8") if path.exists() else ""


def load_userdict_words() -> list[tuple[str, int | None]]:
    """(word, frequency or None) pairs from the user dictionary; comments and blanks skipped."""
    words: list[tuple[str, int | None]] = []
    for line in userdict_text().splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        words.append((parts[0], freq))
    return words


@lru_cache(maxsize=4)
def load_synonyms(path: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Each word of content/synonyms.toml mapped to the other words of its group(s).

    Groups are symmetric: 自贸区 finds 自由贸易试验区 and 自由贸易试验区 finds 自贸区.
    A malformed file raises (it ships with the package; a broken one is a bug to see).
    """
    path = path or content_dir() / SYNONYMS
    if not path.exists():
        return {}
    data = toml_loads(path.read_text(encoding="utf-8"))
    table: dict[str, list[str]] = {}
    for group in data.get("groups", []):
        if not isinstance(group, list) or not all(isinstance(w, str) for w in group):
            raise ValueError(f"{path}: every entry of 'groups' must be a list of words")
        for word in group:
            others = table.setdefault(word, [])
            others.extend(w for w in group if w != word and w not in others)
    return {word: tuple(others) for word, others in table.items()}
