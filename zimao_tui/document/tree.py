"""Body lines to the heading tree, following the document's own numbering.

Three passes, each linear in the number of lines:

1. ``join_split_lines``: lines the source broke in the middle of a sentence or a heading number
   (``（`` / ``三）改革开放…``; ``…的`` / ``主要目标`` / ``是：…``) are joined back.
2. ``_segments``: the text is cut into the main text, its closing (结束语, or a signature and its
   date at the end) and one segment per attachment (附件 / 附件N), each numbered on its own.
3. ``_Builder``: headings are nested with a stack. Ranked styles (第X编/章/节/条) have fixed
   places; every other style takes the level at which the document first uses it below what is
   open: the same style seen again continues its list (二、 after 一、), and a list that starts
   again at 1 under a later item nests there (一、 under 二、).

Every body sentence ends in exactly one measure: paragraphs are cut into sentences with
``sentence_spans``; a heading line that carries sentences keeps them as measures, and a heading
with nothing under it (a list item ending in ；, ： or nothing) becomes a measure itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, field
from itertools import pairwise

from zimao_tui.document import styles
from zimao_tui.document.chars import is_han
from zimao_tui.document.lines import EDGE_SPACE
from zimao_tui.document.report import Heading, HeadingKind, Measure, Node
from zimao_tui.document.sentences import sentence_spans
from zimao_tui.document.shorten import shorten
from zimao_tui.document.stated import marked_indexes, marked_marker
from zimao_tui.document.styles import Marker, Style

_LEGAL_DIVISIONS = frozenset({"附则", "总则", "分则"})
"""Divisions a law may write without a number (刑法: 第一编 总则 … 第二编 分则 … 附则)."""

LEGAL_PART = Style("legal_part", "", 1, "part", spaced=True)
LEGAL_CHAPTER = Style("legal_chapter", "", 2, "chapter", spaced=True)
"""附则 written without a number, at the level of the law's 第X编 or 第X章."""

UNNUMBERED = Style("unnumbered", "")
"""The style of headings without a number (see ``is_unnumbered_heading``): it takes its level
by order of use like the numbered ones."""

_ADDRESS = ("各位代表", "同志们")
"""A work report's address to its audience: never part of an 一是 item, always of its section."""

MAX_TITLE = 40
"""Longest heading title shown in the tree; longer heading lines keep their text as measures."""

PREAMBLE_TITLE = "前言"
BODY_TITLE = "正文"
CLOSING_TITLE = "落款"

_SENTENCE_END = frozenset("。！？!?；;：:…”’）)》】")
"""A line ending in one of these ends a sentence (or a bracketed note): it is not continued."""
_CONTINUES = frozenset("，,、。；：）)》”（(")
"""A next line starting with one of these continues the line before it."""
_NEVER_STARTS = frozenset("，、。；：》”’")
"""Marks no line of text starts with: such a line goes on the line before, whatever that ends with."""


def _han_count(text: str, at_least: int) -> bool:
    count = 0
    for ch in text:
        if is_han(ch):
            count += 1
            if count >= at_least:
                return True
    return False


def _is_break_point(line: str) -> bool:
    """A line that a joined sentence must not run into or out of: a heading or a place's start."""
    return (
        styles.match(line) is not None
        or styles.attachment(line) is not None
        or styles.is_date_line(line)
        or styles.is_closing_heading(line)
    )


def _continues(prev: str, nxt: str) -> bool:
    """Whether the source broke one sentence over ``prev`` and ``nxt`` (a web page's bold span, a
    hyperlink, a subscript: ``…（PM`` / ``2.5`` / ``年平均浓度…``).

    Only Chinese text is joined (``prev`` has Han characters and ends mid-sentence; ``nxt`` starts
    with a Han character, continuing punctuation, or is a short run of ASCII), so a list of
    titles or a line of other text is never glued to its neighbour.
    """
    if not _han_count(prev, 2):
        return False
    if nxt[0] in _NEVER_STARTS or _open_mid_sentence(prev):
        return True  # 》已经…, ，并… : no line of its own starts so; or “双向 / 揭榜 / 挂帅”
    if not _ends_open(prev) or _stands_alone(prev, nxt):
        return False
    first = nxt[0]
    short_ascii = len(nxt) <= 8 and nxt.isascii() and not any(ch.isspace() for ch in nxt)
    return is_han(first) or first in _CONTINUES or short_ascii


def _ends_open(prev: str) -> bool:
    """``prev`` stops where a sentence may go on: on a Han character, a letter or digit, or an
    opening mark or comma; never on a sentence's end."""
    last = prev[-1]
    if last in _SENTENCE_END:
        return False
    return is_han(last) or (last.isascii() and last.isalnum()) or last in "，,、“‘《（("


def _stands_alone(prev: str, nxt: str) -> bool:
    """Lines that end open but are still whole: table cells, spaced titles, a title before its
    text, or a salutation on the next line."""
    if len(prev) <= 8 and len(nxt) <= 8 and _is_title_line(prev) and _is_title_line(nxt):
        return True  # table cells, one a line (一级指标 / 二级指标 / 指标说明)
    if _is_spaced(prev):
        return True  # a letter-spaced title (国 务 院 工 作 规 则) stands alone
    if _is_title_line(prev) and styles.ends_like_title(prev) and nxt[0] not in "（(":
        return True  # a title (…地质险情调研情况的报告) before its text; 协定 / （RCEP） goes on
    return len(nxt) <= 30 and nxt[-1] in "：:" and _is_title_line(nxt[:-1])  # 国务院：, 各位代表：


def _closed_heading(line: str) -> bool:
    """A heading (or place) line that nothing after it continues."""
    return (
        _is_break_point(line)
        and not _unbalanced(line)
        and not _stops_mid_title(line)
        and not _text_runs_on(line)
    )


def _text_runs_on(line: str) -> bool:
    """A run-in heading whose text stops mid-sentence (（四）…。…积极推动加入 / 全面与进步跨太平洋
    伙伴关系协定: a hyperlink put the treaty's name on a line of its own)."""
    return any(ch in line for ch in "。！？") and line[-1] not in _SENTENCE_END


def _stops_mid_title(line: str) -> bool:
    """A heading whose title stops on 和/的/、… (二、2022年经济社会发展总体要求和 / 政策取向)."""
    marker = styles.match(line)
    return (
        marker is not None
        and bool(marker.rest)
        and marker.rest.endswith((*_MID_SENTENCE_ENDINGS, "、", "，"))
    )


def _open_mid_sentence(line: str) -> bool:
    """The line stops inside a bracket and mid-sentence (“双向 / 揭榜 / 挂帅”). One that ends its
    sentence (第一句（见附表。) has a bracket its author never closed, a typo: gluing the next
    lines to it would run one measure on to the next heading."""
    return _unbalanced(line) and line[-1] not in "。！？!?"


def _unbalanced(line: str) -> bool:
    """The line stops inside “…”, 《…》 or brackets: its sentence goes on on the next line."""
    return (
        line.count("“") > line.count("”")
        or line.count("《") > line.count("》")
        or (line.count("（") + line.count("(") > line.count("）") + line.count(")"))
    )


def _is_spaced(line: str) -> bool:
    """A letter-spaced line: single characters with spaces between (国 务 院 工 作 规 则)."""
    parts = line.split()
    return len(parts) >= 3 and all(len(part) == 1 for part in parts)


ROW_NUMBER = "row-number"
"""The reason given in a Report's ``dropped`` for a table's bare row number (see ``table_rows``)."""
_ROW_NUMBER = re.compile(r"\d{1,3}")
_ROW_WIDTH = 15
"""Most lines a table row may take (its number, then one line per cell)."""


def table_rows(lines: Sequence[str]) -> tuple[set[int], set[int]]:
    """A table flattened one cell a line: (its bare row numbers, every line of it), as indexes.

    A web page's table copied as text loses its grid: 序号 / 改革举措 / … / 1 / 知识产权… / 全国 /
    2 / …. It shows as bare numbers (1, 2, 3…) alone on their lines, each next within a row's
    width of the one before. Two such numbers in sequence make a table, from the first to the last
    row's end (the widest row's width past the last number). One pass over the lines.
    """
    numbers: set[int] = set()
    table: set[int] = set()
    chain: list[int] = []  # indexes of the current run of row numbers
    last_value = 0

    def close() -> None:
        if len(chain) >= 2:
            numbers.update(chain)
            width = max(b - a for a, b in pairwise(chain))
            table.update(range(chain[0], min(len(lines), chain[-1] + width)))
        chain.clear()

    for k, line in enumerate(lines):
        if not _ROW_NUMBER.fullmatch(line):
            continue
        value = int(line)
        if not (chain and value == last_value + 1 and k - chain[-1] <= _ROW_WIDTH):
            close()
        chain.append(k)
        last_value = value
    close()
    return numbers, table


def _must_continue(prev: str, nxt: str) -> bool:
    """Even in a table's cell: the line stops on a comma or inside brackets, or the next cannot start."""
    return nxt[0] in _NEVER_STARTS or _open_mid_sentence(prev) or prev[-1] in "，,、“‘《（("


def join_split_lines(lines: Sequence[str], table: Set[int] = frozenset()) -> list[str]:
    """The body's logical lines: headings and sentences the source split over lines, joined back.

    Lines whose index is in ``table`` are cells of a table (see ``table_rows``): each stays a line
    of its own unless it plainly goes on, so cells of different rows are never glued together.
    """
    out: list[str] = []
    protected = True  # the line before cannot be continued (a heading, a title, the start)
    fresh = False  # out[-1] is one source line that began after a finished sentence
    pending = ""
    prev_cell = False  # out[-1] ends with a table cell
    for k, line in enumerate(lines):
        cell = k in table
        if pending and _is_break_point(line):
            out.append(pending)  # a number before another heading: nothing to join it with
            protected, fresh = True, False
        elif pending:  # a lone opening bracket or number: the heading goes on on this line
            line = pending + line
        pending = ""
        if line in ("（", "(") or _is_lone_number(line):
            pending = line  # （ / 三）改革开放…; （一） / 进一步创造良好的经济环境。
            continue
        if (
            not protected
            and not _is_break_point(line)
            and _continues(out[-1], line)
            and not (fresh and is_unnumbered_heading(out[-1], line))
            and (not (cell or prev_cell) or _must_continue(out[-1], line))
        ):
            out[-1] += line
            fresh = False
            protected = _closed_heading(out[-1])  # a heading whose title is now whole ends here
            prev_cell = cell
            continue
        prev_cell = cell
        fresh = not out or protected or out[-1][-1] in _SENTENCE_END
        out.append(line)
        # After a bare label (第一章, 附件1) the next line is its title: keep it apart too. A
        # heading line that stops inside a quotation goes on, like any sentence.
        protected = _closed_heading(line) or (out[-2:-1] != [] and _is_bare_label(out[-2]))
    if pending:
        out.append(pending)
    return out


def _is_lone_number(line: str) -> bool:
    """A heading number alone on its line whose style needs text after it (（一）, 一、): the
    source put the heading's text on the next line. Styles that stand alone (第一章) are not."""
    if len(line) > 8:
        return False
    marker = styles.match(line + "文")
    return marker is not None and not marker.style.bare and marker.number == line and marker.rest == "文"


_MID_SENTENCE_ENDINGS = tuple("的和与及或在是为对把从等并而")
"""A line ending in one of these stops mid-sentence: it is no heading (…经济社会发展的 / 主要目标)."""


def is_unnumbered_heading(line: str, nxt: str | None) -> bool:
    """A heading without a number: a short title line before a paragraph of sentences.

    Provincial work reports title their parts without numbers (“十四五”时期工作回顾 / 2026年重点
    工作). Such a line has no punctuation and no spaces, does not stop mid-sentence, and comes after
    a finished sentence (the caller checks) and before a paragraph (``nxt``) that does not go on
    from it. Spaced titles (国 务 院 工 作 规 则) and signatures (国务院, then a date) are not.
    """
    if nxt is None or not 4 <= len(line) <= 25 or not _han_count(line, 2):
        return False
    if any(ch in line for ch in "。，；：！？、,;:!?") or any(ch.isspace() for ch in line):
        return False
    if line.startswith("——") or line.endswith(_MID_SENTENCE_ENDINGS) or _is_break_point(line):
        return False
    if nxt[0] in _CONTINUES or nxt[0] in _NEVER_STARTS or nxt.startswith("是"):
        return False
    if "。" in nxt and len(nxt) > 25:
        return True
    first_item = styles.match(nxt)
    return first_item is not None and first_item.value == 1  # 名词解释 / 1.“两重”：… starts a list


def _closed_up(line: str) -> str:
    """A letter-spaced title line closed up (协 调 委 员 会 -> 协调委员会); other lines as they are."""
    return "".join(line.split()) if _is_spaced(line) else line


def _is_bare_label(line: str) -> bool:
    marker = styles.match(line)
    attachment = styles.attachment(line)
    return (marker is not None and not marker.rest) or (attachment is not None and not attachment.title)


@dataclass
class _Node:
    """A heading under construction; children are appended while lines stream in."""

    kind: HeadingKind | None
    number: str
    title: str
    style: Style | None = None
    value: int = 0
    rest: str = ""
    """The heading line's text: a measure if the heading ends up with nothing under it."""
    article: bool = False
    """An article (第十二条, or 五、… with its text under 第X章): its （一） items are measures."""
    children: list[_Node | tuple[int, int, int]] = field(default_factory=list)

    @property
    def rank(self) -> int:
        return self.style.rank if self.style else 0


class _Builder:
    """Streams lines into a tree below ``root`` (paragraphs are shared by every builder)."""

    def __init__(
        self,
        root: _Node,
        paragraphs: list[str],
        loose: _Node | None = None,
        cells: Set[str] = frozenset(),
        marked: Mapping[str, int] | None = None,
    ) -> None:
        self.root = root
        self.marked = marked or {}
        """Lines the file format marks: headings with their level, table rows with 0 (stated.py)."""
        self.cells = cells
        """A table's cell lines (see ``table_rows``): text, never an unnumbered heading."""
        self.paragraphs = paragraphs
        self.stack: list[_Node] = [root]
        self.loose = loose
        """Where text before the first heading goes (None: into a preamble made when needed)."""
        self.preamble: _Node | None = None
        self.headed = False
        """A heading has been made (kept as a flag: asking the root's children would be quadratic)."""

    def feed(self, lines: Sequence[str], plain: Set[int] = frozenset()) -> None:
        """Add ``lines`` in order; those whose index is in ``plain`` are text even if numbered."""
        skip_title = False
        for k, line in enumerate(lines):
            if skip_title:
                skip_title = False
                continue
            marker = None if k in plain else marked_marker(line, self.marked) or styles.match(line)
            if marker is None and k not in plain and self._unnumbered(lines, k):
                marker = Marker(self._unnumbered_style(line), "", 0, line)
            if marker is None or self._inside_article(marker):
                if line.startswith(_ADDRESS):
                    self._close_items()
                self._paragraph(line, self._target())
                continue
            title_line = None
            if (
                not marker.rest
                and marker.style.key != "article"  # 第一条 / its text: measures, never a title
                and k + 1 < len(lines)
                and _is_title_line(lines[k + 1])
            ):
                title_line = lines[k + 1]  # 第一章 / 总则: the title on the next line
                skip_title = True
            self._heading(marker, title_line, _list_goes_on(lines, k, marker, plain))
        self.close()

    def close(self) -> None:
        while len(self.stack) > 1:
            self._pop()

    def has_headings(self) -> bool:
        return any(isinstance(c, _Node) for c in self.root.children)

    def _close_items(self) -> None:
        """Close open 一是/第一， items: the speaker turns back to the whole section."""
        while len(self.stack) > 1 and self.stack[-1].style is not None and self.stack[-1].style.run_in_item:
            self._pop()

    def _unnumbered(self, lines: Sequence[str], k: int) -> bool:
        """An unnumbered heading: see ``is_unnumbered_heading``; never inside an article, but for
        a law's own unnumbered divisions (附则 after 第二编), which close the article before them."""
        if self._legal_rank(lines[k]):
            return True
        if (
            self.stack[-1].article
            or k == 0
            or lines[k - 1][-1] not in _SENTENCE_END
            or lines[k] in self.cells
        ):
            return False
        if not self.headed and styles.ends_like_title("".join(lines[k].split())):
            # The title of a document a notice forwards (…印发给你们 / 国务院办公厅 / 某某工作方案):
            # its 一、… are the main divisions; the title line stays text of the preamble.
            return False
        return is_unnumbered_heading(lines[k], lines[k + 1] if k + 1 < len(lines) else None)

    def _legal_rank(self, line: str) -> int:
        """For a law's unnumbered division (附则), the rank of the highest numbered division open
        above it (1 for 第X编 … 4 for 第X条); 0 for any other line or outside a law."""
        if "".join(line.split()) not in _LEGAL_DIVISIONS:
            return 0
        return min((n.rank for n in self.stack[1:] if n.rank), default=0)

    def _unnumbered_style(self, line: str) -> Style:
        """UNNUMBERED, or for a law's 附则 the rank of its highest numbered division (编 or 章), so
        the articles after it nest under it as they do under 第X编."""
        rank = self._legal_rank(line)
        if rank in (1, 2):
            return LEGAL_PART if rank == 1 else LEGAL_CHAPTER
        return UNNUMBERED

    def _inside_article(self, marker: Marker) -> bool:
        """An item of the open article ((一)… under 第十二条): one of its measures, not a heading."""
        top = self.stack[-1]
        return top.article and marker.style.rank == 0 and marker.style not in (top.style, UNNUMBERED)

    def _target(self) -> _Node:
        if len(self.stack) > 1:
            return self.stack[-1]
        if self.loose is not None:
            return self.loose
        if self.preamble is None:
            self.preamble = _Node("preamble", "", PREAMBLE_TITLE)
        return self.preamble

    def _paragraph(self, text: str, target: _Node) -> None:
        p = len(self.paragraphs)
        self.paragraphs.append(text)
        target.children.extend((p, start, end) for start, end in sentence_spans(text))

    def _pop(self) -> None:
        node = self.stack.pop()
        if not node.children and node.rest:
            # A list item that is only its line (讨论法律草案、审议行政法规草案；): searchable.
            self._paragraph(node.rest, node)

    def _parent_for(self, marker: Marker) -> None:
        """Pop the stack to where a heading with ``marker`` belongs."""
        style = marker.style
        if style is UNNUMBERED:
            self._pop_above(1)  # a part of the document: at the top, like its numbered parts
        elif style.rank:
            while len(self.stack) > 1 and (self.stack[-1].rank == 0 or self.stack[-1].rank >= style.rank):
                self._pop()
        else:
            self._pop_above(self._list_place(marker))

    def _pop_above(self, depth: int) -> None:
        """Close what is open until the stack is ``depth`` deep."""
        while len(self.stack) > depth:
            self._pop()

    def _list_place(self, marker: Marker) -> int:
        """For a heading of a style ranked by order of use, how deep the stack stays below it."""
        style = marker.style
        same = [j for j in range(len(self.stack) - 1, 0, -1) if self.stack[j].style is style]
        if not same:
            return len(self.stack)  # a style not open yet: one level below what is
        follows = [i for i in same if self.stack[i].value + 1 == marker.value]
        if not follows:
            # A list starting again nests under the nearest open item of its style (一、 under
            # 二、), beside any lower list already open there: 三、 / （一） / （二） / 一、 puts the
            # new 一、 beside （一）（二）, since the document used 一、 above （一） first.
            return same[0] + 1 if marker.value == 1 else same[0]
        # 三、 could go on the nested 一、二、 or the outer list: the one whose lines look alike
        # (headings with sentences in them, or bare titles) wins; the nearer one otherwise.
        alike = [i for i in follows if _carries_text(self.stack[i].rest) == _carries_text(marker.rest)]
        return alike[0] if len(follows) > 1 and alike else follows[0]

    def _heading(self, marker: Marker, title_line: str | None, list_goes_on: bool = False) -> None:
        self.headed = True
        self._parent_for(marker)
        rest = title_line if title_line is not None else marker.rest
        title = _short_title(marker.title_text if title_line is None else "".join(title_line.split()))
        if marker.style.key == "article":
            title = ""  # 第十二条 has no title of its own: its text is its measures (the tree previews it)
        node = _Node(marker.style.kind, marker.number, title, marker.style, marker.value, rest)
        parent = self.stack[-1]
        # 第X条, or a numbered paragraph carrying its text right under 第X章 (the State Council's
        # rules number their articles 一、…五十四、 through the chapters).
        node.article = marker.style.key == "article" or (
            marker.style.rank == 0 and 0 < parent.rank < 4 and _carries_text(rest)
        )
        parent.children.append(node)
        self.stack.append(node)
        if _carries_text(rest) or (node.article and rest and title_line is None):
            self._paragraph(rest, node)
            if marker.style.run_in_item and parent is not self.root and _is_run_in(rest) and not list_goes_on:
                # 一是…。…。 inside a section, the list's last item: the paragraph alone; what
                # follows goes on with the section.
                self._pop()


def _carries_text(rest: str) -> bool:
    """A heading line with sentences in it keeps them as measures (the title alone would lose them).

    A line ending in ： or ； is the start of a sentence its items finish (主要任务是：).
    """
    return (
        any(ch in rest for ch in "。！？") or len(rest) > MAX_TITLE or rest.endswith(("：", "；", ":", ";"))
    )


def _list_goes_on(lines: Sequence[str], k: int, marker: Marker, plain: Set[int]) -> bool:
    """Whether the next numbered line after ``k`` is the next item of the same list (第三，… then
    paragraphs, then 第四，…): the paragraphs in between belong to item ``k``.

    Each call reads only up to the next numbered line, so a document is read once overall.
    """
    if not marker.style.run_in_item:
        return False
    for j in range(k + 1, len(lines)):
        if j in plain:
            continue
        following = styles.match(lines[j])
        if following is not None:
            return following.style is marker.style and following.value == marker.value + 1
    return False


def _is_run_in(rest: str) -> bool:
    """More than a title: the item's paragraph goes on after its first sentence."""
    return len(rest) > MAX_TITLE or len(sentence_spans(rest)) > 1


def _is_title_line(line: str) -> bool:
    return len(line) <= MAX_TITLE and not any(ch in line for ch in "。！？；，") and not _is_break_point(line)


_LABEL_COLON = re.compile(r"：|(?<!\d):(?!//|\d)")
"""The colon that ends a run-in label: full-width, or an ASCII one that is not part of a time
(9:30) or an address (https://…), which would cut a heading in the middle."""


def _short_title(text: str) -> str:
    """The heading's title: its first sentence (or the label before a ：), shortened for the tree."""
    spans = sentence_spans(text)
    first = text[spans[0][0] : spans[0][1]] if spans else text
    label = _LABEL_COLON.search(first)
    if label and 0 < label.start() <= 20 and label.start() < len(first) - 1:
        first = first[: label.start()]  # 一、元旦：2018年12月30日至…共3天。 -> 元旦
    first = first.rstrip("。！？!?；;,，：:")
    return shorten(first, MAX_TITLE)


@dataclass
class _Segments:
    main: list[str]
    plain: set[int]
    """Lines of ``main`` that are text although numbered: a notice's list of its attachments."""
    closing: list[str]
    closing_title: str
    attachments: list[tuple[styles.Attachment, list[str]]]


def _segments(lines: Sequence[str]) -> _Segments:
    """Cut the logical lines into main text, closing and attachments.

    An attachment starts at a label line (附件, 附件1, 附件2：名词解释). When the document has
    bare labels (附件 alone, its title below), a label with a title after a colon is the notice's
    list of its attachments (附件：国务院职业教育工作部际联席会议制度), not one of them.
    """
    labels = [styles.attachment(line) for line in lines]
    listed_titles = any(label is not None and not label.title for label in labels)
    main: list[str] = []
    plain: set[int] = set()
    attachments: list[tuple[styles.Attachment, list[str]]] = []
    current = main
    listing: Style | None = None  # the numbering of a list of attachments being read
    for line, label in zip(lines, labels, strict=True):
        if label is not None and not (label.title and listed_titles):
            current = []
            attachments.append((label, current))
            listing = None
            continue
        marker = styles.match(line)
        if current is main and listing is not None and marker is not None and marker.style is listing:
            plain.add(len(main))  # 2.湖北省巴东县…意见 under 附件：1.…
        elif styles.is_attachment_listing(line):
            first = styles.match(line.split("：", 1)[-1].split(":", 1)[-1].strip())
            listing = first.style if first else None
        else:
            listing = None
        current.append(line)
    for k, line in enumerate(main):
        if styles.is_closing_heading(line):
            return _Segments(main[:k], plain, main[k + 1 :], "".join(line.split()), attachments)
    start = _signature_start(main)
    return _Segments(main[:start], plain, main[start:], CLOSING_TITLE, attachments)


def _signature_start(lines: Sequence[str]) -> int:
    """Where a signature block (issuer lines, then a date, then bracketed notes) ends the text."""
    k = len(lines)
    while k > 0 and len(lines[k - 1]) <= 30 and lines[k - 1][0] in "（(" and lines[k - 1][-1] in "）)":
        k -= 1
    if k == 0 or not styles.is_date_line(lines[k - 1]):
        return len(lines)
    k -= 1
    j = k
    while j > 0 and k - j < 3 and styles.is_signature_line(lines[j - 1]):
        j -= 1
    return j


def build_tree(
    lines: Sequence[str], body: Sequence[int], marked: Mapping[str, int] | None = None
) -> tuple[tuple[str, ...], tuple[Heading, ...], tuple[int, ...]]:
    """The paragraphs and top-level headings of the body lines ``body`` (indexes into ``lines``),
    and the indexes of the lines left out: a flattened table's bare row numbers, which would be
    measures of their own (``1``) and mean nothing without the grid. ``marked``: lines the file
    format marks, by text: headings with their level (a web page's <h2>, Markdown's ##), table
    rows with 0 (see stated.py); each stays a line of its own."""
    kept = [(i, t) for i, t in ((i, lines[i].strip(EDGE_SPACE)) for i in body) if t]
    numbers, table = table_rows([t for _, t in kept])
    texts: list[str] = []
    cells: set[int] = set()
    for k, (_, text) in enumerate(kept):
        if k in numbers:
            continue
        if k in table:
            cells.add(len(texts))
        texts.append(text)
    parts = _segments(join_split_lines(texts, cells | marked_indexes(texts, marked)))
    paragraphs: list[str] = []
    cell_texts = frozenset(texts[k] for k in cells)
    top = _main_nodes(parts, paragraphs, cell_texts, marked)
    for label, att_lines in parts.attachments:
        title, att_lines = _attachment_title(label, att_lines)
        node = _Node("attachment", label.number, _short_title(title) if title else "")
        _Builder(node, paragraphs, loose=node, cells=cell_texts).feed(att_lines)
        top.append(node)
    frozen = tuple(_freeze(node, str(i), paragraphs, 1, None) for i, node in enumerate(top, 1))
    left_out = tuple(kept[k][0] for k in sorted(numbers))
    return tuple(paragraphs), tuple(h for h in frozen if isinstance(h, Heading)), left_out


def _main_nodes(
    parts: _Segments, paragraphs: list[str], cell_texts: Set[str], marked: Mapping[str, int] | None
) -> list[_Node]:
    """The top-level nodes of the main text and its closing (attachments come after them)."""
    root = _Node(None, "", "")
    main = _Builder(root, paragraphs, cells=cell_texts, marked=marked)
    main.feed(parts.main, parts.plain)
    top: list[_Node] = []
    if main.has_headings():
        if main.preamble is not None:
            top.append(main.preamble)
        top.extend(c for c in root.children if isinstance(c, _Node))
        if parts.closing:
            closing = _Node("closing", "", parts.closing_title)
            _Builder(closing, paragraphs, loose=closing).feed(parts.closing)
            top.append(closing)
    elif parts.main or parts.closing:
        # No structure recognised: one chapter holds every sentence.
        whole = _Node("chapter", "", BODY_TITLE)
        _Builder(whole, paragraphs, loose=whole, marked=marked).feed(
            [*parts.main, *parts.closing], parts.plain
        )
        top.append(whole)
    return top


def _attachment_title(label: styles.Attachment, lines: list[str]) -> tuple[str, list[str]]:
    """An attachment's title (its label's, else its first line or two) and the lines after it."""
    title = label.title
    if title or not lines or not _is_title_line(lines[0]):
        return title, lines
    title, lines = lines[0], lines[1:]
    if (
        lines
        and _is_title_line(lines[0])
        and not styles.ends_like_title(_closed_up(title))
        and styles.ends_like_title(_closed_up(lines[0]))
    ):
        # A title over two lines, the second maybe letter-spaced (协 调 委 员 会 组 建 方 案).
        title, lines = title + _closed_up(lines[0]), lines[1:]
    return title, lines


def _kind(node: _Node, level: int, parent: _Node | None) -> HeadingKind:
    """A node's kind: fixed by its style or place, else by where it sits (see HeadingKind)."""
    if node.kind is not None:
        return node.kind
    if node.article:
        return "article"
    if node.style is not None and node.style.run_in_item:
        return "item"
    if parent is not None and parent.kind == "attachment":
        return "section"
    return ("chapter", "section")[level - 1] if level <= 2 else "item"


def _freeze(
    item: _Node | tuple[int, int, int],
    node_id: str,
    paragraphs: Sequence[str],
    level: int,
    parent: _Node | None,
) -> Node:
    if isinstance(item, tuple):
        p, start, end = item
        return Measure(id=node_id, text=paragraphs[p][start:end], paragraph=p, start=start)
    children = tuple(
        _freeze(child, f"{node_id}.{i}", paragraphs, level + 1, item)
        for i, child in enumerate(item.children, 1)
    )
    return Heading(
        id=node_id,
        kind=_kind(item, level, parent),
        number=item.number,
        title=item.title,
        level=level,
        children=children,
    )
