"""Chinese line breaking: no closing mark opens a line, no opening mark ends one, numbers stay whole."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.content import Content
from textual.style import Style
from textual.visual import RenderOptions
from textual.widgets import Static

from zimao_tui.document.report import Report
from zimao_tui.ui.text.linebreak import NO_LINE_END, NO_LINE_START, Kinsoku, break_offsets, wrap_content


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
            assert cell_len(line.rstrip(" ")) <= width  # spaces hang past the edge
    assert not any(part.startswith(" ") for part in parts[1:])


def test_spaces_hang_at_the_end_of_a_line() -> None:
    text = "“一事联办” occurs 2 times in 3 measures"
    for width in range(8, 40):
        parts = lines(text, width)
        assert not any(p.startswith(" ") for p in parts[1:]), (width, parts)
        assert all(cell_len(p.rstrip()) <= width for p in parts), (width, parts)
    assert lines(text, 19) == ["“一事联办” occurs 2 ", "times in 3 measures"]


def draw(visual: Kinsoku | Content, width: int) -> list[str]:
    """The lines Textual draws for ``visual`` in a Static ``width`` cells wide."""
    styles = Static().styles
    options = RenderOptions(lambda style: Style.parse(str(style)), styles)
    strips = visual.render_strips(width, None, Style(), options)
    assert len(strips) == visual.get_height(styles, width)
    return [strip.text.rstrip() for strip in strips]


def test_kinsoku_draws_by_the_rules_at_any_width() -> None:
    text = "推广1亿元“中国光谷奖学金”,导入高校创新要素,完善“金字塔”式人才体系。"
    content = Content(text).stylize("bold", 2, 5)
    visual = Kinsoku(content)
    assert str(visual) == text
    assert draw(Content(text), 24)[1].startswith("”")  # what Textual alone draws
    for width in (24, 12, 17, 40, 24):  # a resize: the cut follows the width, and back
        drawn = draw(visual, width)
        assert drawn == lines(text, width)
        assert not any(line[0] in NO_LINE_START for line in drawn[1:])
        assert not any(line[-1] in NO_LINE_END for line in drawn[:-1])
    assert visual.wrapped(24, Static().styles).spans == wrap_content(content, 24).spans


def test_kinsoku_keeps_nowrap_and_sizes_like_its_content() -> None:
    content = Content("提升“光谷科创大走廊”,完善“金字塔”式")
    visual = Kinsoku(content)
    styles = Static().styles
    assert visual.get_optimal_width(styles, 80) == content.get_optimal_width(styles, 80)
    styles.text_wrap = "nowrap"
    assert visual.wrapped(10, styles) is content
