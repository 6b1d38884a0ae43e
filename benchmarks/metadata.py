"""How long extract() (metadata and furniture) takes on ~1 MB documents, and that it stays linear.

Run: python benchmarks/metadata.py
Prints the time for the real documents of tests/documents joined into ~0.5 MB and ~1 MB, the
ratio between them (about 2 when linear), and the time on a page of furniture lines only.
"""

from __future__ import annotations

import time
from pathlib import Path

from zimao_tui.document.metadata import extract

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "tests" / "documents").glob("*.txt"))


def corpus(size: int) -> list[str]:
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in DOCS)
    repeated = (text + "\n") * (size // len(text.encode()) + 1)
    return repeated.encode()[:size].decode(errors="ignore").split("\n")


def timed(lines: list[str]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        extract(lines, origin="bench.txt")
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    extract(["标题", "正文。"], origin="warm.txt")  # compile the patterns and load the rules
    half, full = corpus(500_000), corpus(1_000_000)
    t_half, t_full = timed(half), timed(full)
    print(f"0.5 MB ({len(half)} lines): {t_half * 1000:.0f} ms")
    print(f"1.0 MB ({len(full)} lines): {t_full * 1000:.0f} ms   ratio {t_full / t_half:.2f}")
    widgets = ["全屏", "收藏", "加大", "相关报道", "联系我们", "目录"] * 20_000
    print(f"furniture only ({len(widgets)} lines): {timed(widgets) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
