"""How long ``store/library_watch.pending`` takes over a watched folder of 1,000 unchanged files.

    python benchmarks/library_pending.py [--files 1000] [--repeat 20]

``pending`` runs on every plain ``zimao-tui add`` and, later, when the app's catalogue opens, so
it must cost milliseconds, not a re-read: it lists each watched folder once, stats each report
and runs one query, opening no file. The files here are small text files in a fresh folder,
watched by a fresh library whose rows are stored as read (present, with the files' real size
and modification time) without parsing them, since what is timed never looks past the
catalogue. Printed: the median and the slowest of ``--repeat`` calls with nothing to do, then
one call after a file was touched and one after a file was added (each then lists one
report). The machine is shared: the load average is printed beside the figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path


def main() -> None:
    """Build the folder and the library, then time ``pending``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ZIMAO_TUI_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["ZIMAO_TUI_EMPTY_LIBRARY"] = "1"  # the folder's files alone, as the figures say
        from zimao_tui.store.library import Library, Parsed
        from zimao_tui.store.library_watch import pending

        folder = Path(tmp) / "reports"
        folder.mkdir()
        for k in range(args.files):
            (folder / f"report-{k:04d}.txt").write_text(
                f"第{k}号报告\n一、总则\n措施{k}。\n", encoding="utf-8"
            )
        with Library() as library:
            library.watch(folder)
            first = pending(library)
            assert len(first.found) == args.files
            for path, _ in first.todo:
                info = os.stat(path)
                library.store(
                    Parsed(path, f"fp{path}", info.st_size, info.st_mtime_ns, "t", "", "", "", "txt", b"", [])
                )
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                result = pending(library)
                times.append((time.perf_counter() - start) * 1000)
                assert result.todo == [] and result.found == []
            os.utime(folder / "report-0000.txt", ns=(1, 1))
            start = time.perf_counter()
            touched = pending(library)
            touched_ms = (time.perf_counter() - start) * 1000
            (folder / "new.txt").write_text("新报告\n", encoding="utf-8")
            start = time.perf_counter()
            added = pending(library)
            added_ms = (time.perf_counter() - start) * 1000
            assert len(touched.todo) == 1 and added.found == [str(folder / "new.txt")]
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"pending() over {args.files} unchanged files, {args.repeat} calls (load {load}):")
    print(f"  median {statistics.median(times):.1f} ms, slowest {max(times):.1f} ms")
    print(f"  one file touched: {touched_ms:.1f} ms; one file added (registered): {added_ms:.1f} ms")


if __name__ == "__main__":
    main()
