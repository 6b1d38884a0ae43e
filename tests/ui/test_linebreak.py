"""Chinese line breaking: no closing mark opens a line, no opening mark ends one, numbers stay whole."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.content import Content

from zimao_tui.model.report import Report
from zimao_tui.ui.linebreak import NO_LINE_END, NO_LINE_START, break_offsets, wrap_content


def lines(text: str, width: int) -> list[str]:
    cuts = [0, *break_offsets(text, width), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(cuts)]


def test_every_measure_of_the_bundled_report(bundled: Report) -> None:
    for width in (20, 37, 44, 60):
        for measure in bundled.measures():
            parts = lines(measure.text, width)
            assert "".join(parts) == measure.text
            assert all(cell_len(p) <= width for p in parts)
            assert not any(p[0] in NO_LINE_START for p in parts[1:]), parts
            assert not any(p[-1] in NO_LINE_END for p in parts[:-1]), parts


def test_numbers_and_latin_words_are_not_cut() -> None:
    text = "设立不低于5亿元的发展资金近2000万元,推进5G应用"
    for width in range(10, 30):
        for part in lines(text, width)[1:]:
            assert not part.startswith(("000", "00", "0万", "G")), (width, part)


def test_existing_newlines_reset_the_line() -> None:
    assert break_offsets("一二三\n四五六七", 6) == [7]


def test_wrap_content_keeps_styles() -> None:
    content = Content.assemble(("上线“光谷数字人才卡”,为高层次人才提供服务。", "bold"))
    wrapped = wrap_content(content, 20)
    assert wrapped.plain.replace("\n", "") == content.plain
    assert all(span.style == "bold" for span in wrapped.spans)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("创新光谷，。、“”《》（）5G0.%ab \n"), max_size=120), st.integers(2, 40)
)
def test_lines_fit_and_lose_nothing(text: str, width: int) -> None:
    parts = lines(text, width)
    assert "".join(parts) == text
    for part in parts:
        for line in part.split("\n"):
            assert cell_len(line) <= width
