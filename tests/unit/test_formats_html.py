"""Web pages: real gov.cn, nfra.gov.cn and hd.gov.cn pages read into the same reports as their text.

The expectations were written by reading each page (its metadata table, its ``<meta>`` tags and
its text), never copied from the program: see tests/documents/html/SOURCE.md for where each page
comes from.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from zimao_tui.document.errors import ReportError
from zimao_tui.document.formats import html as html_format
from zimao_tui.document.formats.charset import declared_charset
from zimao_tui.document.parse import load_report, parse_bytes, report_files
from zimao_tui.document.report import Heading, Report

DOCS = Path(__file__).parent.parent / "documents"
PAGES = DOCS / "html"

# page: (title, doc number, issuer, date, date source, first top-level headings)
EXPECTED: dict[str, tuple[str, str, str, str, str, list[str]]] = {
    "gov-006.html": (
        "国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知",
        "国办发〔2019〕3号",
        "国务院办公厅",
        "2019-01-09",
        "written",
        ["前言", "一、总体要求", "二、工作任务", "三、工作措施", "四、组织实施"],
    ),
    "gov-011.html": (
        "国务院关于2018年度国家科学技术奖励的决定",
        "国发〔2018〕44号",
        "国务院",
        "2018-12-28",
        "written",
        ["正文"],  # a decision without numbered parts: one body
    ),
    "gov-014.html": (
        "国务院关于河北雄安新区总体规划（2018—2035年）的批复",
        "国函〔2018〕159号",
        "国务院",
        "2018-12-25",
        "written",
        [
            "前言",
            "一、原则同意《河北雄安新区总体规划（2018—2035年）》（以下简称《总体规划》）",
            "二、紧扣雄安新区战略定位",
        ],
    ),
    "gov-033.html": (
        "中华人民共和国个人所得税法实施条例",
        "国令第707号",
        "国务院",
        "2018-12-18",
        "written",
        ["前言", "第一条", "第二条", "第三条"],  # the regulation has articles and no chapters
    ),
    "gov-038.html": (
        "国务院办公厅关于2019年部分节假日安排的通知",
        "国办发明电〔2018〕15号",
        "国务院办公厅",
        "2018-12-04",
        "written",
        [
            "前言",
            "一、元旦",
            "二、春节",
            "三、清明节",
            "四、劳动节",
            "五、端午节",
            "六、中秋节",
            "七、国庆节",
        ],
    ),
    "gov-040.html": (
        "国务院关于棉粮、糖粮挂钩奖售粮几个问题的通知",
        "国发〔1981〕88号",
        "国务院",
        "1981-05-23",
        "written",
        [
            "前言",
            "一、关于棉粮挂钩的奖售基数问题",
            "二、关于棉粮、糖粮挂钩奖售粮的供应价格和经营费用负担问题",
        ],
    ),
    "gov-047.html": (
        "国务院关于印发《国务院工作规则》的通知",
        "国发〔2004〕18号",
        "国务院",
        "2004-06-26",
        "written",
        ["前言", "第一章 总则", "第二章 组成人员职责", "第三章 全面履行政府职能"],
    ),
    "gov-057.html": (
        "国务院关于支持自由贸易试验区深化改革创新若干措施的通知",
        "国发〔2018〕38号",
        "国务院",
        "2018-11-07",
        "written",
        ["前言", "一、营造优良投资环境", "二、提升贸易便利化水平", "三、推动金融创新服务实体经济"],
    ),
    # nfra.gov.cn: no metadata table; ArticleTitle, PubDate and ContentSource in the head, the
    # decision's own number in the title; a table of the case, one row per line.
    "nfra-36.html": (
        "国家金融监督管理总局行政处罚信息公开表(金罚决字〔2024〕36号)",
        "金罚决字〔2024〕36号",
        "",
        "2024-07-12",
        "published",
        ["正文"],
    ),
    "nfra-zhejiang-52.html": (
        "国家金融监督管理总局浙江监管局行政处罚信息公开表（浙金罚决字〔2024〕52号）",
        "浙金罚决字〔2024〕52号",
        "",
        "2025-06-03",
        "published",
        ["正文"],
    ),
}


def page(name: str) -> Report:
    path = PAGES / name
    return parse_bytes(path.read_bytes(), str(path), path.suffix)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_page_metadata_and_headings(name: str) -> None:
    title, doc_number, issuer, date, date_source, top = EXPECTED[name]
    report = page(name)
    assert report.format == "html"
    assert (report.title, report.doc_number, report.issuer) == (title, doc_number, issuer)
    assert (report.date, report.date_source) == (date, date_source)
    assert [h.label for h in report.children][: len(top)] == top


@pytest.mark.parametrize(
    ("html_name", "text_name"),
    [
        ("gov-057.html", "12-ftz-measures-guofa-2018-38.txt"),
        ("gov-047.html", "15-rules-state-council-work-guofa-2004-18.txt"),
    ],
)
def test_a_page_gives_the_measures_of_its_plain_text(html_name: str, text_name: str) -> None:
    """The same document saved as a page and as text: the same metadata, tree and measures."""
    from_html = page(html_name)
    text_path = DOCS / text_name
    from_text = parse_bytes(text_path.read_bytes(), str(text_path), ".txt")
    assert from_text.format == "text"
    assert [m.text for m in from_html.measures()] == [m.text for m in from_text.measures()]
    assert [h.label for h in from_html.headings()] == [h.label for h in from_text.headings()]
    fields = ("title", "date", "issuer", "doc_number")
    assert [getattr(from_html, f) for f in fields] == [getattr(from_text, f) for f in fields]


def test_the_metadata_table_and_navigation_are_not_text() -> None:
    text = "".join(m.text for m in page("gov-057.html").measures())
    assert "索 引 号" not in text and "000014349/2018-00207" not in text and "扫一扫" not in text
    text = "".join(m.text for m in page("nfra-36.html").measures())
    assert "复星联合健康保险股份有限公司" in text  # the case's own table
    assert "无障碍" not in text and "网站地图" not in text and "监管动态" not in text


def test_a_table_row_is_one_line() -> None:
    source = html_format.read((PAGES / "nfra-36.html").read_bytes(), "nfra-36.html")
    assert "行政处罚决定书文号 金罚决字〔2024〕36号" in source.lines
    assert "作出处罚决定的日期 2024年7月8日" in source.lines
    rows = [source.lines[i] for i in sorted(source.rows)]
    assert rows[:2] == [
        "行政处罚决定书文号 金罚决字〔2024〕36号",
        "被处罚当事人 复星联合健康保险股份有限公司及其责任人员",
    ]
    # Rows stay apart in the tree (no sentence runs from one row into the next).
    measures = [m.text for m in page("nfra-36.html").measures()]
    assert "被处罚当事人 复星联合健康保险股份有限公司及其责任人员" in measures


def test_br_blocks_entities_comments_and_scripts() -> None:
    page_bytes = (
        "<html><head><title>某某市人民政府关于测试的通知_某某市人民政府</title>"
        "<script>var x = '不是正文';</script><style>p{}</style></head><body>"
        "<nav>首页 &gt; 政策</nav><div class='TRS_Editor'>"
        "<p>各区人民政府：</p><p>一、总体要求<br>坚持&nbsp;问题导向&amp;目标导向，推进改革创新工作落实到位。</p>"
        "<!-- 编辑：张三 --><p>二、保障措施</p><div>加强组织领导，落实工作责任，确保各项任务按期完成。</div>"
        "</div></body></html>"
    ).encode()
    source = html_format.read(page_bytes, "t.html")
    assert source.lines == [
        "某某市人民政府关于测试的通知",  # <title> without the site's name, put back on top
        "各区人民政府：",
        "一、总体要求",
        "坚持 问题导向&目标导向，推进改革创新工作落实到位。",
        "二、保障措施",
        "加强组织领导，落实工作责任，确保各项任务按期完成。",
    ]
    assert source.meta == {"title": "某某市人民政府关于测试的通知"}


def test_h_tags_are_headings_even_without_numbers() -> None:
    body = "".join(
        f"<h3>{title}</h3><p>1.{title}的第一项工作要求，各部门要认真落实。</p><p>2.{title}的第二项工作要求，抓好督促检查。</p>"
        for title in ("总体目标", "重点任务", "保障措施")
    )
    page_bytes = (
        "<html><head><title>某某市关于推进测试工作的实施意见</title></head>"
        f"<body><h2>目录</h2><div id='zoom'>{body}</div></body></html>"
    ).encode()
    report = parse_bytes(page_bytes, "t.html", ".html")
    assert report.title == "某某市关于推进测试工作的实施意见"
    assert [h.title for h in report.children] == ["总体目标", "重点任务", "保障措施"]
    inside = report.children[1].children  # numbered lines under the heading work as in plain text
    assert [c.number for c in inside if isinstance(c, Heading)] == ["1.", "2."]


def test_a_gb2312_page_is_read_by_its_declared_charset() -> None:
    """gov.cn's own page, re-saved as a provincial site serves it: GB2312 declared, GBK bytes."""
    body = (PAGES / "gov-057.html").read_text(encoding="utf-8")
    head = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>'
    data = (head + body + "</body></html>").encode("gb18030")
    assert declared_charset(data) == "gb18030"
    report = parse_bytes(data, "gbk.html", ".html")
    assert report.encoding == "GB18030"
    assert [m.text for m in report.measures()] == [m.text for m in page("gov-057.html").measures()]


def test_a_wrong_declared_charset_falls_back_to_detection() -> None:
    """A UTF-8 page that still says gb2312 in its head (re-saved by an editor): detected as UTF-8."""
    body = (PAGES / "gov-038.html").read_text(encoding="utf-8")
    data = ('<html><head><meta charset="gb2312"></head><body>' + body).encode("utf-8")
    report = parse_bytes(data, "wrong.html", ".html")
    assert report.encoding == "UTF-8" and report.title == "国务院办公厅关于2019年部分节假日安排的通知"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("hd-list.html", "error.no_main_text"),  # hd.gov.cn's list of documents: links only
        ("hd-details.html", "error.no_report_text"),  # the metadata block without the text under it
    ],
)
def test_pages_without_main_text_say_so(name: str, key: str) -> None:
    with pytest.raises(ReportError) as caught:
        page(name)
    assert caught.value.args[0].key == key
    assert "\n" not in str(caught.value) and name in str(caught.value)


@pytest.mark.parametrize(
    "data",
    [
        b"<html><body><form><input name=user><input type=password></form><a href=/>\xe7\x99\xbb\xe5\xbd\x95</a></body></html>",
        b"<html><head><title>x</title></head></html>",
        b"<<<>>><</ div>>><p",
        b"<html>" + b"\xff\xfe\x00\x00" * 50,
    ],
)
def test_broken_or_empty_pages_are_one_error(data: bytes) -> None:
    with pytest.raises(ReportError) as caught:
        parse_bytes(data, "bad.html", ".html")
    assert "\n" not in str(caught.value)


def test_a_page_saved_with_its_folder_opens_the_page_only(tmp_path: Path) -> None:
    """Save as "web page, complete": x.html beside x_files/ (scripts, styles, an iframe's page)."""
    (tmp_path / "通知.html").write_bytes((PAGES / "gov-038.html").read_bytes())
    assets = tmp_path / "通知_files"
    assets.mkdir()
    (assets / "frame.htm").write_text("<html><body><a href=/>首页</a></body></html>", encoding="utf-8")
    (assets / "main.css").write_text("p{}", encoding="utf-8")
    assert report_files(tmp_path) == [tmp_path / "通知.html"]
    assert report_files(assets) == [tmp_path / "通知.html"]  # the assets' folder opens its page
    assert load_report(tmp_path / "通知.html").title == "国务院办公厅关于2019年部分节假日安排的通知"
