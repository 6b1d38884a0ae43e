"""Parsing speed: the parser stays linear, so a 1 MB document parses in well under a second.

    python benchmarks/parse.py [--mb 1] [--repeat 3]

Documents of about ``--mb`` megabytes, each timed with ``parse_text`` (best of ``--repeat``):

- ``real``: the laws in tests/documents/ (their text, without title lines) one after another
  until the size is reached: chapters, sections, articles and their items, at scale (whole
  documents would not do: the first one's footer ends the body);
- ``headings``: a 一、/（一）/1./（1） outline 4 levels deep, a heading every other line;
- ``split``: sentences broken over short lines as scraped pages break them (every line joined);
- ``one line``: a single paragraph with no line break.

Doubling the size should roughly double the time (the ``x2`` column): that is what linear means.
Figures go to the README by hand.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from zimao_tui.document.parse import parse_text

DOCUMENTS = Path(__file__).resolve().parent.parent / "tests" / "documents"
SENTENCE = "推进制度型开放，扩大规则、规制、管理、标准等对接，建设更高水平开放型经济新体制。"


def _fill(unit: Callable[[int], str], size: int) -> str:
    parts: list[str] = []
    total = i = 0
    while total < size:
        part = unit(i)
        parts.append(part)
        total += len(part.encode("utf-8"))
        i += 1
    return "标题\n" + "".join(parts)


def real(size: int) -> str:
    body = [
        "\n".join(p.read_text(encoding="utf-8").splitlines()[2:])  # a law without its title lines
        for p in sorted(DOCUMENTS.glob("*law*.txt"))
    ] or [SENTENCE * 10]
    return _fill(lambda i: body[i % len(body)] + "\n", size)


def headings(size: int) -> str:
    numerals = "一二三四五六七八九十"

    def unit(i: int) -> str:
        a, b, c, d = i // 1000, i // 100 % 10, i // 10 % 10, i % 10
        lines = []
        if b == c == d == 0:
            lines.append(f"{numerals[a % 10]}、第{a}部分")
        if c == d == 0:
            lines.append(f"（{numerals[b]}）第{b}节")
        if d == 0:
            lines.append(f"{c + 1}.第{c}项")
        lines.append(f"（{d + 1}）{SENTENCE}")
        lines.append(SENTENCE)
        return "\n".join(lines) + "\n"

    return _fill(unit, size)


def split(size: int) -> str:
    return _fill(
        lambda i: "推进制度型开放，扩大规则\n规制、管理、标准等对接\n建设更高水平开放型经济新体制。\n", size
    )


def one_line(size: int) -> str:
    return _fill(lambda i: SENTENCE, size)


def _best(text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        parse_text(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    size = int(args.mb * 1_000_000)
    print(f"{'document':<10} {'MB':>5} {'lines':>7} {'measures':>8} {'seconds':>8} {'x2':>6}")
    for name, make in (("real", real), ("headings", headings), ("split", split), ("one line", one_line)):
        text = make(size)
        seconds = _best(text, args.repeat)
        doubled = _best(make(2 * size), args.repeat)
        mb = len(text.encode("utf-8")) / 1e6
        measures = sum(1 for _ in parse_text(text).measures())
        print(
            f"{name:<10} {mb:>5.2f} {text.count(chr(10)):>7} {measures:>8} {seconds:>8.3f} {doubled / seconds:>6.2f}"
        )


if __name__ == "__main__":
    main()
