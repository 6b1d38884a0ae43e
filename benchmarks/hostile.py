"""What hostile queries cost (issue 10, item 3): each timed on a corpus of many reports.

    python benchmarks/hostile.py [--copies 1000] [--repeat 3]

Before the caps in ``zimao_tui/search/query.py`` a 10,000-character query on 1,000 reports
took 92-108 s, ``!知识 `` x 2,000 took 19 s and ``a`` x 1,000 raised RecursionError. The
corpus is the bundled report's varied copies (benchmarks/search.py's ``variant``); every
copy reuses the bundled report's segmentation (the copies differ only in a city name and
digits of the same length), so building it takes seconds, not the minutes jieba would.
Each query is timed with an empty per-word memo (``SearchIndex.forget``); the best of
``--repeat`` runs is printed with the hit count and whether the query was capped.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from search import variant

from zimao_tui.document.parse import load_report, parse_text
from zimao_tui.paths import bundled_report
from zimao_tui.search.search import SearchIndex, build_index


def hostile_queries(text: str) -> list[tuple[str, str]]:
    """(label, query) pairs: long runs of letters, long pastes, many repeated words."""
    chinese = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
    return [
        ("'a' x 1,000", "a" * 1000),
        ("'a' x 10,000", "a" * 10_000),
        ("'zhishichanquan' x 700", "zhishichanquan" * 700),
        ("'知识产权' x 2,500", "知识产权" * 2500),
        ("10,000 chars of the report", chinese[:10_000]),
        ("'!知识 ' x 2,000", "!知识 " * 2000),
        ("'知识 ' x 2,000", "知识 " * 2000),
        ("'a | ' x 2,000", "a | " * 2000),
        ("normal: 知识产权证券化", "知识产权证券化"),
        ("normal: zhishicq", "zhishicq"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    source = bundled_report().read_text(encoding="utf-8")
    bundled = load_report(bundled_report())
    base = build_index([bundled])  # the shipped index: no jieba
    data = {"starts": base._starts, "pinyin": base._syllables}
    corpus = [parse_text(variant(source, k), origin=f"copy-{k}") for k in range(args.copies)]
    assert all(len(list(r.measures())) == len(data["pinyin"]) for r in corpus)
    index = SearchIndex(corpus, [data] * len(corpus))
    index.warm()
    print(f"corpus: {len(corpus)} reports, {len(index)} measures; best of {args.repeat} runs, memo emptied")
    for label, query in hostile_queries(source):
        best = float("inf")
        for _ in range(args.repeat):
            index.forget()
            t = time.perf_counter()
            results = index.search(query)
            best = min(best, time.perf_counter() - t)
        capped = "capped" if results.capped else ""
        print(f"{label:<30}{len(query):>7} chars {best * 1000:>10.1f} ms {results.total:>8} hits  {capped}")
    print(f"python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
