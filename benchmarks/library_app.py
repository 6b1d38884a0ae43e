"""The app on a 1,000-report library (issue 17): first screen of the catalogue, of
``zimao-tui DIR`` on 1,000 files read before, and of one report; library search ready after
the first paint.

    python benchmarks/library.py --copies 1000 --keep DIR     # builds DIR/reports, DIR/data
    python benchmarks/library_app.py --library DIR [--runs 5] [--size 80x24]

First screens are timed as ``benchmarks/startup.py`` times them: from spawning the installed
``zimao-tui`` in a fresh tmux session until a report title is on the screen, the three cases
interleaved so that the shared machine's noise hits each alike. One report is plain
``zimao-tui`` with an empty data folder (no library: the bundled report); the library is plain
``zimao-tui`` with DIR/data (its 1,000 reports: the catalogue); the folder is
``zimao-tui DIR/reports`` with the same store (every file read before, so nothing is parsed).
Target: both within 1.5x of one report.

"Search ready" is measured in a fresh process each time (headless ``run_test``): from the catalogue's first paint
to the end of its warm-up search (imports, SQL, rapidfuzz), after which a query answers in
milliseconds (``benchmarks/library.py``). Target: within 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from startup import first_screen, tmux

MARK = "武汉自贸片区"


def load() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


def first_screens(root: Path, runs: int, size: str) -> None:
    zimao = shutil.which("zimao-tui", path=str(Path(sys.executable).parent)) or "zimao-tui"
    with tempfile.TemporaryDirectory() as tmp:
        lone = {f"ZIMAO_TUI_{d.upper()}_DIR": str(Path(tmp) / d) for d in ("data", "config")}
        lone["ZIMAO_TUI_CACHE_DIR"] = str(root / "cache")
        library = {f"ZIMAO_TUI_{d.upper()}_DIR": str(root / d) for d in ("data", "config", "cache")}
        for env in (lone, library):
            env["TERM"] = "xterm-256color"
        cases = {
            "one report": ([zimao], lone),
            "library": ([zimao], library),
            "folder": ([zimao, str(root / "reports")], library),
        }
        for command, env in cases.values():  # warm: caches, the OS's pages, the rows' index
            first_screen(command, size, env)
        time.sleep(5)
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):
            for name, (command, env) in cases.items():
                times[name].append(first_screen(command, size, env))
                time.sleep(1.5)  # the catalogue's after-paint work (a warm-up search) ends
    one = statistics.median(times["one report"])
    for name, values in times.items():
        print(
            f"first screen, {name:10s}: median {statistics.median(values) * 1000:6.0f} ms, "
            f"min {min(values) * 1000:6.0f} ms  ratio to one report {statistics.median(values) / one:.2f} "
            f"(median), {min(values) / min(times['one report']):.2f} (min)   ({runs} runs, {size}, load {load()})"
        )


async def search_ready(root: Path) -> float:
    """Seconds from the catalogue's first paint to library search being warm."""
    for d in ("data", "config", "cache"):
        os.environ[f"ZIMAO_TUI_{d.upper()}_DIR"] = str(root / d)
    from zimao_tui.store.library import Library
    from zimao_tui.ui.app import ZimaoApp
    from zimao_tui.ui.screens.catalogue import CatalogueScreen
    from zimao_tui.ui.screens.catalogue_flow import Shelf

    app = ZimaoApp([], shelf=Shelf(Library()))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, CatalogueScreen)
        for _ in range(1000):
            await pilot.pause(0.01)
            if screen.shelf.search_ready and screen.painted_at:
                break
        assert screen.shelf.search_ready and screen.painted_at
        return screen.shelf.search_ready - screen.painted_at


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--library", type=Path, required=True, help="a folder built by benchmarks/library.py --keep"
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--ready-once", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.ready_once:  # one fresh process: nothing imported yet, as for a user
        print(asyncio.run(search_ready(args.library)))
        return 0
    if not (args.library / "data" / "library.sqlite3").is_file():
        parser.error(f"no library in {args.library}: run benchmarks/library.py --keep {args.library} first")
    tmux("new-session", "-d", "-s", "keeper", "sleep 3600")
    try:
        first_screens(args.library, args.runs, args.size)
    finally:
        tmux("kill-server")
    import subprocess

    command = [sys.executable, __file__, "--library", str(args.library), "--ready-once"]
    readies = [
        float(subprocess.run(command, capture_output=True, text=True, check=True).stdout) for _ in range(5)
    ]
    print(
        f"library search ready after the first paint: {', '.join(f'{r:.2f}' for r in readies)} s  (load {load()})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
