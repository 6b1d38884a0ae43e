"""How a measure is quoted: the text exactly, then where it comes from.

Researchers paste quotes into papers and briefings, so the default follows Chinese citation
habit: “原文”——《标题》三、(二)，2022-07-05. The template is configurable (config.toml
``citation_template``) with the fields documented in ``CITATION_FIELDS``.
"""

from __future__ import annotations

from zimao_tui.document.report import Heading, Measure, Report, heading_numbers

DEFAULT_TEMPLATE = "“{text}”——《{title}》{path}，{date}"

_NESTED = str.maketrans("“”", "‘’")
"""Chinese punctuation (GB/T 15834) nests quotes as “…‘…’…”."""

CITATION_FIELDS = {
    "text": "the measure's text, verbatim (inside “{text}” its own “…” become ‘…’, as Chinese nesting requires)",
    "title": "the report's title",
    "path": "chapter and section numbers as written, e.g. 三、(二)",
    "headings": "chapter and section numbers and titles, e.g. 三、产业发展提质增效 › (二)生命健康产业全国前列",
    "date": "the report's date (YYYY-MM-DD), or empty",
    "source": "the report's source, or empty",
    "id": "the measure's id, e.g. 3.2.5",
}


def _numbers(headings: tuple[Heading, ...]) -> str:
    """Heading numbers as cited: 三、(二). A lone chapter drops its 、 (三，not 三、，).

    A law's articles are numbered through the whole law, so a measure in one is cited from its
    article as written (第十二条, 第十二条（一）), without the chapter and section above it.
    """
    articles = [i for i, h in enumerate(headings) if h.kind == "article" and h.number.startswith("第")]
    if articles:
        headings = headings[articles[-1] :]
    numbers = heading_numbers(headings)
    return numbers[:-1] if numbers.endswith("、") else numbers


def _pieces(template: str) -> list[tuple[str, str | None]]:
    """The template as (literal text, field name or None), checked; ValueError says what is wrong.

    Only bare ``{name}`` fields are allowed: no format spec or conversion (``{text:>1999999999}``
    would build a string of two billion characters on ``C``), no attribute, index or
    positional field. ``{{``/``}}`` are literal braces, as in ``str.format``.
    """
    from string import Formatter

    pieces: list[tuple[str, str | None]] = []
    try:
        parsed = list(Formatter().parse(template))
    except ValueError:  # a stray brace; Python's own wording is English whatever the interface
        raise ValueError("{ }") from None
    for literal, name, spec, conversion in parsed:
        if name is None:
            pieces.append((literal, None))
            continue
        if spec or conversion or not name.isidentifier():
            shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            raise ValueError(shown)
        pieces.append((literal, name))
    return pieces


def template_problem(template: str) -> str | None:
    """Why ``template`` cannot be used as a citation template (the offending part), or None."""
    try:
        _pieces(template)
    except ValueError as exc:
        return str(exc)
    return None


def _render(template: str, fields: dict[str, str]) -> str:
    """The template with its known fields filled in; an unknown ``{name}`` stays as written.

    Never ``str.format``: the template is the user's, and formatting does only substitution."""
    out: list[str] = []
    for literal, name in _pieces(template):
        out.append(literal)
        if name is not None:
            out.append(fields.get(name, "{" + name + "}"))
    return "".join(out)


def cite(report: Report, measure: Measure, template: str | None = None) -> str:
    """The measure quoted with its citation, following ``template`` (default: DEFAULT_TEMPLATE)."""
    return _quote(report, measure.text, report.ancestors(measure.id), measure.id, template)


def article_text(heading: Heading) -> str:
    """An article's text as the law prints it: its paragraphs, one a line (第十二条 has no title
    of its own, so its text is what a reader quotes)."""
    lines: list[str] = []
    last = -1
    for measure in heading.measures():
        if measure.paragraph != last:
            lines.append("")
            last = measure.paragraph
        lines[-1] += measure.text
    return "\n".join(lines)


def cite_article(report: Report, heading: Heading, template: str | None = None) -> str:
    """A law's article quoted whole with its citation, like :func:`cite` for a measure."""
    path = (*report.ancestors(heading.id), heading)
    return _quote(report, article_text(heading), path, heading.id, template)


def _quote(report: Report, text: str, path: tuple[Heading, ...], node_id: str, template: str | None) -> str:
    """``text`` (from the node ``node_id`` under the headings ``path``) in ``template``."""
    template = template or DEFAULT_TEMPLATE
    fields = dict(
        text=text.translate(_NESTED) if "“{text}”" in template else text,
        title=_inner_title(report.title) if "《{title}》" in template else report.title,
        path=_numbers(path),
        headings=" › ".join(h.label for h in path),
        date=report.date,
        source=report.source,
        id=node_id,
    )
    try:
        return _render(template, fields)
    except ValueError:
        # A malformed template (stray brace, {0}, {x.y}, {text:>9}) must not stop the user
        # copying; config.toml's loader has already said so (template_problem).
        return _quote(report, text, path, node_id, DEFAULT_TEMPLATE)


def _inner_title(title: str) -> str:
    """A title quoted inside 《…》 turns its own 《…》 into 〈…〉, as book-title marks nest
    (GB/T 15834): 《国务院关于印发〈国务院工作规则〉的通知》."""
    return title.replace("《", "〈").replace("》", "〉")


def section_text(report: Report, heading: Heading) -> str:
    """A heading with everything under it, sub-headings and paragraphs kept, then its citation."""
    lines: list[str] = []

    def walk(node: Heading) -> None:
        lines.append(node.label)
        paragraph: list[str] = []
        last = -1
        for child in node.children:
            if isinstance(child, Heading):
                if paragraph:
                    lines.append("".join(paragraph))
                    paragraph, last = [], -1
                walk(child)
                continue
            if child.paragraph != last and paragraph:
                lines.append("".join(paragraph))
                paragraph = []
            paragraph.append(child.text)
            last = child.paragraph
        if paragraph:
            lines.append("".join(paragraph))

    walk(heading)
    lines.append(
        f"——《{_inner_title(report.title)}》{_numbers((*report.ancestors(heading.id), heading))}，{report.date}"
    )
    return "\n".join(lines)
