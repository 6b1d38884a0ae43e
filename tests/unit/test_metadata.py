"""Metadata and the body's bounds, rule by rule (zimao_tui/document/metadata.py).

The documents below are cut down from real ones of the genre (gov.cn pages, provincial work
reports, Wikisource, law collections, news reprints): the furniture is as those pages have it.
"""

from __future__ import annotations

import pytest

from zimao_tui.document.metadata import Extracted, extract
from zimao_tui.paths import bundled_report


@pytest.fixture(scope="module")
def bundled_text() -> str:
    return bundled_report().read_text(encoding="utf-8")


def run(text: str, origin: str = "doc.txt") -> Extracted:
    return extract(text.split("\n"), origin=origin)


def body(ex: Extracted, text: str) -> list[str]:
    lines = text.split("\n")
    return [lines[i].strip() for i in ex.body]


def reasons(ex: Extracted) -> dict[str, str]:
    return {d.text.strip(): d.reason for d in ex.dropped}


def check_seam(ex: Extracted, text: str) -> None:
    """Every non-blank line is in the body or dropped, exactly once."""
    lines = text.split("\n")
    dropped = [d.line for d in ex.dropped]
    assert len(set(dropped)) == len(dropped)
    assert not set(dropped) & set(ex.body)
    assert sorted([*dropped, *ex.body]) == [i for i, line in enumerate(lines) if line.strip()]
    assert list(ex.body) == sorted(ex.body)


GOV_NOTICE = """您的位置：首页 > 政策 > 国务院文件
字号：大 中 小
分享:
国务院办公厅关于印发
全国深化“放管服”改革优化营商环境电视电话会议重点任务分工方案的通知
国办发〔2019〕39号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
《全国深化“放管服”改革优化营商环境电视电话会议重点任务分工方案》已经国务院同意，现印发给你们，请认真贯彻执行。
国务院办公厅
2019年8月1日
（此件公开发布）
扫一扫在手机打开当前页
相关文档
国务院关于加快推进政务服务标准化规范化便利化的指导意见
【我要纠错】 责任编辑：王洋
"""


def test_gov_notice_page() -> None:
    ex = run(GOV_NOTICE)
    check_seam(ex, GOV_NOTICE)
    meta = ex.meta
    assert (
        meta.title == "国务院办公厅关于印发全国深化“放管服”改革优化营商环境电视电话会议重点任务分工方案的通知"
    )
    assert not meta.title_from_filename
    assert meta.doc_number == "国办发〔2019〕39号"
    assert (meta.date, meta.date_source) == ("2019-08-01", "signature")
    assert meta.issuer == "国务院办公厅"
    assert body(ex, GOV_NOTICE) == [
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
        "《全国深化“放管服”改革优化营商环境电视电话会议重点任务分工方案》已经国务院同意，现印发给你们，请认真贯彻执行。",
        "国务院办公厅",
        "2019年8月1日",
        "（此件公开发布）",
    ]
    r = reasons(ex)
    assert r["您的位置：首页 > 政策 > 国务院文件"] == "navigation"
    assert r["分享:"] == "furniture"
    assert r["相关文档"] == "related"
    assert r["国务院关于加快推进政务服务标准化规范化便利化的指导意见"] == "related"


GOV_TABLE = """索 引 号：
000014349/2018-00207
主题分类：
商贸、海关、旅游\\对外经贸合作
发文机关：
国务院
成文日期：
2018年11月07日
标　　题：
国务院关于支持自由贸易试验区深化改革创新若干措施的通知
发文字号：
国发〔2018〕38号
发布日期：
2018年11月23日
主 题 词：

国务院关于支持自由贸易试验区

深化改革创新若干措施的通知

国发〔2018〕38号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
建设自由贸易试验区是党中央、国务院在新形势下全面深化改革和扩大开放的战略举措。
国务院
2018年11月7日
"""


def test_gov_metadata_table_is_read_and_dropped() -> None:
    ex = run(GOV_TABLE)
    check_seam(ex, GOV_TABLE)
    meta = ex.meta
    assert meta.title == "国务院关于支持自由贸易试验区深化改革创新若干措施的通知"
    assert (meta.date, meta.date_source) == ("2018-11-07", "written")  # 成文日期 before the signature
    assert (meta.issuer, meta.doc_number) == ("国务院", "国发〔2018〕38号")
    r = reasons(ex)
    for label in ("索 引 号：", "主题分类：", "成文日期：", "标　　题：", "主 题 词：", "2018年11月23日"):
        assert r[label] == "metadata"
    assert r["国务院关于支持自由贸易试验区"] == r["深化改革创新若干措施的通知"] == "title"
    assert body(ex, GOV_TABLE)[0] == "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："


PROVINCIAL_REPORT = """下载
打印
全屏
收藏
【字号：
加大
还原
减小
】
2026年上海市政府工作报告
——2026年2月3日在上海市第十六届人民代表大会第四次会议上
来源：解放日报
时间：2026-02-09
上海市市长 龚 正
各位代表：
现在，我代表上海市人民政府，向大会报告工作，请予审议。
一、2025年工作回顾
全市生产总值增长5.4%。
相关报道：
上海两会|政府工作报告全文
"""


def test_provincial_report_page() -> None:
    ex = run(PROVINCIAL_REPORT)
    check_seam(ex, PROVINCIAL_REPORT)
    meta = ex.meta
    assert meta.title == "2026年上海市政府工作报告"
    assert meta.subtitle == "——2026年2月3日在上海市第十六届人民代表大会第四次会议上"
    assert meta.speaker == "上海市市长 龚 正"
    assert (meta.date, meta.date_source) == ("2026-02-03", "delivery")  # not the page's 时间
    assert meta.source == "解放日报"
    assert body(ex, PROVINCIAL_REPORT) == [
        "各位代表：",
        "现在，我代表上海市人民政府，向大会报告工作，请予审议。",
        "一、2025年工作回顾",
        "全市生产总值增长5.4%。",
    ]
    r = reasons(ex)
    assert {r[w] for w in ("下载", "全屏", "【字号：", "加大", "还原", "减小", "】")} == {"furniture"}
    assert r["上海市市长 龚 正"] == "speaker"
    assert r["相关报道："] == "related"


def test_delivery_line_split_over_two_lines_and_speaker_over_two() -> None:
    text = "政府工作报告\n——2026年1月26日在广东省第十四届\n人民代表大会第五次会议上\n国务院总理\u3000\n李克强\n各位代表：\n现在，我代表省人民政府，向大会报告工作。"
    ex = run(text)
    check_seam(ex, text)
    assert ex.meta.subtitle == "——2026年1月26日在广东省第十四届人民代表大会第五次会议上"
    assert ex.meta.speaker == "国务院总理 李克强"
    assert ex.meta.date == "2026-01-26"
    assert body(ex, text)[0] == "各位代表："


def test_bracketed_delivery_line() -> None:
    text = "政府工作报告\n（2026年1月27日在浙江省第十四届人民代表大会第五次会议上）\n省长 刘捷\n各位代表：\n现在，我代表省人民政府作工作报告。"
    ex = run(text)
    assert (ex.meta.date, ex.meta.date_source) == ("2026-01-27", "delivery")
    assert ex.meta.speaker == "省长 刘捷"


def test_chinese_numeral_signature_date_at_the_end() -> None:
    text = "关于一九九○年国民经济和社会发展计划的报告\n各位代表：\n一九九○年是治理整顿的关键一年。\n国务院\n一九九○年三月二十日"
    ex = run(text)
    check_seam(ex, text)
    assert (ex.meta.date, ex.meta.date_source) == ("1990-03-20", "signature")
    assert ex.meta.issuer == "国务院"
    assert body(ex, text)[-2:] == ["国务院", "一九九○年三月二十日"], "the signature stays in the body"


def test_year_only_signature() -> None:
    text = "政府工作报告\n各位代表：\n我们要继续前进。\n一九九○年"
    assert (run(text).meta.date, run(text).meta.date_source) == ("1990", "signature")


def test_law_adoption_line() -> None:
    text = "中华人民共和国海南自由贸易港法\n\n2021年6月10日 第十三届全国人民代表大会常务委员会第二十九次会议通过\n\n第一章 总则\n第一条 为了建设高水平的中国特色海南自由贸易港，制定本法。"
    ex = run(text)
    check_seam(ex, text)
    assert ex.meta.title == "中华人民共和国海南自由贸易港法"
    assert (ex.meta.date, ex.meta.date_source) == ("2021-06-10", "adoption")
    assert reasons(ex)["2021年6月10日 第十三届全国人民代表大会常务委员会第二十九次会议通过"] == "adoption"
    assert body(ex, text)[0] == "第一章 总则"


def test_bracketed_adoption_note_over_several_lines() -> None:
    text = "中华人民共和国行政许可法\n（2003年8月27日第十届全国人民代表大会常务委员会第四次会议通过\n根据2019年4月23日第十三届全国人民代表大会常务委员会第十次会议《关于修改〈中华人民共和国建筑法〉等八部法律的决定》修正）\n第一章　总　　则\n第一条　为了规范行政许可的设定和实施，制定本法。"
    ex = run(text)
    check_seam(ex, text)
    # An amended law is dated by the version in force: its latest 修正, not its first adoption.
    assert (ex.meta.date, ex.meta.date_source) == ("2019-04-23", "adoption")
    assert body(ex, text)[0] == "第一章　总　　则"


def test_amended_law_on_separate_lines_is_dated_by_its_latest_version() -> None:
    text = (
        "中华人民共和国行政许可法\n"
        "2003年8月27日 第十届全国人民代表大会常务委员会第四次会议通过\n"
        "2019年4月23日 第十三届全国人民代表大会常务委员会第十次会议《关于修改〈中华人民共和国建筑法〉等八部法律的决定》修正\n"
        "第一章 总 则\n第一条 为了规范行政许可的设定和实施，制定本法。"
    )
    ex = run(text)
    check_seam(ex, text)
    assert (ex.meta.date, ex.meta.date_source) == ("2019-04-23", "adoption")


def test_date_a_law_takes_effect_is_not_its_version() -> None:
    text = (
        "中华人民共和国某某法\n（2021年6月10日第十三届全国人民代表大会常务委员会第二十九次会议通过，"
        "自2021年9月1日起施行）\n第一章 总 则\n第一条 为了规范某某，制定本法。"
    )
    assert run(text).meta.date == "2021-06-10"


def test_news_reprint() -> None:
    text = """当前位置:新闻 > 2026全国两会 > 正文
新华社受权播发《政府工作报告》
2026-03-16 10:40:34 | 来源:泰州日报
字号变大 | 字号变小
3月5日，李强总理代表国务院在十四届全国人大四次会议上作《政府工作报告》。新华社记者 黄敬文 摄
新华社北京3月13日电 新华社受权于13日全文播发李强总理代表国务院在十四届全国人大四次会议上所作的《政府工作报告》。
报告共分四个部分。
【编辑:付子豪】
阅读量：1234
关闭"""
    ex = run(text)
    check_seam(ex, text)
    assert ex.meta.title == "新华社受权播发《政府工作报告》"
    assert (ex.meta.date, ex.meta.time, ex.meta.date_source) == ("2026-03-16", "10:40", "published")
    assert ex.meta.source == "泰州日报"
    assert body(ex, text) == [
        "新华社北京3月13日电 新华社受权于13日全文播发李强总理代表国务院在十四届全国人大四次会议上所作的《政府工作报告》。",
        "报告共分四个部分。",
    ]
    assert (
        reasons(ex)[
            "3月5日，李强总理代表国务院在十四届全国人大四次会议上作《政府工作报告》。新华社记者 黄敬文 摄"
        ]
        == "caption"
    )


def test_wikisource_licence_footer_and_repeated_title() -> None:
    text = """2022年中华人民共和国国务院政府工作报告

政府工作报告

——2022年3月5日在第十三届全国人民代表大会第五次会议上

各位代表：
中国的发展从来都是在应对挑战中前进的。
本作品是中华人民共和国的
法律
、
，国家机关的决议、决定、命令和其他具有立法、行政、司法性质的文件，及其官方正式译文。根据《
公有领域
Public domain
false"""
    ex = run(text)
    check_seam(ex, text)
    assert ex.meta.title == "2022年中华人民共和国国务院政府工作报告"
    assert reasons(ex)["政府工作报告"] == "title"
    assert body(ex, text) == ["各位代表：", "中国的发展从来都是在应对挑战中前进的。"]
    assert {d.reason for d in ex.dropped if d.line >= 7} == {"licence"}


def test_no_title_line_takes_the_file_name_and_keeps_the_paragraph() -> None:
    text = "为深入贯彻党中央决策部署，现就有关事项通知如下。\n一、总体要求\n坚持稳中求进。"
    ex = run(text, origin="/tmp/reports/关于推进高水平开放的通知.txt")
    check_seam(ex, text)
    assert ex.meta.title == "关于推进高水平开放的通知"
    assert ex.meta.title_from_filename
    assert body(ex, text) == text.split("\n")
    assert ex.dropped == ()


def test_furniture_then_sentences_takes_the_file_name() -> None:
    text = "打印\n关闭\n为深入贯彻党中央决策部署，现就有关事项通知如下。"
    ex = run(text, origin="x/措施.txt")
    assert ex.meta.title == "措施" and ex.meta.title_from_filename
    assert body(ex, text) == ["为深入贯彻党中央决策部署，现就有关事项通知如下。"]


def test_a_heading_is_not_a_title() -> None:
    text = "前言\n改革开放以来，我们取得了巨大成就。"
    ex = run(text, origin="r.txt")
    assert ex.meta.title == "r" and ex.meta.title_from_filename
    assert body(ex, text) == ["前言", "改革开放以来，我们取得了巨大成就。"]


def test_decree_number() -> None:
    text = "中华人民共和国国务院令\n第706号\n《快递暂行条例》已经2018年1月17日国务院第198次常务会议通过，现予公布，自2018年5月1日起施行。\n总理 李克强\n2018年3月2日"
    ex = run(text)
    check_seam(ex, text)
    assert ex.meta.doc_number == "中华人民共和国国务院令第706号"
    assert ex.meta.title == "中华人民共和国国务院令"
    assert (ex.meta.date, ex.meta.date_source) == ("2018-03-02", "signature")


def test_issuer_from_the_title() -> None:
    text = "国务院办公厅关于做好2019年部分节假日安排的通知\n各省、自治区、直辖市人民政府：\n经国务院批准，现将安排通知如下。"
    ex = run(text)
    assert ex.meta.issuer == "国务院办公厅"


def test_label_lines_inside_the_body_stay_unless_page_only() -> None:
    text = "关于召开工作会议的通知\n各有关单位：\n时间：2019年3月15日上午9:00\n地点：市政府第一会议室\n请准时参加。\n责任编辑：王洋"
    ex = run(text)
    check_seam(ex, text)
    assert "时间：2019年3月15日上午9:00" in body(ex, text), "a notice's own 时间： is its text"
    assert reasons(ex)["责任编辑：王洋"] == "furniture"


def test_widget_run_inside_the_body() -> None:
    text = "某某方案\n第一段正文，内容较长。\n全屏\n收藏\n加大\n第二段正文。\n大\n其他"
    ex = run(text)
    check_seam(ex, text)
    assert body(ex, text) == ["第一段正文，内容较长。", "第二段正文。", "大", "其他"]


def test_long_sentence_lines_in_the_middle_are_never_dropped() -> None:
    middle = "本条所称相关报道，是指新闻单位依法采写的报道，版权所有人依法享有著作权。"
    text = f"某某条例\n第一条 为了规范管理，制定本条例。\n{middle}\n相关报道\n第二条 本条例自公布之日起施行，各地区、各部门应当认真贯彻落实，确保取得实效，不得拖延。"
    ex = run(text)
    check_seam(ex, text)
    assert middle in body(ex, text)
    assert "相关报道" in body(ex, text), "text follows it: not the end of the document"


def test_empty_and_blank_input() -> None:
    ex = run("\n  \n\u3000\n", origin="empty.txt")
    assert ex.body == () and ex.dropped == ()
    assert ex.meta.title == "empty" and ex.meta.title_from_filename


def test_bundled_report(bundled_text: str) -> None:
    ex = run(bundled_text)
    check_seam(ex, bundled_text)
    assert ex.meta.title == "武汉自贸片区高质量发展创新举措"
    assert (ex.meta.date, ex.meta.time) == ("2022-07-05", "09:52")
    assert [d.text for d in ex.dropped] == [
        "武汉自贸片区高质量发展创新举措",
        "2022-07-05 09:52 来源:",
        "调整字体",
    ]


BREADCRUMB_PAGE = """当前位置：
首页
>
政务信息
>
宁夏要闻
2026年宁夏回族自治区政府工作报告
发表时间：
2026-02-09 09:45:30
来源：
宁夏日报客户端
阅读量：
【字体：
小
中
大
】
政府工作报告
——2026年2月3日在宁夏回族自治区第十三届人民代表大会第四次会议上
自治区人民政府主席 张雨浦
2月3日，宁夏回族自治区第十三届人民代表大会第四次会议在银川开幕。自治区人民政府主席张雨浦作政府工作报告。 宁夏日报记者 王鼎 摄
各位代表：
现在，我代表自治区人民政府，向大会报告工作，请予审议。
责任编辑：
李莎莎
扫一扫在手机打开当前页
【
打印本页
】"""


def test_breadcrumb_one_segment_a_line_and_labels_with_values_below() -> None:
    ex = run(BREADCRUMB_PAGE)
    check_seam(ex, BREADCRUMB_PAGE)
    meta = ex.meta
    assert meta.title == "2026年宁夏回族自治区政府工作报告"
    assert meta.source == "宁夏日报客户端"
    assert (meta.date, meta.date_source) == ("2026-02-03", "delivery")
    assert meta.speaker == "自治区人民政府主席 张雨浦"
    assert body(ex, BREADCRUMB_PAGE) == [
        "各位代表：",
        "现在，我代表自治区人民政府，向大会报告工作，请予审议。",
    ]
    r = reasons(ex)
    assert r["政务信息"] == r["宁夏要闻"] == r[">"] == "navigation"
    assert r["政府工作报告"] == "title"
    assert r["李莎莎"] == "furniture", "the editor's name under 责任编辑："


def test_delivery_line_without_a_dash_with_the_speaker_on_it() -> None:
    text = "陕西省2026年政府工作报告\n2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚\n时间：\n2026-02-02 09:20\n省长赵刚作政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作。"
    ex = run(text)
    check_seam(ex, text)
    assert ex.meta.subtitle == "2026年1月27日在陕西省第十四届人民代表大会第四次会议上"
    assert ex.meta.speaker == "陕西省省长 赵刚"
    assert (ex.meta.date, ex.meta.date_source) == ("2026-01-27", "delivery")
    assert reasons(ex)["省长赵刚作政府工作报告"] == "caption"


def test_other_dashes_and_traditional_characters_in_delivery_lines() -> None:
    for line in (
        "――2026年1月27日在青海省第十四届人民代表大会第四次会议上",
        "1957年6月26日在第一届全国人民代表大会第四次会議上",
    ):
        ex = run(f"政府工作报告\n{line}\n各位代表：\n现在，我代表省人民政府向大会报告工作。")
        assert ex.meta.subtitle is not None and ex.meta.date_source == "delivery", line


def test_truncated_table_title_is_completed_from_the_document() -> None:
    text = "发文机关：\n国务院办公厅\n标　　题：\n国务院办公厅关于辽宁省在曾培炎副总理考察\n主 题 词：\n经济管理　考察　措施　函\n国务院办公厅\n 关于辽宁省在曾培炎副总理考察\n 工作时所提问题和建议办理情况的函\n国办函〔2004〕57号\n辽宁省人民政府：\n你省报来的材料收悉。"
    ex = run(text)
    check_seam(ex, text)
    assert ex.meta.title == "国务院办公厅关于辽宁省在曾培炎副总理考察工作时所提问题和建议办理情况的函"
    assert reasons(ex)["经济管理　考察　措施　函"] == "metadata"
    assert body(ex, text) == ["辽宁省人民政府：", "你省报来的材料收悉。"]


def test_a_flattened_repeat_after_the_footer_is_not_text() -> None:
    text = "2026年四川省人民政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n相关链接>>\n四川干部群众热议政府工作报告\n各位代表：现在，我代表省人民政府，向大会报告工作，请予审议。"
    ex = run(text)
    check_seam(ex, text)
    assert body(ex, text) == ["各位代表：", "现在，我代表省人民政府，向大会报告工作，请予审议。"]


def test_numbers_at_the_end_are_a_table_not_furniture() -> None:
    text = (
        "关于某项工作的通知\n各有关单位：\n现将统计结果通知如下。\n安徽\n45\n0\n扫一扫在手机打开当前页\n-->"
    )
    ex = run(text)
    assert body(ex, text)[-2:] == ["45", "0"]
    assert reasons(ex)["-->"] == "furniture"


def test_table_of_contents() -> None:
    text = "国家粮食应急预案\n目　　录\n1　总则\n　　1.1　编制目的及依据\n2　组织机构和职责\n1　总则\n1.1　编制目的及依据\n为了有效监测和控制各类突发公共事件，制定本预案。\n2　组织机构和职责\n国家粮食应急工作指挥部负责领导、组织、指挥全国粮食应急工作。"
    ex = run(text)
    check_seam(ex, text)
    assert [d.reason for d in ex.dropped] == ["title", "contents", "contents", "contents", "contents"]
    assert body(ex, text)[0] == "1　总则"


def test_a_contents_heading_without_entries_again_stays() -> None:
    text = "某某规划\n目录\n第一章 总体要求\n为了推进高质量发展，制定本规划，各地区各部门要认真贯彻执行，确保各项任务落实到位。"
    ex = run(text)
    assert body(ex, text)[0] == "目录"


def test_invisible_and_control_lines_follow_str_strip() -> None:
    """Blank is what str.strip() says (the pipeline's test); a line of invisible marks is furniture."""
    text = "\x1f\n\ufeff\n\u200b\n标题通知\n正文第一句。"
    ex = run(text)
    check_seam(ex, text)
    assert ex.meta.title == "标题通知"
    assert {d.line: d.reason for d in ex.dropped} == {1: "furniture", 2: "furniture", 3: "title"}


def test_regulation_with_several_adoption_lines_and_an_in_force_note() -> None:
    text = "国家机关工作人员病假期间生活待遇的规定\n\n1981年4月6日 国务院发布\n\n发布之日施行\n\n为了适当解决国家机关工作人员病假期间的生活困难问题，作如下规定：\n一、工作人员病假在两个月以内的，发给原工资。"
    ex = run(text)
    check_seam(ex, text)
    assert (ex.meta.date, ex.meta.date_source) == ("1981-04-06", "adoption")
    assert reasons(ex)["发布之日施行"] == "adoption"
    assert body(ex, text)[0].startswith("为了适当解决")


def test_ftz_regulation_with_a_table_of_contents() -> None:
    text = """中国（天津）自由贸易试验区条例
（2015年12月24日天津市第十六届人民代表大会常务委员会第二十三次会议通过 根据2022年9月27日天津市第十七届人民代表大会常务委员会第三十七次会议《天津市人民代表大会常务委员会关于修改〈中国（天津）自由贸易试验区条例〉的决定》修正）
目 录
第一章 总 则
第二章 管理体制
第八章 附 则
第一章 总 则
第一条 为了推进和保障中国（天津）自由贸易试验区建设，结合本市实际，制定本条例。
第八章 附 则
第六十条 本条例自公布之日起施行。"""
    ex = run(text)
    check_seam(ex, text)
    assert ex.meta.title == "中国（天津）自由贸易试验区条例"
    assert (ex.meta.date, ex.meta.date_source) == ("2022-09-27", "adoption")  # as amended
    assert [d.reason for d in ex.dropped] == [
        "title",
        "adoption",
        "contents",
        "contents",
        "contents",
        "contents",
    ]
    assert body(ex, text)[0] == "第一章 总 则"


def test_gov_table_with_several_fields_a_line() -> None:
    """gov.cn's newer pages print two fields a line; the title is then the 标题 value."""
    text = """首页 > 政策 > 国务院政策文件库 > 国务院文件
索 引 号： 000014349/2023-00047 主题分类： 城乡建设、环境保护\\其他
发文机关： 国务院 成文日期： 2023年07月21日
标　　题： 国务院关于在超大特大城市积极稳步推进城中村改造的指导意见
发文字号： 国办发〔2023〕25号 发布日期： 2023年07月25日
主 题 词：
国务院关于在超大特大城市积极稳步推进城中村改造的指导意见
国办发〔2023〕25号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
在超大特大城市积极稳步推进城中村改造是改善民生、扩大内需、推动城市高质量发展的一项重要举措。"""
    ex = run(text)
    check_seam(ex, text)
    meta = ex.meta
    assert meta.title == "国务院关于在超大特大城市积极稳步推进城中村改造的指导意见"
    assert (meta.date, meta.date_source) == ("2023-07-21", "written")
    assert (meta.issuer, meta.doc_number) == ("国务院", "国办发〔2023〕25号")
    assert body(ex, text)[0] == "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："
    assert reasons(ex)["首页 > 政策 > 国务院政策文件库 > 国务院文件"] in ("furniture", "navigation")


@pytest.mark.parametrize(
    ("head", "tail", "expected"),
    [
        # 成文日期 first, whatever else the page says
        (
            "成文日期：\n2018年11月07日\n标　　题：\n某某通知\n发布日期：\n2018年11月23日\n某某通知",
            "国务院\n2018年11月7日",
            ("2018-11-07", "written"),
        ),
        # then the delivery line, before the page's 时间：
        ("某某报告\n——2026年2月3日在某某会议上\n时间：2026-02-09", "", ("2026-02-03", "delivery")),
        # then the signature, before an adoption line and the page's date
        (
            "某某规定\n2021年6月10日 某某会议通过\n时间：2021-07-01",
            "某某部\n2021年6月20日",
            ("2021-06-20", "signature"),
        ),
        # then the adoption line, before the page's date
        ("某某法\n2021年6月10日 某某会议通过\n时间：2021-07-01", "", ("2021-06-10", "adoption")),
        ("某某通知\n时间：2021-07-01 08:30", "", ("2021-07-01", "published")),
    ],
)
def test_date_order(head: str, tail: str, expected: tuple[str, str]) -> None:
    text = f"{head}\n各有关单位：\n现将有关事项通知如下，请认真贯彻执行。\n{tail}".rstrip("\n")
    ex = run(text)
    check_seam(ex, text)
    assert (ex.meta.date, ex.meta.date_source) == expected
    assert ex.meta.time == ("08:30" if expected[1] == "published" else None)


CITY_NOTICE = """首页 > 政务公开 > 政策文件
武汉市人民政府办公厅关于印发武汉市优化营商环境
三年行动方案的通知
发布时间：2022-03-01 10:20 来源：市政府办公厅 浏览次数：1234
字体：[大 中 小]
武政办〔2022〕5号
各区人民政府，市人民政府各部门：
经市人民政府同意，现将《武汉市优化营商环境三年行动方案》印发给你们，请认真组织实施。
武汉市人民政府办公厅
2022年2月25日
（此件公开发布）
【打印】 【关闭】
上一篇：关于做好春耕生产的通知
下一篇：关于印发某某办法的通知"""


def test_city_notice_page() -> None:
    ex = run(CITY_NOTICE)
    check_seam(ex, CITY_NOTICE)
    meta = ex.meta
    assert meta.title == "武汉市人民政府办公厅关于印发武汉市优化营商环境三年行动方案的通知"
    assert (meta.date, meta.date_source, meta.issuer) == ("2022-02-25", "signature", "武汉市人民政府办公厅")
    assert (meta.doc_number, meta.source) == ("武政办〔2022〕5号", "市政府办公厅")
    assert body(ex, CITY_NOTICE)[-3:] == ["武汉市人民政府办公厅", "2022年2月25日", "（此件公开发布）"]
    r = reasons(ex)
    assert r["发布时间：2022-03-01 10:20 来源：市政府办公厅 浏览次数：1234"] == "metadata"
    assert r["上一篇：关于做好春耕生产的通知"] == r["【打印】 【关闭】"] == "furniture"


def test_news_dateline_is_not_part_of_the_title() -> None:
    text = "新华社北京3月5日电\n政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理 李强\n各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。"
    ex = run(text)
    assert ex.meta.title == "政府工作报告"
    assert reasons(ex)["新华社北京3月5日电"] == "furniture"


def test_issuer_line_under_the_title() -> None:
    text = "关于做好2019年部分节假日安排的通知\n国务院办公厅\n2018年12月6日\n各省、自治区、直辖市人民政府：\n经国务院批准，现将2019年部分节假日安排通知如下。"
    ex = run(text)
    check_seam(ex, text)
    assert ex.meta.issuer == "国务院办公厅"
    assert body(ex, text)[0] == "各省、自治区、直辖市人民政府："


def test_a_rule_s_publication_line_gives_date_and_order_number_not_its_in_force_line() -> None:
    """部门规章: 2022年4月14日 …总局令第56号公布 / 2022年7月1日 施行: the version is the one
    published on 4 April; 1 July is when it takes effect."""
    lines = [
        "明码标价和禁止价格欺诈规定",
        "",
        "2022年4月14日 国家市场监督管理总局令第56号公布",
        "",
        "2022年7月1日 施行",
        "",
        "第一条 为了规范经营者明码标价行为，制定本规定。",
    ]
    found = extract(lines, origin="rule.txt")
    assert (found.meta.date, found.meta.date_source) == ("2022-04-14", "adoption")
    assert found.meta.doc_number == "国家市场监督管理总局令第56号"
    assert found.body == (6,)
