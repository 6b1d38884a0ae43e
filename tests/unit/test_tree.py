"""The tree follows the document's own numbering (issue 11): one shape of the genre per test.

Each text is a cut-down real document (laws, the State Council's rules, notices, government work
reports). ``shape`` prints a tree as ``number+title`` lines indented by depth, measures as ``- text``,
so each test reads as the outline a reader would expect.
"""

from __future__ import annotations

from zimao_tui.document.parse import parse_text
from zimao_tui.document.report import Heading, Node, Report
from zimao_tui.document.tree import join_split_lines


def shape(report: Report, measures: bool = True) -> list[str]:
    out: list[str] = []

    def walk(node: Node, depth: int) -> None:
        pad = "  " * depth
        if isinstance(node, Heading):
            out.append(f"{pad}{node.kind}:{node.label}")
            for child in node.children:
                walk(child, depth + 1)
        elif measures:
            out.append(f"{pad}- {node.text}")

    for top in report.children:
        walk(top, 0)
    return out


def parse(*lines: str) -> Report:
    return parse_text("\n".join(["国务院关于印发工作规则的通知", *lines]))


def test_law_chapters_and_articles_items_are_measures() -> None:
    report = parse(
        "第一章　总  则",
        "第一条 为了建设海南自由贸易港，制定本法。",
        "第二条 国家设立海南自由贸易港。",
        "海南自由贸易港建设适用本法。",
        "第二章 贸易自由便利",
        "第三条 下列货物免征进口关税：",
        "（一）本岛居民消费的进境商品；",
        "（二）企业进口自用的生产设备。",
    )
    assert shape(report) == [
        "chapter:第一章 总则",
        "  article:第一条",  # an article has no title: its text is its measures
        "    - 为了建设海南自由贸易港，制定本法。",
        "  article:第二条",
        "    - 国家设立海南自由贸易港。",
        "    - 海南自由贸易港建设适用本法。",
        "chapter:第二章 贸易自由便利",
        "  article:第三条",
        "    - 下列货物免征进口关税：",
        "    - （一）本岛居民消费的进境商品；",
        "    - （二）企业进口自用的生产设备。",
    ]


def test_parts_sections_and_a_bare_chapter_with_its_title_below() -> None:
    report = parse(
        "第一编 总则", "第一章", "基本规定", "第一节 一般规定", "第一条 本法适用于全国。", "第二编 物权"
    )
    assert shape(report, measures=False) == [
        "part:第一编 总则",
        "  chapter:第一章 基本规定",
        "    section:第一节 一般规定",
        "      article:第一条",
        "part:第二编 物权",
    ]


def test_rules_with_articles_numbered_through_the_chapters() -> None:
    report = parse(
        "第一章　总  则",
        "一、国务院工作以邓小平理论为指导。",
        "二、国务院组成人员要履行职责。",
        "第二章　会议制度",
        "三、国务院常务会议由总理召集。国务院常务会议的主要任务是：",
        "（一）讨论决定国务院工作中的重要事项；",
        "（二）讨论法律草案、审议行政法规草案；",
        "国务院常务会议一般每月召开三次。",
        "四、会议纪要由总理签发。",
    )
    assert shape(report, measures=False) == [
        "chapter:第一章 总则",
        "  article:一、国务院工作以邓小平理论为指导",
        "  article:二、国务院组成人员要履行职责",
        "chapter:第二章 会议制度",
        "  article:三、国务院常务会议由总理召集",
        "  article:四、会议纪要由总理签发",
    ]
    third = report.children[1].children[0]
    assert isinstance(third, Heading)
    assert [m.text for m in third.measures()][2:] == [
        "（一）讨论决定国务院工作中的重要事项；",
        "（二）讨论法律草案、审议行政法规草案；",
        "国务院常务会议一般每月召开三次。",
    ]


def test_levels_follow_the_order_of_use_not_a_table() -> None:
    # (一) first, then 1., then 一、 below them: each style takes the level where it first appears.
    report = parse("（一）总体要求", "1.指导思想", "一、坚持稳中求进。", "2.基本原则", "（二）重点任务")
    assert shape(report, measures=False) == [
        "chapter:（一）总体要求",
        "  section:1.指导思想",
        "    item:一、坚持稳中求进",
        "  section:2.基本原则",
        "chapter:（二）重点任务",
    ]


def test_a_style_reused_under_a_later_item_nests_there() -> None:
    report = parse(
        "一、工作回顾",
        "过去一年成绩显著。",
        "二、今年的任务",
        "一、扩大内需。",
        "二、稳定就业。",
        "三、对今年工作的建议",
    )
    assert shape(report, measures=False) == [
        "chapter:一、工作回顾",
        "chapter:二、今年的任务",
        "  section:一、扩大内需",
        "  section:二、稳定就业",
        "chapter:三、对今年工作的建议",
    ]


def test_numbering_that_runs_on_across_chapters_is_kept() -> None:
    report = parse(
        "一、营造投资环境",
        "（一）放宽限制。",
        "（二）简化审批。",
        "二、提升贸易便利化",
        "（三）支持平行进口。",
    )
    chapters = report.children
    assert [h.number for h in chapters[1].children if isinstance(h, Heading)] == ["（三）"]
    assert chapters[1].children[0].kind == "section"  # type: ignore[union-attr]


def test_shi_items_on_their_own_line_are_headings_run_in_they_are_items_of_their_section() -> None:
    report = parse(
        "一、工作回顾",
        "一是联合港澳承办十五运会。",
        "认真落实办赛理念。",
        "二是推动经济稳中有进。",
        "地区生产总值增长3.9%。",
        "二、今年的任务",
        "主要做了以下工作。",
        "一是扩大内需。消费增长5%。投资增长3%。",
        "二是稳定就业。城镇新增就业1256万人。",
        "各地要抓好落实。",
    )
    assert shape(report) == [
        "chapter:一、工作回顾",
        "  item:一是联合港澳承办十五运会",
        "    - 联合港澳承办十五运会。",
        "    - 认真落实办赛理念。",
        "  item:二是推动经济稳中有进",
        "    - 推动经济稳中有进。",
        "    - 地区生产总值增长3.9%。",
        "chapter:二、今年的任务",
        "  - 主要做了以下工作。",
        "  item:一是扩大内需",
        "    - 扩大内需。",
        "    - 消费增长5%。",
        "    - 投资增长3%。",
        "  item:二是稳定就业",
        "    - 稳定就业。",
        "    - 城镇新增就业1256万人。",
        "  - 各地要抓好落实。",  # after the run-in items: back in the section
    ]


def test_ordinal_items() -> None:
    report = parse(
        "一、总体要求", "第一，坚持稳中求进。这是工作总基调。", "第二，坚持改革开放。这是发展动力。"
    )
    assert shape(report, measures=False) == [
        "chapter:一、总体要求",
        "  item:第一，坚持稳中求进",
        "  item:第二，坚持改革开放",
    ]


def test_run_in_headings_title_is_the_first_sentence_or_the_label_before_a_colon() -> None:
    report = parse(
        "一、节假日安排",
        "（一）坚持稳中求进。稳是大局，进是方向。",
        "1.元旦：2018年12月30日至2019年1月1日放假调休，共3天。",
    )
    assert shape(report) == [
        "chapter:一、节假日安排",
        "  section:（一）坚持稳中求进",
        "    - 坚持稳中求进。",
        "    - 稳是大局，进是方向。",
        "    item:1.元旦",
        "      - 元旦：2018年12月30日至2019年1月1日放假调休，共3天。",
    ]


def test_list_items_ending_in_a_semicolon_colon_or_nothing_are_measures() -> None:
    report = parse(
        "一、主要任务", "（一）讨论法律草案；", "（二）部署重要工作：", "（三）通报国内外形势", "二、其他"
    )
    first = report.children[0]
    assert [m.text for m in first.measures()] == ["讨论法律草案；", "部署重要工作：", "通报国内外形势"]
    assert [m.text for m in report.children[1].measures()] == ["其他"]


def test_headings_with_text_under_them_are_not_measures_themselves() -> None:
    report = parse("一、改革创新", "（一）深化改革", "全面深化改革。")
    assert [m.text for m in report.measures()] == ["全面深化改革。"]


def test_a_heading_split_after_its_opening_bracket_is_joined_back() -> None:
    report = parse("二、主要任务", "（", "三）改革开放取得新突破", "外贸增长。")
    section = report.children[0].children[0]
    assert isinstance(section, Heading) and section.label == "（三）改革开放取得新突破"


def test_sentences_the_source_split_are_joined_back() -> None:
    assert join_split_lines(
        ["“十五五”时期经济社会发展的", "主要目标", "是：地区生产总值年均增长5%左右。"]
    ) == ["“十五五”时期经济社会发展的主要目标是：地区生产总值年均增长5%左右。"]
    assert join_split_lines(["污染防治攻坚战成效显著，细颗粒物（PM", "2.5", "）年平均浓度下降。"]) == [
        "污染防治攻坚战成效显著，细颗粒物（PM2.5）年平均浓度下降。"
    ]
    assert join_split_lines(["推动构建", "区域全面经济伙伴关系协定", "（RCEP）生效实施。"]) == [
        "推动构建区域全面经济伙伴关系协定（RCEP）生效实施。"
    ]


def test_lines_that_end_or_start_something_are_not_joined() -> None:
    lines = [
        "一、2024年工作回顾",
        "过去一年很不平凡。",
        "（一）稳增长",
        "附件1",
        "2026年省十件民生实事",
        "坚持民生为大",
    ]
    assert join_split_lines(lines) == lines
    assert join_split_lines(["国务院", "2018年11月7日"]) == ["国务院", "2018年11月7日"]
    assert join_split_lines(["abc", "def"]) == ["abc", "def"]  # only Chinese text is joined
    spaced = ["国 务 院 工 作 规 则", "（二○○四年六月十六日国务院", "第54次常务会议修订通过）"]
    assert join_split_lines(spaced) == [spaced[0], spaced[1] + spaced[2]]


def test_attachments_are_top_level_with_their_own_numbering() -> None:
    report = parse(
        "一、工作回顾",
        "成绩显著。",
        "附件1",
        "2026年省十件民生实事",
        "坚持民生为大。",
        "一、提高低保标准",
        "低保标准提高。",
        "二、建立长期护理保险制度",
        "护理保险扩面。",
        "附件2",
        "名词解释",
        "1.“四上”企业：",
        "指规模以上企业。",
    )
    assert shape(report, measures=False) == [
        "chapter:一、工作回顾",
        "attachment:附件1 2026年省十件民生实事",
        "  section:一、提高低保标准",
        "  section:二、建立长期护理保险制度",
        "attachment:附件2 名词解释",
        "  section:1.“四上”企业",
    ]
    assert report.children[1].children[0].text == "坚持民生为大。"  # type: ignore[union-attr]


def test_preamble_and_signature_have_their_own_places() -> None:
    report = parse(
        "各省、自治区、直辖市人民政府：",
        "现将有关事项通知如下：",
        "一、营造优良投资环境",
        "放宽外资限制。",
        "国务院",
        "2018年11月7日",
        "（此件公开发布）",
    )
    assert shape(report) == [
        "preamble:前言",
        "  - 各省、自治区、直辖市人民政府：",
        "  - 现将有关事项通知如下：",
        "chapter:一、营造优良投资环境",
        "  - 放宽外资限制。",
        "closing:落款",
        "  - 国务院",
        "  - 2018年11月7日",
        "  - （此件公开发布）",
    ]


def test_closing_remarks() -> None:
    report = parse("一、工作回顾", "成绩显著。", "结束语", "让我们团结奋斗。")
    assert shape(report) == [
        "chapter:一、工作回顾",
        "  - 成绩显著。",
        "closing:结束语",
        "  - 让我们团结奋斗。",
    ]


def test_no_recognisable_structure_is_one_chapter_with_every_sentence() -> None:
    report = parse("过去一年成绩显著。经济增长5%。", "今年要稳中求进。", "国务院", "2024年3月5日")
    assert shape(report) == [
        "chapter:正文",
        "  - 过去一年成绩显著。",
        "  - 经济增长5%。",
        "  - 今年要稳中求进。",
        "  - 国务院",
        "  - 2024年3月5日",
    ]


def test_levels_are_depths() -> None:
    report = parse("第一章 总则", "第一条 本法适用于全国。", "附件", "一、名词", "（一）术语", "术语说明。")
    assert [(h.label, h.level) for h in report.headings()] == [
        ("第一章 总则", 1),
        ("第一条", 2),
        ("附件", 1),
        ("一、名词", 2),
        ("（一）术语", 3),
    ]


def test_unnumbered_part_headings_of_a_provincial_report() -> None:
    long = "，".join(["坚持稳中求进工作总基调"] * 3)
    report = parse(
        "各位代表：",
        "我代表省人民政府，向大会报告工作，请予审议。",
        "“十四五”时期工作回顾",
        f"“十四五”时期是甘肃发展极不寻常的五年。{long}。",
        "2026年重点工作",
        f"今年是“十五五”开局之年。{long}。",
        "（一）放大促消费扩投资政策效应",
        f"积极承接用好政策。{long}。",
    )
    assert shape(report, measures=False) == [
        "preamble:前言",
        "chapter:“十四五”时期工作回顾",
        "chapter:2026年重点工作",
        "  section:（一）放大促消费扩投资政策效应",
    ]


def test_short_lines_that_are_not_unnumbered_headings() -> None:
    long = "，".join(["坚持稳中求进工作总基调"] * 3)
    report = parse(
        "一、工作回顾",
        "过去一年成绩显著。",
        "“十五五”时期经济社会发展的",  # stops mid-sentence: joined to what follows
        f"主要目标是：{long}。",
        "国 务 院 工 作 规 则",  # a spaced title
        f"国务院工作以邓小平理论为指导。{long}。",
    )
    assert shape(report, measures=False) == ["chapter:一、工作回顾"]
    assert "“十五五”时期经济社会发展的主要目标是：" in "".join(m.text for m in report.measures())


def test_decimal_outline_of_an_emergency_plan() -> None:
    report = parse(
        "1　总则",
        "1.1　编制目的及依据",
        "为有效监测和控制粮食市场异常波动，制定本预案。",
        "1.2　等级划分",
        "1.2.1　国家级",
        "全国性粮食应急状态。",
        "2　组织机构和职责",
        "7.2　本预案由国务院办公厅负责解释。",
    )
    assert shape(report, measures=False) == [
        "chapter:1 总则",
        "  section:1.1 编制目的及依据",
        "  section:1.2 等级划分",
        "    item:1.2.1 国家级",
        "chapter:2 组织机构和职责",
        "  section:7.2 本预案由国务院办公厅负责解释",
    ]


def test_a_notice_listing_its_attachments_is_text_and_the_attachments_follow() -> None:
    report = parse(
        "国务院同意你部意见。",
        "附件：1.国土资源部关于地质险情的报告",
        "2.地质险情调查意见",
        "国务院办公厅",
        "二〇〇四年十一月四日",
        "附件1",
        "关于湖北省巴东县官渡口镇马鬃山村",
        "地质险情调研情况的报告",
        "国务院：",
        "专家组进行了现场调查。",
        "附件2",
        "地质险情调查意见",
        "一、基本情况",
        "马鬃山村位于长江南岸。",
    )
    assert shape(report, measures=False) == [
        "chapter:正文",
        "attachment:附件1 关于湖北省巴东县官渡口镇马鬃山村地质险情调研情况的报告",
        "attachment:附件2 地质险情调查意见",
        "  section:一、基本情况",
    ]
    assert [m.text for m in report.children[0].measures()][1:3] == [
        "附件：1.国土资源部关于地质险情的报告",
        "2.地质险情调查意见",
    ]
    assert report.children[1].children[0].text == "国务院："  # type: ignore[union-attr]


def test_an_attachment_named_in_the_notice_and_then_given_is_one_attachment() -> None:
    report = parse(
        "同意建立联席会议制度。",
        "附件：联席会议制度",
        "国务院",
        "2018年11月20日",
        "附件",
        "联席会议制度",
        "一、主要职能",
        "统筹协调。",
    )
    assert [h.label for h in report.children] == ["正文", "附件 联席会议制度"]


def test_a_line_starting_with_a_closing_mark_continues_the_one_before() -> None:
    lines = [
        "各项准备工作正在进行。继《",
        "香港特别行政区基本法",
        "》由１９９０年的人代会通过之后，《",
        "澳门特别行政区基本法（草案）",
        "》已经公布。",
    ]
    assert join_split_lines(lines) == ["".join(lines)]


def test_paragraphs_between_run_in_items_belong_to_the_item_before() -> None:
    report = parse(
        "一、经济调整取得成效",
        "第一，重大的比例关系正在协调。农业增长较快。",
        "轻工业发展加快。",
        "第二，开始采取新的政策。扩大了企业自主权。",
        "总的看，形势是好的。",
    )
    assert shape(report) == [
        "chapter:一、经济调整取得成效",
        "  item:第一，重大的比例关系正在协调",
        "    - 重大的比例关系正在协调。",
        "    - 农业增长较快。",
        "    - 轻工业发展加快。",  # 第二 follows: still the first item's
        "  item:第二，开始采取新的政策",
        "    - 开始采取新的政策。",
        "    - 扩大了企业自主权。",
        "  - 总的看，形势是好的。",  # the list's last item is its paragraph alone
    ]


def test_a_glossary_after_the_numbered_parts_is_a_part_of_its_own() -> None:
    report = parse(
        "一、2025年工作回顾",
        "（一）稳增长",
        "经济增长5%。",
        "各位代表！骐骥迎春至，万象启新程。",
        "名词解释",
        "1.“两重”：是指国家重大战略实施和重点领域安全能力建设。",
        "2.“双向揭榜挂帅”：企业找技术、成果找市场“双向",
        "揭榜",
        "挂帅”的简称。",
    )
    assert shape(report, measures=False) == [
        "chapter:一、2025年工作回顾",
        "  section:（一）稳增长",
        "chapter:名词解释",
        "  section:1.“两重”",
        "  section:2.“双向揭榜挂帅”",
    ]
    assert "“双向揭榜挂帅”：企业找技术、成果找市场“双向揭榜挂帅”的简称。" in [
        m.text for m in report.measures()
    ]


def test_table_cells_and_row_labels_stay_apart() -> None:
    assert join_split_lines(["一级指标", "二级指标", "三级指标", "指标说明"]) == [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标说明",
    ]
    report = parse(
        "附件",
        "三级公立医院绩效考核指标",
        "一级指标",
        "二级指标",
        "一、医疗质量",
        "15.大型医用设备检查阳性率",
        "指标来源：医院填报。",
        "合理用药",  # a row label before item 16: no heading
        "16.点评处方占处方总数的比例",
        "指标来源：医院填报。",
    )
    attachment = report.children[-1]
    assert attachment.label == "附件 三级公立医院绩效考核指标"
    assert [h.label for h in attachment.children if isinstance(h, Heading)] == ["一、医疗质量"]


def test_an_address_to_the_delegates_closes_the_items_before_it() -> None:
    report = parse(
        "一、工作回顾",
        "六是全力保障和改善民生。",
        "十件民生实事全面完成。",
        "各位代表！经过五年接续奋斗，我省“十四五”顺利收官。",
        "这是经济实力持续提升的五年。",
    )
    assert shape(report) == [
        "chapter:一、工作回顾",
        "  item:六是全力保障和改善民生",
        "    - 全力保障和改善民生。",
        "    - 十件民生实事全面完成。",
        "  - 各位代表！",
        "  - 经过五年接续奋斗，我省“十四五”顺利收官。",
        "  - 这是经济实力持续提升的五年。",
    ]


def test_a_heading_title_that_stops_on_a_conjunction_goes_on_on_the_next_line() -> None:
    report = parse(
        "二、2022年经济社会发展总体要求和", "政策取向", "今年发展主要预期目标是：国内生产总值增长5.5%左右。"
    )
    assert report.children[0].label == "二、2022年经济社会发展总体要求和政策取向"
    assert [m.text for m in report.measures()] == ["今年发展主要预期目标是：国内生产总值增长5.5%左右。"]


# --- h11-fix: the genre as the hold-out documents showed it ---------------------------------


def test_a_forwarded_plan_title_does_not_swallow_its_divisions() -> None:
    """印发…的通知: the plan's own title after the signature is text of the preamble; its 一、… are
    the document's main divisions (before: one unnumbered part holding them all)."""
    long = "为贯彻落实党中央、国务院关于加强全国网络安全和信息化工作有关部署，推进政府网站集约化建设，制定本方案。"
    report = parse(
        "各省、自治区、直辖市人民政府：",
        "现将《某某工作方案》印发给你们，请认真贯彻执行。",
        "国务院办公厅",
        "2018年10月27日",
        "（此件公开发布）",
        "某某工作方案",
        long,
        "一、总体要求",
        "（一）指导思想。",
        "以新思想为指导。",
        "二、试点范围",
        "确定北京等地开展试点。",
    )
    assert shape(report, measures=False) == [
        "preamble:前言",
        "chapter:一、总体要求",
        "  section:（一）指导思想",
        "chapter:二、试点范围",
    ]
    preamble = [m.text for m in report.children[0].measures()]
    assert "某某工作方案" in preamble and long in preamble


def test_a_number_alone_on_its_line_heads_the_text_on_the_next() -> None:
    report = parse(
        "二、基本任务", "基本任务是：", "（一）", "进一步创造良好的经济环境。", "（二）", "保持经济增长。"
    )
    assert shape(report) == [
        "chapter:二、基本任务",
        "  - 基本任务是：",
        "  section:（一）进一步创造良好的经济环境",
        "    - 进一步创造良好的经济环境。",
        "  section:（二）保持经济增长",
        "    - 保持经济增长。",
    ]
    assert join_split_lines(["一、", "总体要求"]) == ["一、总体要求"]
    assert join_split_lines(["（一）", "二、总体要求"]) == ["（一）", "二、总体要求"]  # nothing to join


def test_a_higher_style_reused_after_a_lower_list_sits_beside_it() -> None:
    """三、 / （一） / （二） / 这里着重讲几点： / 一、…: 一、 was used above （一） first, so the new 一、
    run is a sub-list of 三、, beside （一）（二）, not under （二）."""
    report = parse(
        "三、经济体制改革",
        "（一）增强企业活力。要继续发展多种所有制形式。",
        "（二）发展商品市场。要减少统一分配的产品。",
        "这里着重讲几点：",
        "一、充分认识改革的要求",
        "改革必须适应商品经济。",
        "二、充分认识转换的复杂性",
        "转换是艰巨的。",
        "四、外交",
        "中国坚持和平外交政策。",
    )
    assert shape(report, measures=False) == [
        "chapter:三、经济体制改革",
        "  section:（一）增强企业活力",
        "  section:（二）发展商品市场",
        "  section:一、充分认识改革的要求",
        "  section:二、充分认识转换的复杂性",
        "chapter:四、外交",
    ]


def test_an_attachment_title_with_a_letter_spaced_second_line_is_whole() -> None:
    report = parse(
        "同意组建某委员会。",
        "国务院",
        "二〇〇六年五月二十三日",
        "附件：",
        "2008年北京奥运会首都国际机场",
        "协 调 委 员 会 组 建 方 案",
        "为做好组织协调工作，组建协调委员会。",
        "一、主要职能",
        "研究拟订工作方案。",
    )
    attachment = report.children[-1]
    assert attachment.label == "附件 2008年北京奥运会首都国际机场协调委员会组建方案"
    assert [h.label for h in attachment.children if isinstance(h, Heading)] == ["一、主要职能"]


def test_a_flattened_table_keeps_rows_apart_and_drops_bare_row_numbers() -> None:
    report = parse(
        "附件",
        "推广清单",
        "序号",
        "改革举措",
        "指导部门",
        "推广范围",
        "一、知识产权保护方面（共2项）",
        "1",
        "知识产权案件“三合一”审判",
        "整合分散的审判资源，提高审判效率。",
        "最高人民法院、国家知识产权局",
        "全国",
        "2",
        "跨市（区）审理",
        "授权市级人民法院跨市（区）管辖案件。",
        "最高人民法院、国家知识产权局",
        "全国",
        "二、科技成果转化激励方面（共1项）",
        "3",
        "以事前产权激励为核心的职务科技成果权属改革",
        "赋予科研人员一定比例的职务科技成果所有权。",
        "科技部",
        "8个改革试验区域",
    )
    section = report.children[-1].children
    headings = [h.label for h in section if isinstance(h, Heading)]
    assert headings == ["一、知识产权保护方面（共2项）", "二、科技成果转化激励方面（共1项）"]
    assert [m.text for m in section[-1].measures()] == [
        "以事前产权激励为核心的职务科技成果权属改革",
        "赋予科研人员一定比例的职务科技成果所有权。",
        "科技部",
        "8个改革试验区域",
    ]
    texts = [m.text for m in report.measures()]
    assert "全国" in texts and texts.count("最高人民法院、国家知识产权局") == 2  # never glued across rows
    assert not {"1", "2", "3"} & set(texts)
    assert [(text, reason) for _, text, reason in report.dropped if reason == "row-number"] == [
        ("1", "row-number"),
        ("2", "row-number"),
        ("3", "row-number"),
    ]


def test_lone_numbers_that_are_no_table_stay_text() -> None:
    """One bare number is no table (a figure a page put on its own line): it stays in a measure."""
    report = parse("一、成就", "地区生产总值增长", "5", "个百分点。")
    assert any("5" in m.text for m in report.measures())
    assert not [d for d in report.dropped if d[2] == "row-number"]


def test_one_list_of_document_endings_and_only_long_ones_stop_a_join() -> None:
    """metadata.py and the tree share styles.DOCUMENT_ENDINGS; in running text a line ending in
    a one-character ending (依法, 命令) is a broken sentence, and 协定 / （RCEP） goes on."""
    from zimao_tui.document import metadata, styles

    assert "DOCUMENT_ENDINGS" in vars(metadata) and metadata.DOCUMENT_ENDINGS is styles.DOCUMENT_ENDINGS
    assert join_split_lines(["各级政府要坚持依法", "行政，提高效能。"]) == [
        "各级政府要坚持依法行政，提高效能。"
    ]
    assert join_split_lines(["关于某某地质险情的调研报告", "国土资源部："]) == [
        "关于某某地质险情的调研报告",
        "国土资源部：",
    ]


def test_a_law_s_unnumbered_supplementary_part_holds_its_articles() -> None:
    """刑法 writes 第一编 总则 … 第二编 分则 … and then 附则 with no number: a part of its own, not
    a sentence of the last article, and the articles after it are its own."""
    report = parse_text(
        "\n".join(
            [
                "中华人民共和国刑法",
                "第一编 总则",
                "第一章 刑法的任务",
                "第一条 为了惩罚犯罪，制定本法。",
                "第二编 分则",
                "第十章 军人违反职责罪",
                "第四百五十一条 本章所称战时，是指国家宣布进入战争状态。",
                "附　则",
                "第四百五十二条 本法自1997年10月1日起施行。",
            ]
        )
    )
    assert shape(report) == [
        "part:第一编 总则",
        "  chapter:第一章 刑法的任务",
        "    article:第一条",
        "      - 为了惩罚犯罪，制定本法。",
        "part:第二编 分则",
        "  chapter:第十章 军人违反职责罪",
        "    article:第四百五十一条",
        "      - 本章所称战时，是指国家宣布进入战争状态。",
        "part:附则",
        "  article:第四百五十二条",
        "    - 本法自1997年10月1日起施行。",
    ]


def test_a_law_with_chapters_only_puts_an_unnumbered_supplementary_chapter_beside_them() -> None:
    report = parse(
        "第一章 总则", "第一条 为了规范行为，制定本规定。", "附则", "第二条 本规定自公布之日起施行。"
    )
    assert [h.label for h in report.children if h.kind == "chapter"] == ["第一章 总则", "附则"]


def test_a_bracket_never_closed_does_not_glue_sentences_or_paragraphs() -> None:
    """第一句（见附表。 is a typo, not a sentence going on: the sentences stay apart, and the next
    line (even after a blank one) is not glued to it."""
    report = parse(
        "一、总则",
        "第一句（见附表。第二句。",
        "第三段。",
        "二、其他",
        "第四段“未闭合。第五段。",
        "",
        "第六段。",
    )
    assert shape(report) == [
        "chapter:一、总则",
        "  - 第一句（见附表。",
        "  - 第二句。",
        "  - 第三段。",
        "chapter:二、其他",
        "  - 第四段“未闭合。",
        "  - 第五段。",
        "  - 第六段。",
    ]


def test_a_run_in_heading_whose_text_stops_mid_sentence_goes_on() -> None:
    """A hyperlink put a treaty's name on a line of its own after a run-in heading's text: the
    sentence is whole again, so 加入全面与进步… can be found in one measure."""
    report = parse(
        "一、工作建议",
        "（四）更大力度吸引和利用外资。落实好外资企业国民待遇。积极推动加入",
        "全面与进步跨太平洋伙伴关系协定",
        "（CPTPP）等高标准经贸协议，稳步扩大制度型开放。",
    )
    assert shape(report) == [
        "chapter:一、工作建议",
        "  section:（四）更大力度吸引和利用外资",
        "    - 更大力度吸引和利用外资。",
        "    - 落实好外资企业国民待遇。",
        "    - 积极推动加入全面与进步跨太平洋伙伴关系协定（CPTPP）等高标准经贸协议，稳步扩大制度型开放。",
    ]
