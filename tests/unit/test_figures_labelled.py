"""Figures against the hand-labelled passages of real documents (``tests/figures/*.toml``).

Issue 14's bar: at least 90% of labelled figures right (value and unit, or date), the
approximation flag right, and at most one non-figure reported per document. The scoring rules
live in ``tests/figure_labels.py`` (``benchmarks/figures.py`` prints the same table).
"""

from __future__ import annotations

from pathlib import Path

import figure_labels as SCORE
import pytest

FILES = SCORE.label_files()


def test_there_are_enough_labels() -> None:
    total = sum(SCORE.score_file(p)[1].labelled for p in FILES if SCORE.document_path(_doc(p)).exists())
    assert len(FILES) >= 8 and total >= 200


def _doc(path: Path) -> str:
    return str(SCORE.loads(path.read_text(encoding="utf-8"))["document"])


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_labelled_document(path: Path) -> None:
    if not SCORE.document_path(_doc(path)).exists():
        pytest.skip("../shared/reports is not beside this checkout")
    _, score = SCORE.score_file(path)
    assert score.recall >= 0.9, score.misses
    assert score.precision >= 0.9, score.misses
    assert score.approx_right >= 0.9 * (score.found - score.false_figures), score.misses
    assert score.non_figures <= 1, score.misses
