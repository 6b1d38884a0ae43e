"""PDF layout rules on plain geometry: columns, page furniture, wrapped lines (issue 13).

Pages are drawn here as a 公文 page is set: A4, 16 pt characters, 28 a line from x=80 to
x=528, lines 29 pt apart, paragraphs indented two characters. Each test says what a reader of
such a page sees.
"""

from __future__ import annotations

from zimao_tui.document.formats.pdflayout import Segment, paragraphs

SIZE = 16.0
LEFT, RIGHT = 80.0, 80.0 + 28 * SIZE


def run(text: str, y: float, left: float = LEFT) -> Segment:
    """A run of full-width characters with its baseline box at ``y``."""
    return Segment(text, left, y, left + SIZE * len(text), y + SIZE)


def body(texts: list[str], top: float = 760.0, left: float = LEFT) -> list[Segment]:
    """Lines one under the other; a text starting with two spaces is indented two characters."""
    out = []
    for k, text in enumerate(texts):
        indent = 2 * SIZE if text.startswith("  ") else 0.0
        out.append(run(text.strip(), top - 29 * k, left + indent))
    return out


FULL = "这一行排满了整行二十八个字符这一行排满了整行二十八个字符"[:28]
assert len(FULL) == 28


def test_a_wrapped_paragraph_is_joined_and_a_short_line_ends_it() -> None:
    page = body(["  " + FULL[:26], FULL, "到这里结束。", "  下一段开头。"])
    assert paragraphs([page]) == [FULL[:26] + FULL + "到这里结束。", "下一段开头。"]


def test_a_heading_starts_its_own_line_even_after_a_full_line() -> None:
    """一、 （二） 第三条 1. 附件 begin a line of their own, whatever the line before did."""
    for heading in ("一、总体要求", "（二）主要任务", "第三条　本办法所称", "1.拓展两个市场", "附件："):
        page = body(["  " + FULL[:26], FULL, heading])
        assert paragraphs([page])[-1] == heading


def test_sentence_end_at_the_margin_without_indents_ends_the_paragraph() -> None:
    """A document that does not indent its paragraphs: 。 at the right edge closes one."""
    first = FULL[:27] + "。"
    page = body([first, FULL, "最后一行。"])
    assert paragraphs([page]) == [first, FULL + "最后一行。"]


def test_sentence_end_at_the_margin_with_indents_continues() -> None:
    """Where paragraphs are indented, only an indented line starts one: 。 mid-paragraph does not."""
    middle = FULL[:27] + "。"
    page = body(["  " + FULL[:26], middle, "还是同一段。", "  另一段。"] * 3)
    got = paragraphs([page])
    assert got[0] == FULL[:26] + middle + "还是同一段。" and got[1] == "另一段。" and len(got) == 6


def test_a_paragraph_carries_on_across_the_page_break() -> None:
    page1 = [*body(["  " + FULL[:26], FULL]), run("- 1 -", 60, 280)]
    page2 = [*body(["接着写完。"]), run("- 2 -", 60, 280)]
    assert paragraphs([page1, page2]) == [FULL[:26] + FULL + "接着写完。"]


def test_page_numbers_in_every_usual_form_are_dropped() -> None:
    for number in ("- 3 -", "—3—", "3", "第 3 页 共 8 页", "第3页", "3/8", "Page 3 of 8"):
        page = [*body(["  正文第一段。", "  正文第二段。"]), run(number, 50, 280)]
        assert paragraphs([page]) == ["正文第一段。", "正文第二段。"], number


def test_a_number_inside_the_page_is_text() -> None:
    page = body(["  第一段。", "  " + FULL[:26], "第二段。", "2019", "  第三段。", "  第四段。"])
    assert paragraphs([page])[2] == "2019"


def test_a_running_title_on_every_page_is_dropped_but_the_title_is_kept() -> None:
    head = "某某市人民政府工作报告"
    texts = ["  %d页的正文。", "  " + FULL[:26], "%d页的第二段。", "  %d页的第三段。"]
    pages = [
        [run(head, 800, 200), *body([t.replace("%d", name) for t in texts]), run(str(number), 50, 290)]
        for number, name in enumerate(("甲", "乙", "丙"), 1)
    ]
    pages[0].insert(1, run("关于某某事项的通知", 780, 200))
    got = paragraphs(pages)
    assert head not in got and got[:2] == ["关于某某事项的通知", "甲页的正文。"] and len(got) == 10
    assert got[2] == FULL[:26] + "甲页的第二段。"


def test_a_line_on_one_page_only_is_not_a_running_title() -> None:
    pages = [body(["  甲页的正文。", "  甲页第二段。"]), body(["  乙页的正文。", "  乙页第二段。"])]
    assert paragraphs(pages) == ["甲页的正文。", "甲页第二段。", "乙页的正文。", "乙页第二段。"]


def test_two_columns_are_read_left_then_right_under_a_full_width_title() -> None:
    """Runs drawn row by row across both columns still read column by column."""
    width = 12
    left = [f"左栏第{n:02d}行文字内容" for n in range(12)]
    right = [f"右栏第{n:02d}行文字内容" for n in range(12)]
    title = "关于两栏排版的通知标题文字很长很长"
    segments = [Segment(title, 100, 800, 100 + 22 * len(title), 822)]  # 22 pt, over both columns
    for k in range(12):  # drawn interleaved: left line k, then right line k
        segments.append(run(left[k], 760 - 29 * k, LEFT))
        segments.append(run(right[k], 760 - 29 * k, LEFT + (width + 3) * SIZE))
    got = paragraphs([segments])
    assert got[0] == title
    text = "".join(got[1:])
    assert text == "".join(left) + "".join(right)


def test_one_column_with_right_aligned_signature_is_not_two_columns() -> None:
    """A signature set flush right beside short lines is still read top to bottom."""
    lines = ["一、总体要求", "  这是正文。", "二、主要任务", "  这也是正文。", "三、保障措施", "  还是正文。"]
    segments = body(lines)
    for k, text in enumerate(("国务院办公厅", "2018年12月4日")):
        segments.append(run(text, 560 - 29 * k, RIGHT - SIZE * len(text)))
    segments += body(["  附注一。", "  附注二。", "  附注三。", "  附注四。"], top=500)
    got = paragraphs([segments])
    assert got[:6] == [line.strip() for line in lines]
    assert got[6:8] == ["国务院办公厅", "2018年12月4日"]


def test_an_article_named_mid_sentence_is_not_a_heading() -> None:
    """依照本法 / 第四十二条的规定: a reference wrapped to the line start carries on the sentence;
    第四十三条　(a space after it) or after a finished sentence is an article."""
    page = body(["  " + FULL[:22] + "依照本法", "第四十二条的规定处理。", "第四十三条　平台经营者应当。"])
    assert paragraphs([page]) == [
        FULL[:22] + "依照本法第四十二条的规定处理。",
        "第四十三条　平台经营者应当。",
    ]


def test_a_list_run_into_the_sentence_carries_on_after_its_previous_item() -> None:
    """（3） at the line start after （2） in the same paragraph is the list going on, not a heading."""
    page = body(
        ["  应当具备下列条件：（1）有专职工作人员；（2）有独立、固定的办公住所；", "（3）有合法的资产。"]
    )
    assert paragraphs([page]) == [
        "应当具备下列条件：（1）有专职工作人员；（2）有独立、固定的办公住所；（3）有合法的资产。"
    ]
    page = body(["  " + FULL[:26], "（二）主要任务"])
    assert paragraphs([page])[-1] == "（二）主要任务"


def test_a_web_address_wrapped_after_its_digits_is_not_a_numbered_item() -> None:
    page = body(["  登录国家安全机关互联网举报受理平台网站www.123" + FULL[:9], "39.gov.cn；"])
    assert len(paragraphs([page])) == 1
