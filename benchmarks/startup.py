"""Time to first screen of zimao-tui vs a minimal Textual app, in a real terminal (tmux).

Usage: python benchmarks/startup.py [--runs N] [--size 80x24]

Both apps are started the same way (the Python in this venv, in a fresh tmux session) and
timed from the spawn until the report title is on the screen (polled with capture-pane).
zimao-tui runs once first so its index cache is warm. Prints each app's median and p90 and
their ratio three ways (median of the paired runs, of the medians, of the minimums: on a
shared machine the minimum is the least disturbed by other jobs); the target is at most 1.15.
Run it from a plain (non-editable) install: an editable install with PYTHONDONTWRITEBYTECODE
set recompiles zimao-tui's sources on every start, which Textual (installed normally) is spared.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MARK = "武汉自贸片区"
HERE = Path(__file__).resolve().parent


SOCKET = f"zimao-bench-{os.getpid()}"
"""A tmux server of our own, kept up by an idle session: when the last session of a server is
killed the server exits, and a new-session racing that exit fails with 'server exited unexpectedly'."""


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=False).stdout


def first_screen(command: list[str], size: str, env: dict[str, str], timeout: float = 30.0) -> float:
    """Seconds from spawning ``command`` in tmux until MARK is on screen."""
    session = f"bench{os.getpid()}{time.monotonic_ns()}"
    width, height = size.split("x")
    shell = " ".join(f"'{c}'" for c in command)
    start = time.perf_counter()
    subprocess.run(
        [
            "tmux",
            "-L",
            SOCKET,
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            width,
            "-y",
            height,
            f"env {' '.join(f'{k}={v}' for k, v in env.items())} {shell}",
        ],
        check=True,
    )
    try:
        while time.perf_counter() - start < timeout:
            if MARK in tmux("capture-pane", "-p", "-t", session):
                return time.perf_counter() - start
            time.sleep(0.005)
        raise RuntimeError(f"{command} did not show {MARK!r} within {timeout}s")
    finally:
        tmux("kill-session", "-t", session)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--size", default="80x24")
    args = parser.parse_args()
    if not shutil.which("tmux"):
        print("startup: tmux is not installed", file=sys.stderr)
        return 2
    tmux("new-session", "-d", "-s", "keeper", "sleep 3600")
    try:
        return compare(args.runs, args.size)
    finally:
        tmux("kill-server")


def compare(runs: int, size: str) -> int:
    """Time both apps ``runs`` times, interleaved, at ``size``; print the figures."""
    zimao = shutil.which("zimao-tui", path=str(Path(sys.executable).parent)) or "zimao-tui"
    with tempfile.TemporaryDirectory() as tmp:
        env = {f"ZIMAO_TUI_{d.upper()}_DIR": str(Path(tmp) / d) for d in ("data", "config", "cache")}
        env["TERM"] = "xterm-256color"
        apps = {"minimal": [sys.executable, str(HERE / "minimal_app.py")], "zimao-tui": [zimao]}
        first_screen(apps["zimao-tui"], size, env)  # warm the index cache
        time.sleep(3)  # let a cold-cache index build finish in its own process
        first_screen(apps["zimao-tui"], size, env)
        times: dict[str, list[float]] = {name: [] for name in apps}
        for _ in range(runs):
            for name, command in apps.items():  # interleaved, so machine noise hits both
                times[name].append(first_screen(command, size, env))
    for name, values in times.items():
        ordered = sorted(values)
        p90 = ordered[max(0, round(0.9 * len(ordered)) - 1)]
        print(
            f"{name:10s} min {ordered[0] * 1000:7.1f} ms   median {statistics.median(values) * 1000:7.1f} ms"
            f"   p90 {p90 * 1000:7.1f} ms   ({len(values)} runs, {size})"
        )
    pairs = [z / m for z, m in zip(times["zimao-tui"], times["minimal"], strict=True)]
    print(
        f"ratio zimao-tui / minimal: median of paired runs {statistics.median(pairs):.2f}, "
        f"of medians {statistics.median(times['zimao-tui']) / statistics.median(times['minimal']):.2f}, "
        f"of minimums {min(times['zimao-tui']) / min(times['minimal']):.2f}  (target <= 1.15)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
