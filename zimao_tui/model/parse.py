"""Text (or a file) to a Report: metadata, heading tree, measures.

Official Chinese documents number their levels as 一、 / (一) / 1. / (1) / ①, in ASCII or
full-width punctuation depending on who typed them. The parser recognises all of them,
drops the web-page furniture that copy-paste brings along, and never rewrites the
report's own characters: every measure is a verbatim slice of the decoded text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from zimao_tui.i18n import Notice
from zimao_tui.model.decode import decode
from zimao_tui.model.errors import ReportError
from zimao_tui.model.report import Heading, HeadingKind, Measure, Node, Report
from zimao_tui.model.sentences import sentence_spans
from zimao_tui.model.shorten import shorten
from zimao_tui.model.statefile import MAX_REPORT_BYTES, read_bytes

if TYPE_CHECKING:
    from zimao_tui.model.report_cache import ReportCache

REPORT_SUFFIXES = (".txt", ".text", ".md")
"""Files picked up when a folder is opened."""

_CN_NUM = "一二三四五六七八九十百零〇"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


class _Patterns(NamedTuple):
    headings: tuple[tuple[int, HeadingKind, re.Pattern[str]], ...]
    """(level, kind, pattern). The number group is the marker as written, kept verbatim."""
    junk: re.Pattern[str]
    date: re.Pattern[str]
    source: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    """The parser's patterns, compiled on the first parse rather than at import.

    The app opens its reports from the report cache without parsing, and compiling these
    would cost ~4 ms of its start-up for nothing.
    """
    return _Patterns(
        headings=(
            (1, "chapter", re.compile(rf"^(?P<num>[{_CN_NUM}]{{1,4}}、)(?P<rest>.*)$")),
            (2, "section", re.compile(rf"^(?P<num>[(（][{_CN_NUM}]{{1,4}}[)）])(?P<rest>.*)$")),
            (3, "item", re.compile(r"^(?P<num>\d{1,2}[.、．](?!\d))(?P<rest>.*)$")),
            (4, "item", re.compile(r"^(?P<num>[(（]\d{1,2}[)）])(?P<rest>.*)$")),
            (5, "item", re.compile(rf"^(?P<num>[{_CIRCLED}])(?P<rest>.*)$")),
        ),
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


_TRAILING_SPACE = "\u00a0\u3000 \t"
_MAX_TITLE = 40


@dataclass
class _Builder:
    """A heading under construction: children are appended while lines stream in."""

    kind: HeadingKind
    level: int
    number: str
    title: str
    children: list[_Builder | tuple[int, int, int]] = field(default_factory=list)


def _normalise_lines(text: str) -> list[str]:
    """Split on any newline convention and trim NBSP/ideographic spaces at line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [line.rstrip(_TRAILING_SPACE).lstrip(_TRAILING_SPACE) for line in text.split("\n")]


def _match_heading(line: str) -> tuple[int, HeadingKind, str, str] | None:
    for level, kind, pattern in _patterns().headings:
        m = pattern.match(line)
        if m and m.group("rest").strip():
            return level, kind, m.group("num"), m.group("rest")
    return None


def _is_junk(line: str) -> bool:
    return len(line) <= 40 and bool(_patterns().junk.match(line))


def _short_title(text: str) -> str:
    """The first sentence of a heading line, shortened for the tree."""
    spans = sentence_spans(text)
    first = text[spans[0][0] : spans[0][1]] if spans else text
    first = first.rstrip("。！？!?；;,，：:")
    return shorten(first, _MAX_TITLE)


def parse_text(text: str, *, encoding: str = "UTF-8", origin: str = "<text>") -> Report:
    """Parse decoded report text into a Report; raises ReportError if nothing is in it."""
    lines = _normalise_lines(text)
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    if not nonempty:
        raise ReportError(Notice("error.no_text", path=origin))

    title = lines[nonempty[0]].strip()
    date = time = source = ""
    body_start = nonempty[0] + 1
    # Metadata (date, time, source) and junk live between the title and the first heading.
    for i in nonempty[1:]:
        line = lines[i].strip()
        if _match_heading(line):
            break
        meta_date = _patterns().date.search(line)
        meta_source = _patterns().source.search(line)
        is_meta_line = (meta_date or meta_source) and len(line) <= 80
        if is_meta_line:
            if meta_date and not date:
                date = f"{meta_date['y']}-{int(meta_date['m']):02d}-{int(meta_date['d']):02d}"
                time = (meta_date["t"] or "").replace("：", ":")
            if meta_source and not source:
                source = meta_source["src"].strip()
            body_start = i + 1
        elif _is_junk(line):
            body_start = i + 1
        else:
            break

    paragraphs: list[str] = []
    root = _Builder("chapter", 0, "", "")
    stack: list[_Builder] = [root]

    def add_paragraph(body: str) -> None:
        p = len(paragraphs)
        paragraphs.append(body)
        target = stack[-1]
        if target is root:  # text before any heading: an implicit chapter holds it
            implicit = _Builder("chapter", 1, "", "正文")
            root.children.append(implicit)
            stack.append(implicit)
            target = implicit
        for start, end in sentence_spans(body):
            target.children.append((p, start, end))

    for line in lines[body_start:]:
        line = line.strip(_TRAILING_SPACE)
        if not line or _is_junk(line):
            continue
        heading = _match_heading(line)
        if heading is None:
            add_paragraph(line)
            continue
        level, kind, number, rest = heading
        while len(stack) > 1 and stack[-1].level >= level:
            stack.pop()
        if stack[-1] is root and level > 1:
            # A section or item before any chapter: give it an implicit chapter.
            implicit = _Builder("chapter", 1, "", "正文")
            root.children.append(implicit)
            stack.append(implicit)
        node = _Builder(kind, level, number, _short_title(rest))
        stack[-1].children.append(node)
        stack.append(node)
        if any(ch in rest for ch in "。！？") or len(rest) > _MAX_TITLE:
            # A numbered line that carries its own sentences keeps them as measures.
            add_paragraph(rest)

    top = list(_headings(root))
    for chapter in top:
        if not chapter.number and len(top) > 1:
            chapter.title = "前言" if chapter is top[0] else "正文"
    chapters = tuple(_freeze(child, str(i), paragraphs) for i, child in enumerate(top, 1))
    report = Report(
        title=title,
        date=date,
        time=time,
        source=source,
        encoding=encoding,
        origin=origin,
        paragraphs=tuple(paragraphs),
        children=tuple(c for c in chapters if isinstance(c, Heading)),
    )
    if not any(True for _ in report.measures()):
        raise ReportError(Notice("error.no_report_text", path=origin))
    return report


def _headings(builder: _Builder) -> Iterable[_Builder]:
    return [c for c in builder.children if isinstance(c, _Builder)]


def _freeze(item: _Builder | tuple[int, int, int], node_id: str, paragraphs: Sequence[str]) -> Node:
    if isinstance(item, tuple):
        p, start, end = item
        text = paragraphs[p][start:end]
        return Measure(id=node_id, text=text, paragraph=p, start=start)
    children = tuple(_freeze(child, f"{node_id}.{i}", paragraphs) for i, child in enumerate(item.children, 1))
    return Heading(
        id=node_id,
        kind=item.kind,
        number=item.number,
        title=item.title,
        level=item.level,
        children=children,
    )


def parse_bytes(data: bytes, origin: str = "<bytes>") -> Report:
    """Decode and parse a report's raw bytes."""
    text, encoding = decode(data, origin)
    return parse_text(text, encoding=encoding, origin=origin)


def load_report(path: Path, cache: ReportCache | None = None) -> Report:
    """Read and parse one report file; every failure is a ReportError naming the file.

    With a ``cache``, a report parsed before from the same bytes is read back instead
    (the app's start-up); a new parse is kept there for next time.
    """
    try:
        data = read_bytes(path, MAX_REPORT_BYTES)  # regular files only: never /dev/zero or a FIFO
    except FileNotFoundError as exc:
        raise ReportError(Notice("error.no_such_file", path=path)) from exc
    except IsADirectoryError as exc:
        raise ReportError(Notice("error.is_directory", path=path)) from exc
    except OSError as exc:
        raise ReportError(Notice("error.unreadable", path=path, error=exc.strerror or exc)) from exc
    if cache is None:
        return parse_bytes(data, str(path))
    report = cache.load(data, str(path))
    if report is None:
        report = parse_bytes(data, str(path))
        cache.save(data, report)
    return report


def report_files(path: Path) -> list[Path]:
    """The report files a path names: itself, or a folder's *.txt files sorted by name.

    A path or folder that cannot be looked at (no permission) is a ReportError naming it.
    An entry of a folder that cannot even be stat'ed (a link into a folder the user may not
    enter) is listed anyway: reading it fails with its own one-line reason, which
    ``load_reports`` reports while it opens the rest.
    """
    try:
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if _maybe_report(p))
            if not files:
                raise ReportError(Notice("error.empty_folder", path=path, suffixes="/".join(REPORT_SUFFIXES)))
            return files
        exists = path.exists()
    except OSError as exc:  # PermissionError from stat or listing: one line, never a traceback
        raise ReportError(Notice("error.unreadable", path=path, error=exc.strerror or exc)) from exc
    if not exists:
        raise ReportError(Notice("error.no_such_path", path=path))
    return [path]


def _maybe_report(entry: Path) -> bool:
    """Whether a folder entry is to be opened: a file with a report suffix, or one whose
    type cannot be known (stat refused), so that its failure is reported rather than hidden."""
    if entry.suffix.lower() not in REPORT_SUFFIXES:
        return False
    try:
        return entry.is_file()
    except OSError:
        return True


def load_reports(
    paths: Sequence[Path], cache: ReportCache | None = None, skipped: list[Notice] | None = None
) -> list[Report]:
    """Load every report the given files and folders name, in order, each file once.

    ``--report DIR --report DIR/a.txt`` or ``zimao-tui a.txt a.txt`` would otherwise show
    the same report twice and double every search hit. A file named on its own that fails
    raises ReportError. With a ``skipped`` list, a file found in a folder that fails is left
    out and a Notice saying why goes into the list: one empty or binary file must not keep
    the other ninety-nine of a folder from opening (a folder that yields no report at all
    still raises). Without the list, every failure raises.
    """
    seen: set[Path] = set()
    files: list[tuple[Path, bool]] = []  # (file, came from a folder)
    for path in paths:
        for file in report_files(path):
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append((file, file != path))
    reports: list[Report] = []
    first_error: ReportError | None = None
    for file, in_folder in files:
        try:
            reports.append(load_report(file, cache))
        except ReportError as exc:
            if skipped is None or not in_folder:
                raise
            first_error = first_error or exc
            skipped.append(Notice("notice.report_skipped", error=exc))
    if not reports and first_error is not None:
        raise first_error
    return reports
