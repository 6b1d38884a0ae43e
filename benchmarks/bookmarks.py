"""10,000 bookmarks: ``bookmarks list``, loading the file, the bookmarks screen, a keystroke, a save.

    python benchmarks/bookmarks.py [--bookmarks 10000] [--repeat 5]

Builds ``--bookmarks`` bookmarks over copies of the bundled report (each copy another title,
so another report; 126 measures each: 76 reports for 9,500) plus 5% whose report is not open,
writes them as one ``bookmarks.toml`` in a temp data folder, the reports as files in a temp
folder, and times (the median of ``--repeat`` runs unless said otherwise):

* ``zimao-tui bookmarks list --report FOLDER`` as a process, output to a pipe (warm caches),
  wall and CPU time;
* the store's load: from the parsed copy in the cache folder (warm), and parsing the TOML
  (cold: the first start after an upgrade, or after the file was edited by hand);
* ``resolved()`` against the open reports;
* the bookmarks screen, from pushing it to its list painted (headless Textual, with the
  store read already, as after the app's start);
* a filter keystroke's work: from setting the filter's text until every message it caused is
  handled and the screen painted, for a sequence of typed queries (each letter, a second
  word, deleting), p50 and p95 over all, as wall time and as the UI thread's CPU time (on a
  busy machine the wall time is partly other processes' turn);
* a save (``b`` on a measure, a note edited, a delete), once the store has written the file.
Figures go to the README's Performance section by hand.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from zimao_tui.document.parse import parse_text
from zimao_tui.document.report import Report
from zimao_tui.paths import bundled_report
from zimao_tui.store.bookmarks import Bookmark, BookmarkStore, dumps

QUERIES = ("关", "关注", "关注 t", "关注 t3", "关注 t", "关注", "推", "推动", "笔记1", "笔记12", "笔记1", "")
"""What is typed, one state per keystroke (an IME commits 关注 as one change)."""


def corpus(count: int) -> tuple[list[Report], list[Bookmark], list[str]]:
    """Open reports, ``count`` bookmarks (95% on their measures, 5% on a report not open)
    and the reports' texts, to write as files."""
    title, _, body = bundled_report().read_text(encoding="utf-8").partition("\n")
    open_count = int(count * 0.95)
    per_report = len(list(parse_text(title + "\n" + body).measures()))
    texts = [f"{title}（{n}）\n{body}" for n in range(-(-open_count // per_report))]
    reports = [parse_text(text) for text in texts]
    marks: list[Bookmark] = []
    for report in reports:
        for i, measure in enumerate(report.measures()):
            if len(marks) < open_count:
                marks.append(Bookmark.new(report, measure, f"笔记{i}：关注{measure.text[:6]}", [f"t{i % 7}"]))
    closed = parse_text(f"{title}（未打开）\n{body}")
    closed_measures = list(closed.measures())
    while len(marks) < count:
        measure = closed_measures[len(marks) % len(closed_measures)]
        marks.append(Bookmark.new(closed, measure, "别的报告", []))
    return reports, marks, texts


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def time_list(folder: Path, repeat: int) -> tuple[list[float], list[float]]:
    """``bookmarks list`` as a process, wall and CPU (user + system) seconds; the first run
    fills the caches and is not counted."""
    import resource

    command = [sys.executable, "-m", "zimao_tui", "bookmarks", "list", "--report", str(folder)]
    wall, cpu = [], []
    for n in range(repeat + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.PIPE)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if n:
            wall.append(time.perf_counter() - start)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, cpu


async def screen_times(
    reports: list[Report], store: BookmarkStore, repeat: int
) -> tuple[list[float], list[float], list[float]]:
    """Seconds from pushing the bookmarks screen to a painted list, and per filter keystroke:
    wall time, and the UI thread's CPU time (what the keystroke cost the app, whatever else
    the machine was doing; the wall time includes waiting for the next screen update)."""
    from textual.widgets import Input

    from zimao_tui.store.config import Config
    from zimao_tui.ui.app import ZimaoApp
    from zimao_tui.ui.screens.bookmarks import BookmarksScreen

    app = ZimaoApp(reports, Config(), bookmarks=store)
    opening: list[float] = []
    typing: list[float] = []
    typing_cpu: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        for _ in range(repeat):
            start = time.perf_counter()
            screen = BookmarksScreen(store, reports)
            await app.push_screen(screen)
            while screen.reading:
                await asyncio.sleep(0.001)
            await pilot.pause()
            opening.append(time.perf_counter() - start)
            field = screen.query_one("#bookmarks-filter", Input)
            field.focus()
            await pilot.pause()
            for text in QUERIES:
                await pilot.pause()
                start, cpu = time.perf_counter(), time.thread_time()
                field.value = text  # Input.Changed: the filter runs
                # Until every message it caused is handled and the screen painted. Not
                # pilot.pause(): that also waits until the process looks idle (sleeping in
                # steps of a few ms), which is the test harness's time, not the app's.
                await pilot._wait_for_screen()
                await pilot._wait_for_screen()
                app.screen._on_timer_update()
                typing.append(time.perf_counter() - start)
                typing_cpu.append(time.thread_time() - cpu)
            screen.dismiss(None)
            await pilot.pause()
    return opening, typing, typing_cpu


def time_saves(store: BookmarkStore, reports: list[Report], repeat: int) -> list[float]:
    """A bookmark added, its note set, then removed: the three saves the app makes."""
    samples = []
    report = reports[-1]
    spare = [m for m in report.measures() if store.get(report, m) is None] or list(report.measures())
    for n in range(repeat):
        measure = spare[n % len(spare)]
        changes: list[Callable[[], object]] = [
            partial(store.toggle, report, measure),
            partial(store.update, report, measure, f"新笔记{n}", None),
            partial(store.toggle, report, measure),
        ]
        for change in changes:
            start = time.perf_counter()
            change()
            samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bookmarks", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    reports, marks, texts = corpus(args.bookmarks)
    with tempfile.TemporaryDirectory() as folder:
        for name in ("DATA", "CONFIG", "CACHE"):
            os.environ[f"ZIMAO_TUI_{name}_DIR"] = str(Path(folder) / name.lower())
        report_folder = Path(folder) / "reports"
        report_folder.mkdir()
        for n, text in enumerate(texts):
            (report_folder / f"{n:03}.txt").write_text(text, encoding="utf-8")
        path = Path(folder) / "data" / "bookmarks.toml"
        path.parent.mkdir(parents=True)
        path.write_text(dumps(marks), encoding="utf-8")
        cache = Path(folder) / "cache"

        colds, warms, resolves = [], [], []
        for _ in range(args.repeat):
            for entry in (cache / "bookmarks").glob("*"):
                entry.unlink()
            start = time.perf_counter()
            BookmarkStore(path)
            colds.append(time.perf_counter() - start)
            start = time.perf_counter()
            store = BookmarkStore(path)
            warms.append(time.perf_counter() - start)
            start = time.perf_counter()
            items = store.resolved(reports)
            resolves.append(time.perf_counter() - start)
        assert len(items) == args.bookmarks
        listing, listing_cpu = time_list(report_folder, args.repeat)
        print(
            f"{args.bookmarks} bookmarks over {len(reports)} open reports "
            f"({path.stat().st_size // 1024} KB of bookmarks.toml); median of {args.repeat}"
        )
        print(
            f"  zimao-tui bookmarks list       {ms(statistics.median(listing))} (max {ms(max(listing))}), "
            f"CPU {ms(statistics.median(listing_cpu))}"
        )
        print(f"  load (parsed copy, warm)       {ms(statistics.median(warms))}")
        print(f"  load (TOML parsed, cold)       {ms(statistics.median(colds))}")
        print(f"  resolve against the reports    {ms(statistics.median(resolves))}")
        store = BookmarkStore(path)
        saves = time_saves(store, reports, 1)  # the first save of a file not written by this store
        saves = time_saves(store, reports, args.repeat)
        opening, typing, typing_cpu = asyncio.run(screen_times(reports, store, args.repeat))
        print(f"  open the bookmarks screen      {ms(statistics.median(opening))} (max {ms(max(opening))})")
        print(
            f"  filter keystroke ({len(typing)}), wall  p50 {ms(statistics.median(typing))}, "
            f"p95 {ms(percentile(typing, 95))}, max {ms(max(typing))}"
        )
        print(
            f"  filter keystroke, UI CPU       p50 {ms(statistics.median(typing_cpu))}, "
            f"p95 {ms(percentile(typing_cpu, 95))}, max {ms(max(typing_cpu))}"
        )
        print(
            f"  save (add, note, remove; {len(saves)})  p50 {ms(statistics.median(saves))}, "
            f"p95 {ms(percentile(saves, 95))}"
        )


if __name__ == "__main__":
    main()
