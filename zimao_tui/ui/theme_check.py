"""Does a theme's CSS build? Checked once per user theme, before the app offers it.

A theme's ``[variables]`` go straight into every stylesheet: one bad value (a colour that is
not one, a style Textual does not know) made Textual raise while parsing the app's CSS, at
start-up or on the switch, and a theme chosen with ``t`` was saved first, so every later
start crashed. Colours are checked while the file is read (``theming``); variables can only
be judged by building the CSS with them, which is what this does, on a stylesheet of its
own: the app's CSS file plus the DEFAULT_CSS of every widget class loaded that names one of
the theme's variables, parsed once with them. Only themes with ``[variables]`` from the
user's folder pay for it (a few milliseconds each); the bundled themes are checked by the
tests.
"""

from __future__ import annotations

from inspect import getfile
from itertools import chain
from pathlib import Path
from typing import Any

from textual.app import App
from textual.css.errors import StylesheetError
from textual.css.stylesheet import Stylesheet, StylesheetParseError
from textual.css.tokenizer import TokenError
from textual.dom import DOMNode
from textual.theme import Theme


def _node_classes() -> list[type[DOMNode]]:
    """Every DOMNode subclass loaded now (the widgets the app can mount)."""
    seen: dict[type[DOMNode], None] = {}
    stack: list[type[DOMNode]] = [DOMNode]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            if sub not in seen:
                seen[sub] = None
                stack.append(sub)
    return list(seen)


def _plain(message: object) -> str:
    """Textual's error text without its console markup (``[i]color[/]``)."""
    from rich.errors import MarkupError
    from rich.text import Text

    try:
        return Text.from_markup(str(message)).plain
    except MarkupError:
        return str(message)


def css_error(app: App[Any], theme: Theme) -> str | None:
    """Why the app's CSS does not build with ``theme``, or None if it does."""
    variables = {
        **app.get_theme_variable_defaults(),
        **theme.to_color_system().generate(),
        **theme.variables,
    }
    # Only CSS that names one of the theme's own variables can break with them: parsing just
    # that keeps the check to a few milliseconds (all of Textual's CSS takes ~90 ms).
    names = tuple(f"${name}" for name in theme.variables)
    sheet = Stylesheet(variables=variables)
    try:
        for path in map(Path, app.css_path):
            css = path.read_text(encoding="utf-8")
            if any(name in css for name in names):
                sheet.add_source(css, (str(path), ""), False, 0, "")
        for cls in _node_classes():
            css = cls.__dict__.get("DEFAULT_CSS", "")
            if not css or not any(name in css for name in names):
                continue
            try:
                where = getfile(cls)
            except (TypeError, OSError):
                where = ""
            scope = cls.__name__ if cls.__dict__.get("SCOPED_CSS", True) else ""
            sheet.add_source(css, (where, f"{cls.__name__}.DEFAULT_CSS"), True, 0, scope)
        sheet.parse()
    except StylesheetParseError as exc:
        errors = chain.from_iterable(rule.errors for rule in exc.errors.rules)
        messages = dict.fromkeys(_plain(message) for _, message in errors)
        return "; ".join(list(messages)[:2]) or "invalid CSS"
    except (StylesheetError, TokenError, ValueError, OSError) as exc:
        # TokenError: a value with { or } breaks the tokenizer itself (UnexpectedEnd and kin).
        return _plain(str(exc)) or type(exc).__name__
    return None
