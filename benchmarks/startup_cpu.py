"""CPU time of one process from its start to the explorer's first paint, headless at 80x24.

    for i in 1 2 3 4 5 6 7 8; do python benchmarks/startup_cpu.py; done

Steadier than the tmux wall-clock of ``startup.py`` on a shared machine: it counts only this
process's own CPU time (user + system), so another job's load barely moves it. The explorer's
``after_first_paint`` is replaced by a function that prints the time and exits; the index cache
is a fixed folder (warm after the first run), the data and config folders empty.
"""

from __future__ import annotations

import os
import resource
import tempfile
from typing import Any

folder = tempfile.mkdtemp()
for kind in ("DATA", "CONFIG"):
    os.environ[f"ZIMAO_TUI_{kind}_DIR"] = f"{folder}/{kind.lower()}"
os.environ["ZIMAO_TUI_CACHE_DIR"] = os.path.join(tempfile.gettempdir(), "zimao-startup-cpu-cache")

from zimao_tui.ui import app as app_module  # noqa: E402  (after the folders are set)
from zimao_tui.ui.screens import startup_work  # noqa: E402


def _stop(screen: Any) -> None:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"CPU to first paint: {usage.ru_utime + usage.ru_stime:.3f} s")
    screen.app.exit()


startup_work.after_first_paint = _stop
_run = app_module.ZimaoApp.run
app_module.ZimaoApp.run = lambda self, **kwargs: _run(self, headless=True, size=(80, 24))  # type: ignore[method-assign]

from zimao_tui.ui.launch import launch  # noqa: E402

launch()
