"""Markdown: ``#`` headings are headings, the rest of the markup goes, the measures are the text's."""

from __future__ import annotations

from pathlib import Path

from zimao_tui.document.formats import markdown
from zimao_tui.document.parse import parse_bytes
from zimao_tui.document.report import Heading

DOCS = Path(__file__).parent.parent / "documents"


def test_a_markdown_copy_gives_the_measures_of_the_text() -> None:
    """The gov.cn notice written as Markdown (# title, ## 一、…, **（一）**, a link) reads as its text."""
    md = DOCS / "markdown" / "ftz-measures-guofa-2018-38.md"
    txt = DOCS / "12-ftz-measures-guofa-2018-38.txt"
    from_md = parse_bytes(md.read_bytes(), str(md), ".md")
    from_text = parse_bytes(txt.read_bytes(), str(txt), ".txt")
    assert from_md.format == "markdown"
    assert from_md.title == "国务院关于支持自由贸易试验区深化改革创新若干措施的通知"
    assert (from_md.doc_number, from_md.issuer, from_md.date) == ("国发〔2018〕38号", "国务院", "2018-11-07")
    assert [h.label for h in from_md.children][:3] == [
        "前言",
        "一、营造优良投资环境",
        "二、提升贸易便利化水平",
    ]
    assert [m.text for m in from_md.measures()] == [m.text for m in from_text.measures()]


def test_markup_is_removed_and_numbers_kept() -> None:
    text = """# 关于加强测试工作的通知

各单位：

这是**重点**和[链接的文字](http://example.com)，`代码`也是文字，
下一行接着写。

1. 第一项任务。
2. 第二项任务。

- 甲项
- 乙项

| 项目 | 金额 |
|---|---|
| 资金 | 3亿元 |

```
原样的一行
```
"""
    source = markdown.read(text.encode(), "t.md")
    assert source.lines == [
        "关于加强测试工作的通知",
        "各单位：",
        "这是重点和链接的文字，代码也是文字，",
        "下一行接着写。",
        "1.第一项任务。",
        "2.第二项任务。",
        "甲项",
        "乙项",
        "项目 金额",
        "资金 3亿元",
        "原样的一行",
    ]
    assert source.meta == {"title": "关于加强测试工作的通知"}  # a lone # on top: the title
    assert source.headings == {}
    assert source.rows == {8, 9}


def test_headings_without_numbers_are_divisions_nested_by_level() -> None:
    text = """# 某某区关于推进测试工作的实施方案

## 总体目标

到2026年，基本建成测试工作体系，形成一批可复制推广的经验。

## 重点任务

### 加强统筹

1. 建立联席会议制度，定期研究重大问题。
2. 完善考核评价机制，压实各方责任。

### 强化保障

加大财政投入，安排专项资金5000万元。

## 组织实施

各部门要加强领导，确保各项任务落到实处。
"""
    report = parse_bytes(text.encode(), "plan.md", ".md")
    assert report.title == "某某区关于推进测试工作的实施方案"
    assert [h.title for h in report.children] == ["总体目标", "重点任务", "组织实施"]
    tasks = report.children[1]
    assert [c.title for c in tasks.children if isinstance(c, Heading)] == ["加强统筹", "强化保障"]
    numbered = tasks.children[0]
    assert isinstance(numbered, Heading)
    assert [c.number for c in numbered.children if isinstance(c, Heading)] == ["1.", "2."]


def test_numbered_markdown_headings_are_placed_by_their_level() -> None:
    text = "# 通知\n\n## 一、总体要求\n\n坚持稳中求进。\n\n### （一）基本原则\n\n坚持问题导向。\n\n## 二、主要任务\n\n抓好落实。\n"
    report = parse_bytes(text.encode(), "n.md", ".md")
    assert [(h.number, h.title) for h in report.children] == [("一、", "总体要求"), ("二、", "主要任务")]
    first = report.children[0].children
    assert [(c.number, c.title) for c in first if isinstance(c, Heading)] == [("（一）", "基本原则")]
