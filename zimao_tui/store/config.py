"""The user's settings in config.toml: theme, language, citation template, key remaps.

Loading never crashes the app (a bad file is reported and defaults are used) and saving
never destroys what the user wrote: keys we don't know are kept, and a file we could not
parse is left alone rather than overwritten with defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zimao_tui.i18n import LANGS, Notice
from zimao_tui.insights.citation import DEFAULT_TEMPLATE, template_problem
from zimao_tui.paths import config_dir
from zimao_tui.store.atomic import atomic_write_text
from zimao_tui.store.statefile import read_text
from zimao_tui.store.tomlcompat import TOMLDecodeError, loads

LANGUAGES = LANGS  # one home for the interface languages: zimao_tui.i18n.LANGS
DEFAULT_THEME = "zimao-paper"


def config_path() -> Path:
    """Where config.toml lives."""
    return config_dir() / "config.toml"


@dataclass
class Config:
    """Settings the app reads at start and writes when the user changes them.

    ``keys`` maps a binding id (``zimao.search``) to keys (``"/,ctrl+f"``), as
    ``App.set_keymap`` takes them. ``extra`` holds keys this version doesn't know, so a
    newer version's settings survive a save by this one. ``writable`` is False when the
    file on disk could not be parsed: we then never write over it.
    """

    theme: str = DEFAULT_THEME
    lang: str = "zh"
    citation_template: str = DEFAULT_TEMPLATE
    keys: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    writable: bool = True


def _string(doc: dict[str, Any], key: str, default: str, warnings: list[Notice], path: Path) -> str:
    value = doc.pop(key, default)
    if isinstance(value, str):
        return value
    warnings.append(Notice("notice.config_not_string", key=key, path=path))
    return default


def load_config(path: Path | None = None) -> tuple[Config, list[Notice]]:
    """Read config.toml; returns the config and warnings for the user (never raises)."""
    path = path or config_path()
    warnings: list[Notice] = []
    try:
        raw = read_text(path)  # regular files only, bounded
    except FileNotFoundError:
        return Config(), warnings
    except (OSError, UnicodeDecodeError) as exc:
        return Config(writable=False), [Notice("notice.config_unreadable", error=exc, path=path)]
    try:
        doc: dict[str, Any] = dict(loads(raw))
    except TOMLDecodeError as exc:
        return Config(writable=False), [Notice("notice.config_invalid", error=exc, path=path)]
    config = Config()
    config.theme = _string(doc, "theme", config.theme, warnings, path)
    lang = _string(doc, "lang", config.lang, warnings, path)
    if lang in LANGUAGES:
        config.lang = lang
    else:
        warnings.append(
            Notice("notice.config_lang", choices="/".join(LANGUAGES), lang=config.lang, path=path)
        )
    config.citation_template = _string(doc, "citation_template", config.citation_template, warnings, path)
    problem = template_problem(config.citation_template)
    if problem is not None:
        warnings.append(Notice("notice.config_citation", problem=problem, path=path))
        config.citation_template = DEFAULT_TEMPLATE
    keys = doc.pop("keys", {})
    if isinstance(keys, dict):
        config.keys = {str(k): str(v) for k, v in keys.items() if isinstance(v, str)}
        if len(config.keys) != len(keys):
            warnings.append(Notice("notice.config_keys_values", path=path))
    else:
        warnings.append(Notice("notice.config_keys_table", path=path))
    config.extra = doc
    return config, warnings


def save_config(config: Config, path: Path | None = None) -> bool:
    """Write config.toml atomically; returns False (and writes nothing) if it is not ours to write."""
    if not config.writable:
        return False
    path = path or config_path()
    doc: dict[str, Any] = {
        **config.extra,
        "theme": config.theme,
        "lang": config.lang,
        "citation_template": config.citation_template,
    }
    if config.keys:
        doc["keys"] = dict(config.keys)
    import tomli_w  # only saving needs it; kept off the app's start-up imports

    text = tomli_w.dumps(doc)
    loads(text)  # never write something we could not read back
    atomic_write_text(path, text)
    return True
