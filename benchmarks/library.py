"""The library at scale (issue 17): indexing 1,000 reports, a warm ``search --library`` process,
per-query times in-process, peak memory.

    python benchmarks/library.py [--copies 1000] [--jobs N] [--repeat 5] [--keep DIR [--reuse]]

The reports are the bundled report's varied copies (benchmarks/search.py's ``variant``: another
city, shifted figures, the copy number in the title), written as files into a fresh folder, and
added with the installed ``zimao-tui add`` into a fresh data folder and cache folder (jieba's
dictionary cache included): indexing from scratch. Then ``zimao-tui search QUERY --library``
is run as a process (warm: the library's pages in the OS cache after the first run) and each
query of benchmarks/search.py is timed in-process through ``search_library`` (prefilter, reading
the candidates, ranking). Peak memory is each process's maximum resident set (``wait4``). The
machine is shared: the load average is printed beside the figures. Targets: indexing < 120 s,
a search process < 1.5 s, p95 per query < 20 ms, peak memory < 300 MB, and ``search --report``
over the 1,000 files (read before) within 1.5x of one report.
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

sys.path.insert(0, str(Path(__file__).parent))

from search import QUERIES, variant

from zimao_tui.paths import bundled_report

COMMAND = [sys.executable, "-m", "zimao_tui"]


def load() -> str:
    """The 1, 5 and 15 minute load averages."""
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(wall seconds, peak resident MB of the process and the workers it waited for, stdout)
    of one process, which must succeed."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {err.read().decode()[-400:]}")
        return seconds, usage.ru_maxrss / 1024, out.read().decode()


def write_corpus(folder: Path, copies: int) -> int:
    """The varied copies as files; returns their total size in bytes."""
    source = bundled_report().read_text(encoding="utf-8")
    total = 0
    for k in range(copies):
        data = variant(source, k).encode("utf-8")
        (folder / f"report-{k:04d}.txt").write_bytes(data)
        total += len(data)
    return total


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def in_process(env: dict[str, str], repeat: int) -> list[float]:
    """Per-query seconds over every query, ``repeat`` times each, in this process."""
    os.environ.update(env)
    from zimao_tui.search.library_search import search_library
    from zimao_tui.store.library import Library

    times: list[float] = []
    with Library() as library:
        search_library(library, "知识产权")  # open the SQL statements and rapidfuzz once
        for query in QUERIES:
            for _ in range(repeat):
                start = time.perf_counter()
                search_library(library, query, 10)
                times.append(time.perf_counter() - start)
            print(f"  {query:<16} median {statistics.median(times[-repeat:]) * 1000:7.1f} ms")
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=None, help="indexing workers (default: one per core)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="use (and keep) this folder instead of a temporary one")
    parser.add_argument("--reuse", action="store_true", help="with --keep: search the library indexed before")
    args = parser.parse_args()
    if args.reuse and not args.keep:
        parser.error("--reuse needs --keep")

    root = args.keep or Path(tempfile.mkdtemp(prefix="zimao-library-"))
    data = root / "data"
    env = dict(os.environ)
    env.update(
        ZIMAO_TUI_DATA_DIR=str(data),
        ZIMAO_TUI_CACHE_DIR=str(root / "cache"),
        ZIMAO_TUI_CONFIG_DIR=str(root / "config"),
        ZIMAO_TUI_EMPTY_LIBRARY="1",  # the corpus alone: no bundled report read before the first add
    )
    if not args.reuse:
        index_from_scratch(root, env, args)
    searches(env, args.repeat)
    report_searches(root, env, args.repeat)
    if not args.keep:
        shutil.rmtree(root)
    return 0


def index_from_scratch(root: Path, env: dict[str, str], args: argparse.Namespace) -> None:
    """Write the corpus into fresh folders and time ``zimao-tui add`` on it, then again."""
    reports, data = root / "reports", root / "data"
    for folder in (reports, data, root / "cache", root / "config"):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    size = write_corpus(reports, args.copies)
    print(f"{args.copies} reports, {size / 1e6:.1f} MB, cores {os.cpu_count()}, load before: {load()}")
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    seconds, peak, out = timed([*COMMAND, "add", str(reports), *jobs], env)
    print(
        f"indexing from scratch: {seconds:.1f} s, parent peak {peak:.0f} MB  (load {load()})  {out.strip()}"
    )
    store = data / "library.sqlite3"
    print(f"library file: {store.stat().st_size / 1e6:.1f} MB")
    seconds, _, _ = timed([*COMMAND, "add", str(reports)], env)
    print(f"add again, nothing changed: {seconds:.2f} s  (load {load()})")


def searches(env: dict[str, str], repeat: int) -> None:
    """A warm ``search --library`` process per query, then every query in-process."""
    for query in ("知识产权证券化", "zscq", "发展"):
        runs = [timed([*COMMAND, "search", query, "--library", "--json"], env) for _ in range(repeat)]
        best = min(r[0] for r in runs)
        median = statistics.median(r[0] for r in runs)
        print(
            f"search process {query!r}: median {median:.2f} s, best {best:.2f} s, "
            f"peak {max(r[1] for r in runs):.0f} MB  (load {load()})"
        )

    times = in_process(env, repeat)
    print(
        f"per query in-process over {len(QUERIES)} queries x {repeat}: p50 {percentile(times, 0.5) * 1000:.1f} ms, "
        f"p95 {percentile(times, 0.95) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms  (load {load()})"
    )
    import resource

    print(f"this process's peak: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def report_searches(root: Path, env: dict[str, str], repeat: int) -> None:
    """``search QUERY --report DIR`` over the 1,000 files (read before: the store answers),
    against ``search QUERY --report FILE`` on the bundled report alone (in memory)."""
    reports = root / "reports"
    query = "知识产权证券化"
    one = [
        timed([*COMMAND, "search", query, "--report", str(bundled_report()), "--json"], env)
        for _ in range(repeat)
    ]
    timed([*COMMAND, "search", query, "--report", str(reports), "--json"], env)  # reads what is new, if any
    many = [
        timed([*COMMAND, "search", query, "--report", str(reports), "--json"], env) for _ in range(repeat)
    ]
    a, b = statistics.median(r[0] for r in one), statistics.median(r[0] for r in many)
    print(
        f"search --report: one report {a:.2f} s, the folder of {len(list(reports.iterdir()))} read before "
        f"{b:.2f} s ({b / a:.2f}x), peak {max(r[1] for r in many):.0f} MB  (load {load()})"
    )


if __name__ == "__main__":
    raise SystemExit(main())
