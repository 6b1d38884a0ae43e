"""A comparison as a Markdown note an analyst pastes into their notes: ``compare --format md``
and the compare screen's export (``x``), in one place.
"""

from __future__ import annotations

from zimao_tui.document.inert import inert
from zimao_tui.i18n import t
from zimao_tui.insights.compare import STATUSES, Comparison, status_label
from zimao_tui.insights.diff import Chunk
from zimao_tui.insights.figures import Figure


def same_figure(fa: Figure | None, fb: Figure | None) -> bool:
    return fa is not None and fb is not None and fa.raw == fb.raw


MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_~[]<>|#"})


def md(text: str) -> str:
    """Report text as literal Markdown: inert, with Markdown's marks escaped."""
    return inert(text).translate(MD_SPECIAL)


def md_diff(chunks: tuple[Chunk, ...]) -> str:
    """``kept ~~deleted~~ **inserted**``."""
    marks = {"=": "{}", "-": "~~{}~~", "+": "**{}**"}
    return "".join(marks[op].format(md(text)) for op, text in chunks)


def markdown(comparison: Comparison, only: frozenset[str]) -> str:
    """The comparison as a Markdown note: title, chapter table, changes by status, terms, figures."""
    a, b = comparison.a, comparison.b
    lines = [f"# {md(a.title)} → {md(b.title)}", ""]
    head = [t("compare.chapter"), *(status_label(s) for s in STATUSES)]
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for chapter in comparison.chapters:
        label = md(chapter.label)
        if chapter.renamed:
            label += f" ({t('compare.renamed_from', label=md(chapter.label_a))})"
        lines.append("| " + " | ".join([label, *(str(chapter.counts[s]) for s in STATUSES)]) + " |")
    for status in STATUSES:
        chosen = [p for p in comparison.pairs if p.status == status and status in only]
        if not chosen:
            continue
        lines += ["", f"## {status_label(status)} ({len(chosen)})", ""]
        for pair in chosen:
            ids = " → ".join(m.id for m in (pair.a, pair.b) if m is not None)
            moved = f" *{t('compare.moved')}*" if pair.moved else ""
            measure = pair.b or pair.a
            assert measure is not None
            body = md_diff(pair.diff) if status == "changed" else md(measure.text)
            lines.append(f"- `{ids}`{moved} {body}")
    lines.append("")
    for key, terms in (
        ("compare.terms_new", comparison.terms_new),
        ("compare.terms_dropped", comparison.terms_dropped),
    ):
        lines.append(f"**{t(key, n=len(terms))}** " + "、".join(md(x) for x in terms))
        lines.append("")
    changed = [(fa, fb) for fa, fb in comparison.figures if not same_figure(fa, fb)]
    lines += [f"## {t('compare.figures', n=len(changed))}", ""]
    for fa, fb in changed:
        where = " → ".join(f.measure_id for f in (fa, fb) if f is not None)
        left, right = (md(f.raw) if f is not None else "—" for f in (fa, fb))
        lines.append(f"- `{where}` {left} → {right}")
    return "\n".join(lines) + "\n"
