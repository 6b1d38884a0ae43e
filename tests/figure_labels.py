"""Score the figures index against the hand-labelled passages of ``tests/figures/*.toml``.


One home for the scoring rules, used by ``tests/unit/test_figures_labelled.py`` and printed by
``benchmarks/figures.py``. A labelled figure is found when a figure of the tool overlaps its
text in the passage; it is *right* when the value and unit (or the date) and the range's high
end agree. Every figure the tool reports inside a passage that overlaps no label (and no
``ignore`` text) is a false figure; those overlapping a ``not`` text are non-figures reported.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zimao_tui.document.parse import load_report
from zimao_tui.document.report import Report
from zimao_tui.insights.figures import Figure, extract_figures
from zimao_tui.store.tomlcompat import loads

HERE = Path(__file__).resolve().parent / "figures"
ROOT = HERE.parent.parent
REPORTS = ROOT.parent / "shared" / "reports"


@dataclass
class Score:
    """Counts over a set of passages; ``misses`` says what went wrong, for ``-v``."""

    labelled: int = 0
    found: int = 0
    right: int = 0
    approx_right: int = 0
    bound_checked: int = 0
    bound_right: int = 0
    target_right: int = 0
    of_checked: int = 0
    of_right: int = 0
    false_figures: int = 0
    non_figures: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name, value in vars(other).items():
            if name == "misses":
                self.misses.extend(value)
            else:
                setattr(self, name, getattr(self, name) + value)

    @property
    def recall(self) -> float:
        return self.right / self.labelled if self.labelled else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0


def label_files() -> list[Path]:
    return sorted(HERE.glob("*.toml"))


def document_path(name: str) -> Path:
    """``real/01-….txt`` under ../shared/reports, or ``tests/documents/….txt`` in the repo."""
    return ROOT / name if name.startswith("tests/") else REPORTS / name


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _right(label: dict[str, Any], figure: Figure) -> bool:
    if "date" in label:
        return figure.iso_date == label["date"] and figure.iso_high == label.get("date_high")
    if figure.kind == "date" or figure.unit != label["unit"] or not _same(figure.value, label["value"]):
        return False
    high = label.get("high")
    return (figure.high is None) if high is None else (figure.high is not None and _same(figure.high, high))


def _spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for word in words:
        at = text.find(word, cursor)
        if at < 0:
            at = text.find(word)
        assert at >= 0, f"{word!r} is not in the passage {text!r}"
        spans.append((at, at + len(word)))
        cursor = at + len(word)
    return spans


def _all_spans(text: str, word: str) -> list[tuple[int, int]]:
    out, at = [], text.find(word)
    while at >= 0:
        out.append((at, at + len(word)))
        at = text.find(word, at + 1)
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_passage(report: Report, figures: list[Figure], passage: dict[str, Any], where: str) -> Score:
    """Score one passage: find its measure, match labels to the tool's figures in it."""
    text = passage["text"]
    owners = [m for m in report.measures() if text in m.text]
    assert owners, f"{where}: passage not inside one measure: {text[:30]}"
    measure = owners[0]
    offset = measure.text.index(text)
    mine = [
        f
        for f in figures
        if f.measure_id == measure.id
        and offset <= f.start
        and f.end <= offset + len(text) + 4
        and f.start < offset + len(text)
    ]
    labels: list[dict[str, Any]] = passage.get("figures", [])
    spans = [(a + offset, b + offset) for a, b in _spans(text, [lab["raw"] for lab in labels])]
    score = Score(labelled=len(labels))
    used: set[int] = set()
    for label, span in zip(labels, spans, strict=True):
        match = next((f for f in mine if id(f) not in used and _overlap((f.start, f.end), span)), None)
        if match is None:
            score.misses.append(f"{where}: missed {label['raw']}")
            continue
        used.add(id(match))
        _score_match(score, label, match, where)
    ignored = [(a + offset, b + offset) for w in passage.get("ignore", []) for a, b in _all_spans(text, w)]
    nots = [(a + offset, b + offset) for w in passage.get("not", []) for a, b in _all_spans(text, w)]
    for f in mine:
        if id(f) in used or any(_overlap((f.start, f.end), s) for s in ignored):
            continue
        score.found += 1
        score.false_figures += 1
        score.non_figures += any(_overlap((f.start, f.end), s) for s in nots)
        score.misses.append(f"{where}: not a figure: {f.raw} ({f.value} {f.unit})")
    return score


def _score_match(score: Score, label: dict[str, Any], figure: Figure, where: str) -> None:
    score.found += 1
    if _right(label, figure):
        score.right += 1
    else:
        wanted = label.get("date") or f"{label.get('value')}–{label.get('high')} {label.get('unit')}"
        score.misses.append(
            f"{where}: {label['raw']}: want {wanted}, got {figure.raw} {figure.value}–{figure.high} {figure.unit}"
        )
    if figure.approximate == bool(label.get("approx", False)):
        score.approx_right += 1
    else:
        score.misses.append(f"{where}: {label['raw']}: approx should be {label.get('approx', False)}")
    if "bound" in label or figure.bound:
        score.bound_checked += 1
        score.bound_right += figure.bound == label.get("bound")
    if "date" not in label:
        score.target_right += (figure.target is True) == bool(label.get("target", False))
        if (figure.target is True) != bool(label.get("target", False)):
            score.misses.append(f"{where}: {label['raw']}: target should be {label.get('target', False)}")
    else:
        score.target_right += 1
    if "of" in label:
        score.of_checked += 1
        score.of_right += figure.of == label["of"]
        if figure.of != label["of"]:
            score.misses.append(f"{where}: {label['raw']}: of should be {label['of']!r}, got {figure.of!r}")


def score_file(path: Path) -> tuple[dict[str, Any], Score]:
    """The label file's header and its score."""
    data = loads(path.read_text(encoding="utf-8"))
    report = load_report(document_path(data["document"]))
    figures = extract_figures(report)
    total = Score()
    for i, passage in enumerate(data.get("passage", []), 1):
        total.add(score_passage(report, figures, passage, f"{path.stem}#{i}"))
    return data, total
