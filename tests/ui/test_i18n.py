"""Every interface string the code asks for exists in both languages.

``t()`` raises KeyError on a missing key, but only when that line runs; a key typed wrong
in a rarely shown notification would otherwise surface in front of a user. So this reads
the source: every literal ``t("...")`` key, and every key family built with an f-string,
must be in the tables. (Same key set in zh and en: test_app_parts.py.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import zimao_tui
from zimao_tui import i18n
from zimao_tui.i18n import LANGS, STRINGS, binding_help
from zimao_tui.insights.figures import KINDS
from zimao_tui.ui.screens.figures import COLUMNS, SORT_KEYS

SOURCE = Path(zimao_tui.__file__).parent
LITERAL_KEY = re.compile(r"""\bt\(\s*(["'])([^"'{}]+)\1""")


def used_keys() -> dict[str, str]:
    """Literal keys passed to ``t()`` anywhere in zimao_tui/, each with where it is used."""
    keys: dict[str, str] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for match in LITERAL_KEY.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            keys.setdefault(match.group(2), f"{path.relative_to(SOURCE)}:{line}")
    return keys


def test_the_source_scan_finds_the_screens_keys() -> None:
    keys = used_keys()
    assert len(keys) > 100  # the scan would pass vacuously if the pattern stopped matching
    for key in ("key.search", "bm.title", "note.title", "figures.title", "glossary.title", "bm.orphaned"):
        assert key in keys


def test_every_literal_key_exists_in_both_languages() -> None:
    missing = [
        f"{where}: {key} ({lang})"
        for key, where in used_keys().items()
        for lang in LANGS
        if key not in STRINGS[lang]
    ]
    assert missing == []


def test_keys_built_at_run_time_exist_in_both_languages() -> None:
    built = [f"figures.col.{c}" for c in (*COLUMNS, "report", *SORT_KEYS)]
    built += [f"figures.kind.{kind}" for kind in KINDS]
    for lang in LANGS:
        assert [key for key in built if key not in STRINGS[lang]] == []


def test_help_strings_belong_to_real_bindings_and_say_more() -> None:
    """A ``keyhelp.`` string is the long wording of a footer label cut short; it needs both."""
    source = "\n".join(path.read_text(encoding="utf-8") for path in SOURCE.rglob("*.py"))
    ids = set(re.findall(r"""id=["']zimao\.(\w+)["']""", source))
    # Each binding's footer label: Binding(keys, action, t("key…"), id="zimao.<id>").
    labels = dict(
        (i, k) for k, i in re.findall(r"""t\(["'](key\.[\w.]+)["']\),\s*id=["']zimao\.(\w+)["']""", source)
    )
    for lang in LANGS:
        helps = {
            key.removeprefix("keyhelp."): text
            for key, text in STRINGS[lang].items()
            if key.startswith("keyhelp.")
        }
        assert {"prev_measure", "next_measure", "bookmark", "palette"} <= set(helps)
        for name, text in helps.items():
            assert name in ids, f"keyhelp.{name}: no binding has id zimao.{name}"
            label = STRINGS[lang][labels[name]]
            assert len(text) > len(label), f"{lang} keyhelp.{name} says no more than its footer label"


def test_the_help_screen_shows_the_long_wording(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_language", "en")  # restored after the test
    from textual.binding import ActiveBinding, Binding

    from zimao_tui.ui.screens.help import help_rows

    def active(key: str, binding_id: str, label: str) -> ActiveBinding:
        return ActiveBinding(None, Binding(key, "x", label, id=binding_id), True, "")  # type: ignore[arg-type]

    bindings = {
        "left_square_bracket": active("left_square_bracket", "zimao.prev_measure", "Prev"),
        "c": active("c", "zimao.copy", "Copy"),
    }
    assert binding_help("zimao.prev_measure", "Prev") == "Previous measure"
    assert binding_help("zimao.copy", "Copy") == "Copy"  # no long wording: the footer label
    assert help_rows(bindings, {"left_square_bracket": "["}) == [
        ("[", "Previous measure", "zimao.prev_measure"),
        ("c", "Copy", "zimao.copy"),
    ]


def test_english_plurals_follow_the_number(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_language", "en")
    assert i18n.t("search.count", n=1) == "1 result" and i18n.t("search.count", n=2) == "2 results"
    assert i18n.t("glossary.occurrences", term="x", count=2, n=1) == "“x” occurs 2 times in 1 measure"
    monkeypatch.setattr(i18n, "_language", "zh")
    assert i18n.t("search.count", n=1) == "1 个结果"
