"""Compare and trends speed: two 20,000-character reports under 2 s; trends over 50 reports under 5 s.

    python benchmarks/compare.py [--chars 20000] [--repeat 3] [--reports 50]

``compare``: the 2022 and 2023 national government work reports (../shared/reports/gwr), each
lengthened to ``--chars`` characters with the 2008 report's body (in B every fifth sentence has
a number changed and every ninth is moved to the end), so the alignment meets same, changed,
new, dropped and moved measures at once. Parsing is timed apart from comparing (best of
``--repeat``). ``trends``: the first ``--reports`` documents of tests/documents (copies of them
if there are fewer), loaded once to fill the parsed-report cache, then loaded again and counted
for five terms and for ``--top 10``: the "once indexed" figure. Figures go to the README by hand.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

from zimao_tui.document.parse import load_reports, parse_text
from zimao_tui.insights.compare import compare
from zimao_tui.insights.trends import top_terms, trends
from zimao_tui.store.report_cache import ReportCache

ROOT = Path(__file__).resolve().parent.parent
GWR = ROOT.parent / "shared" / "reports" / "gwr"
DOCUMENTS = ROOT / "tests" / "documents"
FILLER = DOCUMENTS / "h02-gwr-national-2008.txt"


def _lengthen(text: str, filler: str, chars: int) -> str:
    """``text`` with ``filler`` inserted before its closing licence lines, ``chars`` long in all."""
    end = text.find("本作品是中华人民共和国的")
    end = len(text) if end < 0 else end
    body, tail = text[:end], text[end:]
    room = max(chars - len(body) - len(tail), 0)
    return body + "\n" + filler[:room] + "\n" + tail


def _edit(body: str) -> str:
    """Every fifth sentence with its first number changed, every ninth moved to the end."""
    sentences = re.split(r"(?<=。)", body)
    kept, moved = [], []
    for n, sentence in enumerate(sentences):
        if n % 5 == 0:
            sentence = re.sub(r"\d+", lambda m: str(int(m.group()) + 7), sentence, count=1)
        (moved if n % 9 == 4 else kept).append(sentence)
    return "".join(kept + moved)


def best(repeat: int, work: object) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times), result


def bench_compare(chars: int, repeat: int) -> None:
    filler = "\n".join(FILLER.read_text(encoding="utf-8").splitlines()[20:])
    a_text = _lengthen((GWR / "2022.txt").read_text(encoding="utf-8"), filler, chars)
    b_text = _lengthen((GWR / "2023.txt").read_text(encoding="utf-8"), _edit(filler), chars)
    parse_time, (a, b) = best(repeat, lambda: (parse_text(a_text), parse_text(b_text)))
    compare_time, result = best(repeat, lambda: compare(a, b))
    counts = result.counts()  # type: ignore[attr-defined]
    measures = sum(1 for _ in a.measures()), sum(1 for _ in b.measures())
    print(
        f"compare: A {len(a_text):,} chars / {measures[0]} measures, B {len(b_text):,} chars / {measures[1]} measures"
    )
    print(f"  parse both {parse_time:.3f} s; compare {compare_time:.3f} s (best of {repeat}); {dict(counts)}")


def bench_trends(count: int, repeat: int) -> None:
    files = sorted(DOCUMENTS.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "reports").mkdir()
        for n in range(count):
            source = files[n % len(files)]
            (folder / "reports" / f"{n:03d}-{source.name}").write_text(
                source.read_text(encoding="utf-8"), encoding="utf-8"
            )
        cache = ReportCache(folder / "cache")
        start = time.perf_counter()
        load_reports([folder / "reports"], cache)
        cold = time.perf_counter() - start
        terms = ["改革", "高质量发展", "互联网+", "新质生产力", "放管服"]
        warm, reports = best(repeat, lambda: load_reports([folder / "reports"], cache))
        counted, _ = best(repeat, lambda: trends(terms, reports))  # type: ignore[arg-type]
        top, _ = best(repeat, lambda: top_terms(reports, 10))  # type: ignore[arg-type]
    print(f"trends: {count} reports; first load {cold:.2f} s, cached load {warm:.2f} s")
    print(f"  5 terms {counted:.3f} s -> total once indexed {warm + counted:.2f} s; --top 10 {top:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--reports", type=int, default=50)
    args = parser.parse_args()
    bench_compare(args.chars, args.repeat)
    bench_trends(args.reports, args.repeat)


if __name__ == "__main__":
    main()
