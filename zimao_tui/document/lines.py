"""Text to lines: the one place that decides what a line is.

Reports arrive with \\r\\n, \\r or \\n line ends and with NBSP or ideographic spaces used as
indentation; every later step (metadata, numbering, tree) works on the list this returns, and
line numbers in ``Dropped`` records index it.
"""

from __future__ import annotations

EDGE_SPACE = "\u00a0\u3000 \t"
"""Trimmed at both ends of every line: the spaces web pages and word processors indent with."""


def split_lines(text: str) -> list[str]:
    """Split on any newline convention and trim NBSP/ideographic spaces at both ends of each line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [line.strip(EDGE_SPACE) for line in text.split("\n")]
