"""The bookmarks list with many bookmarks: loading the file, resolving, opening the screen, filtering.

    python benchmarks/bookmarks.py [--bookmarks 10000] [--repeat 5]

Builds ``--bookmarks`` bookmarks over copies of the bundled report (each copy another title,
so another report; 126 measures each) plus 5% whose report is not open, writes them as one
``bookmarks.toml`` in a temp folder, then times, median of ``--repeat`` runs:
the store's load, ``resolved()`` against the open reports, the bookmarks screen from ``B``
to a painted list (headless Textual), and one filter keystroke (typed into the filter, until
the list is redrawn). Figures go to the README by hand.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from pathlib import Path

from zimao_tui.document.parse import parse_text
from zimao_tui.document.report import Report
from zimao_tui.paths import bundled_report
from zimao_tui.store.bookmarks import Bookmark, BookmarkStore, dumps


def corpus(count: int) -> tuple[list[Report], list[Bookmark]]:
    """Open reports and ``count`` bookmarks: 95% on their measures, 5% on reports not open."""
    title, _, body = bundled_report().read_text(encoding="utf-8").partition("\n")
    open_count = int(count * 0.95)
    per_report = len(list(parse_text(title + "\n" + body).measures()))
    reports = [parse_text(f"{title}（{n}）\n{body}") for n in range(-(-open_count // per_report))]
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
    return reports, marks


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.0f} ms"


async def screen_times(
    reports: list[Report], store: BookmarkStore, repeat: int
) -> tuple[list[float], list[float]]:
    """Seconds from pushing the bookmarks screen to a painted list, and per filter keystroke."""
    from textual.widgets import Input, OptionList

    from zimao_tui.store.config import Config
    from zimao_tui.ui.app import ZimaoApp
    from zimao_tui.ui.screens.bookmarks import BookmarksScreen

    app = ZimaoApp(reports, Config(), bookmarks=store)
    opening: list[float] = []
    typing: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(repeat):
            start = time.perf_counter()
            screen = BookmarksScreen(store, reports)
            await app.push_screen(screen)
            await pilot.pause()
            screen.query_one(OptionList)
            opening.append(time.perf_counter() - start)
            field = screen.query_one("#bookmarks-filter", Input)
            field.focus()
            await pilot.pause()
            for text in ("关", "关注", "关注t", "关注"):
                start = time.perf_counter()
                field.value = text
                await pilot.pause()
                typing.append(time.perf_counter() - start)
            screen.dismiss(None)
            await pilot.pause()
    return opening, typing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bookmarks", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    reports, marks = corpus(args.bookmarks)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["ZIMAO_TUI_DATA_DIR"] = folder
        os.environ["ZIMAO_TUI_CONFIG_DIR"] = folder
        path = Path(folder) / "bookmarks.toml"
        path.write_text(dumps(marks), encoding="utf-8")
        loads, resolves = [], []
        store = BookmarkStore(path)
        for _ in range(args.repeat):
            start = time.perf_counter()
            store = BookmarkStore(path)
            loads.append(time.perf_counter() - start)
            start = time.perf_counter()
            items = store.resolved(reports)
            resolves.append(time.perf_counter() - start)
        assert len(items) == args.bookmarks
        print(
            f"{args.bookmarks} bookmarks over {len(reports)} open reports ({path.stat().st_size // 1024} KB)"
        )
        print(f"  load bookmarks.toml          {median_ms(loads)}")
        print(f"  resolve against the reports  {median_ms(resolves)}")
        opening, typing = asyncio.run(screen_times(reports, store, args.repeat))
        print(f"  open the bookmarks screen    {median_ms(opening)}")
        print(f"  one filter keystroke         {median_ms(typing)} (max {max(typing) * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
