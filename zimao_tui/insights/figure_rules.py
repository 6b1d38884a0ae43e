"""The data behind figures: units and their base values, hedge words, and what is not a figure.

One table per question, so that a new unit or a new hedge is a line here, not a branch in
``figures.py``. Every entry was met in a real report (see ``tests/figures/``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FigureKind = Literal["money", "count", "percent", "duration", "area", "quantity", "age", "date"]
KINDS: tuple[FigureKind, ...] = ("money", "count", "percent", "duration", "area", "quantity", "age", "date")
Bound = Literal["upper", "lower"]


@dataclass(frozen=True)
class Unit:
    """A unit as written: what kind of figure it makes, the unit reported, the factor to it.

    ``scaled_only``: a word that is a unit only after Arabic digits or 万/亿 (``10亿方``,
    ``345亿度``), because after a bare Chinese numeral it is something else (千方百计, 一度).
    """

    kind: FigureKind
    base: str
    factor: float = 1
    scaled_only: bool = False


UNITS: dict[str, Unit] = {
    "元": Unit("money", "元"),
    "美元": Unit("money", "美元"),
    "欧元": Unit("money", "欧元"),
    "%": Unit("percent", "%"),
    "％": Unit("percent", "%"),
    "成": Unit("percent", "%", 10),  # 占全国9成: nine tenths
    "个百分点": Unit("percent", "个百分点"),
    "百分点": Unit("percent", "个百分点"),
    "平方公里": Unit("area", "平方公里"),
    "平方千米": Unit("area", "平方公里"),
    "平方米": Unit("area", "平方米"),
    "㎡": Unit("area", "平方米"),
    "公顷": Unit("area", "公顷"),
    "亩": Unit("area", "亩"),
    "个工作日": Unit("duration", "工作日"),
    "工作日": Unit("duration", "工作日"),
    "个自然日": Unit("duration", "天"),
    "个小时": Unit("duration", "小时"),
    "小时": Unit("duration", "小时"),
    "分钟": Unit("duration", "分钟"),
    "个月": Unit("duration", "月"),
    "周年": Unit("duration", "年"),
    "年": Unit("duration", "年"),
    "天": Unit("duration", "天"),
    "周岁": Unit("age", "岁"),
    "岁": Unit("age", "岁"),
    "周": Unit("duration", "周"),
    "吨": Unit("quantity", "吨"),
    "公斤": Unit("quantity", "公斤"),
    "斤": Unit("quantity", "斤"),
    "立方米": Unit("quantity", "立方米"),
    "方": Unit("quantity", "立方米", scaled_only=True),
    "千瓦时": Unit("quantity", "千瓦时"),
    "度": Unit("quantity", "千瓦时", scaled_only=True),
    "千瓦": Unit("quantity", "千瓦"),
    "公里": Unit("quantity", "公里"),
    "千米": Unit("quantity", "公里"),
    "米": Unit("quantity", "米"),
    "微克/立方米": Unit("quantity", "微克/立方米"),
    "元/人": Unit("money", "元/人"),
    "标准箱": Unit("count", "标准箱"),
    "标箱": Unit("count", "标箱"),
    "个季度": Unit("duration", "季度"),  # 连续16个季度
    "季度": Unit("duration", "季度", scaled_only=True),  # 一季度 is the first quarter, no span
    "倍": Unit("quantity", "倍"),  # 最低生活保障标准的1.6倍: a multiple
    "P": Unit("quantity", "P", scaled_only=True),  # 算力规模达到11.4万P (petaflops)
}
COUNT_WORDS = "个项家名件场类台条笔班批人位户套次所座辆架艘张份种款支宗例间栋处列单票部株头只对"
"""Measure words: the figure counts things, and the unit is the word itself (``47个``)."""
for _word in (*COUNT_WORDS, "人次", "家次", "批次", "户次"):
    UNITS[_word] = Unit("count", _word)

SCALES: dict[str, int] = {
    "万亿": 10**12,
    "千亿": 10**11,
    "百亿": 10**10,
    "亿": 10**8,
    "千万": 10**7,
    "百万": 10**6,
    "万": 10**4,
}
"""Multipliers written between an Arabic number and its unit (``5.66万亿元``)."""


@dataclass(frozen=True)
class Hedge:
    """A word that makes a figure an estimate (``approx``) or a bound, or both."""

    approx: bool
    bound: Bound | None = None


BEFORE: dict[str, Hedge] = {
    **dict.fromkeys(
        ("不超过", "不高于", "不多于", "不大于", "不足", "低于", "少于", "至多"), Hedge(True, "upper")
    ),
    **dict.fromkeys(
        ("不低于", "不少于", "至少", "超过", "高于", "多于", "突破", "超", "逾"), Hedge(True, "lower")
    ),
    **dict.fromkeys(("近", "约", "大约", "接近"), Hedge(True)),
    "年满": Hedge(False, "lower"),  # 年满18周岁: 18 or older, and 18 exactly
}
"""Hedges before the number. Matched longest first: 不超过3天 is "at most", not its tail 超过."""
AFTER: dict[str, Hedge] = {
    **dict.fromkeys(("以内", "以下", "内"), Hedge(True, "upper")),
    **dict.fromkeys(("以上", "及以上"), Hedge(True, "lower")),
    "左右": Hedge(True),
}
"""Hedges after the unit (``5%以内``, ``65岁及以上``, ``5%左右``)."""

RANGE_SEPARATORS = "-~～—–－至到"
"""Between the ends of a range: ``5—10年``, ``1-2个``, ``2020年到2025年``, ``3月19日至20日``."""

NOT_FIGURES = (
    "千方百计",
    "千家万户",
    "千头万绪",
    "千军万马",
    "万无一失",
    "一年一度",
    "三令五申",
    "五湖四海",
    "四面八方",
    "百年奋斗目标",
    "百年未有",
    "百年大计",
    "亿万",
    "八项规定",  # 中央八项规定精神: a rule's name
    "五项原则",  # 和平共处五项原则
    "百年变局",  # 世界百年变局: a century's change, no duration
    "两位数",  # 保持两位数增长: a size class of a rate
)
"""Set phrases whose numerals count nothing."""
PLAN_NAMES = ("行动计划", "行动方案", "计划", "规划", "行动")
"""A duration followed by these names a plan (``三年行动计划``, ``五年规划``), not a span of time."""
NOT_UNIT_WORDS = (
    *("人口", "人才", "人员", "人群", "人民", "家庭", "家长", "家电", "家居", "户籍"),
    *("对外", "对口", "对接", "对标", "对于", "头部", "只有", "只要", "只是", "只能", "倍增"),
)
"""Words that begin with a unit but are nouns or other words: ``14亿多人口`` counts 人口, not
人 with 口 after; ``2900多万家庭`` counts 家庭; ``2.3万对外贸易企业`` is no pair. A list, not a
segmenter: figures stay fast and start-up never loads jieba's dictionary, and the few words that
begin with a measure word after a number are a closed set met in reports. A listed noun right
after the number is also all it counts (``14亿多人口大国`` counts 人口)."""
NOT_AFTER_UNIT = "制门代"
"""A unit followed by these is part of a word: ``3人制`` (a format), ``三部门`` (the agencies),
``九十年代`` (a decade, not ninety years)."""
NOT_AFTER_BARE = "级"
"""A bare scale followed by these is a size class: ``万亿级产业集群``."""
LONE_ONE_BEFORE = ("过去", "这", "那", "同", "上", "下", "前", "后", "每", "一", "的", "是")
LONE_ONE_AFTER = "来多一度中里间级"
"""A lone 一 counts a duration (``一年内``, ``一年未竣工``) but not in ``过去一年``, ``一年来``,
``极不平凡的一年``."""

TARGET_WORDS = ("预期目标", "目标是", "力争", "争取", "确保", "拟")
"""A sentence with one of these states a goal: its figures are targets."""
RESULT_PATTERN = r"从[^，。；]{1,20}?(?:增加|提高|增长|上升|下降|减少|扩大|降|升)(?:到|至)|累计|过去|首次"
"""A sentence that tells a change already made ("从4.16万亿元增加到5.67万亿元", 累计) gives results,
even in a plan chapter that first looks back."""
PLAN_HEADINGS = ("任务", "安排", "目标", "要求", "建议", "规划", "计划")
REVIEW_HEADINGS = ("回顾", "过去")
"""A chapter whose heading says plan or review makes its figures targets or results."""

COUNTED_STOP = "和与及的等、，。；：,;:（）()“”《》 \u3000在将并已达为是从向对由按"
"""Where the noun after a measure word ends (``8000个集装箱，`` -> 集装箱)."""
COUNTED_MAX = 10
COUNTED_END_WORDS = (
    *("实施", "落地", "落户", "入驻", "签约", "投产", "上线", "建成", "完成", "开展", "进行"),
    *("拨付", "成功", "申领", "申请", "获得", "获批", "得到", "受益", "享受", "参与", "参加"),
    *("加入", "纳入", "通过", "认定", "使用", "提供", "实现", "达到", "累计", "同比", "增长"),
    *("产能", "适合", "共", "均", "全部", "全面"),
)
"""Verbs (and a few words) that follow a counted noun in these reports: the noun ends before
them (``15个单位实施`` -> 单位, ``8000个集装箱产能`` -> 集装箱, ``478名人才成功申领`` -> 人才,
``832个贫困县全部摘帽`` -> 贫困县)."""
