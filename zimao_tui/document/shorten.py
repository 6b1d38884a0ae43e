"""Cutting a text short for a label: one rule for every place that does it.

Tree labels, palette entries, list rows and heading titles all show the start of a longer
text; they should all cut the same way, so a reader learns once what "…" means here.
"""

from __future__ import annotations


def shorten(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, the last one "…" when it had to be cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
