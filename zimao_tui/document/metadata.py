"""The document's metadata, and which of its lines are the body (the rest is recorded as dropped).

MINIMAL version (h11-struct): the interface of SEAM11.md with the logic the parser had before
the document package (title = first line; date, time and source from the lines between it and
the first heading; a fixed list of page widgets dropped anywhere). The h11-meta branch replaces
this file with the full rules; nothing else depends on more than ``extract`` and its types.

Reasons a line is dropped (``Dropped.reason``):
- ``title``     the title line;
- ``metadata``  a line read into the metadata (date, source);
- ``furniture`` a page widget (打印本页, 【我要纠错】 ...).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import PurePath
from typing import NamedTuple

from zimao_tui.document import styles


@dataclass(frozen=True)
class Dropped:
    """A non-blank line left out of the body, and why (one of the reasons above)."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class DocMeta:
    """What the document says about itself (None where it does not say)."""

    title: str
    title_from_filename: bool
    subtitle: str | None = None
    speaker: str | None = None
    date: str | None = None
    time: str | None = None
    date_source: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Extracted:
    """The metadata, the body's line indexes in order, and every other non-blank line."""

    meta: DocMeta
    body: tuple[int, ...]
    dropped: tuple[Dropped, ...]


class _Patterns(NamedTuple):
    junk: re.Pattern[str]
    date: re.Pattern[str]
    source: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    """Compiled on the first parse, not at import (start-up reads reports from the cache)."""
    return _Patterns(
        junk=re.compile(
            r"^[【\[]?\s*(调整字体|字体[:：]?\s*[【\[]?\s*大\s*中\s*小\s*[】\]]?|字号[:：]?\s*大\s*中\s*小"
            r"|打印本页|打印|关闭窗口|关闭|分享到.*|返回顶部|收藏本页|加入收藏|扫一扫.*|【?我要纠错】?)\s*[】\]]?$"
        ),
        date=re.compile(
            r"(?P<y>(?:19|20)\d{2})\s*[-年/.]\s*(?P<m>\d{1,2})\s*[-月/.]\s*(?P<d>\d{1,2})\s*日?"
            r"(?:\s*(?P<t>\d{1,2}[:：]\d{2}(?:[:：]\d{2})?))?"
        ),
        source=re.compile(r"(?:来源|信息来源|发布机构)[:：]\s*(?P<src>.*)$"),
    )


def _is_junk(line: str) -> bool:
    return len(line) <= 40 and bool(_patterns().junk.match(line))


def extract(lines: Sequence[str], *, origin: str) -> Extracted:
    """Split ``lines`` into metadata, body and dropped lines (see the module docstring)."""
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    if not nonempty:
        return Extracted(DocMeta(PurePath(origin).stem or origin, True), (), ())
    dropped = [Dropped(nonempty[0], lines[nonempty[0]], "title")]
    date = time = source = None
    first_body = len(nonempty)
    for k, i in enumerate(nonempty[1:], 1):
        line = lines[i].strip()
        if styles.match(line):
            first_body = k
            break
        meta_date = _patterns().date.search(line)
        meta_source = _patterns().source.search(line)
        if (meta_date or meta_source) and len(line) <= 80:
            if meta_date and not date:
                date = f"{meta_date['y']}-{int(meta_date['m']):02d}-{int(meta_date['d']):02d}"
                time = (meta_date["t"] or "").replace("：", ":") or None
            if meta_source and not source:
                source = meta_source["src"].strip() or None
            dropped.append(Dropped(i, lines[i], "metadata"))
        elif _is_junk(line):
            dropped.append(Dropped(i, lines[i], "furniture"))
        else:
            first_body = k
            break
    body: list[int] = []
    for i in nonempty[first_body:]:
        if _is_junk(lines[i].strip()):
            dropped.append(Dropped(i, lines[i], "furniture"))
        else:
            body.append(i)
    meta = DocMeta(
        title=lines[nonempty[0]].strip(),
        title_from_filename=False,
        date=date,
        time=time,
        date_source="published" if date else None,
        source=source,
    )
    return Extracted(meta, tuple(body), tuple(sorted(dropped, key=lambda d: d.line)))
