"""Search speed: per-query p50/p95 on the bundled report (1x) and a 100-report corpus (100x),
index build time, cached index load time, and ``fzf --filter`` on the same sentences if installed.

    python benchmarks/search.py [--copies 100] [--repeat 20]

The corpus is varied copies of the bundled report (another city, shifted figures, a copy
number in the title) so that each copy has its own cache key and its own text. Each timed
query starts with an empty per-word memo (``SearchIndex.forget``): what one keystroke costs
when nothing of it was typed before. Figures go to the README by hand.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from zimao_tui.document.parse import load_report, load_reports
from zimao_tui.document.report import Report
from zimao_tui.paths import bundled_report
from zimao_tui.search.search import SearchIndex, build_index, open_index
from zimao_tui.search.segment import analyse

QUERIES = [
    "知识产权证券化",
    "知识产全",
    "诉前 调解",
    "证券化知识产权",
    "诺奖",
    "布拉格",
    "一业一证",
    "zscq",
    "zhishichanquan",
    "zhishicq",
    "yyyz",
    "自贸区",
    "光谷 !科技",
    "^知识产权",
    "墨西哥 | 布拉格",
    "跨竟电商",
    "集成电路",
    "rcep",
    "光谷",
    "发展",
    "gx",
    "知識產權證券化",
    "呆賬壞賬",
    "跨境电商退货",
    "ggkjzl",
    "ＲＣＥＰ",
]
CITIES = ["武汉", "长沙", "成都", "西安", "郑州", "合肥", "南昌", "重庆", "昆明", "南宁"]


def variant(text: str, k: int) -> str:
    """Copy k of the report: another city, figures shifted by k, the copy number in the title."""
    city = CITIES[k % len(CITIES)]
    shift = str.maketrans("0123456789", "".join(str((d + k) % 10) for d in range(10)))
    first, _, rest = text.partition("\n")
    return f"{first}（第{k}版）\n" + rest.replace("武汉", city).translate(shift) if k else text


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f} ms"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def time_queries(index: SearchIndex, repeat: int) -> dict[str, list[float]]:
    for q in QUERIES:  # build the lazy views (initials, postings, vocabulary) first
        index.search(q)
    times: dict[str, list[float]] = {q: [] for q in QUERIES}
    for _ in range(repeat):
        for q in QUERIES:
            index.forget()
            t = time.perf_counter()
            index.search(q, limit=50)
            times[q].append(time.perf_counter() - t)
    return times


def best_of(n: int, fn: Callable[[], object]) -> float:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return statistics.median(out)


def baseline_top3(bundled: Report, texts_tokens: list[str], query: str) -> list[str]:
    """The approach measured before this one: partial_ratio on the raw text plus
    token_set_ratio on jieba tokens, best of the two, ties in report order."""
    import jieba
    from rapidfuzz import fuzz

    q_tokens = " ".join(jieba.lcut(query))
    scored = [
        (max(fuzz.partial_ratio(query, m.text), fuzz.token_set_ratio(q_tokens, tokens)), n, m.id)
        for n, (m, tokens) in enumerate(zip(bundled.measures(), texts_tokens, strict=True))
    ]
    return [mid for _, _, mid in sorted(scored, key=lambda x: (-x[0], x[1]))[:3]]


def quality(bundled: Report, cache: Path) -> None:
    """How many of the test suite's top-3 queries each approach answers."""
    spec = importlib.util.spec_from_file_location(
        "top3", Path(__file__).parent.parent / "tests/unit/test_search.py"
    )
    if spec is None or spec.loader is None:
        raise RuntimeError("tests/unit/test_search.py not found")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    cases: list[tuple[str, str]] = module.TOP3
    index = build_index([bundled], cache_dir=cache)
    data = analyse([m.text for m in bundled.measures()], cache)
    texts_tokens = []
    for m, starts in zip(bundled.measures(), data["starts"], strict=True):
        bounds = [*starts, len(m.text)]
        texts_tokens.append(" ".join(m.text[a:b] for a, b in itertools.pairwise(bounds)))
    chinese = [(q, w) for q, w in cases if not q.isascii()]
    for label, subset in (("all", cases), ("Chinese only", chinese)):
        ours = sum(want in [h.measure.id for h in index.search(q, 3)] for q, want in subset)
        base = sum(want in baseline_top3(bundled, texts_tokens, q) for q, want in subset)
        print(
            f"top-3 quality, {label} ({len(subset)} test queries): this index {ours}/{len(subset)}, "
            f"partial_ratio + token_set_ratio baseline {base}/{len(subset)}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        source = bundled_report().read_text(encoding="utf-8")
        folder = tmp / "corpus"
        folder.mkdir()
        for k in range(args.copies):
            (folder / f"report-{k:03d}.txt").write_text(variant(source, k), encoding="utf-8")
        corpus: list[Report] = load_reports([folder])
        bundled = load_report(bundled_report())
        n_measures = sum(1 for r in corpus for _ in r.measures())
        print(
            f"corpus: {len(corpus)} reports, {n_measures} measures; queries: {len(QUERIES)} x {args.repeat}"
        )

        cache = tmp / "cache"
        texts = [m.text for m in bundled.measures()]
        job = json.dumps({"cache_dir": str(tmp / "cold-one"), "reports": [texts]})
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "zimao_tui.search.segment"], input=job, text=True, check=True)
        print(
            "index build, bundled report, in a child process as open_index does without the shipped "
            f"index (interpreter + jieba + pypinyin load): {ms(time.perf_counter() - t)}"
        )
        t = time.perf_counter()
        analyse(texts, tmp / "cold-one")
        print(
            f"index build, bundled report, in-process, first call (loads jieba here): {ms(time.perf_counter() - t)}"
        )
        t = time.perf_counter()
        analyse(texts, tmp / "cold-one")
        print(f"index build, bundled report, in-process, jieba loaded (again): {ms(time.perf_counter() - t)}")
        t = time.perf_counter()
        build_index(corpus, cache_dir=cache)
        print(f"index build, {len(corpus)} reports (in-process, jieba loaded): {ms(time.perf_counter() - t)}")
        t = time.perf_counter()
        open_index([load_report(folder / "report-001.txt")], cache_dir=tmp / "cold-child")
        print(f"open_index, cold cache (child process builds it): {ms(time.perf_counter() - t)}")

        one_load = best_of(50, lambda: open_index([bundled], cache_dir=cache))
        print(f"cached index load, bundled report (open_index, median of 50): {ms(one_load)}")
        all_load = best_of(5, lambda: open_index(corpus, cache_dir=cache))
        print(f"cached index load, {len(corpus)} reports (median of 5): {ms(all_load)}")

        print()
        results = {}
        for label, reports in (("1x", [bundled]), (f"{len(corpus)}x", corpus)):
            index = open_index(reports, cache_dir=cache)
            times = time_queries(index, args.repeat if label == "1x" else max(3, args.repeat // 4))
            results[label] = times
            flat = [x for v in times.values() for x in v]
            per_query_p50 = [statistics.median(v) for v in times.values()]
            print(
                f"{label:>5}: all runs p50 {ms(percentile(flat, 0.5))}, p95 {ms(percentile(flat, 0.95))}, "
                f"max {ms(max(flat))}; per-query p50s: median {ms(statistics.median(per_query_p50))}, "
                f"p95 {ms(percentile(per_query_p50, 0.95))}"
            )
        print()
        print(f"{'query':<18}" + "".join(f"{k + ' p50':>14}{k + ' p95':>14}" for k in results))
        for q in QUERIES:
            cells = "".join(
                f"{ms(statistics.median(r[q])):>14}{ms(percentile(r[q], 0.95)):>14}" for r in results.values()
            )
            print(f"{q:<18}{cells}")

        print()
        quality(bundled, cache)

        fzf = shutil.which("fzf")
        if fzf:
            lines = tmp / "sentences.txt"
            lines.write_text("\n".join(m.text for r in corpus for m in r.measures()) + "\n", encoding="utf-8")
            fzf_times = []
            for q in QUERIES:
                with lines.open("rb") as stdin:
                    t = time.perf_counter()
                    subprocess.run([fzf, "--filter", q], stdin=stdin, stdout=subprocess.DEVNULL, check=False)
                    fzf_times.append(time.perf_counter() - t)
            print(
                f"\nfzf --filter on the {n_measures} sentences (process start included): "
                f"p50 {ms(percentile(fzf_times, 0.5))}, p95 {ms(percentile(fzf_times, 0.95))}"
            )
        else:
            print("\nfzf not installed: no fzf comparison")
    print(f"python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
