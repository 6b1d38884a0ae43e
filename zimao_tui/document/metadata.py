"""A document's metadata and where its body begins and ends: ``extract(lines, origin=...)``.

Documents arrive copied or scraped from web pages: widgets and breadcrumbs before the title,
gov.cn's metadata table, a delivery line and the speaker under a work report's title, a
signature and date at the end, then footers, related links or a licence. ``extract`` reads
what is metadata (title, date, issuer, document number, source, subtitle, speaker), keeps the
document's own text as the body, and lists every other non-blank line with why it was dropped:

=============  ====================================================================
reason         what it is
=============  ====================================================================
``title``      the title line(s), and a repeat of the title (gov.cn shows it twice)
``subtitle``   a delivery line (——2026年2月3日在…会议上) or subtitle under the title
``speaker``    who delivers a report (上海市市长 龚 正), one line or two
``adoption``   a law's adoption note under its title (2021年6月10日 …会议通过)
``metadata``   gov.cn's table (索 引 号：…), label–value lines read into the metadata
               (时间：, 来源：), a document-number line, a date line before the body
``furniture``  widgets (全屏 收藏 【字号：), short non-sentence lines before the title or
               after the body, page labels (编辑：, 阅读量：), site footers
``navigation`` breadcrumbs and site names (您的位置：首页 > …, 中国政府网)
``caption``    photo captions, which end with 摄
``contents``   a table of contents (目录 and its entries, which the headings repeat)
``licence``    a licence footer (Wikisource) and everything after it
``related``    相关报道/相关文档/相关链接 and everything after it
``row-number`` a flattened table's bare row number (1, 2, 3…): not dropped here but by
               the tree (tree.py, ``table_rows``), which alone sees the table
=============  ====================================================================

Everything here is conservative about the body: a line is dropped only by a rule that names
it, and sentence-like lines in the middle of a document are never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import PurePath

from zimao_tui.document import furniture as fu
from zimao_tui.document.numerals import CN_NUMERAL_CHARS, DateFound, find_dates, only_date
from zimao_tui.document.styles import DOCUMENT_ENDINGS


@dataclass(frozen=True)
class Dropped:
    """A non-blank line left out of the body, and why (one of the reasons above)."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class DocMeta:
    """What a document says about itself; None where it does not say."""

    title: str
    title_from_filename: bool
    subtitle: str | None
    speaker: str | None
    date: str | None
    time: str | None
    date_source: str | None
    issuer: str | None
    doc_number: str | None
    source: str | None


@dataclass(frozen=True)
class Extracted:
    """The metadata, the body's line indexes in order, and every other non-blank line."""

    meta: DocMeta
    body: tuple[int, ...]
    dropped: tuple[Dropped, ...]


_HEAD_LIMIT = 60
"""How many non-blank lines the title, metadata and page furniture may take before the body."""
_TITLE_MAX = 80
_SIGNATURE_WINDOW = 6

_TABLE_LABELS: dict[str, str] = {
    "索引号": "index",
    "主题分类": "topic",
    "发文机关": "issuer",
    "发布机构": "issuer",
    "成文日期": "written",
    "标题": "title",
    "名称": "title",
    "发文字号": "doc_number",
    "文号": "doc_number",
    "发布日期": "published",
    "生成日期": "published",
    "主题词": "keywords",
    "体裁分类": "genre",
    "组配分类": "genre",
    "有效性": "validity",
    "公开方式": "openness",
    "公开范围": "openness",
}
"""gov.cn's (and provincial portals') document metadata table: its labels and what each holds."""

_ORG_ENDINGS = (
    "院", "厅", "部", "委", "局", "署", "会", "府", "办公室", "委员会", "政府", "中心", "行", "办", "党组",
    "常委会", "小组", "集团", "公司", "协会", "银行",
)  # fmt: skip
_NAME = r"(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}(?:·[\u4e00-\u9fff]{1,8})+)"
"""A person's name: two to four characters, or a transcribed name with · (艾尔肯·吐尼亚孜)."""
_OFFICES = (
    "副总理|总理|代省长|副省长|省长|代市长|副市长|市长|副主席|主席|区长|州长|县长|盟长|副书记|书记|主任|部长|"
    "院长|检察长|委员长|秘书长|行长"
)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Compiled on first use, so importing the module costs nothing at start-up."""
    n = CN_NUMERAL_CHARS
    return {
        "numbered": re.compile(
            rf"^(?:[{n}]{{1,4}}[、．.]|[(（][{n}\d]{{1,4}}[)）]|\d{{1,3}}[、．.](?!\d)|第[{n}\d]{{1,5}}[编章节条部分]"
            r"|[①-⑳]|附件|附表|[一二三四五六七八九十]是)"
        ),
        "doc_number": re.compile(
            r"[\u4e00-\u9fff]{1,12}[〔［\[（(【]\s*(?:19|20)\d{2}\s*[〕］\]）)】]\s*第?\s*\d{1,5}\s*号"
            rf"|[\u4e00-\u9fff]{{0,12}}令\s*第\s*[\d{n}]{{1,6}}\s*号"
        ),
        "decree_number": re.compile(rf"第[\d{n}]{{1,6}}号"),
        "speaker": re.compile(rf"^(?P<office>[\u4e00-\u9fff]{{0,20}}(?:{_OFFICES}))(?P<name>{_NAME})?$"),
        "name": re.compile(rf"^{_NAME}$"),
        "delivery": re.compile(
            r"^(?P<delivery>[^。，；]{4,60}?在[^。；]{2,60}?(?:会议|會議|会議|大会|大會|会|會)上)(?P<rest>.{0,30})$"
        ),
        "adoption": re.compile(r"通过|修订|修正|公布|施行|批准|发布"),
        "in_force": re.compile(r"^[^。，；]{0,24}施行$"),
        "trailing_paren": re.compile(r"[（(][^（()）]{1,20}[)）]$"),
        "issuer_prefix": re.compile(r"^(?P<org>[\u4e00-\u9fff、]{2,40}?)关于"),
        "table_label": re.compile(
            "(?:"
            + "|".join(
                "[ \\u3000]*".join(map(re.escape, label))
                for label in sorted(_TABLE_LABELS, key=len, reverse=True)
            )
            + ")[ \\u3000]*[:：]"
        ),
        "keywords": re.compile(r"^[^\s，。、：:]{1,10}(?:[ \u3000]+[^\s，。、：:]{1,10})+$"),
        "letter_spaced": re.compile(r"^[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff])+$"),
    }


@dataclass
class _Found:
    """The metadata as it is found, before the order of preference decides."""

    table: dict[str, str]
    title: str | None = None
    subtitle: str | None = None
    speaker: str | None = None
    dates: dict[str, tuple[str, str | None]] | None = None
    issuer: str | None = None
    doc_number: str | None = None
    source: str | None = None

    def date(self, source: str, iso: str, time: str | None = None) -> None:
        if self.dates is None:
            self.dates = {}
        self.dates.setdefault(source, (iso, time))

    def latest(self, source: str, iso: str) -> None:
        """Keep the latest date of ``source``: a law amended since its adoption is in force as
        last amended (通过 2003年…, then 修正 2019年…: the text is the 2019 one)."""
        if self.dates is None:
            self.dates = {}
        if source not in self.dates or iso > self.dates[source][0]:
            self.dates[source] = (iso, None)


class _Scan:
    """The lines with their drop marks; every rule below marks lines through it."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = [line.strip().strip("\ufeff\u200b\u200c\u200d\u2060").strip() for line in lines]
        self.nb = [i for i, line in enumerate(lines) if line.strip()]  # blank as str.strip() says
        self.reason: dict[int, str] = {}
        for i in self.nb:
            if not self.lines[i]:  # only invisible characters (a BOM, zero-width spaces)
                self.reason[i] = "furniture"
        self.found = _Found(table={})

    def text(self, pos: int) -> str:
        return self.lines[self.nb[pos]]

    def drop(self, pos: int, reason: str, count: int = 1) -> None:
        for p in range(pos, pos + count):
            self.reason.setdefault(self.nb[p], reason)

    def dropped(self, pos: int) -> bool:
        return self.nb[pos] in self.reason


def extract(lines: Sequence[str], *, origin: str) -> Extracted:
    """Read a document's metadata and decide its body: see the module docstring for the rules."""
    scan = _Scan(lines)
    table_end = _read_table(scan)
    body_start, title = _read_head(scan, table_end)
    body_end = _cut_tail(scan, body_start)
    _drop_trailing(scan, body_start, body_end)
    _drop_inside(scan, body_start, body_end)
    _drop_contents(scan, body_start, body_end)
    _read_signature(scan, body_start, body_end)
    meta = _meta(scan, title, origin)
    body = tuple(i for i in scan.nb if i not in scan.reason)
    dropped = tuple(Dropped(i, lines[i], scan.reason[i]) for i in scan.nb if i in scan.reason)
    return Extracted(meta=meta, body=body, dropped=dropped)


# --- the gov.cn metadata table --------------------------------------------------------------


def _table_pairs(line: str) -> list[tuple[str, str]] | None:
    """(field, value) pairs of a metadata-table line: `成文日期：2018年11月07日`, or several on one line
    as gov.cn's newer pages print them (`索 引 号： 000014349/2023-00047 主题分类： 城乡建设…`)."""
    matches = list(_patterns()["table_label"].finditer(line.strip()))
    if not matches or matches[0].start() != 0:
        return None
    text = line.strip()
    pairs = []
    for m, following in zip(matches, [*matches[1:], None], strict=True):
        value = text[m.end() : following.start() if following else len(text)].strip(" \u3000")
        pairs.append((_TABLE_LABELS[fu.squeeze(m.group(0))[:-1]], value))
    return pairs


def _read_table(scan: _Scan) -> int:
    """Read gov.cn's metadata table at the head (two or more of its labels); the position after it."""
    found = [
        (p, pairs) for p in range(min(len(scan.nb), _HEAD_LIMIT)) if (pairs := _table_pairs(scan.text(p)))
    ]
    if sum(len(pairs) for _, pairs in found) < 2:
        return 0
    positions = [p for p, _ in found]
    table: dict[str, str] = {}
    last = positions[0] - 1
    for k, pos in enumerate(positions):
        if pos - last > 2 and k > 0:
            break  # the table has ended; a later label-like line belongs to the text
        pairs = _table_pairs(scan.text(pos)) or []
        scan.drop(pos, "metadata")
        last = pos
        nxt = positions[k + 1] if k + 1 < len(positions) else None
        if _value_below(scan, table, pos, pairs[-1], nxt):
            pairs[-1] = (pairs[-1][0], scan.text(pos + 1))
            scan.drop(pos + 1, "metadata")
            last = pos + 1
        for field, value in pairs:
            if value:
                table.setdefault(field, value)
    for p in range(positions[0]):  # anything before the table is page furniture
        scan.drop(p, "furniture")
    scan.found.table = table
    return last + 1


def _value_below(
    scan: _Scan, table: dict[str, str], pos: int, pair: tuple[str, str], nxt: int | None
) -> bool:
    """Whether the table's label at ``pos``, left empty, has its value on the next line (``nxt``
    is the next label's position): not the start of the title, unless two lines separate the labels."""
    field, value = pair
    if value or pos + 1 >= len(scan.nb) or nxt == pos + 1:
        return False
    if nxt == pos + 2:
        return True
    candidate = scan.text(pos + 1)
    if field == "keywords":
        return bool(_patterns()["keywords"].match(candidate))
    title_so_far = fu.squeeze(table.get("title", "") or "")
    starts_title = bool(title_so_far) and title_so_far.startswith(fu.squeeze(candidate))
    return not starts_title and len(candidate) <= _TITLE_MAX


# --- the head: furniture, title, subtitle, speaker, dates -------------------------------------


def _read_head(scan: _Scan, start: int) -> tuple[int, tuple[str, bool]]:
    """Scan from ``start`` to the body: drop furniture and metadata, find the title.

    Returns the body's first position and (title, whether the title came from the file name).
    """
    head = _Head(scan)
    pos = start
    while pos < len(scan.nb) and pos < start + _HEAD_LIMIT:
        taken = head.step(pos)
        if not taken:
            break
        pos += taken
    return head.settle(pos)


class _Head:
    """The head read line by line: the title lines the metadata table names, head rules, and
    candidate title lines (adjacent ones grouped) until a line can only be the body."""

    def __init__(self, scan: _Scan) -> None:
        self.scan = scan
        self.table_title = fu.squeeze(scan.found.table.get("title", ""))
        self.title_left = self.table_title
        """What of the table's title the document's own lines have not shown yet."""
        self.table_title_lines: list[str] = []
        self.groups: list[list[int]] = []
        self.last_candidate = -2
        self.after_title_meta = False
        """A subtitle, speaker or adoption line came after a candidate title: the body is next."""

    def step(self, pos: int) -> int:
        """Read the line at ``pos``: how many lines the head took (0: the body starts here)."""
        scan = self.scan
        if scan.dropped(pos):
            return 1
        line = scan.text(pos)
        if self._table_title_line(pos, line):
            return 1
        taken = _head_rule(scan, pos)
        if taken:
            count, reason = taken
            scan.drop(pos, reason, count)
            self.after_title_meta = self.after_title_meta or (
                reason in ("subtitle", "speaker", "adoption") and bool(self.groups)
            )
            return count
        if self._repeat_or_speaker(pos, line):
            return 1
        if _starts_body(line) or (self.after_title_meta and self.groups):
            return 0
        if self.groups and self.last_candidate == pos - 1:
            self.groups[-1].append(pos)
        else:
            self.groups.append([pos])
        self.last_candidate = pos
        return 1

    def _table_title_line(self, pos: int, line: str) -> bool:
        """A line of the title the metadata table gave, or one going on where gov.cn's table cut
        a long title short."""
        s = fu.squeeze(line)
        if self.title_left and s and self.title_left.startswith(s):
            self.title_left = self.title_left[len(s) :]
        elif not _title_goes_on(self.table_title_lines, self.title_left, line):
            return False
        self.scan.drop(pos, "title")
        self.table_title_lines.append(line)
        return True

    def _repeat_or_speaker(self, pos: int, line: str) -> bool:
        """The title shown again under a breadcrumb, or a speaker's name alone under the subtitle."""
        scan = self.scan
        s = fu.squeeze(line)
        if self.groups and any(s == fu.squeeze(scan.text(p)) for g in self.groups for p in g):
            scan.drop(pos, "title")  # the page shows the title again under its breadcrumb
            return True
        if self.after_title_meta and scan.found.speaker is None and _bare_name(line):
            scan.found.speaker = line  # 毛伟明 alone under the delivery line
            scan.drop(pos, "speaker")
            return True
        return False

    def settle(self, body_start: int) -> tuple[int, tuple[str, bool]]:
        """Decide the title (the table's, else one of the candidate groups) and where the body starts."""
        scan, groups = self.scan, self.groups
        title_text: str | None = scan.found.table.get("title") or None
        if title_text and len(fu.squeeze("".join(self.table_title_lines))) > len(self.table_title):
            title_text = _join_title(self.table_title_lines)
        if title_text:
            rest = [p for g in groups for p in g]
        else:
            chosen = _choose_title(scan, groups)
            if chosen is None:
                # No title line: the first lines are the body and must stay there.
                return min([body_start, *(g[0] for g in groups)]), ("", True)
            title_text, rest = _take_title(scan, groups, *chosen)
        first_body = _keep_after_title(scan, fu.squeeze(title_text), rest)
        if first_body is not None:
            body_start = min(body_start, first_body)
        return body_start, (title_text, False)


def _take_title(scan: _Scan, groups: list[list[int]], group_index: int, used: int) -> tuple[str, list[int]]:
    """Drop the chosen title lines (and the short lines before them, page furniture); the title and
    the candidate positions after it."""
    group = groups[group_index]
    for p in group[:used]:
        scan.drop(p, "title")
    for g in groups[:group_index]:  # short lines before the title: page furniture
        for p in g:
            scan.drop(p, "furniture")
    rest = group[used:] + [p for g in groups[group_index + 1 :] for p in g]
    return _join_title([scan.text(p) for p in group[:used]]), rest


def _title_goes_on(lines: list[str], left: str, line: str) -> bool:
    """Whether ``line`` continues a title that gov.cn's table showed cut short."""
    if not lines or left or _title_ending(fu.squeeze("".join(lines))) or _starts_body(line):
        return False
    s = fu.squeeze(line)
    return len(s) <= 40 and _title_ending(fu.squeeze("".join(lines)) + s)


_NOT_NAMES = frozenset(
    {"前言", "引言", "序言", "导言", "总则", "附则", "目录", "目次", "结语", "说明", "摘要"}
)


def _bare_name(line: str) -> bool:
    """A person's name alone on a line (毛伟明), not a two-character heading (前言, 总则)."""
    s = fu.squeeze(line)
    return s not in _NOT_NAMES and not _starts_body(line) and bool(_patterns()["name"].match(s))


def _keep_after_title(scan: _Scan, title: str, positions: list[int]) -> int | None:
    """Drop repeats of the title among ``positions``, and an issuer's line right under it
    (国务院); the first other line starts the body."""
    for p in positions:
        line = scan.text(p)
        if fu.squeeze(line) in title:  # a repeat of the title (政府工作报告)
            scan.drop(p, "title")
        elif _org_line(line) and len(fu.squeeze(line)) <= 20 and not _patterns()["numbered"].match(line):
            if scan.found.issuer is None:
                scan.found.issuer = fu.squeeze(line)
            scan.drop(p, "metadata")
        else:
            return p
    return None


def _head_rule(scan: _Scan, pos: int) -> tuple[int, str] | None:
    """The first head rule that takes the line at ``pos``: (lines taken, reason)."""
    for rule in _HEAD_RULES:
        taken = rule(scan, pos)
        if taken:
            return taken
    return None


def _furniture_line(scan: _Scan, pos: int) -> tuple[int, str] | None:
    line = scan.text(pos)
    if fu.is_separator(line):  # 首页 / > / 政务信息 / > / 宁夏要闻: the segment after > goes too
        if pos + 1 < len(scan.nb) and _breadcrumb_segment(scan.text(pos + 1)):
            return 2, "navigation"
        return 1, "navigation"
    if fu.is_anywhere_furniture(line) or fu.is_widget(line) or fu.no_text(line):
        return 1, "furniture"
    if fu.is_navigation(line):
        return 1, "navigation"
    if fu.is_caption(line):
        return 1, "caption"
    if fu.end_reason(line) == "furniture":
        return 1, "furniture"
    return None


def _breadcrumb_segment(line: str) -> bool:
    s = fu.squeeze(line)
    return 0 < len(s) <= 15 and not fu.is_sentence_like(line)


def _label_line(scan: _Scan, pos: int) -> tuple[int, str] | None:
    pairs = fu.label_values(scan.text(pos))
    if pairs is None:
        return None
    count = 1
    label, value = pairs[-1]
    if not value and label and pos + 1 < len(scan.nb):
        nxt = scan.text(pos + 1)
        if _label_value_below(label, nxt):  # 来源： / 四川日报, 发表时间： / 2026-02-09 09:45:30
            pairs[-1] = (label, nxt.strip())
            count = 2
    _read_pairs(scan.found, pairs)
    return count, "metadata" if fu.is_page_label_line(pairs) else "furniture"


def _label_value_below(label: str, line: str) -> bool:
    """Whether ``line`` is the value of a label left empty on the line above (pages put it below)."""
    if fu.label_values(line) is not None or fu.is_widget(line) or fu.is_anywhere_furniture(line):
        return False
    if "时间" in label or "日期" in label:
        return only_date(line) is not None
    if label in fu.rules().labels_page:
        s = fu.squeeze(line)
        return len(s) <= 20 and not fu.is_sentence_like(line) and not _patterns()["numbered"].match(s)
    s = fu.squeeze(line)
    return s.isdigit() or bool(_patterns()["name"].match(s))  # 阅读量： / 1234, 责任编辑： / 李莎莎


def _read_pairs(found: _Found, pairs: list[tuple[str, str]]) -> None:
    """Read source and publication date from a label–value line."""
    for label, value in pairs:
        if "来源" in label or label in ("稿源", "发布机构", "发布单位"):
            if value and found.source is None:
                found.source = value
        elif label == "" or "时间" in label or "日期" in label:
            dates = find_dates(value)
            if dates:
                found.date("published", dates[0].iso, dates[0].time)


def _date_line(scan: _Scan, pos: int) -> tuple[int, str] | None:
    line = scan.text(pos)
    d = only_date(line)
    if d is None:
        return None
    if line.startswith(("（", "(")):
        scan.found.date("delivery", d.iso)  # （2019年3月5日） under a speech's title
        if scan.found.subtitle is None:
            scan.found.subtitle = line
        return 1, "subtitle"
    scan.found.date("published", d.iso, d.time)
    return 1, "metadata"


def _doc_number_line(scan: _Scan, pos: int) -> tuple[int, str] | None:
    s = fu.squeeze(scan.text(pos)).strip("（）()")
    if not _patterns()["doc_number"].fullmatch(s):
        if not (_patterns()["decree_number"].fullmatch(s) and pos > 0):
            return None
        before = fu.squeeze(scan.text(pos - 1))
        if not before.endswith("令"):
            return None
        s = before + s  # 中华人民共和国国务院令 / 第706号
    if scan.found.doc_number is None:
        scan.found.doc_number = s
    return 1, "metadata"


def _delivery_line(scan: _Scan, pos: int) -> tuple[int, str] | None:
    """——2026年2月3日在…会议上 (maybe split over two lines), or （2026年1月27日在…会议上）."""
    line = scan.text(pos)
    dashed = line.startswith(_DASHES)
    bracketed = line.startswith(("（", "(")) and "在" in line and not _patterns()["adoption"].search(line)
    if not (dashed or bracketed):
        return _undashed_delivery(scan, pos)
    count = 1
    text = line
    closed: Callable[[str], bool] = (
        (lambda t: t.endswith(("）", ")"))) if bracketed else (lambda t: t.endswith(("上", "讲话", "报告")))
    )
    while not closed(text) and pos + count < len(scan.nb) and count < 3:
        nxt = scan.text(pos + count)
        if fu.is_sentence_like(nxt) or len(nxt) > 30:
            break
        if not closed(nxt) and not bracketed:
            break
        text += nxt
        count += 1
    if bracketed and not closed(text):
        return None
    if scan.found.subtitle is None:
        scan.found.subtitle = text
    dates = find_dates(text)
    if dates:
        scan.found.date("delivery", dates[0].iso)
    return count, "subtitle"


_DASHES = ("——", "—", "――", "―", "─", "--", "－－")


def _undashed_delivery(scan: _Scan, pos: int) -> tuple[int, str] | None:
    """2026年1月14日在浙江省…会议上, maybe followed on the same line by the speaker."""
    line = scan.text(pos)
    dates = find_dates(line)
    m = _patterns()["delivery"].match(line)
    if not dates or dates[0].start != 0 or not m:
        return None
    if scan.found.subtitle is None:
        scan.found.subtitle = m["delivery"]
    scan.found.date("delivery", dates[0].iso)
    rest = m["rest"].strip()
    if rest and scan.found.speaker is None:
        speaker = _patterns()["speaker"].match(fu.squeeze(rest))
        if speaker and speaker["name"]:
            scan.found.speaker = " ".join(rest.split())
    return 1, "subtitle"


def _speaker_line(scan: _Scan, pos: int) -> tuple[int, str] | None:
    """上海市市长 龚 正; 国务院总理 / 李克强 on two lines."""
    line = scan.text(pos)
    s = fu.squeeze(line)
    if len(s) > 30:
        return None
    m = _patterns()["speaker"].match(s)
    if not m or len(m["office"]) < 2:
        return None
    if m["name"]:
        speaker = " ".join(line.split())
        count = 1
    elif pos + 1 < len(scan.nb) and _patterns()["name"].match(fu.squeeze(scan.text(pos + 1))):
        speaker = " ".join(line.split()) + " " + " ".join(scan.text(pos + 1).split())
        count = 2
    else:
        return None
    if scan.found.speaker is None:
        scan.found.speaker = speaker
    return count, "speaker"


def _adoption_line(scan: _Scan, pos: int) -> tuple[int, str] | None:
    """2021年6月10日 第十三届…会议通过; （1989年…通过 …修正） over one or several lines."""
    line = scan.text(pos)
    dates = find_dates(line)
    if line.startswith(("（", "(")):
        note = _bracketed_adoption(scan, pos)
        if note is None:
            return None
        count, text = note
        dates = find_dates(text)
    elif (
        dates
        and dates[0].start == 0
        and _patterns()["adoption"].search(line)
        and len(line) <= 100
        and "。" not in line
    ):
        count, text = 1, line
    elif scan.found.dates and "adoption" in scan.found.dates and _patterns()["in_force"].match(line):
        return 1, "adoption"  # 发布之日施行 / 自2019年1月1日起施行, under the adoption lines
    else:
        return None
    _read_adoption(scan.found, text, dates)
    return count, "adoption"


def _bracketed_adoption(scan: _Scan, pos: int) -> tuple[int, str] | None:
    """（1989年…通过 …修正） from ``pos`` over up to eight lines: (lines, its text), if it is one."""
    count, text = 1, scan.text(pos)
    while not text.endswith(("）", ")")) and pos + count < len(scan.nb) and count < 8:
        text += scan.text(pos + count)
        count += 1
    if not text.endswith(("）", ")")) or not _patterns()["adoption"].search(text) or not find_dates(text):
        return None
    return count, text


def _read_adoption(found: _Found, text: str, dates: Sequence[DateFound]) -> None:
    """An adoption note's decree number, the date of the version it describes, and the note as
    the subtitle."""
    decree = _patterns()["doc_number"].search(fu.squeeze(text[dates[0].end :] if dates else text))
    if decree and "令" in decree.group(0) and found.doc_number is None:
        found.doc_number = decree.group(0)  # 2022年4月14日 国家市场监督管理总局令第56号公布
    in_force_only = all("施行" in text[d.end : d.end + 6] for d in dates)
    if not (in_force_only and "adoption" in (found.dates or {})):  # 2022年7月1日 施行, below 公布
        found.latest("adoption", _version_date(text, dates))
    if found.subtitle is None:
        found.subtitle = text


def _version_date(text: str, dates: Sequence[DateFound]) -> str:
    """The date of the version an adoption note describes: its latest 通过/修正/修订 date.

    A date followed by 起施行/施行 is when the text takes effect, not a version of it, and is
    skipped (unless it is the only date).
    """
    versions = [d.iso for d in dates if "施行" not in text[d.end : d.end + 6]]
    return max(versions or [d.iso for d in dates])


_HEAD_RULES: tuple[Callable[[_Scan, int], tuple[int, str] | None], ...] = (
    _date_line,
    _label_line,
    _furniture_line,
    _doc_number_line,
    _delivery_line,
    _adoption_line,
    _speaker_line,
)


def _starts_body(line: str) -> bool:
    """A line that can only be the document's own text: a sentence, a salutation, a numbered line."""
    text = line.strip()
    return (
        fu.is_sentence_like(text)
        or len(text) > _TITLE_MAX
        or text.endswith(("：", ":", "，", ","))
        or fu.squeeze(text) in ("目录", "目次")
        or bool(_patterns()["numbered"].match(text))
    )


def _title_ending(text: str) -> bool:
    text = _patterns()["trailing_paren"].sub("", text.strip())
    return text.endswith(DOCUMENT_ENDINGS)


def _choose_title(scan: _Scan, groups: list[list[int]]) -> tuple[int, int] | None:
    """(group, how many of its lines) make the title: the first that ends like a title, else the last.

    Within a group, lines are joined while the title so far does not end like one (a title
    split over two lines: 国务院关于印发 / 《国务院工作规则》的通知).
    """
    if not groups:
        return None
    for g, group in enumerate(groups):
        texts = [fu.squeeze(scan.text(p)) for p in group]
        for used in range(1, len(group) + 1):
            joined = "".join(texts[:used])
            if len(joined) > _TITLE_MAX + 20:
                break
            if _title_ending(joined):
                nxt = texts[used] if used < len(texts) else ""
                if nxt.startswith(("（", "(")) and len(nxt) <= 14 and _title_ending(joined + nxt):
                    used += 1  # （试行） / （2019年修订） on its own line
                return g, used
    last = len(groups) - 1
    for g in range(last):  # a later line that only repeats part of an earlier one
        if fu.squeeze(scan.text(groups[last][0])) in fu.squeeze(scan.text(groups[g][0])):
            return g, 1
    if len(fu.squeeze(scan.text(groups[last][0]))) < 4:
        return None  # 前言, 总则: a heading, not a title
    return last, 1


def _join_title(parts: list[str]) -> str:
    """The title's lines joined; a letter-spaced title (国 务 院 工 作 规 则) loses its spaces."""
    spaced = _patterns()["letter_spaced"]
    cleaned = [fu.squeeze(p) if spaced.match(p) else p.strip() for p in parts]
    return "".join(cleaned)


# --- the tail: related links, licence, footers ----------------------------------------------


def _cut_tail(scan: _Scan, body_start: int) -> int:
    """Find where the body ends (a related/licence/footer line), drop from there; the end position."""
    for pos in range(body_start, len(scan.nb)):
        reason = fu.end_reason(scan.text(pos))
        if reason is None:
            continue
        if reason != "licence" and _text_follows(scan, body_start, pos):
            continue  # text follows: not the end of the document
        for p in range(pos, len(scan.nb)):
            scan.drop(p, reason)
        return pos
    return len(scan.nb)


def _text_follows(scan: _Scan, body_start: int, pos: int) -> bool:
    """Whether running text follows ``pos`` that is not a repeat of the body above it.

    Some pages carry the whole text again, flattened into one line, after their footer.
    """
    after = []
    for p in range(pos + 1, len(scan.nb)):
        if _paragraph(scan.text(p)):
            after.append(scan.text(p))
            if len(after) > 3:
                return True  # a flattened repeat is a line or two, not a text
    if not after:
        return False
    above = "".join(fu.squeeze(scan.text(p)) for p in range(body_start, pos))
    return any(fu.squeeze(line)[:40] not in above for line in after)


def _paragraph(line: str) -> bool:
    """Running text (related-article titles and footers have no full stop)."""
    return len(line) >= 20 and any(mark in line for mark in "。！？")


def _drop_trailing(scan: _Scan, body_start: int, body_end: int) -> None:
    """Short non-sentence lines after the body: widgets, labels, bare marks (`false`, `-->`)."""
    pos = body_end - 1
    while pos >= body_start:
        if not scan.dropped(pos):
            line = scan.text(pos)
            above = fu.label_values(scan.text(pos - 1)) if pos > body_start else None
            if above and not above[-1][1] and _label_value_below(above[-1][0], line):
                above[-1] = (above[-1][0], line)  # 责任编辑： / 李莎莎
                _read_pairs(scan.found, above)
                scan.drop(pos - 1, "metadata" if fu.is_page_label_line(above) else "furniture", 2)
                pos -= 2
                continue
            pairs = fu.label_values(line)
            if pairs is not None:
                _read_pairs(scan.found, pairs)
                scan.drop(pos, "metadata" if fu.is_page_label_line(pairs) else "furniture")
            elif fu.is_widget(line) or fu.is_anywhere_furniture(line) or fu.no_text(line):
                scan.drop(pos, "furniture")
            elif fu.is_navigation(line) and not _org_line(line):
                scan.drop(pos, "navigation")
            elif fu.is_caption(line):
                scan.drop(pos, "caption")
            else:
                return
        pos -= 1


def _drop_inside(scan: _Scan, body_start: int, body_end: int) -> None:
    """Inside the body only what cannot be text: fixed furniture, captions, page labels, widget runs."""
    run: list[int] = []
    for pos in range(body_start, body_end + 1):
        if pos < body_end and not scan.dropped(pos) and fu.is_widget(scan.text(pos)):
            run.append(pos)
            continue
        if len(run) >= 3:
            for p in run:
                scan.drop(p, "furniture")
        run = []
        if pos == body_end or scan.dropped(pos):
            continue
        line = scan.text(pos)
        if fu.is_anywhere_furniture(line):
            scan.drop(pos, "furniture")
        elif fu.is_caption(line):
            scan.drop(pos, "caption")
        else:
            pairs = fu.label_values(line)
            if pairs and any(label in fu.rules().labels_anywhere for label, _ in pairs):
                scan.drop(pos, "furniture")


def _drop_contents(scan: _Scan, body_start: int, body_end: int) -> None:
    """A table of contents: 目录, then short entries up to where the first entry comes again.

    The entries repeat the headings; kept, they would become a second, empty tree.
    """
    for pos in range(body_start, body_end):
        if scan.dropped(pos) or fu.squeeze(scan.text(pos)) not in ("目录", "目次"):
            continue
        if pos + 1 >= body_end:
            return
        first = fu.squeeze(scan.text(pos + 1))
        for end in range(pos + 2, body_end):
            line = scan.text(end)
            if fu.squeeze(line) == first:
                for p in range(pos, end):
                    scan.drop(p, "contents")
                return
            if len(fu.squeeze(line)) > 40 or fu.is_sentence_like(line):
                return  # running text before the first entry comes again: not a table of contents
        return


# --- the signature: issuer and date at the end of the text -----------------------------------


def _org_line(line: str) -> bool:
    s = fu.squeeze(line)
    return 2 <= len(s) <= 30 and not fu.is_sentence_like(line) and s.endswith(_ORG_ENDINGS) and "，" not in s


def _read_signature(scan: _Scan, body_start: int, body_end: int) -> None:
    """The first signature block (issuer line, then a date line) in the body, or a date at its end."""
    body = [p for p in range(body_start, body_end) if not scan.dropped(p)]
    for k, pos in enumerate(body):
        d = only_date(scan.text(pos))
        if d is None:
            continue
        before = scan.text(body[k - 1]) if k > 0 else ""
        near_end = k >= len(body) - _SIGNATURE_WINDOW
        if k > 0 and _org_line(before):
            scan.found.date("signature", d.iso)
            if scan.found.issuer is None:
                scan.found.issuer = fu.squeeze(before)
            return
        if near_end:
            scan.found.date("signature", d.iso)
            return


# --- the metadata, in its order of preference -----------------------------------------------

_DATE_ORDER = ("written", "delivery", "signature", "adoption", "published")


def _meta(scan: _Scan, title: tuple[str, bool], origin: str) -> DocMeta:
    found = scan.found
    date, time, date_source = _date(found)
    text, from_filename = title
    if from_filename or not text:
        text, from_filename = PurePath(origin).stem or origin, True
    return DocMeta(
        title=text,
        title_from_filename=from_filename,
        subtitle=found.subtitle,
        speaker=found.speaker,
        date=date,
        time=time if date_source == "published" else None,
        date_source=date_source,
        issuer=_issuer(found, text, from_filename),
        doc_number=_doc_number(found, text),
        source=found.source or None,
    )


def _date(found: _Found) -> tuple[str | None, str | None, str | None]:
    """(date, time, which source) of the first source in ``_DATE_ORDER`` that gave a date."""
    written = found.table.get("written")
    if written and (dates := find_dates(written)):
        found.date("written", dates[0].iso)
    published = found.table.get("published")
    if published and (dates := find_dates(published)):
        found.date("published", dates[0].iso, dates[0].time)
    for source in _DATE_ORDER:
        if found.dates and source in found.dates:
            date, time = found.dates[source]
            return date, time, source
    return None, None, None


def _issuer(found: _Found, title: str, from_filename: bool) -> str | None:
    """The table's issuer, the signature's, else the organisation a title starts with (…关于)."""
    issuer = found.table.get("issuer") or found.issuer
    if issuer is None and not from_filename:
        m = _patterns()["issuer_prefix"].match(fu.squeeze(title))
        if m and m["org"].endswith(_ORG_ENDINGS):
            issuer = m["org"]
    return issuer


def _doc_number(found: _Found, title: str) -> str | None:
    """The table's document number, one read from the head, else one written in the title."""
    doc_number = found.table.get("doc_number") or found.doc_number
    if doc_number is None:
        m = _patterns()["doc_number"].search(fu.squeeze(title))
        doc_number = m.group(0) if m else None
    return doc_number
