"""The one way zimao-tui copies text: OSC 52 through the terminal, plus a local tool if any.

Textual's ``copy_to_clipboard`` sends OSC 52, which works over SSH but cannot report
whether the terminal accepted it (tmux needs ``set-clipboard on``; macOS Terminal ignores
it). Where a local clipboard tool exists we also run it, in a worker thread, with a
timeout and no captured output pipes: xclip and friends fork a daemon that keeps inherited
pipes open, which is how naive callers hang. The notification then says what happened.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.notifications import SeverityLevel

from zimao_tui.i18n import t

NATIVE_TIMEOUT = 2.0
"""Seconds a clipboard tool may take before we give up on it."""


def native_command() -> list[str] | None:
    """The local clipboard tool for this session, or None (a headless SSH session has none)."""
    candidates: list[tuple[bool, list[str]]] = [
        (sys.platform == "darwin", ["pbcopy"]),
        (bool(os.environ.get("WAYLAND_DISPLAY")), ["wl-copy"]),
        (bool(os.environ.get("DISPLAY")), ["xclip", "-selection", "clipboard", "-in"]),
        (bool(os.environ.get("DISPLAY")), ["xsel", "--clipboard", "--input"]),
        (sys.platform == "win32" or "microsoft" in platform.release().lower(), ["clip.exe"]),
    ]
    for usable, command in candidates:
        if usable and shutil.which(command[0]):
            return command
    return None


def native_copy(text: str, command: list[str], timeout: float = NATIVE_TIMEOUT) -> None:
    """Run a clipboard tool with ``text`` on stdin; raises OSError/SubprocessError on failure."""
    data = text.encode("utf-16-le") if command[0] == "clip.exe" else text.encode("utf-8")
    subprocess.run(
        command,
        input=data,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=timeout,
        check=True,
    )


Notify = Callable[[str, SeverityLevel], None]
"""How copy_text tells the user: the message and its severity."""


def copy_text(app: App[Any], text: str, label: str, notify: Notify) -> None:
    """Copy ``text`` and ``notify`` honestly; never raises and never blocks the UI."""
    app.copy_to_clipboard(text)
    command = native_command()
    count = len(text)
    if command is None:
        notify(t("copy.osc", label=label, count=count), "information")
        return
    tool = command[0]

    def run() -> None:
        try:
            native_copy(text, command)
        except (OSError, subprocess.SubprocessError) as exc:
            error = (
                "timed out" if isinstance(exc, subprocess.TimeoutExpired) else str(exc) or type(exc).__name__
            )
            app.call_from_thread(
                notify, t("copy.failed", label=label, count=count, tool=tool, error=error), "warning"
            )
            return
        app.call_from_thread(notify, t("copy.native", label=label, count=count, tool=tool), "information")

    app.run_worker(run, thread=True, group="clipboard", name=f"copy via {tool}")
