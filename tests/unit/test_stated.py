"""What a format states wins over what the text heuristics guessed; they fill the rest."""

from __future__ import annotations

from zimao_tui.document.metadata import DocMeta
from zimao_tui.document.stated import ROW, apply_stated, marked_headings, marked_marker

GUESSED = DocMeta(
    title="政策解读",  # a page's heading the text heuristics took for the title
    title_from_filename=False,
    subtitle=None,
    speaker=None,
    date="2024-07-01",
    time="09:30",
    date_source="published",
    issuer="某某局",
    doc_number=None,
    source="某某网",
)


def test_stated_fields_win_and_the_rest_stays() -> None:
    stated = {
        "title": "关于推进测试工作的通知",
        "doc_number": "某发〔2024〕3号",
        "date": "2024-06-28",
        "date_source": "written",
    }
    meta = apply_stated(GUESSED, stated)
    assert (meta.title, meta.doc_number, meta.date, meta.date_source) == (
        "关于推进测试工作的通知",
        "某发〔2024〕3号",
        "2024-06-28",
        "written",
    )
    assert meta.time is None  # the text's time belonged to the text's own date
    assert (meta.issuer, meta.source, meta.speaker) == ("某某局", "某某网", None)  # not stated: kept


def test_nothing_stated_changes_nothing() -> None:
    assert apply_stated(GUESSED, {}) is GUESSED
    assert apply_stated(GUESSED, {"issuer": ""}) == GUESSED  # an empty value states nothing


def test_marks_by_text_in_the_body_only() -> None:
    lines = ["标题", "一、总体要求", "正文。", "甲 乙", "二、主要任务"]
    marked = marked_headings(lines, [1, 2, 3, 4], {0: 1, 1: 1, 4: 1}, frozenset({3}))
    assert marked == {"一、总体要求": 1, "甲 乙": ROW, "二、主要任务": 1}  # line 0 is not body
    assert marked_marker("甲 乙", marked) is None  # a row is kept apart, never a heading
    numbered = marked_marker("一、总体要求", marked)
    assert numbered is not None and (numbered.number, numbered.rest, numbered.style.rank) == (
        "一、",
        "总体要求",
        1,
    )
    bare = marked_marker("总体要求", {"总体要求": 5})
    assert bare is not None and bare.style.rank == 3  # deeper levels rank as level 3 (4 is 第X条)
