"""The command line: subcommands for scripting, or the app when none is named.

Each subcommand lives in its own module with ``NAME``, ``register(sub)`` and ``run(args)``;
adding one is adding its name to ``COMMANDS``. Modules are imported only when a subcommand
runs: the app's start-up must not pay for the bookmark store, search or Rich tables. ``zimao-tui FILE|DIR …`` (no subcommand)
starts the app, so the first word decides which parser reads the rest. The CLI may import every
model package (document, search, insights, store) and i18n; of the UI only ``ui.launch``
(import-linter contracts in pyproject.toml).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from zimao_tui import __version__
from zimao_tui.document.errors import UserError
from zimao_tui.i18n import LANGS

if TYPE_CHECKING:
    import argparse

COMMANDS: tuple[str, ...] = (
    "outline",
    "search",
    "bookmarks",
    "figures",
    "terms",
    "compare",
    "trends",
    "serve",
    "add",
    "library",
    "remove",
)
"""Subcommand names; each is the module zimao_tui.cli.<name>."""

_DESCRIPTION = "A terminal explorer for Chinese policy reports."
_USAGE = "zimao-tui [--lang {zh,en}] [FILE|DIR …]\n       zimao-tui [--lang {zh,en}] COMMAND [options]"
"""Both ways in, as ``--help`` shows them: the app on reports, or a subcommand."""
_EPILOG = (
    "Without a command, the app starts on the given reports (default: the bundled report). "
    "Run 'zimao-tui COMMAND --help' for a command's options. --lang may come before or after "
    "the command."
)

_APP_EPILOG = "Commands for scripting: %s. Run 'zimao-tui COMMAND --help' for one's options."


def _add_lang(parser: argparse.ArgumentParser) -> None:
    """``--lang`` as every parser documents it (main() takes it out of argv before parsing)."""
    parser.add_argument(
        "--lang", choices=LANGS, default=None, help="interface language (default: config, else zh)"
    )


def split_lang(argv: list[str]) -> tuple[list[str], str | None]:
    """``argv`` without its ``--lang X`` / ``--lang=X`` (anywhere, before or after the
    subcommand), and the language asked for (the last one wins; None if none).

    The language must be known before the subcommand is chosen: ``--lang en outline`` used to
    read ``en`` as the first word, and so ``outline`` as a report file. A ``--lang`` with a
    value that is not a language is left in place for argparse to refuse in its own words.
    """
    rest: list[str] = []
    lang: str | None = None
    words = iter(argv)
    for word in words:
        if word == "--":
            rest += [word, *words]
            break
        if word.startswith("--lang="):
            value: str | None = word.partition("=")[2]
        elif word == "--lang":
            value = next(words, None)
        else:
            rest.append(word)
            continue
        if value in LANGS:
            lang = value
        else:
            rest += ["--lang"] + ([value] if value is not None else [])
    return rest, lang


def _parser_class() -> type[argparse.ArgumentParser]:
    """argparse's parser, but a usage error is one line on stderr with exit status 2, as every
    other bad input is (argparse prints its whole usage block first). Subcommands' parsers are
    made of the same class (``add_subparsers`` uses the parent's)."""
    import argparse

    from zimao_tui.cli.help_zh import HelpFormatter, install, translate

    install()  # argparse's own words in the interface language

    class OneLineParser(argparse.ArgumentParser):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("formatter_class", HelpFormatter)  # subcommands' parsers too
            super().__init__(*args, **kwargs)

        def error(self, message: str) -> NoReturn:
            from zimao_tui.document.inert import inert  # the message may quote a hostile argument

            words = self.prog.split()
            name = words[-1] if len(words) > 1 else ""
            where = f"zimao-tui {name}".strip()
            see = translate(" (see '%s --help')") % where
            self.exit(2, f"{where}: {inert(translate(message))}{see}\n")

    return OneLineParser


def command_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser for ``zimao-tui COMMAND …``; with ``only``, that command's alone.

    Registering a command imports its module and what it needs (search, figures, the
    library): ``zimao-tui bookmarks list`` paid ~60 ms for commands it never runs. The full
    parser is for ``zimao-tui --help``, which lists them all."""
    from zimao_tui.cli.help_zh import translate

    parser = _parser_class()(
        prog="zimao-tui", usage=translate(_USAGE), description=_DESCRIPTION, epilog=_EPILOG
    )
    parser.add_argument("--version", action="version", version=f"zimao-tui {__version__}")
    _add_lang(parser)
    # prog: else each command's usage line starts with the whole two-line usage above
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command", prog="zimao-tui")
    for name in COMMANDS if only is None else (only,):
        import_module(f"zimao_tui.cli.{name}").register(sub)
    return parser


def app_parser() -> argparse.ArgumentParser:
    """The parser for ``zimao-tui [FILE|DIR …]``, which starts the app."""
    from zimao_tui.cli.help_zh import translate

    parser = _parser_class()(
        prog="zimao-tui",
        usage=translate(_USAGE),
        description=_DESCRIPTION + " Opens the app on the given reports (default: the bundled report).",
        epilog=translate(_APP_EPILOG) % ", ".join(COMMANDS),
    )
    parser.add_argument("--version", action="version", version=f"zimao-tui {__version__}")
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="FILE|DIR", help="report files or folders of reports"
    )
    _add_lang(parser)
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="bookmarks, notes, themes and config cannot be changed (what `serve --read-only` runs)",
    )
    return parser


def _use_configured_language(lang: str | None = None, quiet: bool = False) -> None:
    """Commands speak ``--lang``, else the language config.toml chooses (Chinese by default),
    as the app does; a problem with config.toml itself is one line on stderr (unless
    ``quiet``) and does not stop the command."""
    from zimao_tui.i18n import set_language
    from zimao_tui.store.config import load_config

    config, warnings = load_config()
    set_language(lang or config.lang)
    if quiet:
        return
    from zimao_tui.cli.common import warn

    for warning in warnings:
        warn(warning)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``zimao-tui`` script; returns the exit status."""
    argv, lang = split_lang(list(sys.argv[1:] if argv is None else argv))
    first = next((a for a in argv if not a.startswith("-")), None)
    wants_command = first in COMMANDS or (argv[:1] in (["-h"], ["--help"]) and len(argv) == 1)
    try:
        if wants_command:
            _use_configured_language(lang)  # first: the parser's help and errors speak it
            args = command_parser(first if first in COMMANDS else None).parse_args(argv)
            return int(args.run(args))
        from zimao_tui.ui.launch import launch  # Textual is imported only when the app runs

        if not argv:  # plain ``zimao-tui``, the everyday start: no need to import argparse (~3 ms)
            return launch(lang=lang)
        _use_configured_language(lang, quiet=True)  # config.toml's warnings are the app's toasts
        args = app_parser().parse_args(argv)
        return launch(args.paths, lang, read_only=args.read_only)
    except UserError as exc:
        from zimao_tui.document.inert import inert  # a message may name a hostile file

        print(f"zimao-tui: {inert(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `zimao-tui … | head`: the reader left; nothing is wrong with our output.
        sys.stderr.close()
        return 0
    except Exception as exc:
        if not _library_failed(exc):
            raise
        return 2


def _library_failed(exc: Exception) -> bool:
    """A SQLite error from the library store in the middle of a command: one line on stderr in
    the interface language, exit status 2. Damage (a page that opening did not touch) also
    marks the store, so that the next open checks it and, if damaged, sets it aside and
    rebuilds it from library.list.json; a lock held too long or a disk or permission problem
    only says so. False for any other exception (a bug: let it show).

    sqlite3 is looked up, not imported: a command that never opened the library never loaded it."""
    sqlite3 = sys.modules.get("sqlite3")
    if sqlite3 is None or not isinstance(exc, sqlite3.DatabaseError):
        return False
    from zimao_tui.document.inert import inert
    from zimao_tui.i18n import t
    from zimao_tui.store.library import library_path
    from zimao_tui.store.library_repair import kind_of_failure, mark_damaged

    kind = kind_of_failure(exc)
    if kind == "damaged":
        mark_damaged()
    key = {"damaged": "library.damaged", "locked": "library.locked"}.get(kind, "library.unusable")
    print(f"zimao-tui: {inert(t(key, error=exc, path=library_path()))}", file=sys.stderr)
    return True
