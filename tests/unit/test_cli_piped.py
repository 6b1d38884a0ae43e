"""Piped CLI output is never cut to the terminal's width (issue 15).

``outline --report DIR | cat`` lost its counts and ``terms``/``figures`` cut titles at 80
columns: a script reading the output must get every title whole. Run as a script would, with
stdout a pipe and ``COLUMNS=80`` in the environment.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from zimao_tui.document.parse import load_report
from zimao_tui.insights.figure_export import chapter_label
from zimao_tui.insights.figures import extract_figures
from zimao_tui.insights.terms import extract_terms

DOC = Path(__file__).parents[1] / "documents" / "01-gwr-national-2025.txt"


def _piped(*argv: str) -> str:
    env = {**os.environ, "COLUMNS": "80", "LINES": "24"}
    done = subprocess.run(
        [sys.executable, "-m", "zimao_tui", *argv, "--report", str(DOC)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return done.stdout


def test_outline_keeps_every_heading_and_count() -> None:
    report = load_report(DOC)
    out = _piped("outline")
    long = [h for h in report.headings() if len(h.label) > 30]
    assert long, "the document has headings longer than a 30-column pane"
    for heading in report.headings():
        count = sum(1 for _ in heading.measures())
        assert f"{heading.label}  {heading.id} · {count}" in out


def test_terms_and_figures_keep_whole_titles() -> None:
    report = load_report(DOC)
    terms = _piped("terms")
    for term in extract_terms(report):
        assert (f"“{term.term}”" if term.kind == "term" else f"《{term.term}》") in terms
    figures = _piped("figures")
    for chapter in {chapter_label(report, f.measure_id) for f in extract_figures(report)}:
        assert chapter in figures
