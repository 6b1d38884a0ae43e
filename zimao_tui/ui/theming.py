"""themes/*.toml (bundled and the user's) to Textual Theme objects.

A theme file is a flat TOML table of Textual's Theme fields (name, dark, primary, …,
background) plus an optional [variables] table. A broken file must never stop the app:
it is skipped and named in the returned failures, which the app shows in one notification.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from textual.color import Color, ColorParseError
from textual.theme import Theme

from zimao_tui.paths import config_dir, themes_dir
from zimao_tui.store.statefile import read_text
from zimao_tui.store.tomlcompat import TOMLDecodeError, loads

_COLOURS = (
    "primary",
    "secondary",
    "warning",
    "error",
    "success",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)


def user_themes_dir() -> Path:
    """Where users drop their own theme files."""
    return config_dir() / "themes"


def theme_from_toml(path: Path) -> Theme:
    """Build one Theme; raises ValueError with a readable reason if the file is wrong."""
    try:
        doc: dict[str, Any] = loads(read_text(path))  # a FIFO or a huge file is refused
    except (OSError, UnicodeDecodeError, TOMLDecodeError) as exc:
        raise ValueError(str(exc)) from exc
    name = doc.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("missing 'name'")
    if "primary" not in doc:
        raise ValueError("missing 'primary' colour")
    colours: dict[str, str] = {}
    for key in _COLOURS:
        if key in doc:
            value = doc[key]
            try:
                Color.parse(value)
            except (ColorParseError, TypeError) as exc:
                raise ValueError(f"{key} = {value!r} is not a colour") from exc
            colours[key] = value
    variables = doc.get("variables", {})
    if not isinstance(variables, dict) or not all(isinstance(v, str) for v in variables.values()):
        raise ValueError("[variables] must map names to strings")
    dark = doc.get("dark", True)
    if not isinstance(dark, bool):
        raise ValueError("dark must be true or false")
    # Each colour is one of Theme's str fields (_COLOURS); mypy cannot match ** keys to fields.
    fields: dict[str, Any] = dict(colours)
    return Theme(name=name.strip(), dark=dark, variables=dict(variables), **fields)


def load_themes(
    extra_dirs: Sequence[Path] = (), check: Callable[[Theme], str | None] | None = None
) -> tuple[list[Theme], list[str]]:
    """Bundled themes, then the user's (which may replace a bundled one by name).

    ``check`` judges each user theme that sets ``[variables]`` (the app builds its CSS with
    them, see ``ui.theme_check``) and returns why it fails, or None: a theme that fails is
    left out like a file that does not parse, so it is never offered, chosen or saved.
    Returns the themes and one message per file that failed, for a single notification.
    """
    themes: dict[str, Theme] = {}
    failures: list[str] = []
    bundled = themes_dir()
    for folder in (bundled, user_themes_dir(), *extra_dirs):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                theme = theme_from_toml(path)
            except ValueError as exc:
                failures.append(f"{path.name}: {exc}")
                continue
            error = check(theme) if check and theme.variables and folder != bundled else None
            if error is not None:
                failures.append(f"{path.name}: {error}")
                continue
            themes[theme.name] = theme
    return list(themes.values()), failures
