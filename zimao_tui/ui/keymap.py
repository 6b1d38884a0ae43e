"""The ``[keys]`` table of config.toml, checked before Textual sees it.

``App.set_keymap`` takes anything: a key name Textual never sends (``notakey``) ends up in
the footer as ``notakey 搜索`` while the action has no key at all, an id that no binding has
is ignored without a word, and ``"zimao.quit" = "x"`` plus ``"zimao.search" = "q"`` leaves
a user who does not remember their config with no obvious way out. So each entry is
checked here: bad key names and unknown ids are dropped with a warning each (a Notice, shown
as the other config warnings are), and quitting always works: ``ctrl+q`` (Textual's own,
not remappable) and ``q`` stay bound to quit whatever the table says.

Binding ids live in the classes' ``BINDINGS`` only (one home); the screens not yet imported
at start-up are imported to look an id up only when the table names one that the imported
classes do not have (a typo, or a key of a list screen), so a plain start pays nothing.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from importlib import import_module
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import KEY_NAME_REPLACEMENTS, KEY_TO_UNICODE_NAME, REPLACED_KEYS, Keys

from zimao_tui.i18n import Notice

QUIT_ID = "zimao.quit"
QUIT_KEYS = ("q", "ctrl+q")
"""Keys that always quit (``q`` also closes the bookmarks list, as it always has)."""

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})

_NAMED_KEYS = frozenset(k.value for k in Keys if "+" not in k.value)
_UI_MODULES = (
    "zimao_tui.ui.screens.bookmarks",
    "zimao_tui.ui.dialogs.note",
    "zimao_tui.ui.screens.figures",
    "zimao_tui.ui.screens.glossary",
    "zimao_tui.ui.screens.help",
    "zimao_tui.ui.screens.catalogue",
    "zimao_tui.ui.screens.library_search",
)
"""Modules with bindings that the app imports only when their screen first opens."""


def _character_key(character: str) -> str:
    """The key name Textual gives a printable character (as ``textual.keys`` derives it)."""
    if character.isalnum():
        return character
    name = unicodedata.name(character, "").lower().replace("-", "_").replace(" ", "_")
    return KEY_NAME_REPLACEMENTS.get(name, name)


def valid_key(key: str) -> bool:
    """Whether Textual can ever send ``key``: ``x``, ``G``, ``slash``, ``ctrl+f``, ``f5``, ``home``…"""
    *modifiers, name = key.split("+")
    if not name or any(m not in MODIFIERS for m in modifiers) or len(set(modifiers)) != len(modifiers):
        return False
    if len(name) == 1:
        return name.isprintable() and not name.isspace()
    if name in _NAMED_KEYS:
        return True
    original = REPLACED_KEYS.get(name, name)  # slash -> solidus, as the Unicode name has it
    try:
        character = unicodedata.lookup(KEY_TO_UNICODE_NAME.get(original, original.replace("_", " ")))
    except KeyError:
        return False
    return (
        len(character) == 1 and _character_key(character) == name
    )  # question_mark, not latin_small_letter_a


def _bindings() -> dict[str, set[str]]:
    """Every binding id of the classes imported so far, with its default keys."""
    found: dict[str, set[str]] = {}
    todo: list[type] = [DOMNode]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        for binding in cls.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id:
                found.setdefault(binding.id, set()).update(k.strip() for k in binding.key.split(","))
    return found


def known_bindings(ids: Mapping[str, object]) -> dict[str, set[str]]:
    """Binding ids with their default keys, importing the other screens if ``ids`` needs them."""
    found = _bindings()
    if any(i not in found for i in ids):
        for module in _UI_MODULES:
            import_module(module)
        found = _bindings()
    return found


def checked_keymap(keys: Mapping[str, str], path: Path) -> tuple[dict[str, str], list[Notice]]:
    """The keymap to give ``App.set_keymap``, and a warning for each entry (or key) left out.

    Quitting always works: ``zimao.quit`` keeps ``q`` and ``ctrl+q`` beside the keys it is
    given, and no other binding may take them (but one that has ``q`` by default).
    """
    defaults = known_bindings(keys)
    keymap: dict[str, str] = {}
    warnings: list[Notice] = []
    for binding_id, value in keys.items():
        if binding_id not in defaults:
            warnings.append(Notice("notice.keys_unknown_id", id=binding_id, path=path))
            continue
        chosen: list[str] = []
        for key in (k.strip() for k in value.split(",")):
            if not valid_key(key):
                warnings.append(Notice("notice.keys_bad_key", id=binding_id, key=key, path=path))
            elif key in QUIT_KEYS and binding_id != QUIT_ID and key not in defaults[binding_id]:
                warnings.append(Notice("notice.keys_quit_key", id=binding_id, key=key, path=path))
            elif key not in chosen:
                chosen.append(key)
        if chosen:
            keymap[binding_id] = ",".join(chosen)
    if QUIT_ID in keymap and "q" not in keymap[QUIT_ID].split(","):
        keymap[QUIT_ID] += ",q"  # ctrl+q is Textual's own quit binding, which no keymap reaches
    return keymap, warnings
