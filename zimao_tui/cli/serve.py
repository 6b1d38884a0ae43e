"""``zimao-tui serve``: the same app in a browser, through textual-serve.

textual-serve is Textual's own way to put an app on a web page (an xterm.js front end, one app
process per visitor, downloads through Textual's deliver API), so nothing of the app is written
twice. Each visitor's app is started as ``python -m zimao_tui FILE… [--read-only]``; the reports
are read once here first, so a bad file is one line and exit 2 before anything listens, and the
visitors' apps start from the report cache.
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import socket
import sys
from pathlib import Path

from zimao_tui.cli.common import warn
from zimao_tui.document.errors import UserError
from zimao_tui.document.parse import load_reports
from zimao_tui.i18n import LANGS, Notice, language, set_language, t
from zimao_tui.paths import bundled_report, cache_dir
from zimao_tui.store.report_cache import ReportCache

NAME = "serve"
HELP = "serve the app to a web browser (textual-serve; one app per visitor)"

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the subcommand and its options."""
    parser = sub.add_parser(NAME, help=HELP, description=HELP + ".")
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="FILE|DIR",
        help="report files or folders (default: the bundled report)",
    )
    parser.add_argument("--host", default=DEFAULT_HOST, help="address to listen on (default: %(default)s)")
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help="port to listen on (default: %(default)s)"
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="visitors cannot change bookmarks, notes, themes or config",
    )
    parser.add_argument("--lang", choices=LANGS, default=None, help="interface language of the served app")
    parser.set_defaults(run=run)


def is_loopback(host: str) -> bool:
    """Whether ``host`` can be reached only from this machine (``localhost``, 127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to any address


def check_port(host: str, port: int) -> None:
    """Raise UserError if ``host:port`` cannot be listened on (in use, no permission, bad address).

    textual-serve would otherwise print an aiohttp traceback after announcing the address.
    """
    if not 0 < port < 65536:
        raise UserError(Notice("error.serve_port", host=host, port=port, error=t("error.serve_port_range")))
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise UserError(Notice("error.serve_port", host=host, port=port, error=exc.strerror or exc)) from exc
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as aiohttp binds
        try:
            probe.bind(address)
        except OSError as exc:
            raise UserError(
                Notice("error.serve_port", host=host, port=port, error=exc.strerror or exc)
            ) from exc


def app_command(paths: list[Path], lang: str, read_only: bool) -> str:
    """The shell command textual-serve runs for each visitor (it runs commands through a shell).

    ``exec`` makes the app the visitor's process itself, so closing the tab ends it and no
    shell is left behind; every argument is quoted (a path may hold spaces or ``;``).
    """
    argv = [sys.executable, "-m", "zimao_tui", *(str(p.resolve()) for p in paths), "--lang", lang]
    if read_only:
        argv.append("--read-only")
    return "exec " + shlex.join(argv)


def run(args: argparse.Namespace) -> int:
    """Check the reports and the address, then serve until interrupted."""
    if args.lang:  # the served app's language, and this command's own lines too
        set_language(args.lang)
    lang = language()
    paths = list(args.paths) or [bundled_report()]
    skipped: list[Notice] = []
    load_reports(paths, ReportCache(cache_dir()), skipped)  # bad input: one line, exit 2, now
    for notice in skipped:
        warn(notice)
    check_port(args.host, args.port)
    if not is_loopback(args.host):
        warn(Notice("notice.serve_public", host=args.host))
    from textual_serve.server import Server  # aiohttp and jinja2: only when serving

    display_host = f"[{args.host}]" if ":" in args.host else args.host
    server = Server(
        app_command(paths, lang, args.read_only),
        host=args.host,
        port=args.port,
        title="zimao-tui",
        public_url=f"http://{display_host}:{args.port}",
    )
    server.serve()
    return 0
