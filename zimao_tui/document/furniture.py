"""Page furniture: the lines a copied or scraped web page brings along, one small rule each.

The patterns are data (``content/furniture.toml``, extended by ``<config dir>/furniture.toml``),
so a user who meets a new site's widgets adds a line to a file instead of waiting for a
release. Each public function answers one question about one line; ``metadata.extract``
decides where in the document each rule applies (before the title, inside the body, after it).
A broken user file never stops a document from opening: it is ignored and reported through
``furniture_notices()``.
"""

from __future__ import annotations

import re
import zlib
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from zimao_tui.i18n import Notice
from zimao_tui.paths import config_dir, content_dir

FURNITURE_FILE = "furniture.toml"

_SENTENCE_END = "。！？!?；;"

_SCHEMA: dict[str, tuple[str, ...]] = {
    "lines": ("anywhere", "widgets", "navigation", "captions"),
    "ends": ("related", "licence", "footer"),
    "labels": ("anywhere", "page"),
}
"""The tables and keys a furniture file may have (each a list of strings)."""
_PLAIN = {("labels", "anywhere"), ("labels", "page")}
"""Lists of plain words rather than regular expressions."""


class Rules(NamedTuple):
    """The compiled furniture rules: one whole-line pattern per list, labels as one pattern.

    A NamedTuple, not a dataclass: the app imports this module at start-up (for the user
    file's warnings), and a dataclass costs ~5 ms to create there.
    """

    anywhere: re.Pattern[str]
    widgets: re.Pattern[str]
    navigation: re.Pattern[str]
    captions: re.Pattern[str]
    related: re.Pattern[str]
    licence: re.Pattern[str]
    footer: re.Pattern[str]
    labels_anywhere: frozenset[str]
    labels_page: frozenset[str]
    label: re.Pattern[str]
    """Any label followed by its colon, longest label first (责任编辑 before 编辑)."""


@cache
def _small() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Spaces, Chinese characters, breadcrumb separators: compiled on first use, not at import."""
    return re.compile(r"[\s\u3000\u00a0]+"), re.compile(r"[\u3400-\u9fff]"), re.compile(r"[>＞»›/|｜]+")


def squeeze(line: str) -> str:
    """The line without any spaces: furniture patterns match this, so `索 引 号：` is `索引号：`."""
    return _small()[0].sub("", line)


def is_sentence_like(line: str) -> bool:
    """Whether a line reads as running text: it has a sentence mark or is long."""
    text = line.strip()
    return len(text) > 60 or any(mark in text for mark in _SENTENCE_END)


def has_cjk(line: str) -> bool:
    """Whether the line holds any Chinese character (a bare `false` or `-->` does not)."""
    return bool(_small()[1].search(line))


@cache
def rules() -> Rules:
    """The bundled rules plus the user's, compiled once per process."""
    path = content_dir() / FURNITURE_FILE
    bundled = _read(path)
    if isinstance(bundled, Notice):  # the shipped file is part of the program: fail loudly
        raise RuntimeError(str(bundled))
    lists, problems = _lists(bundled, path, check_patterns=False)
    if problems:
        raise RuntimeError("; ".join(str(p) for p in problems))
    for key, values in _user_lists()[0].items():
        lists[key] = lists[key] + values
    return _compile(lists)


def furniture_notices() -> tuple[Notice, ...]:
    """Warnings about the user's furniture file (unreadable, not TOML, a bad pattern), if any.

    Reads only the user's file (a stat when there is none), so the app can call it at start-up
    without compiling any rule.
    """
    return _user_lists()[1]


def fingerprint() -> int:
    """A CRC of the bundled and the user's furniture files: a parse cached under other rules is stale."""
    crc = 0
    for path in (content_dir() / FURNITURE_FILE, config_dir() / FURNITURE_FILE):
        try:
            crc = zlib.crc32(path.read_bytes(), crc)
        except OSError:
            crc = zlib.crc32(b"-", crc)
    return crc


def reload_rules() -> None:
    """Forget the compiled rules, so the next use reads the files again (the user edited theirs)."""
    _user_lists.cache_clear()
    rules.cache_clear()


@cache
def _user_lists() -> tuple[dict[tuple[str, str], list[str]], tuple[Notice, ...]]:
    """The user's lists, checked, and what was wrong with their file; empty when there is none."""
    path = config_dir() / FURNITURE_FILE
    if not path.is_file():
        return {}, ()
    doc = _read(path)
    if isinstance(doc, Notice):
        return {}, (doc,)
    lists, problems = _lists(doc, path)
    return lists, tuple(problems)


def _read(path: Path) -> dict[str, Any] | Notice:
    from zimao_tui.store.tomlcompat import TOMLDecodeError, loads

    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return Notice("notice.furniture_unreadable", error=exc, path=path)
    try:
        return dict(loads(raw))
    except TOMLDecodeError as exc:
        return Notice("notice.furniture_invalid", error=exc, path=path)


def _lists(
    doc: dict[str, Any], path: Path, *, check_patterns: bool = True
) -> tuple[dict[tuple[str, str], list[str]], list[Notice]]:
    """Every known list of the file, checked: unknown keys, wrong types and bad patterns are notices."""
    lists: dict[tuple[str, str], list[str]] = {(t, k): [] for t, keys in _SCHEMA.items() for k in keys}
    problems: list[Notice] = []
    for table, entries in doc.items():
        if table not in _SCHEMA or not isinstance(entries, dict):
            problems.append(Notice("notice.furniture_key", key=table, path=path))
            continue
        for key, values in entries.items():
            if key not in _SCHEMA[table]:
                problems.append(Notice("notice.furniture_key", key=f"{table}.{key}", path=path))
                continue
            if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
                problems.append(Notice("notice.furniture_not_list", key=f"{table}.{key}", path=path))
                continue
            for value in values:
                if check_patterns and (table, key) not in _PLAIN:
                    try:
                        re.compile(value)
                    except re.error as exc:
                        problems.append(
                            Notice("notice.furniture_pattern", pattern=value, error=exc, path=path)
                        )
                        continue
                lists[(table, key)].append(value)
    return lists, problems


def _whole(patterns: list[str]) -> re.Pattern[str]:
    if not patterns:
        return re.compile(r"(?!)")
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\Z")


def _compile(lists: dict[tuple[str, str], list[str]]) -> Rules:
    anywhere = frozenset(squeeze(w) for w in lists[("labels", "anywhere")])
    page = frozenset(squeeze(w) for w in lists[("labels", "page")])
    labels = sorted(anywhere | page, key=len, reverse=True)
    return Rules(
        anywhere=_whole(lists[("lines", "anywhere")]),
        widgets=_whole(lists[("lines", "widgets")]),
        navigation=_whole(lists[("lines", "navigation")]),
        captions=_whole(lists[("lines", "captions")]),
        related=_whole(lists[("ends", "related")]),
        licence=_whole(lists[("ends", "licence")]),
        footer=_whole(lists[("ends", "footer")]),
        labels_anywhere=anywhere,
        labels_page=page,
        label=re.compile("(?:" + "|".join(re.escape(w) for w in labels) + r")[:：]"),
    )


# --- one rule each -------------------------------------------------------------------------


def is_anywhere_furniture(line: str) -> bool:
    """A line nothing in a document looks like (扫一扫在手机打开当前页, 【我要纠错】, 打印本页)."""
    s = squeeze(line)
    return bool(s) and len(s) <= 40 and bool(rules().anywhere.match(s))


def is_widget(line: str) -> bool:
    """A page widget's word on its own line (全屏, 收藏, 【字号：, 加大, 还原, 减小, 】)."""
    s = squeeze(line)
    return bool(s) and len(s) <= 12 and bool(rules().widgets.match(s))


def is_navigation(line: str) -> bool:
    """A breadcrumb or site name (您的位置：首页 > 政策, 首页>正文, 中国政府网)."""
    s = squeeze(line)
    return bool(s) and len(s) <= 120 and not is_sentence_like(line) and bool(rules().navigation.match(s))


def is_caption(line: str) -> bool:
    """A photo caption: `…。记者 李森 摄`, `（新华社记者 黄敬文 摄）`, `省长赵刚作政府工作报告`."""
    s = line.strip()
    return 0 < len(s) <= 200 and bool(rules().captions.match(s))


def is_separator(line: str) -> bool:
    """A breadcrumb's separator on its own line (`>`): the segment after it is navigation too."""
    return bool(_small()[2].fullmatch(squeeze(line)))


def end_reason(line: str) -> str | None:
    """If this line ends the body (相关报道：, a licence footer, a site footer), the reason why."""
    s = squeeze(line)
    if not s or len(s) > 80:
        return None
    r = rules()
    if r.related.match(s):
        return "related"
    if r.licence.match(s):
        return "licence"
    if r.footer.match(s):
        return "furniture"
    return None


def no_text(line: str) -> bool:
    """A short line without a Chinese character or a digit (`false`, `-->`, `|`): never text.

    Digits stay: a bare `45` at the end of a notice is a cell of its own table.
    """
    s = squeeze(line)
    return bool(s) and len(s) <= 24 and not has_cjk(s) and not any(ch.isdigit() for ch in s)


def label_values(line: str) -> list[tuple[str, str]] | None:
    """The (label, value) pairs of a label–value line, or None if the line is not one.

    ``来源：解放日报`` -> [("来源", "解放日报")]; ``2022-07-05 09:52 来源:`` -> [("", "2022-07-05 09:52"),
    ("来源", "")]: a leading date is kept under the empty label. A line with a sentence mark, or
    text before its first label that is not a date, is not a label–value line.
    """
    from zimao_tui.document.numerals import only_date

    text = line.strip().strip("【】[]（）()|｜ \u3000")
    if not text or len(text) > 80 or any(mark in text for mark in "。！？!?"):
        return None
    matches = list(rules().label.finditer(text))
    if not matches:
        return None
    pairs: list[tuple[str, str]] = []
    prefix = text[: matches[0].start()].strip(" |｜\u3000")
    if prefix:
        if only_date(prefix) is None:
            return None
        pairs.append(("", prefix))
    for m, following in zip(matches, [*matches[1:], None], strict=True):
        end = following.start() if following else len(text)
        value = text[m.end() : end].strip(" |｜\u3000【】[]（）()")
        pairs.append((squeeze(m.group(0))[:-1], value))
    return pairs


def is_page_label_line(pairs: list[tuple[str, str]]) -> bool:
    """Whether a label–value line carries metadata: a page label (时间, 来源 …) or a date."""
    return any(label == "" or label in rules().labels_page for label, _ in pairs)
