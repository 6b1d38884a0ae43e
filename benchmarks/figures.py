"""Figures on real documents (issue 14): precision/recall on hand-labelled passages, and speed.

    python benchmarks/figures.py [-v]

One row per label file of ``tests/figures/`` (the scoring rules live in
``tests/figure_labels.py``): labelled figures, right (value and unit, or date), precision and
recall, the approximation flag right, bounds and targets right, counted nouns right, and
non-figures reported. Held-out documents (labelled after the rules were written) are totalled
apart. Then the time to find the figures of the largest report (~100 KB; the target is under
0.2 s, parsing excluded), and, when cn2an is installed, its time per numeral against ours.
``-v`` lists every miss.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the scoring rules live beside the tests that use them

import figure_labels  # noqa: E402


def _row(name: str, s: object) -> str:
    g = s.__dict__
    pct = f"{s.precision:6.1%} {s.recall:6.1%}"  # type: ignore[attr-defined]
    return (
        f"{name:36} {g['labelled']:4} {g['right']:4} {pct}  {g['approx_right']:3}/{g['found'] - g['false_figures']:<3}"
        f" {g['bound_right']:3}/{g['bound_checked']:<3} {g['target_right']:3}/{g['found'] - g['false_figures']:<3}"
        f" {g['of_right']:2}/{g['of_checked']:<2} {g['false_figures']:3} {g['non_figures']:3}"
    )


def _timing(score: Any) -> None:
    from zimao_tui.document.parse import load_report
    from zimao_tui.insights.figures import extract_figures

    path = max((p for p in (score.REPORTS / "real").glob("*.txt")), key=lambda p: p.stat().st_size)
    report = load_report(path)
    runs, cpu = [], []
    for _ in range(7):
        start, start_cpu = time.perf_counter(), time.process_time()
        found = extract_figures(report)
        runs.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    size = path.stat().st_size / 1024
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    print(
        f"\n{path.name} ({size:.0f} KB, {len(found)} figures): median {statistics.median(runs) * 1000:.0f} ms"
        f" wall, {statistics.median(cpu) * 1000:.0f} ms CPU (target < 200 ms{load})"
    )


def _numerals() -> None:
    from zimao_tui.document.numerals import cn_to_int

    cases = ["四千零七十三亿", "三亿零五百三十万", "二〇三五", "一九九○", "十四", "三千五百"]
    start = time.perf_counter()
    for _ in range(2000):
        for c in cases:
            cn_to_int(c)
    ours = (time.perf_counter() - start) / 2000 / len(cases) * 1e6
    line = f"numerals: ours {ours:.1f} us per numeral"
    try:
        import cn2an  # type: ignore[import-not-found]
    except ImportError:
        print(line + " (cn2an not installed)")
        return
    ok = 0
    for c in cases:
        with contextlib.suppress(ValueError):
            ok += cn2an.cn2an(c, "smart") == cn_to_int(c)
    start = time.perf_counter()
    for _ in range(200):
        for c in cases[:3]:
            cn2an.cn2an(c, "smart")
    theirs = (time.perf_counter() - start) / 200 / 3 * 1e6
    print(line + f"; cn2an {theirs:.1f} us, agrees on {ok}/{len(cases)} (rejects ○)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", action="store_true", help="list every miss")
    args = parser.parse_args()
    score = figure_labels
    print(f"{'labels':36} {'figs':>4} {'ok':>4}   prec    rec  approx   bound   target   of  false not")
    totals = {False: score.Score(), True: score.Score()}
    for path in score.label_files():
        data, s = score.score_file(path)
        held = bool(data.get("held_out"))
        totals[held].add(s)
        print(_row(path.stem + (" (held out)" if held else ""), s))
    for held, s in totals.items():
        if s.labelled:
            print(_row("TOTAL held out" if held else "TOTAL labelled with the rules", s))
    if args.v:
        for held in (False, True):
            print("\n".join(totals[held].misses))
    _timing(score)
    _numerals()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
