"""Where zimao-tui finds its bundled files and keeps the user's.

One function per directory so tests can point each at tmp_path through the environment
(ZIMAO_TUI_DATA_DIR, ZIMAO_TUI_CONFIG_DIR, ZIMAO_TUI_CACHE_DIR, ZIMAO_TUI_DOWNLOADS_DIR) and nothing else in the
code base has to know about platformdirs or XDG variables.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "zimao-tui"
BUNDLED_REPORT = "wuhan-ftz-innovation-2022.txt"

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    """A folder shipped with the package: inside the wheel, or at the repo root in a checkout."""
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def content_dir() -> Path:
    """Bundled reports, user dictionary and synonyms."""
    return _shipped("content")


def themes_dir() -> Path:
    """Bundled theme files (*.toml)."""
    return _shipped("themes")


def bundled_report() -> Path:
    """The report opened when the user names none."""
    return content_dir() / BUNDLED_REPORT


def _dir(env: str, default: str) -> Path:
    override = os.environ.get(env)
    return Path(override) if override else Path(default)


def data_dir() -> Path:
    """The user's own data (bookmarks, search history): $XDG_DATA_HOME/zimao-tui on Linux."""
    return _dir("ZIMAO_TUI_DATA_DIR", platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """config.toml and user themes: $XDG_CONFIG_HOME/zimao-tui on Linux."""
    return _dir("ZIMAO_TUI_CONFIG_DIR", platformdirs.user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Rebuildable files (search index, jieba's dictionary cache): $XDG_CACHE_HOME/zimao-tui."""
    return _dir("ZIMAO_TUI_CACHE_DIR", platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def downloads_dir() -> Path:
    """Where the app's exports go in a terminal (served, they are browser downloads): ~/Downloads."""
    return _dir("ZIMAO_TUI_DOWNLOADS_DIR", platformdirs.user_downloads_dir())
