"""Property tests: the parser loses no sentence and never fails with anything but ReportError."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zimao_tui.document.errors import ReportError
from zimao_tui.document.parse import parse_bytes, parse_text

_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_WORD = st.text(_HAN, min_size=1, max_size=12)
_FILLER = st.sampled_from(["", ",", "，", "、", "“创新”", "《方案》", "(试行)", "5亿元", "98.86%", " "])
_SENTENCE = st.builds(
    lambda a, f, b, end: a + f + b + end, _WORD, _FILLER, _WORD, st.sampled_from(["。", "！", "？"])
)
_PARAGRAPH = st.lists(_SENTENCE, min_size=1, max_size=5)
_HEADING = st.sampled_from(["一、", "二、", "(一)", "（二）", "1.", "2、", "（1）", "①"])


@st.composite
def _reports(draw: st.DrawFn) -> tuple[str, list[str]]:
    """Generated report text and the sentences its body holds."""
    lines = [draw(_WORD)]
    sentences: list[str] = []
    for _ in range(draw(st.integers(1, 8))):
        if draw(st.booleans()):
            lines.append(draw(_HEADING) + draw(_WORD))
        # "据" keeps a body line from reading as a heading (一、… or ①… would be one).
        paragraph = ["据" + draw(_SENTENCE), *draw(_PARAGRAPH)]
        sentences.extend(paragraph)
        lines.append(
            draw(st.sampled_from(["", "  ", "\u3000"]))
            + "".join(paragraph)
            + draw(st.sampled_from(["", "\u00a0"]))
        )
    newline = draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n"]))
    return newline.join(lines), sentences


@settings(max_examples=150, deadline=None)
@given(_reports())
def test_every_generated_sentence_is_in_a_measure(case: tuple[str, list[str]]) -> None:
    text, sentences = case
    report = parse_text(text)
    measures = [m.text for m in report.measures()]
    joined = "\n".join(measures)
    for sentence in sentences:
        assert sentence in joined
    for m in report.measures():
        assert report.paragraph_of(m)[m.start : m.end] == m.text


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_parses_or_says_why(text: str) -> None:
    try:
        report = parse_text(text)
    except ReportError as exc:
        assert str(exc)
        return
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    for m in report.measures():
        assert m.text in normalised


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_parse_or_say_why(data: bytes) -> None:
    try:
        parse_bytes(data, "x.txt")
    except ReportError as exc:
        assert str(exc).startswith("x.txt：")  # the file first, then why (in Chinese by default)
