"""Every case of issue 14, as real documents write them: units, 多/余, Chinese numerals, ages,
ranges and bounds, percentages, non-figures, what is counted, target or result.

Values are what a reader computes from the text (``突破8亿吨`` is 800,000,000 tonnes).
"""

from __future__ import annotations

import pytest

from zimao_tui.document.numerals import cn_number, cn_to_int, fraction_percent
from zimao_tui.insights.figures import Figure, display_value, figures_in


def _one(text: str) -> Figure:
    found = figures_in(text, "m")
    assert len(found) == 1, [(f.raw, f.value, f.unit) for f in found]
    return found[0]


# (sentence, raw, value, unit, kind, approximate)
UNITS = [
    ("粮食产量突破8亿吨", "突破8亿吨", 800_000_000, "吨", "quantity", True),
    ("粮食产量稳定在550亿斤左右", "550亿斤左右", 55_000_000_000, "斤", "quantity", True),
    ("新增蓄水能力10亿方以上", "10亿方以上", 1_000_000_000, "立方米", "quantity", True),
    ("发电量345亿度", "345亿度", 34_500_000_000, "千瓦时", "quantity", False),
    ("天然气产量56.5亿立方米", "56.5亿立方米", 5_650_000_000, "立方米", "quantity", False),
    ("发电量2900亿千瓦时", "2900亿千瓦时", 290_000_000_000, "千瓦时", "quantity", False),
    ("原煤产量1.83亿吨", "1.83亿吨", 183_000_000, "吨", "quantity", False),
    ("货运量360多亿吨", "360多亿吨", 36_000_000_000, "吨", "quantity", True),
    ("新增装机3.7亿千瓦", "3.7亿千瓦", 370_000_000, "千瓦", "quantity", False),
    ("新建改建农村公路20万公里", "20万公里", 200_000, "公里", "quantity", False),
    ("新建高标准农田4.56亿亩", "4.56亿亩", 456_000_000, "亩", "area", False),
    ("接待游客9.6亿人次", "9.6亿人次", 960_000_000, "人次", "count", False),
    ("外汇储备超过3.2万亿美元", "超过3.2万亿美元", 3_200_000_000_000, "美元", "money", True),
    ("赤字规模5.66万亿元", "5.66万亿元", 5_660_000_000_000, "元", "money", False),
    ("比上年提高1个百分点", "1个百分点", 1, "个百分点", "percent", False),
    ("无人机产量占全国9成", "9成", 90, "%", "percent", False),
    # The issue 14 review: classifiers and units met in the Guangdong and Gansu 2026 reports.
    ("乡村绿化植树3900万株，", "3900万株", 39_000_000, "株", "count", False),
    ("国际友城增至214对", "214对", 214, "对", "count", False),
    ("最低生活保障标准的1.6倍。", "1.6倍", 1.6, "倍", "quantity", False),
    ("经济增速连续16个季度高于全国平均水平", "16个季度", 16, "季度", "duration", False),
    ("算力规模达到11.4万P", "11.4万P", 114_000, "P", "quantity", False),
]

MORE_INSIDE = [
    ("农村危房改造310多万户", "310多万户", 3_100_000, "户", "count"),
    ("安排资金1370多亿元", "1370多亿元", 137_000_000_000, "元", "money"),
    ("投入2400多亿元", "2400多亿元", 240_000_000_000, "元", "money"),
    ("节约资金10亿多元", "10亿多元", 1_000_000_000, "元", "money"),
    ("培训50余万人次", "50余万人次", 500_000, "人次", "count"),
    ("惠及11万多户", "11万多户", 110_000, "户", "count"),
]

CHINESE = [
    ("增长百分之十", "百分之十", 10, "%", "percent", False),
    ("发电量四千零七十三亿度", "四千零七十三亿度", 407_300_000_000, "千瓦时", "quantity", False),
    ("钢产量三亿零五百三十万吨", "三亿零五百三十万吨", 305_300_000, "吨", "quantity", False),
    ("涉及两个部门", "两个", 2, "个", "count", False),
    ("分为两种情形", "两种", 2, "种", "count", False),
    ("出台十余项措施", "十余项", 10, "项", "count", True),
    ("允许不超过五分之一的股东", "不超过五分之一", 20, "%", "percent", True),
    ("平均每年增长百分之五点一，", "百分之五点一", 5.1, "%", "percent", False),
    ("平均降到百分之三十左右。", "百分之三十左右", 30, "%", "percent", True),
    ("每年城镇有几百万人需要就业", "几百万人", 1_000_000, "人", "count", True),  # its lower bound
    ("发行三点五亿元债券", "三点五亿元", 350_000_000, "元", "money", False),
    ("煤炭产量62，000万吨，比上年", "62，000万吨", 620_000_000, "吨", "quantity", False),  # 1980s print
    ("投资1,200万元", "1,200万元", 12_000_000, "元", "money", False),
]


@pytest.mark.parametrize(("text", "raw", "value", "unit", "kind", "approximate"), UNITS + CHINESE)
def test_units_and_chinese_numerals(
    text: str, raw: str, value: float, unit: str, kind: str, approximate: bool
) -> None:
    f = _one(text)
    assert (f.raw, f.value, f.unit, f.kind, f.approximate) == (raw, value, unit, kind, approximate)


@pytest.mark.parametrize(("text", "raw", "value", "unit", "kind"), MORE_INSIDE)
def test_more_inside_the_number(text: str, raw: str, value: int, unit: str, kind: str) -> None:
    f = _one(text)
    assert (f.raw, f.value, f.unit, f.kind, f.approximate) == (raw, value, unit, kind, True)


def test_only_yuan_is_yuan() -> None:
    units = {f.unit for f in figures_in("突破8亿吨、投资5亿元、出口3亿美元、345亿度", "m")}
    assert units == {"吨", "元", "美元", "千瓦时"}


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("到二〇三五年基本实现", "2035"),  # not a duration of 5 years
        ("二〇〇四年六月二十六日", "2004-06-26"),
        ("一九九○年", "1990"),  # ○ U+25CB
        ("一九九〇年", "1990"),  # 〇 U+3007
    ],
)
def test_chinese_years_are_dates(text: str, iso: str) -> None:
    f = _one(text)
    assert (f.kind, f.iso_date, f.raw.endswith(("年", "日"))) == ("date", iso, True)


@pytest.mark.parametrize(
    ("text", "raw", "value", "high", "approximate", "bound"),
    [
        ("平均寿命78.9岁", "78.9岁", 78.9, None, False, None),
        ("5岁以下儿童", "5岁以下", 5, None, True, "upper"),
        ("0—6岁儿童", "0—6岁", 0, 6, False, None),
        ("60岁以上老人", "60岁以上", 60, None, True, "lower"),
        ("65岁及以上老年人", "65岁及以上", 65, None, True, "lower"),
        ("年满18周岁的公民", "年满18周岁", 18, None, False, "lower"),  # not 18 weeks
    ],
)
def test_ages(
    text: str, raw: str, value: float, high: float | None, approximate: bool, bound: str | None
) -> None:
    f = _one(text)
    assert (f.raw, f.value, f.high, f.unit, f.kind, f.approximate, f.bound) == (
        raw,
        value,
        high,
        "岁",
        "age",
        approximate,
        bound,
    )


@pytest.mark.parametrize(
    ("text", "raw", "value", "high", "unit", "approximate"),
    [
        ("用5—10年左右时间", "5—10年左右", 5, 10, "年", True),
        ("培育1—2个龙头", "1—2个", 1, 2, "个", False),
        ("增长4.5%—5%", "4.5%—5%", 4.5, 5, "%", False),
        ("投资1.5万—2万元", "1.5万—2万元", 15_000, 20_000, "元", False),
    ],
)
def test_ranges_keep_both_ends(
    text: str, raw: str, value: float, high: float, unit: str, approximate: bool
) -> None:
    f = _one(text)
    assert (f.raw, f.value, f.high, f.unit, f.approximate) == (raw, value, high, unit, approximate)


def test_date_ranges() -> None:
    years = _one("2020年到2025年")
    assert (years.iso_date, years.iso_high, display_value(years)) == ("2020", "2025", "2020–2025")
    days = figures_in("2019年工作回顾。会议于3月19日至20日召开", "m")[-1]
    assert (days.raw, days.iso_date, days.iso_high) == ("3月19日至20日", "2019-03-19", "2019-03-20")


def test_the_year_comes_from_the_chapter() -> None:
    f = _one_with_year("贯彻落实9月26日中央政治局会议部署", 2024)
    assert f.iso_date == "2024-09-26"


def _one_with_year(text: str, year: int) -> Figure:
    [f] = figures_in(text, "m", year)
    return f


def test_a_month_without_a_year_shows_as_written() -> None:
    f = _one("6月上线")
    assert (f.iso_date, display_value(f)) == ("--06", "6月")


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("失业率控制在5.5%以内", "upper"),
        ("5岁以下儿童死亡率", "upper"),
        ("涨幅不高于3%", "upper"),
        ("时间不超过120个工作日", "upper"),
        ("一年内不得提拔", "upper"),
        ("新增就业1200万人以上", "lower"),
        ("不低于5亿元", "lower"),
        ("突破1300万辆", "lower"),
        ("增长5%左右", None),
    ],
)
def test_bounds(text: str, bound: str | None) -> None:
    f = _one(text)
    assert (f.approximate, f.bound) == (True, bound)


@pytest.mark.parametrize(("text", "raw"), [("实现3个95%", "3个95%"), ("达到三个80%", "三个80%")])
def test_repeated_percentages(text: str, raw: str) -> None:
    f = _one(text)
    assert (f.raw, f.unit, f.kind) == (raw, "%", "percent")
    assert f.value in (95, 80)


@pytest.mark.parametrize(
    "text",
    [
        "第十四届全国人民代表大会",
        "举办十四届全运会",
        "“十四五”规划",
        "“九五”普法",
        "实施“3815”工程",
        "推进“51020”计划",
        "国发〔2019〕3号",
        "推广3人制篮球",
        "建成15号线",
        "细颗粒物（PM2.5）浓度",
        "“8·22”特大案件",
        "第七个五年计划",
        "实现第一个百年奋斗目标",
        "千方百计稳就业",
        "跻身全球城市前五位",
        "每万人口发明专利",
        "万亿级产业集群",
        "过去一年，我们",
        "这是极不平凡的一年。",
        "凝聚亿万人民的力量",
        "关系到九十年代的发展",  # a decade, not ninety years
        "有前两款行为的",  # the two preceding paragraphs of a law
        "一年来，我们",
        "出台一批政策",
        "扩大5G应用",
        "三部门联合发文",
    ],
)
def test_not_figures(text: str) -> None:
    assert figures_in(text, "m") == []


@pytest.mark.parametrize(
    ("text", "unit", "noun"),
    [
        ("港口新增8000个集装箱", "个", "集装箱"),
        ("引进4名诺奖得主", "名", "诺奖得主"),
        ("设置13个国家医学中心，布局", "个", "国家医学中心"),
        ("建成50家高水平医院和", "家", "高水平医院"),
        ("新增公园127座，", "座", ""),
        ("形成8000个集装箱产能", "个", "集装箱"),  # the noun ends before the verb
        ("有478名人才成功申领", "名", "人才"),
    ],
)
def test_what_is_counted(text: str, unit: str, noun: str) -> None:
    f = _one(text)
    assert (f.unit, f.of) == (unit, noun)


@pytest.mark.parametrize(
    ("text", "plan", "target"),
    [
        ("今年发展主要预期目标是：国内生产总值增长5%左右", None, True),
        ("力争研发投入增长10%", None, True),
        ("今年赤字率拟按4%左右安排", None, True),
        ("社会消费品零售总额增长5%左右。", True, True),  # 左右 in a plan chapter
        ("全市生产总值从4.16万亿元增加到5.67万亿元", True, False),  # a plan chapter looking back
        ("国内生产总值达到134.9万亿元", False, False),  # a review chapter
        ("允许不超过五分之一", None, None),  # a rule: neither
    ],
)
def test_target_or_result(text: str, plan: bool | None, target: bool | None) -> None:
    found = figures_in(text, "m", 0, plan)
    assert found and {f.target for f in found} == {target}


def test_a_bare_size_takes_the_unit_of_its_neighbour() -> None:
    found = figures_in("参保人数增加1.4亿、覆盖10.5亿人", "m")
    assert [(f.value, f.unit) for f in found] == [(140_000_000, "人"), (1_050_000_000, "人")]
    [size] = figures_in("产业规模近万亿", "m")
    assert (size.value, size.unit, size.kind) == (10**12, "元", "money")
    [people] = figures_in("近1亿农村贫困人口实现脱贫", "m")  # not 1亿元
    assert (people.value, people.kind, people.unit, people.of, people.approximate) == (
        100_000_000,
        "count",
        "",
        "农村贫困人口",
        True,
    )
    assert figures_in("建设千亿县、万亿城市", "m") == []  # classes of places, not amounts


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("四千零七十三亿", 407_300_000_000),
        ("三亿零五百三十万", 305_300_000),
        ("一万零五", 10_005),
        ("万亿", 10**12),
    ],
)
def test_numerals_with_yi(text: str, value: int) -> None:
    assert cn_to_int(text) == value


def test_fractions() -> None:
    assert (fraction_percent("百", "十"), fraction_percent("五", "一"), fraction_percent("千", "5")) == (
        10,
        20,
        0.5,
    )
    assert fraction_percent("零", "一") is None
    assert (cn_number("五点一"), cn_number("三点零五"), cn_number("3.5"), cn_number("五点")) == (
        5.1,
        3.05,
        3.5,
        None,
    )
