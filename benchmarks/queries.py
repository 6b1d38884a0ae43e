"""Held-out search queries: how many land in the top 3 (the target is all of them).

    python benchmarks/queries.py [--file benchmarks/queries.toml] [--verbose]

The queries (benchmarks/queries.toml) were written by reading the documents before the
ranking was tuned: typos, word order, pinyin, initials, traditional characters, older variant
characters, full-width digits and compound words. Every report named there is searched
together, as in the app with several files open; a query lands when one of its top 3 hits is
a measure of the named report whose text contains ``expect``. Prints one line per miss (all
lines with ``--verbose``) and the score. A query whose ``expect`` is in no measure of its
report is an error in the file, not a miss: it stops the run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from zimao_tui.document.parse import load_report
from zimao_tui.search.search import build_index
from zimao_tui.store.tomlcompat import loads as toml_loads

ROOT = Path(__file__).resolve().parent.parent
TOP = 3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=ROOT / "benchmarks" / "queries.toml")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    data = toml_loads(args.file.read_text(encoding="utf-8"))
    names = list(data["reports"])
    reports = [load_report(ROOT / data["reports"][name]) for name in names]
    owner = {name: report for name, report in zip(names, reports, strict=True)}
    with tempfile.TemporaryDirectory() as cache:
        index = build_index(reports, Path(cache))
    landed = 0
    for query in data["query"]:
        report = owner[query["report"]]
        if not any(query["expect"] in m.text for m in report.measures()):
            sys.exit(f"{args.file}: {query['expect']!r} is in no measure of {query['report']}")
        hits = index.search(query["q"], limit=TOP)
        rank = next(
            (n for n, h in enumerate(hits, 1) if h.report is report and query["expect"] in h.measure.text),
            None,
        )
        landed += rank is not None
        if rank is None or args.verbose:
            where = f"#{rank}" if rank else "miss"
            top = " | ".join(f"{h.score:g} {h.measure.text[:24]}" for h in hits)
            print(f"{where:>5}  {query['kind']:<11} {query['q']:<14} -> {top}")
    print(f"{landed} of {len(data['query'])} queries in the top {TOP}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
